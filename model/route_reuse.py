"""Which routes of the previous layout a new layout keeps, moves or routes again.

A route depends on its two cards and on the sub-columns from one to the other and their neighbours
(which place the gutters). After one change most routes are the old ones (kept, the same object),
or the old ones moved sideways with everything they pass (right of a widened column); only the
rest are routed again. Most of that is decided once per pair of stage columns rather than per
route, so that an Enter or a drop on a map of 3,000 connections does not pay a route's worth of
checks for each of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import TYPE_CHECKING, Callable, Sequence

from . import theme
from .routing import Channels

if TYPE_CHECKING:
    from .layout import ConnectionKey, MapGeometry, Rect, Route

STEP_X = theme.CARD_STEP_X
_UNKNOWN = object()


def reuse_routes(edges: list[ConnectionKey], cards: dict[str, Rect], stage_cards: Sequence[tuple[str, ...]],
                 shifts: list[float | None], lefts: list[float], previous: MapGeometry | None,
                 channels: Channels, make: Callable[[Rect, Rect, Channels], Route],
                 ) -> tuple[dict[ConnectionKey, Route], dict[ConnectionKey, float | None]]:
    """(every route, in the order of `edges`; the routes not kept from `previous`, each with how far
    the old one was moved sideways, or None for one of another shape or new).

    `stage_cards` are each stage's card ids, `shifts` how far each stage's column moved whole (None
    for one laid out afresh) and `lefts` where each column starts. Without a previous layout every
    route is made and none is listed as moved."""
    changed = _changed_columns(previous, channels)
    if changed is None:
        return _routed_again(edges, cards, channels, make, previous.routes if previous is not None else None)
    old_cards, old_routes = previous.cards, previous.routes
    stage_at: dict[str, int] = {}
    for i, ids in enumerate(stage_cards):
        stage_at.update(dict.fromkeys(ids, i))
    pairs = zip(map(stage_at.__getitem__, map(itemgetter(0), edges)),
                map(stage_at.__getitem__, map(itemgetter(1), edges)))
    pair_shifts: dict[tuple[int, int], float | None] = {}
    moved_alike = _moved_alike(shifts, lefts)
    routes, moved = {}, {}
    for key, pair in zip(edges, pairs):
        kept = old_routes.get(key)
        if kept is not None:
            dx = pair_shifts.get(pair, _UNKNOWN)
            if dx is _UNKNOWN:
                dx = pair_shifts[pair] = _pair_shift(shifts, *pair)
            if dx == 0:
                routes[key] = kept
                continue
            if dx is not None:
                routes[key] = kept.moved(dx)
                moved[key] = dx
                continue
        source, target = cards[key[0]], cards[key[1]]
        if kept is not None:
            low, high = (source.x, target.x) if source.x <= target.x else (target.x, source.x)
            if source is old_cards[key[0]] and target is old_cards[key[1]]:
                i = bisect_left(changed, low - STEP_X)
                if i == len(changed) or changed[i] > high + STEP_X:
                    routes[key] = kept
                    continue
            else:  # moved with everything it passes, a route moves as it is
                dx = moved_alike(low - STEP_X, high + STEP_X)
                was_source, was_target = old_cards[key[0]], old_cards[key[1]]
                if dx and (source.x - was_source.x, source.y, target.x - was_target.x, target.y) == (
                        dx, was_source.y, dx, was_target.y):
                    routes[key] = kept.moved(dx)
                    moved[key] = dx
                    continue
        made = make(source, target, channels)
        if made == kept:
            routes[key] = kept
        else:
            routes[key] = made
            moved[key] = _sideways(kept, made)
    return routes, moved


def _sideways(old: Route | None, new: Route) -> float | None:
    """How far `new` is `old` moved sideways (a route beside a widened column often is, though
    not every column it depends on moved alike), or None for a new route or another shape."""
    if old is None or len(old.points) != len(new.points):
        return None
    dx = new.points[0] - old.points[0]
    return dx if dx and old.moved(dx) == new else None


def _routed_again(edges, cards, channels, make, old_routes) -> tuple[dict, dict]:
    """Every route made anew (no previous layout, or its free runs changed); one equal to the old
    one is the old object, so that a view can tell by identity what it need not draw again."""
    routes = {key: make(cards[key[0]], cards[key[1]], channels) for key in edges}
    if old_routes is None:
        return routes, {}
    moved = {}
    for key, made in routes.items():
        kept = old_routes.get(key)
        if made == kept:
            routes[key] = kept
        else:
            moved[key] = _sideways(kept, made)
    return routes, moved


def _pair_shift(shifts: list[float | None], source: int, target: int) -> float | None:
    """How far the stage columns a route between these two stages depends on all moved, when they
    kept their cards and moved alike (0 for staying put), else None. Those are the two stages,
    those between and one either side: a column is wider than a step from one sub-column to the
    next, so the gutters beside the route's cards lie in them."""
    window = shifts[max(min(source, target) - 1, 0):max(source, target) + 2]
    first = window[0]
    return first if first is not None and window.count(first) == len(window) else None


def _changed_columns(previous: MapGeometry | None, channels: Channels) -> list[float] | None:
    """The sub-columns (their x, sorted) whose cards are not where they were in `previous`, or None
    when every route must be worked out again (no previous layout, or the free runs changed).

    A route depends on the sub-columns from its source's to its target's and their neighbours
    (which place the gutters): one between two cards that stayed put is the same as before
    unless one of those changed."""
    if previous is None or previous.channels.runs != channels.runs:
        return None
    old, new = previous.channels.tops, channels.tops
    return sorted(x for x in old.keys() | new.keys() if old.get(x) != new.get(x))


def _moved_alike(shifts: list[float | None], lefts: list[float]):
    """A function of an x range: how far the stage columns it touches all moved, when they moved
    alike and each kept its cards (`shifts`, by stage, None for one laid out afresh), else None.
    A route through those columns, whose ends moved as far, is the old one moved: its gutters and
    free runs moved with it."""
    group = []  # stages in a row that moved alike share a group number
    for i, shift in enumerate(shifts):
        group.append(i if i == 0 or shift is None or shift != shifts[i - 1] else group[-1])

    def shift_of(x0: float, x1: float) -> float | None:
        first, last = max(0, bisect_right(lefts, x0) - 1), max(0, bisect_right(lefts, x1) - 1)
        return shifts[first] if lefts and group[first] == group[last] else None
    return shift_of
