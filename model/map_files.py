"""Files a map refers to (a PDF logo, persona photos, evidence files) are written as paths relative
to the map's folder where they can be, so that the map and its files move together."""

from __future__ import annotations

import os
from pathlib import Path


def relative_to_map(path: Path, folder: Path | None) -> str:
    """`path` relative to the map's folder when it is on the same drive; absolute otherwise (or for a
    map never saved)."""
    if folder is None:
        return str(path)
    try:
        return os.path.relpath(path, folder)
    except ValueError:  # another drive on Windows
        return str(path)
