"""Connections bundled by the channel they share, for a map too dense to draw each one.

Routes run through a few gutters and free runs (see `model.routing`); drawn without their tracks,
the routes through one channel lie on one line. `bundle` cuts those lines where routes join or
leave them and counts the routes along each piece, so a painter draws every piece once, heavier
where more connections flow: a 2,000-card map reads as its main flows, not a tangle of 3,000 lines.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .layout import Route

Piece = tuple[float, float, float, float, int]  # x0, y0, x1, y1, how many routes run along it


def bundle(routes: Iterable[Route]) -> list[Piece]:
    """The straight pieces the legs of `routes` make together, each with the number of routes along it.

    >>> bundle([Route((0, 0, 10, 0)), Route((5, 0, 20, 0))])
    [(0, 0, 5, 0, 1), (5, 0, 10, 0, 2), (10, 0, 20, 0, 1)]
    """
    # (is vertical, its x or y) -> [(where a leg starts or ends along the line, +1 or -1)]
    lines: dict[tuple[bool, float], list[tuple[float, int]]] = defaultdict(list)
    for route in routes:
        p = route.points
        for i in range(0, len(p) - 2, 2):
            x0, y0, x1, y1 = p[i:i + 4]
            vertical = x0 == x1
            a, b = (y0, y1) if vertical else (x0, x1)
            if a == b:
                continue
            events = lines[vertical, x0 if vertical else y0]
            events += (min(a, b), 1), (max(a, b), -1)
    pieces: list[Piece] = []
    for (vertical, at), events in sorted(lines.items()):
        events.sort()
        count, since = 0, None
        for where, change in events:
            if count and where != since:
                pieces.append((at, since, at, where, count) if vertical else (since, at, where, at, count))
            count += change
            since = where
    return pieces
