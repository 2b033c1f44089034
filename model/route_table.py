"""Every connection's route in one layout, read as a mapping; moved routes are worked out when read.

After an Enter on a map of 3,000 connections, some 1,400 routes right of the widened column are the
old ones moved sideways, and the canvas never reads them: their items moved with their columns. So a
table keeps, for each connection, the route object it was last made or kept as (its base) and how far
it has moved since; `table[key]` makes the moved route on first reading. The next layout takes bases
and shifts over in bulk, with no Python call per route (see `model.route_reuse`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from .layout import ConnectionKey, Route


class RouteTable(Mapping):
    """Connection key -> `Route`, in the order of `keys`. `bases[i]` is the route of `keys[i]` as last
    made or kept and `shifts[i]` how far it moved sideways since (0.0 for not at all); the lists are
    the table's own. Equal to any mapping of the same routes."""

    __slots__ = ("index", "bases", "shifts", "_read")

    def __init__(self, keys: list[ConnectionKey], bases: list[Route], shifts: list[float]):
        self.index: dict[ConnectionKey, int] = dict(zip(keys, range(len(keys))))
        self.bases = bases
        self.shifts = shifts
        self._read: dict[ConnectionKey, Route] = {}

    def __getitem__(self, key: ConnectionKey) -> Route:
        route = self._read.get(key)
        if route is None:
            i = self.index[key]
            dx = self.shifts[i]
            route = self._read[key] = self.bases[i] if dx == 0 else self.bases[i].moved(dx)
        return route

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def __iter__(self) -> Iterator[ConnectionKey]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)

    def __repr__(self) -> str:
        return f"RouteTable({dict(self.items())!r})"
