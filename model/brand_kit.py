"""The brand kit of a map's PDF (client, preparer, logo, accent colour, cover note), kept in its info.

The command line and the export dialog may override it for one export; `branded` applies such
overrides with the file format's own rules, so a bad value is refused before anything is drawn.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .entities import MapInfo

BRAND_FIELDS = ("client", "author", "logo", "accent", "cover_note")  # `author` is the preparer


def branded(info: MapInfo, **overrides: str | None) -> MapInfo:
    """`info` with each brand field of `overrides` that is set (not empty) in place of the map's.

    Raises ValueError naming the field for a value the file format would refuse (an accent
    that is not #rrggbb, a name past its length)."""
    unknown = set(overrides) - set(BRAND_FIELDS)
    if unknown:
        raise TypeError(f"not brand fields: {', '.join(sorted(unknown))}")
    changes = {name: value for name, value in overrides.items() if value}
    if not changes:
        return info
    try:
        return MapInfo.model_validate({**info.model_dump(), **changes})
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"])
        raise ValueError(f"the brand {field} {changes.get(field)!r} is not valid: {problem['msg']}") from None


def logo_path(logo: str, folder: Path | None) -> Path:
    """Where the logo file is: a relative path is relative to the map's folder (the working
    folder for a map that was never saved)."""
    path = Path(logo).expanduser()
    return path if path.is_absolute() or folder is None else folder / path
