"""Where a connection runs: out of its card into a gutter, along free channels, into its target.

Cards stand in sub-columns with gutters between them that no card enters; the boundaries between
lanes, and in each lane the gaps between the places of a stack, are free all across the map. A route is an orthogonal path with rounded corners
through these channels, so it never runs behind a card and its arrow head is never hidden:

- forward (to a later sub-column): out of the source's right side, along a free horizontal run,
  up or down the gutter before the target and into its left side. The run is at the source's
  height if that is free, else at the target's, else along the nearest of those free runs
  (reached up or down the gutter after the source);
- back (a loop to an earlier sub-column): out of the source's top and into the target's, over
  the cards: along the free run above the source (or the target, or the nearest free run),
  through the gutters beside them;
- within one sub-column: straight to the next card, or past the cards between them through the
  gutter at the right.

Connections that go the same way share a gutter and a free run, so a dense map bundles into a
few channels rather than a tangle; a small offset by each card's place in its stack keeps the
lines of stacked cards apart where the map is sparse, and lines into one card meet.

`Channels` is made once per layout (each sub-column's card tops, sorted); a route looks only at
the sub-columns it spans, with a binary search in each, so routing stays cheap for the canvas.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Iterable, Sequence

from . import theme

_WIDTH, _HEIGHT = theme.CARD_WIDTH, theme.CARD_HEIGHT
_STEP = theme.CARD_HEIGHT + theme.CARD_GAP_Y
_CLEARANCE = 3  # how close a horizontal run may pass a card's edge
_KAPPA = 0.5523  # control-point distance of a cubic quarter circle, per unit of radius


class Channels:
    """The free space of one layout that routes run through: card tops by sub-column (cards have
    one size, so a top says where the card is) and the heights of the horizontal `runs` free all
    across the map (sorted): the lane boundaries and, in each lane, the gaps between the places
    of a stack (cards of one lane share those places, whatever their stage)."""

    def __init__(self, cards: Iterable, runs: Sequence[float]):
        tops: dict[float, list[float]] = defaultdict(list)
        for card in cards:
            tops[card.x].append(card.y)
        for column in tops.values():
            column.sort()
        self.tops = dict(tops)
        self.xs = sorted(tops)
        self.runs = tuple(runs)

    def right_gutter(self, x: float) -> float:
        """The middle of the gutter right of the sub-column at `x` (a stage's edge at most a cell's
        padding away)."""
        i = bisect_right(self.xs, x)
        gap = self.xs[i] - x - _WIDTH if i < len(self.xs) else 2 * theme.CELL_PADDING
        return x + _WIDTH + min(gap / 2, theme.CELL_PADDING)

    def left_gutter(self, x: float) -> float:
        i = bisect_left(self.xs, x) - 1
        gap = x - self.xs[i] - _WIDTH if i >= 0 else 2 * theme.CELL_PADDING
        return x - min(gap / 2, theme.CELL_PADDING)

    @staticmethod
    def track(card) -> float:
        """The offset of a card's lines in a shared gutter or free run, by its height: the three
        cards of a stack, a stack's step apart, get three tracks, so their lines run side by
        side rather than on top of each other."""
        return (card.y // _STEP % 3 - 1) * theme.ROUTE_TRACK

    def free(self, y: float, x0: float, x1: float) -> bool:
        """Whether a horizontal run at `y` from `x0` to `x1` passes no card."""
        low, high = min(x0, x1), max(x0, x1)
        xs = self.xs
        for i in range(bisect_right(xs, low - _WIDTH), bisect_left(xs, high)):
            tops = self.tops[xs[i]]
            j = bisect_left(tops, y + _CLEARANCE)
            if j and tops[j - 1] + _HEIGHT > y - _CLEARANCE:
                return False
        return True

    @staticmethod
    def above(card) -> float:
        """The height of the free run just above `card`, in the gap to the card stacked above it
        or in the cell's padding (free across the map, as every cell has it)."""
        return card.y - min(theme.CARD_GAP_Y, theme.CELL_PADDING) / 2

    def between(self, source, target) -> bool:
        """Whether a card of the same sub-column lies between `source` and `target`."""
        tops = self.tops.get(source.x, ())
        low, high = sorted((source.y, target.y))
        return bisect_right(tops, high - 1) - bisect_right(tops, low) > 0

    def run_near(self, y0: float, y1: float) -> float:
        """The free run that makes the shortest way from `y0` to `y1`: between them if one is,
        nearest their middle (the upper of two as near), else the nearest to them."""
        runs = self.runs
        if not runs:
            return min(y0, y1) - theme.CELL_PADDING
        middle = (y0 + y1) / 2
        i = bisect_left(runs, middle)
        if i == len(runs) or (i and middle - runs[i - 1] <= runs[i] - middle):
            return runs[i - 1]
        return runs[i]


NO_CHANNELS = Channels((), ())  # for a route drawn while a card is dragged: no cards in the way


