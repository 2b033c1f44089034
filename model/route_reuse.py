"""Which routes of the previous layout a new layout keeps, moves or routes again.

A route depends on its two cards and on the sub-columns from one to the other and their neighbours
(which place the gutters). After one change most routes are the old ones (kept), or the old ones
moved sideways with everything they pass (right of a widened column); only the rest are routed
again. Most of that is decided once per pair of stage columns and taken over in bulk (see
`model.route_table`), so that an Enter or a drop on a map of 3,000 connections does not pay a
Python call for each of them. A view is told only the routes that did not move with the column of
their source: the others' items went with that column."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import islice, repeat
from operator import add, itemgetter, mul
from typing import TYPE_CHECKING, Callable, Container, Sequence

from . import theme
from .route_table import RouteTable
from .routing import Channels

if TYPE_CHECKING:
    from .layout import ConnectionKey, MapGeometry, Rect, Route

STEP_X = theme.CARD_STEP_X
_NEAR = 2 * theme.CARD_HEIGHT  # how far above or below a route's cards a card that came or went may change it
_INF = float("inf")
_NOT_ALIKE = float("nan")  # the shift of a pair of stages that did not move alike: any sum with it is NaN


def reuse_routes(edges: list[ConnectionKey], cards: dict[str, Rect], stage_cards: Sequence[tuple[str, ...]],
                 shifts: list[float | None], carries: tuple[list[float | None], Container[str]],
                 lefts: list[float], previous: MapGeometry | None,
                 channels: Channels, make: Callable[[Rect, Rect, Channels], Route],
                 ) -> tuple[RouteTable, list[ConnectionKey]]:
    """(every route, in the order of `edges`; the routes a view must place again, in that order).

    `stage_cards` are each stage's card ids, `shifts` how far each stage's column moved whole (None
    for one laid out afresh) and `lefts` where each column starts. `carries` are how far each
    stage's column moved with all in it (None for a new stage) and the cards that arrived in a column
    from another. A route is left out of those to place again when it is carried: its source stayed
    in its column and the route moved exactly as far as that column (or stayed, with it), so its
    item, which lives in that column, is already where it goes. A column laid out afresh carries
    too: undoing a drop lays out two columns again, and most of their routes stay the same.
    Without a previous layout every route is placed."""
    if previous is None:
        routes = [make(cards[source], cards[target], channels) for source, target in edges]
        return RouteTable(edges, routes, [0.0] * len(edges)), list(edges)
    stage_at: dict[str, int] = {}
    for i, ids in enumerate(stage_cards):
        stage_at.update(dict.fromkeys(ids, i))
    # Each route's pair of stages as one number (source stage * stages + target stage): a tuple each
    # would be 3,000 more objects for the cycle collector to visit.
    stages = len(stage_cards)
    source_stages = list(map(stage_at.__getitem__, map(itemgetter(0), edges)))
    target_stages = map(stage_at.__getitem__, map(itemgetter(1), edges))
    pairs = list(map(add, map(mul, source_stages, repeat(stages)), target_stages))
    changed = _changed_columns(previous, channels)
    old = previous.routes
    if changed is None:
        return _routed_again(edges, source_stages, cards, channels, make, old, carries)
    # A route whose pair of stages moved alike is its old base moved further, worked out in bulk: the
    # old shift plus the pair's, NaN for a new route or a pair that did not move alike. Only those
    # NaN ones are looked at one by one.
    at = list(map(old.index.get, edges, repeat(-1)))
    bases = list(map([*old.bases, None].__getitem__, at))
    pair_shifts = {pair: _NOT_ALIKE if (dx := _pair_shift(shifts, *divmod(pair, stages))) is None else dx
                   for pair in set(pairs)}
    moved = list(map(add, map([*old.shifts, _NOT_ALIKE].__getitem__, at), map(pair_shifts.__getitem__, pairs)))
    old_cards = previous.cards
    moved_alike = _moved_alike(shifts, lefts)
    to_place = []
    column_moves, arrived = carries
    changed_xs = [x for x, _, _ in changed]
    for i in [i for i, dx in enumerate(moved) if dx != dx]:
        key = edges[i]
        kept = old[key] if at[i] >= 0 else None
        source, target = cards[key[0]], cards[key[1]]
        # how far the item of this route went with its column
        carried_by = None if key[0] in arrived else column_moves[source_stages[i]]
        bases[i], moved[i] = kept, 0.0
        if kept is not None:
            low, high = (source.x, target.x) if source.x <= target.x else (target.x, source.x)
            if source is old_cards[key[0]] and target is old_cards[key[1]]:
                j = bisect_left(changed_xs, low - STEP_X)
                if j == len(changed_xs) or changed_xs[j] > high + STEP_X or not _reshaped(
                        changed, j, high, *sorted((source.y, target.y))):
                    if carried_by != 0:
                        to_place.append(key)
                    continue
            else:  # moved with everything it passes (its source's column too), a route moves as it is
                dx = moved_alike(low, high)
                was_source, was_target = old_cards[key[0]], old_cards[key[1]]
                if dx and (source.x - was_source.x, source.y, target.x - was_target.x, target.y) == (
                        dx, was_source.y, dx, was_target.y):
                    moved[i] = dx
                    continue
        made = make(source, target, channels)
        if made != kept:
            bases[i] = made
        if not _carried(kept, made, carried_by):
            to_place.append(key)
    return RouteTable(edges, bases, moved), to_place


def _carried(old: Route | None, new: Route, shift: float | None) -> bool:
    """Whether `new` is `old` moved as far as its source's column moved (`shift`, None for a new
    column or a card that arrived in it): a route beside a widened column often is, though not
    every column it depends on moved alike."""
    if old is None or shift is None:
        return False
    return new == old if shift == 0 else len(old.points) == len(new.points) and old.moved(shift) == new


def _routed_again(edges, source_stages, cards, channels, make, old_routes, carries) -> tuple[RouteTable, list]:
    """Every route made anew (the free runs changed); one equal to the old one stays the old object."""
    routes, to_place = [], []
    column_moves, arrived = carries
    for key, stage in zip(edges, source_stages):
        made = make(cards[key[0]], cards[key[1]], channels)
        kept = old_routes.get(key)
        routes.append(kept if kept is not None and made == kept else made)
        if not _carried(kept, made, None if key[0] in arrived else column_moves[stage]):
            to_place.append(key)
    return RouteTable(edges, routes, [0.0] * len(edges)), to_place


def _pair_shift(shifts: list[float | None], source: int, target: int) -> float | None:
    """How far the stage columns a route between these two stages depends on all moved, when they
    kept their cards and moved alike (0 for staying put), else None. Those are the two stages and
    those between: a route looks for free runs only between its cards, and the gutters beside them
    lie in their own columns (a gutter is as wide as the gap to the next sub-column of the stage,
    or the cell's padding where the next one is another stage's, always two paddings away)."""
    window = shifts[min(source, target):max(source, target) + 1]
    first = window[0]
    return first if first is not None and window.count(first) == len(window) else None


def _changed_columns(previous: MapGeometry | None, channels: Channels) -> list[tuple[float, float, float]] | None:
    """The sub-columns whose cards are not where they were in `previous`, sorted, each as (x, the
    lowest and the highest top of a card that came or went there; -inf and inf for a sub-column
    that came or went, which moves its neighbours' gutters), or None when every route must be
    worked out again (no previous layout, or the free runs changed).

    A route depends on the sub-columns from its source's to its target's and their neighbours
    (which place the gutters): one between two cards that stayed put is the same as before
    unless one of those changed near its cards' heights (see `_reshaped`)."""
    if previous is None or previous.channels.runs != channels.runs:
        return None
    old, new = previous.channels.tops, channels.tops
    changed = [(x, -_INF, _INF) for x in old.keys() ^ new.keys()]
    for x in old.keys() & new.keys():
        before, after = old[x], new[x]
        if before != after:
            came_or_went = set(before).symmetric_difference(after)
            changed.append((x, min(came_or_went), max(came_or_went)))
    return sorted(changed)


def _reshaped(changed: list[tuple[float, float, float]], first: int, high: float, top: float, bottom: float) -> bool:
    """Whether a route between cards that stayed put, at tops `top`..`bottom` and reaching right to
    `high`, may run otherwise now, `changed[first]` being the first changed sub-column within a card's
    step left of it: one within a card's step of it where a card came or went within two card
    heights of its cards' tops. Routing asks whether a run is free only at its cards' middles and
    just above them (a card blocks a run it overlaps) and whether a card lies between two in one
    sub-column, so a change farther up or down leaves it as it was."""
    for x, lowest, highest in islice(changed, first, None):
        if x > high + STEP_X:
            return False
        if lowest <= bottom + _NEAR and highest >= top - _NEAR:
            return True
    return False


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
