"""Wayfinder: `python main.py [FILE]` opens the editor; `python main.py --help` lists the commands."""

import os
import sys

# Pydantic looks for plugins (observability hooks) by reading every installed package's metadata
# when the first model is built: 15 ms of every start, a tenth of `validate`. Wayfinder uses
# none; a user who sets the variable keeps their choice.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from app.cli import main  # noqa: E402  (after the line above, which must precede pydantic's first model)

if __name__ == "__main__":
    sys.exit(main())