def waypoints(source, target, channels: Channels, tracks: bool = True) -> tuple[float, ...]:
    """The corners of the route from card `source` to card `target`, ends included, flat as
    (x0, y0, x1, y1, ...). Without `tracks`, routes through one channel run on one line, so that
    they can be drawn as a bundle (see `model.bundles`)."""
    sx, sy, tx, ty = source.x, source.y, target.x, target.y
    track = channels.track if tracks else _untracked
    if tx > sx:
        return _forward(source, target, channels, track)
    if tx < sx:
        return _back(source, target, channels, track)
    x = sx + _WIDTH / 2
    if not channels.between(source, target):
        return (x, sy + _HEIGHT, x, ty) if ty > sy else (x, sy, x, ty + _HEIGHT)
    gutter = channels.right_gutter(sx) + track(source)
    right, y0, y3 = sx + _WIDTH, sy + _HEIGHT / 2, ty + _HEIGHT / 2
    return (right, y0, gutter, y0, gutter, y3, right, y3)


def _untracked(card) -> float:
    return 0.0


def _forward(source, target, channels: Channels, track) -> tuple[float, ...]:
    x0, y0 = source.x + _WIDTH, source.y + _HEIGHT / 2
    x3, y3 = target.x, target.y + _HEIGHT / 2
    into = channels.left_gutter(target.x) + track(target)
    if channels.free(y0, x0, into):
        return _simplified(x0, y0, into, y0, into, y3, x3, y3)
    out = channels.right_gutter(source.x) + track(source)
    if channels.free(y3, out, x3):
        return _simplified(x0, y0, out, y0, out, y3, x3, y3)
    run = channels.run_near(y0, y3) + track(source)
    return _simplified(x0, y0, out, y0, out, run, into, run, into, y3, x3, y3)


def _back(source, target, channels: Channels, track) -> tuple[float, ...]:
    x0, x3 = source.x + _WIDTH / 2, target.x + _WIDTH / 2
    y_out, y_in = channels.above(source), channels.above(target)
    start, end = (x0, source.y), (x3, target.y)
    if y_out == y_in and channels.free(y_out, x3, x0):
        return (*start, x0, y_out, x3, y_out, *end)
    out = channels.left_gutter(source.x) + track(source)
    into = channels.right_gutter(target.x) + track(target)
    if channels.free(y_out, into, x0):
        return _simplified(*start, x0, y_out, into, y_out, into, y_in, x3, y_in, *end)
    if channels.free(y_in, x3, out):
        return _simplified(*start, x0, y_out, out, y_out, out, y_in, x3, y_in, *end)
    run = channels.run_near(y_out, y_in) + track(source)
    return _simplified(*start, x0, y_out, out, y_out, out, run, into, run, into, y_in, x3, y_in, *end)


def _simplified(*xy: float) -> tuple[float, ...]:
    """The path through the points (x0, y0, x1, y1, ...) flat, without repeats and without
    corners that are not turns."""
    kept = [xy[0], xy[1]]
    for i in range(2, len(xy), 2):
        x, y = xy[i], xy[i + 1]
        if x == kept[-2] and y == kept[-1]:
            continue
        if len(kept) > 2 and (kept[-4] == kept[-2] == x or kept[-3] == kept[-1] == y):
            kept[-2:] = x, y
            continue
        kept += x, y
    return tuple(kept)


def rounded(flat: tuple[float, ...]) -> tuple[float, ...]:
    """The orthogonal path through `points` as cubic pieces (c1x, c1y, c2x, c2y, x, y), flat:
    straight pieces with their controls at their ends, each corner a quarter circle of
    `theme.ROUTE_CORNER_RADIUS` (smaller where a leg is short)."""
    points = list(zip(flat[::2], flat[1::2]))
    curves: list[float] = []
    x, y = points[0]
    corner = theme.ROUTE_CORNER_RADIUS
    for i in range(1, len(points) - 1):
        cx, cy = points[i]
        nx, ny = points[i + 1]
        # Legs are horizontal or vertical: a leg's length is the sum of its two differences' sizes.
        ix, iy, ox, oy = cx - x, cy - y, nx - cx, ny - cy
        leg_in, leg_out = abs(ix + iy), abs(ox + oy)
        ix, iy, ox, oy = ix / leg_in, iy / leg_in, ox / leg_out, oy / leg_out
        radius = min(corner, leg_in / 2, leg_out / 2)
        ax, ay, bx, by = cx - ix * radius, cy - iy * radius, cx + ox * radius, cy + oy * radius
        pull = radius * _KAPPA
        if ax != x or ay != y:
            curves += (x, y, ax, ay, ax, ay)
        curves += (ax + ix * pull, ay + iy * pull, bx - ox * pull, by - oy * pull, bx, by)
        x, y = bx, by
    ex, ey = points[-1]
    curves += (x, y, ex, ey, ex, ey)
    return tuple(curves)
