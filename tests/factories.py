"""Maps for tests: small hand-made ones, a large deterministic one, and a hypothesis strategy."""

from __future__ import annotations

import random
import re
from typing import Mapping, Sequence

from hypothesis import strategies as st

from model.journey_map import JourneyMap
from model.room import BlueprintLine, BlueprintLineKind


def _id(name: str) -> str:
    """Tests name stages and lanes by their lowercased names, e.g. "Aware" -> "aware"."""
    return re.sub(r"[^a-z0-9_.-]+", "-", name.lower()).strip("-") or "x"


def make_map(stages: Sequence[str] = ("Aware", "Buy"), lanes: Sequence[str] = ("Web",),
             cards: Mapping[tuple[str, str], Sequence[str]] | None = None,
             title: str = "Test journey") -> JourneyMap:
    """A map with the named stages, lanes and cards by (stage, lane) name; every id is the lowercased name."""
    journey = JourneyMap()
    journey.set_info(title=title)
    for name in stages:
        journey.add_stage(name, id=_id(name))
    for name in lanes:
        journey.add_lane(name, id=_id(name))
    for (stage, lane), titles in (cards or {}).items():
        for card_title in titles:
            card_id = _id(card_title)
            while journey.has_touchpoint(card_id):
                card_id += "-again"
            journey.add_touchpoint(_id(stage), _id(lane), card_title, id=card_id)
    return journey


def large_map(seed: int = 0, touchpoints: int = 2000, stages: int = 20, lanes: int = 8,
              connections: int = 3000) -> JourneyMap:
    """A big, realistic-looking map, the same for the same arguments (for benchmarks and speed checks)."""
    rng = random.Random(seed)
    journey = JourneyMap()
    journey.set_info(title=f"Large journey ({touchpoints} touchpoints)")
    stage_ids = [journey.add_stage(f"Stage {i + 1}", id=f"s{i}").id for i in range(stages)]
    lane_ids = [journey.add_lane(f"Lane {i + 1}", id=f"l{i}").id for i in range(lanes)]
    per_stage: list[list[str]] = [[] for _ in stage_ids]
    for n in range(touchpoints):
        column = n * stages // max(touchpoints, 1)
        scores = {key: rng.choice((None, 1, 2, 3, 4, 5)) for key in ("meaning", "value", "accommodation")}
        pains = tuple({"id": f"p{n}.{k}", "text": f"Pain {k} at step {n}", "severity": rng.randint(1, 3),
                       "kind": rng.choice(("dead_end", "frustration", "delay", "confusion", "effort"))}
                      for k in range(rng.choice((0, 0, 0, 1, 2))))
        tp = journey.add_touchpoint(stage_ids[column], rng.choice(lane_ids), f"Step {n} of the journey",
                                    id=f"t{n}", emotion=rng.randint(-2, 2), scores=scores,
                                    owner=rng.choice(("Marketing", "Sales", "Support", "Logistics", "")),
                                    pain_points=pains)
        per_stage[column].append(tp.id)
    made = 0
    for _ in range(connections * 4):
        if made >= connections:
            break
        column = rng.randrange(stages)
        forward = per_stage[min(column + rng.choice((0, 1, 1, 1)), stages - 1)]
        if not per_stage[column] or not forward:
            continue
        source, target = rng.choice(per_stage[column]), rng.choice(forward)
        if source != target and not journey.has_connection(source, target):
            journey.add_connection(source, target)
            made += 1
    return journey


# ------------------------------------------------------------------ hypothesis
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
scores = st.none() | st.integers(1, 5)


@st.composite
def journey_maps(draw, max_stages: int = 4, max_lanes: int = 3, max_touchpoints: int = 12,
                 room: bool = False) -> JourneyMap:
    """Any valid map: random names in any script, scores, notes and connections; with `room`, also
    a workshop's record (voters, dots, rounds, the parking lot) and blueprint lines."""
    journey = JourneyMap()
    journey.set_info(title=draw(names))
    stage_ids = [journey.add_stage(draw(names), goal=draw(texts)).id
                 for _ in range(draw(st.integers(1, max_stages)))]
    lane_ids = [journey.add_lane(draw(names)).id for _ in range(draw(st.integers(1, max_lanes)))]
    ids = []
    for _ in range(draw(st.integers(0, max_touchpoints))):
        tp = journey.add_touchpoint(
            draw(st.sampled_from(stage_ids)), draw(st.sampled_from(lane_ids)), draw(names),
            description=draw(texts), owner=draw(st.sampled_from(("", "Sales", "Support"))),
            emotion=draw(st.none() | st.integers(-2, 2)),
            scores={"meaning": draw(scores), "value": draw(scores), "accommodation": draw(scores)})
        for _ in range(draw(st.integers(0, 2))):
            journey.add_pain_point(tp.id, draw(names), severity=draw(st.integers(1, 3)))
        if draw(st.booleans()):
            journey.add_opportunity(tp.id, draw(names))
        ids.append(tp.id)
    if len(ids) > 1:
        for source, target in draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=8)):
            if source != target and not journey.has_connection(source, target):
                journey.add_connection(source, target)
    if room:
        _draw_room(draw, journey, lane_ids)
    return journey


def _draw_room(draw, journey: JourneyMap, lane_ids: list[str]) -> None:
    voters = [journey.add_voter(draw(names), draw(st.integers(1, 4))).id for _ in range(draw(st.integers(0, 3)))]
    targets = [(tp.id, None if note is None else note.id)
               for tp in journey.touchpoints() for note in (None, *tp.pain_points, *tp.opportunities)]
    for _ in range(draw(st.integers(0, 2))):
        if voters and targets:
            for voter, target in draw(st.lists(st.tuples(st.sampled_from(voters), st.sampled_from(targets)), max_size=6)):
                if journey.dots_left(voter) > 0:
                    journey.add_vote(voter, *target)
        journey.set_voting_round(journey.voting_round + 1)
    for _ in range(draw(st.integers(0, 3))):
        journey.add_parking_item(draw(names), draw(st.sampled_from(("", "Ops"))), closed=draw(st.booleans()))
    kinds = draw(st.lists(st.sampled_from(list(BlueprintLineKind)), max_size=len(lane_ids), unique=True))
    journey.set_blueprint_lines([BlueprintLine(kind=kind, above=lane) for kind, lane in zip(kinds, lane_ids)])
