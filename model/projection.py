"""The map as one persona lives it, and the map as it is today or as it will be (to-be).

Each is a new `JourneyMap` with the same stages and lanes and only the touchpoints (and the
connections between them) that belong to that view, their emotion and scores as the view has
them. Every analysis then answers for the view unchanged: a touchpoint a persona never meets
is simply not on their map, so it is left out of their paths and averages. One pass over the
touchpoints and one over the connections, so it costs no more than reading the map once.
"""

from __future__ import annotations

from typing import Callable, Optional

from .entities import SCORE_NAMES, Scores, Target, ToBeChange, Touchpoint
from .journey_map import JourneyMap

Transform = Callable[[Touchpoint], Optional[Touchpoint]]


def project(journey: JourneyMap, transform: Transform, persona_id: str | None = None) -> JourneyMap:
    """A new map holding `transform(tp)` of each touchpoint where it is not None, the connections
    among those, the voters and their dots on them; keeps only persona `persona_id` when given."""
    personas = journey.personas if persona_id is None else (journey.persona_by_id(persona_id),)
    kept_personas = {p.id for p in personas}
    view = JourneyMap(journey.info, personas=personas)
    for stage in journey.stages:
        view.add_stage(stage.name, stage.goal, id=stage.id, kpis=stage.kpis)
    for lane in journey.lanes:
        view.add_lane(lane.name, lane.kind, id=lane.id,
                      persona=lane.persona if lane.persona in kept_personas else None)
    for tp in journey.touchpoints():
        shown = transform(tp)
        if shown is not None:
            view.insert_touchpoint(shown)
    for connection in journey.connections():
        if view.has_touchpoint(connection.source) and view.has_touchpoint(connection.target):
            view.insert_connection(connection)
    view.set_blueprint_lines(journey.blueprint_lines)
    for voter in journey.voters:
        view.add_voter(voter.name, voter.budget, id=voter.id)
    for vote in journey.votes():
        if view.is_live(vote):
            view.insert_vote(vote)
    view.set_voting_round(journey.voting_round)
    return view


def as_lived_by(touchpoint: Touchpoint, persona_id: str) -> Optional[Touchpoint]:
    """The touchpoint with the persona's own emotion and scores, or None where they never pass."""
    if not touchpoint.meets(persona_id):
        return None
    return touchpoint.model_copy(update={
        "emotion": touchpoint.emotion_of(persona_id), "scores": touchpoint.scores_of(persona_id),
        "personas": None, "experiences": ()})


def persona_journey(journey: JourneyMap, persona_id: str | None) -> JourneyMap:
    """The map as persona `persona_id` lives it; the map itself when None (everyone)."""
    if persona_id is None:
        return journey
    return project(journey, lambda tp: as_lived_by(tp, persona_id), persona_id)


def as_is(touchpoint: Touchpoint) -> Optional[Touchpoint]:
    """The touchpoint today: touchpoints new in the to-be are not there yet."""
    return None if touchpoint.to_be == ToBeChange.new else touchpoint


def to_be(touchpoint: Touchpoint) -> Optional[Touchpoint]:
    """The touchpoint in the to-be: retired ones are gone, the rest feel and score as their targets say
    (each target that is set replaces the value of today; new ones are their targets only)."""
    if touchpoint.to_be == ToBeChange.removed:
        return None
    target = touchpoint.target
    if target == Target() and touchpoint.to_be != ToBeChange.new:
        return touchpoint
    scores = touchpoint.scores

    def aim(goal, now):
        return goal if goal is not None else now

    return touchpoint.model_copy(update={
        "emotion": aim(target.emotion, touchpoint.emotion),
        "scores": Scores(meaning=aim(target.meaning, scores.meaning), value=aim(target.value, scores.value),
                         accommodation=aim(target.accommodation, scores.accommodation)),
        # A target is set for everyone: where it is set, a persona's own value of today gives way.
        "experiences": tuple(e.model_copy(update={
            "emotion": None if target.emotion is not None else e.emotion,
            "scores": Scores(**{name: None if getattr(target, name) is not None else own
                                for name, own in zip(SCORE_NAMES, e.scores.values())})})
            for e in touchpoint.experiences)})


def as_is_journey(journey: JourneyMap) -> JourneyMap:
    return project(journey, as_is)


def to_be_journey(journey: JourneyMap) -> JourneyMap:
    return project(journey, to_be)
