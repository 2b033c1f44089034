"""Questions a sticky-note wall cannot answer: where the journey ends, breaks and is weakest.

Small pure functions over a `JourneyMap`. Every result names touchpoint ids in reading
order (stage, lane, place in cell), so that the canvas can highlight them and reports
list them in the order a reader meets them.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Iterable, Optional

import networkx as nx

from .evidence import Assumption, EvidenceCoverage, review_evidence
from .journey_map import JourneyMap
from .lenses import Gap, PainTally, expectation_gaps, pain_tally, stages_without_motivators, target_gaps, unscored


# What the panel, the PDF and `main.py info` say until a flow spans the map, in one place.
NO_FLOW_YET = "No flow drawn yet"
NO_FLOW_HINT = "Connect touchpoints from the first stage to the last to see dead ends and unreachable steps."


def _reading_order(journey: JourneyMap, ids: set[str]) -> list[str]:
    return [tp_id for tp_id in journey.touchpoint_ids() if tp_id in ids]


def _reach(graph: nx.DiGraph, starts: list[str], forward: bool) -> set[str]:
    """Every touchpoint reachable from `starts` (or, going backwards, that reaches them)."""
    neighbours = graph.successors if forward else graph.predecessors
    seen, frontier = set(starts), list(starts)
    while frontier:
        for nxt in neighbours(frontier.pop()):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return seen


def in_flow(journey: JourneyMap) -> set[str]:
    """Touchpoints of the drawn flow: each weakly connected group of touchpoints that links a
    touchpoint of the first stage with one of the last.

    Only these are judged for dead ends and unreachability. While a workshop types a map,
    cards with no connection and chains that do not span the map yet are unfinished work,
    not a broken journey: `outside_flow` lists them, and nothing marks them as a problem.
    Example: "Ad" -> "Blog" in the first two of three stages is not judged (else both would
    be dead ends while the room is still talking); add "Blog" -> "Pay" in the last stage and
    the group is judged, so a branch "Ad" -> "Queue" that stops short is a dead end.
    """
    if not journey.stages:
        return set()
    first = set(journey.touchpoints_in_stage(journey.stages[0].id))
    last = set(journey.touchpoints_in_stage(journey.stages[-1].id))
    return {tp_id for group in nx.weakly_connected_components(journey.graph)
            if len(group) > 1 and group & first and group & last for tp_id in group}


def outside_flow(journey: JourneyMap, flow: set[str] | None = None) -> list[str]:
    """Touchpoints not in the drawn flow (see `in_flow`), in reading order: not judged yet.

    `flow`, here and below, is `in_flow(journey)` when the caller has it already."""
    flow = in_flow(journey) if flow is None else flow
    return [tp_id for tp_id in journey.touchpoint_ids() if tp_id not in flow]


def dead_ends(journey: JourneyMap, flow: set[str] | None = None) -> list[str]:
    """Touchpoints in the flow from which no path reaches a touchpoint of the last stage.

    The last stage's own touchpoints are where journeys end, so they are never dead ends,
    and touchpoints outside the drawn flow are not judged (see `in_flow`).
    Example: with "Ad seen" -> "Hold queue" (no way on) and "Ad seen" -> "Checkout" (last
    stage), the only dead end is "Hold queue".
    """
    if not journey.stages:
        return []
    finish = journey.touchpoints_in_stage(journey.stages[-1].id)
    reaches_finish = _reach(journey.graph, finish, forward=False)
    return _reading_order(journey, (in_flow(journey) if flow is None else flow) - reaches_finish)


def unreachable(journey: JourneyMap, flow: set[str] | None = None) -> list[str]:
    """Touchpoints in the flow that no path leads to from any touchpoint of the first stage
    (its own excluded; touchpoints outside the drawn flow are not judged, see `in_flow`)."""
    if not journey.stages:
        return []
    start = journey.touchpoints_in_stage(journey.stages[0].id)
    reached = _reach(journey.graph, start, forward=True)
    return _reading_order(journey, (in_flow(journey) if flow is None else flow) - reached)


def loops(journey: JourneyMap) -> list[list[str]]:
    """Groups of touchpoints customers can circle between (each a strongly connected group).

    A group stands for all the cycles through it, which stays fast however tangled the map.
    """
    order = {tp_id: i for i, tp_id in enumerate(journey.touchpoint_ids())}
    groups = [sorted(group, key=order.__getitem__)
              for group in nx.strongly_connected_components(journey.graph) if len(group) > 1]
    return sorted(groups, key=lambda group: order[group[0]])


@dataclass(frozen=True)
class StageScores:
    """Averages over one stage's touchpoints; None where no touchpoint is scored yet."""

    stage_id: str
    meaning: Optional[float]
    value: Optional[float]
    accommodation: Optional[float]
    emotion: Optional[float]
    touchpoints: int

    @property
    def average(self) -> Optional[float]:
        """The mean of the Meaning, Value and Accommodation averages that are set: how strong the stage is."""
        return _mean([self.meaning, self.value, self.accommodation])


