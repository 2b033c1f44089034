"""Where connection labels go: on their route, clear of cards, problem badges and each other.

A label sits at the middle of its curve when that spot is free; otherwise at the free spot along
the curve nearest the middle; when none is free (a label between two stacked cards), at the spot
least covered. It is drawn on a white halo over everything, so it stays readable. Text widths come from the
caller's `measure`, so any painter's font metrics serve.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from . import theme
from .layout import ConnectionKey, MapGeometry, Point, Rect

# Places along the curve to try, nearest the middle first.
CANDIDATES = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82)
LABEL_PADDING = 4  # on each side of the text, inside the halo
LABEL_MAX_WIDTH = 140  # longer labels are shortened with an ellipsis
_BUCKET = 200  # the grid obstacles are filed in, in layout units


def label_height() -> float:
    return theme.CONNECTION_LABEL_SIZE + 4


def place_labels(geometry: MapGeometry, labels: dict[ConnectionKey, str], measure: Callable[[str], float],
                 badges: dict[str, Rect]) -> dict[ConnectionKey, Rect]:
    """The halo box of each labelled connection, in route order, clear of cards, `badges` (the
    problem tabs above cards, by card), arrow heads and the labels placed before it where there is
    room. `measure(text)` is the text's width at `theme.CONNECTION_LABEL_SIZE`."""
    heads = [_arrow_head(route) for route in geometry.routes.values()]
    obstacles = _Obstacles([*geometry.cards.values(), *badges.values(), *heads])
    height = label_height()
    placed: dict[ConnectionKey, Rect] = {}
    for key, route in geometry.routes.items():
        label = labels.get(key)
        if not label:
            continue
        width = min(measure(label), LABEL_MAX_WIDTH) + 2 * LABEL_PADDING
        box = Rect(route.label.x - width / 2, route.label.y - height / 2, width, height)  # the middle
        if obstacles.hit(box):
            points = [route.point_at(t) for t in CANDIDATES]
            # Centred on the curve first, then beside it (right, left): a label beside a short
            # vertical line can clear a problem tab that its centre would cover.
            boxes = [Rect(p.x - width / 2 + shift * (width / 2 + 3), p.y - height / 2, width, height)
                     for shift in (0, 1, -1) for p in points]
            # The first free spot; with none (a label between two stacked cards), the least covered
            # of those near the middle.
            box = next((b for b in boxes if not obstacles.hit(b)), None) or \
                min(boxes[::len(CANDIDATES)] + boxes[1::len(CANDIDATES)], key=obstacles.covered)
        placed[key] = box
        obstacles.add(box)
    return placed


def _arrow_head(route) -> Rect:
    """The box around a route's arrow head."""
    tip, direction = route.end, route.arrow
    back = Point(tip.x - direction.x * theme.ARROW_LENGTH, tip.y - direction.y * theme.ARROW_LENGTH)
    half = theme.ARROW_WIDTH / 2
    left, top = min(tip.x, back.x) - half, min(tip.y, back.y) - half
    return Rect(left, top, abs(tip.x - back.x) + 2 * half, abs(tip.y - back.y) + 2 * half)


class _Obstacles:
    """Rectangles filed by grid square, so that a test looks at a few neighbours, not every card."""

    def __init__(self, rects: Iterable[Rect]):
        self.squares: dict[tuple[int, int], list[Rect]] = defaultdict(list)
        for rect in rects:
            self.add(rect)

    @staticmethod
    def _squares(rect: Rect):
        for gx in range(int(rect.x // _BUCKET), int(rect.right // _BUCKET) + 1):
            for gy in range(int(rect.y // _BUCKET), int(rect.bottom // _BUCKET) + 1):
                yield gx, gy

    def add(self, rect: Rect) -> None:
        for square in self._squares(rect):
            self.squares[square].append(rect)

    def hit(self, rect: Rect) -> bool:
        return any(rect.intersects(other) for square in self._squares(rect) for other in self.squares.get(square, ()))

    def covered(self, rect: Rect) -> float:
        """How much of `rect` the obstacles cover (overlaps counted once per obstacle)."""
        others = {id(other): other for square in self._squares(rect) for other in self.squares.get(square, ())}
        return sum(max(0.0, min(rect.right, o.right) - max(rect.x, o.x)) * max(0.0, min(rect.bottom, o.bottom) - max(rect.y, o.y))
                   for o in others.values())
