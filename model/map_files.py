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


def beside_map(path_text: str, folder: Path | None) -> Path | None:
    """Where a file the map names is: an absolute path as written, a relative one in the map's
    folder; None for no path, or a relative one on a map never saved."""
    if not path_text:
        return None
    path = Path(path_text).expanduser()
    if path.is_absolute():
        return path
    return folder / path if folder is not None else None


def moved_to_map(path_text: str, from_folder: Path, folder: Path | None) -> str:
    """A path written relative to one map's folder (`from_folder`) rewritten for another map's: how a
    persona brought from another map keeps their photo. Absolute paths and empty ones stay."""
    if not path_text or Path(path_text).expanduser().is_absolute():
        return path_text
    return relative_to_map(Path(os.path.normpath(from_folder / path_text)), folder)
