"""PowerPoint decks of a map (python-pptx): slides a consultant edits rather than redraws.

A title slide, an overview with the whole map as native shapes (`overview`), a slide per stage
(continued when its touchpoints do not fit one) with speaker notes, and a findings slide.
Text is sized by `text_fit` so it never overflows; the look comes from `style`.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Callable

from model.errors import JourneyFileError
from model.journey_file import write_atomically
from model.journey_map import JourneyMap

from .style import DEFAULT_SLIDE_SIZE, SLIDE_SIZES


def write_deck(journey: JourneyMap, path: str | Path, slide_size: str = DEFAULT_SLIDE_SIZE,
               progress: Callable[[int, int], None] | None = None, folder: Path | None = None) -> None:
    """Write the map's deck to `path` atomically; `JourneyFileError` if it cannot be written.
    `folder` is the map's, where its persona photos are found."""
    from .deck import build_deck  # python-pptx loads only when a deck is made, not with the slide sizes

    data = BytesIO()
    build_deck(journey, slide_size, progress, folder).save(data)
    try:
        write_atomically(path, data.getvalue())
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be written: {error.strerror or error}") from None


__all__ = ["write_deck", "SLIDE_SIZES", "DEFAULT_SLIDE_SIZE"]
