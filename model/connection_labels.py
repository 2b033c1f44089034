"""Where connection labels go: on their route, clear of cards, problem badges and each other.

A label sits at the middle of its route when that spot is free; otherwise at the free spot along
the route, or beside it, nearest the middle; when none is free (a label between two stacked
cards), at the spot least covered. Free means clear of the other connections' lines too, where
some spot is. It is drawn on a white halo over everything, so it stays readable. Text widths come from the
caller's `measure`, so any painter's font metrics serve.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from . import theme
from .layout import ConnectionKey, MapGeometry, Point, Rect

# Places along the route to try, nearest the middle first.
CANDIDATES = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82)
_APART = 2 * theme.ROUTE_TRACK + 4  # a label beside its line clears the lines of the tracks beside it too
_BESIDE = ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))  # where a label goes from its spot, in half its size
LABEL_PADDING = 4  # on each side of the text, inside the halo
LABEL_MAX_WIDTH = 140  # longer labels are shortened with an ellipsis
_BUCKET = 200  # the grid obstacles are filed in, in layout units


def label_height() -> float:
    return theme.CONNECTION_LABEL_SIZE + 4


def place_labels(geometry: MapGeometry, labels: dict[ConnectionKey, str], measure: Callable[[str], float],
                 badges: dict[str, Rect]) -> dict[ConnectionKey, Rect]:
    """The halo box of each labelled connection, in route order, clear of cards, `badges` (the
    problem tabs above cards, by card), arrow heads and the labels placed before it where there is
    room, and clear of the other connections' lines where there is room for that too (a halo over a
    line would cut it). `measure(text)` is the text's width at `theme.CONNECTION_LABEL_SIZE`."""
    heads = [_arrow_head(route) for route in geometry.routes.values()]
    obstacles = _Obstacles([*geometry.cards.values(), *badges.values(), *heads])
    lines = _Obstacles(()) if not labels else _Obstacles(
        leg for key, route in geometry.routes.items() for leg in _legs(route, key))
    height = label_height()
    placed: dict[ConnectionKey, Rect] = {}
    for key, route in geometry.routes.items():
        label = labels.get(key)
        if not label:
            continue
        width = min(measure(label), LABEL_MAX_WIDTH) + 2 * LABEL_PADDING
        points = [route.point_at(t) for t in CANDIDATES]
        # Centred on the line first, then beside it (right, left, below, above): a label beside
        # a short vertical line can clear a problem tab that its centre would cover.
        boxes = [Rect(p.x - width / 2 + right * (width / 2 + _APART), p.y - height / 2 + down * (height / 2 + _APART),
                      width, height)
                 for right, down in _BESIDE for p in points]
        # The first spot clear of everything; else the first clear of all but lines; with none (a
        # label between two stacked cards), the least covered of those near the middle.
        box = next((b for b in boxes if not obstacles.hit(b) and not lines.hit(b, key)), None) \
            or next((b for b in boxes if not obstacles.hit(b)), None) \
            or min(boxes[::len(CANDIDATES)] + boxes[1::len(CANDIDATES)], key=obstacles.covered)
        placed[key] = box
        obstacles.add(box)
    return placed


def _legs(route, key: ConnectionKey):
    """The route's legs as thin boxes, each marked with the connection it belongs to."""
    p = route.points
    for i in range(0, len(p) - 2, 2):
        x0, y0, x1, y1 = p[i:i + 4]
        yield _Leg(min(x0, x1) - 1, min(y0, y1) - 1, abs(x1 - x0) + 2, abs(y1 - y0) + 2, key)


def _arrow_head(route) -> Rect:
    """The box around a route's arrow head."""
    tip, direction = route.end, route.arrow
    back = Point(tip.x - direction.x * theme.ARROW_LENGTH, tip.y - direction.y * theme.ARROW_LENGTH)
    half = theme.ARROW_WIDTH / 2
    left, top = min(tip.x, back.x) - half, min(tip.y, back.y) - half
    return Rect(left, top, abs(tip.x - back.x) + 2 * half, abs(tip.y - back.y) + 2 * half)


class _Leg(Rect):
    """A leg of a route as an obstacle, knowing its connection."""

    __slots__ = ("key",)

    def __init__(self, x: float, y: float, width: float, height: float, key: ConnectionKey):
        super().__init__(x, y, width, height)
        object.__setattr__(self, "key", key)


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

    def hit(self, rect: Rect, own: ConnectionKey | None = None) -> bool:
        """Whether `rect` overlaps an obstacle (a leg of connection `own` does not count)."""
        return any(rect.intersects(other) and (own is None or other.key != own)
                   for square in self._squares(rect) for other in self.squares.get(square, ()))

    def covered(self, rect: Rect) -> float:
        """How much of `rect` the obstacles cover (overlaps counted once per obstacle)."""
        others = {id(other): other for square in self._squares(rect) for other in self.squares.get(square, ())}
        return sum(max(0.0, min(rect.right, o.right) - max(rect.x, o.x)) * max(0.0, min(rect.bottom, o.bottom) - max(rect.y, o.y))
                   for o in others.values())
