"""Wayfinder: `python main.py [FILE]` opens the editor; `python main.py --help` lists the commands."""

import gc
import os
import sys

# Pydantic looks for plugins (observability hooks) by reading every installed package's metadata
# when the first model is built: 15 ms of every start, a tenth of `validate`. Wayfinder uses
# none; a user who sets the variable keeps their choice.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from app.cli import main  # noqa: E402  (after the line above, which must precede pydantic's first model)

if __name__ == "__main__":
    code = main()
    # The process ends here: the interpreter's last collection need not go over every object an
    # export made (a tenth of a PDF export's time).
    gc.freeze()
    sys.exit(code)
