"""Maps for tests: small hand-made ones, a large deterministic one, and a hypothesis strategy."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Mapping, Sequence

from hypothesis import strategies as st

from model.entities import (Evidence, EvidenceLevel, Experience, Kpi, KpiDirection, KpiReading, Source,
                            ToBeChange)
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


def two_persona_map() -> JourneyMap:
    """Ad -> Browse -> Pay and Ad -> Visit -> Pay: Maya never visits the shop, Sam never browses the web.

    Ad: emotion +1 (Sam feels -1), Browse +2 (Maya's only), Visit -2 (Sam's only), Pay 0.
    """
    journey = make_map(stages=("Aware", "Choose", "Buy"), lanes=("Web", "Shop"),
                       cards={("Aware", "Web"): ["Ad"], ("Choose", "Web"): ["Browse"],
                              ("Choose", "Shop"): ["Visit"], ("Buy", "Web"): ["Pay"]})
    journey.add_persona("Maya", id="maya")
    journey.add_persona("Sam", id="sam")
    for source, target in (("ad", "browse"), ("ad", "visit"), ("browse", "pay"), ("visit", "pay")):
        journey.add_connection(source, target)
    journey.update_touchpoint("ad", emotion=1, scores={"accommodation": 4},
                              experiences=(Experience(persona="sam", emotion=-1),))
    journey.update_touchpoint("browse", emotion=2, personas=("maya",), scores={"accommodation": 5})
    journey.update_touchpoint("visit", emotion=-2, personas=("sam",), scores={"accommodation": 1})
    journey.update_touchpoint("pay", emotion=0)
    return journey


def persona_lanes_map() -> JourneyMap:
    """`two_persona_map` with Maya's photo at photos/maya.png (beside the map) and each lane owned:
    Web by Maya, Shop by Sam (who has no photo: his initials)."""
    journey = two_persona_map()
    journey.update_persona("maya", photo="photos/maya.png")
    journey.update_lane("web", persona="maya")
    journey.update_lane("shop", persona="sam")
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
                 room: bool = False, personas: bool = False) -> JourneyMap:
    """Any valid map: random names in any script, scores, notes and connections; with `room`, also
    a workshop's record (voters, dots, rounds, the parking lot) and blueprint lines; with `personas`,
    several personas, who passes where and how they feel, evidence, to-be marks and stage metrics."""
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
    if personas:
        _draw_personas(draw, journey, lane_ids, stage_ids)
    return journey


dates = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))
sources = st.builds(Source, quote=texts, who=st.sampled_from(("", "Interview 3", "Survey Q2")),
                    date=st.none() | dates, link=st.sampled_from(("", "notes/interview-3.md", "https://example.com/r")))
evidence = st.builds(Evidence, level=st.sampled_from(list(EvidenceLevel)), sources=st.lists(sources, max_size=2).map(tuple))
kpis = st.builds(Kpi, name=st.sampled_from(("NPS", "CSAT", "Drop-off", "Time to task", "Custom")),
                 unit=st.sampled_from(("", "%", "min")), direction=st.sampled_from(list(KpiDirection)),
                 current=st.none() | st.floats(-100, 1000, allow_nan=False),
                 target=st.none() | st.floats(-100, 1000, allow_nan=False),
                 history=st.lists(st.builds(KpiReading, date=dates, value=st.floats(-100, 1000, allow_nan=False)),
                                  max_size=3, unique_by=lambda r: r.date).map(tuple))


def _draw_personas(draw, journey: JourneyMap, lane_ids: list[str], stage_ids: list[str]) -> None:
    persona_ids = [journey.add_persona(draw(names), goals=tuple(draw(st.lists(names, max_size=2))),
                                       colour=draw(st.none() | st.just("#336699"))).id
                   for _ in range(draw(st.integers(1, 4)))]
    for tp in journey.touchpoints():
        members = draw(st.none() | st.lists(st.sampled_from(persona_ids), unique=True).map(tuple))
        experiences = tuple(Experience(persona=p, emotion=draw(st.none() | st.integers(-2, 2)),
                                       scores={"meaning": draw(scores), "value": draw(scores)})
                            for p in draw(st.lists(st.sampled_from(persona_ids), unique=True, max_size=2)))
        journey.update_touchpoint(tp.id, personas=members, experiences=experiences, evidence=draw(evidence),
                                  to_be=draw(st.none() | st.sampled_from(list(ToBeChange))))
        for pain in tp.pain_points:
            journey.update_pain_point(tp.id, pain.id, evidence=draw(evidence))
    for lane_id in lane_ids:
        journey.update_lane(lane_id, persona=draw(st.none() | st.sampled_from(persona_ids)))
    for stage_id in stage_ids:
        journey.update_stage(stage_id, kpis=tuple(draw(st.lists(kpis, max_size=2, unique_by=lambda k: k.name))))


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
