"""Where the room's marks go on the map: a card's vote dots and a blueprint line's label.

Vote dots are a row on the card's top edge, right-aligned before the emotion face, like sticky
dots on a wall; past `theme.VOTE_DOTS_SHOWN` dots, one dot and a "×12" count. A blueprint line's
label sits above the line's left end, right of the lane header. The canvas and the PDF both
place them from here (card or map coordinates, y down), so print shows them where the screen does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import theme
from .layout import Point, Rect

LABEL_PADDING = 6


@dataclass(frozen=True)
class VoteDots:
    dots: tuple[Rect, ...]  # one circle each, in its bounding square
    count: str  # "×12" when the dots are too many to show, else ""
    count_box: Rect | None  # the white pill the count is written on


def vote_dots(dots: int, text_width: Callable[[str], float]) -> VoteDots:
    """The dots of a card with `dots` votes; `text_width` measures the count in the painter's font."""
    size = theme.VOTE_DOT_SIZE
    right = theme.CARD_WIDTH - theme.CARD_PADDING - theme.EMOTION_FACE_SIZE - 6
    shown = dots if dots <= theme.VOTE_DOTS_SHOWN else 1
    circles = tuple(Rect(right - (i + 1) * (size + 2), -size / 2, size, size) for i in range(shown))
    if shown == dots:
        return VoteDots(circles, "", None)
    count = f"×{dots}"
    width = text_width(count) + LABEL_PADDING
    return VoteDots(circles, count, Rect(right - size - 4 - width, -size / 2 - 1, width, size + 2))


def blueprint_label_baseline(row: Rect, descent: float) -> Point:
    """Where the label of the line along the top of lane row `row` starts: its baseline, just above
    the line (`descent` is the label font's, so no letter touches the line)."""
    return Point(row.x + theme.LANE_HEADER_WIDTH + 6, row.y - 1 - descent)
