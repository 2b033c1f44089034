"""Paths customers take: the easiest and the most painful between two touchpoints, and the happy path.

A step's cost is what entering a touchpoint costs the customer: how far its Accommodation falls
short of 5 (an unscored touchpoint counts as middling, 3) plus twice the severity of each of its
pain points. The easiest path has the lowest total cost. The most painful path prefers, step by
step, the touchpoints that hurt most (each step weighs `PAIN_CEILING` minus its cost), so it
finds the route a customer suffers on without the exponential search for the longest path.
"""

from __future__ import annotations

from typing import Callable, Optional

import networkx as nx

from .entities import ConnectionKind, Touchpoint
from .journey_map import JourneyMap

UNSCORED_ACCOMMODATION = 3
PAIN_CEILING = 40.0  # above any real step cost, so that every painful step weight stays positive
_OFF_MAIN_PATH = 0.5  # the happy path prefers the connections a journey is designed around


def step_cost(touchpoint: Touchpoint) -> float:
    accommodation = touchpoint.scores.accommodation
    shortfall = 5 - (accommodation if accommodation is not None else UNSCORED_ACCOMMODATION)
    return shortfall + 2 * sum(p.severity for p in touchpoint.pain_points)


def _weight(journey: JourneyMap, cost: Callable[[float], float]):
    costs = {tp.id: cost(step_cost(tp)) for tp in journey.touchpoints()}
    return lambda source, target, data: costs[target]


def _path(journey: JourneyMap, sources: list[str], targets: list[str], weight) -> Optional[list[str]]:
    """The cheapest path from any of `sources` to any of `targets` (ties go to reading order)."""
    if not sources or not targets:
        return None
    distances, paths = nx.multi_source_dijkstra(journey.graph, sources, weight=weight)
    reachable = [t for t in targets if t in distances]
    if not reachable:
        return None
    return paths[min(reachable, key=lambda t: distances[t])]


def easiest_path(journey: JourneyMap, source: str, target: str) -> Optional[list[str]]:
    """The touchpoint ids of the path customers find easiest, or None if there is no path."""
    return _path(journey, [source], [target], _weight(journey, lambda cost: cost + 1))


def most_painful_path(journey: JourneyMap, source: str, target: str) -> Optional[list[str]]:
    """The touchpoint ids of the path whose steps hurt most, or None if there is no path."""
    return _path(journey, [source], [target], _weight(journey, lambda cost: PAIN_CEILING - min(cost, PAIN_CEILING - 1)))


def happy_path(journey: JourneyMap) -> Optional[list[str]]:
    """The easiest path from a touchpoint of the first stage to one of the last, on main connections
    where it can; None when the map has no such path."""
    if len(journey.stages) < 2:
        return None
    costs = {tp.id: step_cost(tp) + 1 for tp in journey.touchpoints()}

    def weight(source: str, target: str, data: dict) -> float:
        off_main = data["connection"].kind is not ConnectionKind.main
        return costs[target] + (_OFF_MAIN_PATH if off_main else 0)

    return _path(journey, journey.touchpoints_in_stage(journey.stages[0].id),
                 journey.touchpoints_in_stage(journey.stages[-1].id), weight)