def _mean(values: Iterable[Optional[float]]) -> Optional[float]:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None  # statistics.fmean is 5x slower here


def stage_scores(journey: JourneyMap) -> list[StageScores]:
    """Per stage, in stage order: average Meaning, Value, Accommodation and emotion."""
    by_stage: dict[str, list] = {stage.id: [] for stage in journey.stages}
    for tp in journey.touchpoints():
        by_stage[tp.stage].append(tp)
    return [StageScores(
        stage_id=stage_id,
        meaning=_mean([c.scores.meaning for c in cards]),
        value=_mean([c.scores.value for c in cards]),
        accommodation=_mean([c.scores.accommodation for c in cards]),
        emotion=_mean([c.emotion for c in cards]),
        touchpoints=len(cards),
    ) for stage_id, cards in by_stage.items()]


@dataclass(frozen=True)
class WeakTouchpoint:
    """A touchpoint ranked by weakness: how far its scores fall short, plus how much it hurts."""

    touchpoint_id: str
    weakness: float
    mean_score: Optional[float]
    pain_severity: int


def weakest_touchpoints(journey: JourneyMap, limit: int = 5) -> list[WeakTouchpoint]:
    """The `limit` weakest touchpoints, weakest first.

    Weakness = (5 - mean of the scores set) + the sum of its pain points' severities.
    A touchpoint with top scores and no pain has weakness 0 and is not listed.
    """
    ranked = []
    for position, tp in enumerate(journey.touchpoints()):
        scores = tp.scores  # the mean of those set, written out: this runs for every card whenever typing pauses
        given = [score for score in (scores.meaning, scores.value, scores.accommodation) if score is not None]
        mean = sum(given) / len(given) if given else None
        pain = 0
        for pain_point in tp.pain_points:
            pain += pain_point.severity
        weakness = (5 - mean if mean is not None else 0) + pain
        if weakness > 0:
            ranked.append((-weakness, position, tp.id, mean, pain))
    return [WeakTouchpoint(tp_id, -negative, mean, pain)
            for negative, _, tp_id, mean, pain in heapq.nsmallest(limit, ranked)]


@dataclass(frozen=True)
class Insights:
    """Every answer at once, for the insights panel, the command line and the PDF summary."""

    dead_ends: list[str]
    unreachable: list[str]
    outside_flow: list[str]
    flow_drawn: bool  # does a flow link the first stage to the last yet? Until then nothing is judged
    loops: list[list[str]]
    stage_scores: list[StageScores]
    weakest: list[WeakTouchpoint]
    pains: PainTally
    unscored: list[str]
    stages_without_motivators: list[str]
    expectation_gaps: list[Gap]
    target_gaps: list[Gap]
    evidence: EvidenceCoverage
    assumptions: list[Assumption]  # worth testing first

    def problems(self) -> dict[str, str]:
        """Touchpoint id -> "dead_end" or "unreachable" (a touchpoint that is both is marked unreachable,
        the cause), for the marks on the canvas and in the PDF."""
        marks = dict.fromkeys(self.dead_ends, "dead_end")
        marks.update(dict.fromkeys(self.unreachable, "unreachable"))
        return marks

    def weakest_stage(self) -> Optional[StageScores]:
        """The stage whose average Meaning, Value and Accommodation is lowest (scored stages only)."""
        scored = [(s.average, i, s) for i, s in enumerate(self.stage_scores) if s.average is not None]
        return min(scored, key=lambda entry: entry[:2])[2] if scored else None


def analyse(journey: JourneyMap, weakest_limit: int = 5, gaps_limit: int = 10) -> Insights:
    """Everything the insights panel, the PDF summary and `main.py info` report, from one place."""
    flow = in_flow(journey)
    return Insights(
        dead_ends=dead_ends(journey, flow),
        unreachable=unreachable(journey, flow),
        outside_flow=outside_flow(journey, flow),
        flow_drawn=bool(flow),
        loops=loops(journey),
        stage_scores=stage_scores(journey),
        weakest=weakest_touchpoints(journey, weakest_limit),
        pains=pain_tally(journey),
        unscored=unscored(journey),
        stages_without_motivators=stages_without_motivators(journey),
        expectation_gaps=expectation_gaps(journey, gaps_limit),
        target_gaps=target_gaps(journey, gaps_limit),
        **dict(zip(("evidence", "assumptions"), review_evidence(journey))),
    )
