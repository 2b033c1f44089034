"""Hand-made maps with known paths, pains, motivation, expectation and target gaps."""

from __future__ import annotations

from model.analysis import analyse
from model.entities import Motivator, PainKind
from model.lenses import expectation_gaps, motivators_by_stage, pain_tally, target_gaps, unscored
from model.paths import easiest_path, happy_path, most_painful_path
from tests.factories import make_map


def diamond():
    """ad -> (smooth | queue) -> pay; smooth is easy, queue hurts."""
    journey = make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web", "Phone"),
                       cards={("Aware", "Web"): ["Ad"], ("Consider", "Web"): ["Smooth"],
                              ("Consider", "Phone"): ["Queue"], ("Buy", "Web"): ["Pay"]})
    journey.update_touchpoint("smooth", scores={"accommodation": 5})
    journey.update_touchpoint("queue", scores={"accommodation": 1}, owner="Support")
    journey.add_pain_point("queue", "20 minutes on hold", severity=3, kind="delay")
    for source, target in (("ad", "smooth"), ("ad", "queue"), ("smooth", "pay"), ("queue", "pay")):
        journey.add_connection(source, target)
    return journey


def test_the_easiest_path_avoids_pain_and_the_most_painful_one_seeks_it():
    journey = diamond()
    assert easiest_path(journey, "ad", "pay") == ["ad", "smooth", "pay"]
    assert most_painful_path(journey, "ad", "pay") == ["ad", "queue", "pay"]
    assert easiest_path(journey, "pay", "ad") is None


def test_the_happy_path_runs_from_the_first_stage_to_the_last_on_main_connections():
    journey = diamond()
    assert happy_path(journey) == ["ad", "smooth", "pay"]
    journey.update_connection("ad", "smooth", kind="alternative")
    journey.update_touchpoint("queue", scores={"accommodation": 5})
    journey.remove_pain_point("queue", journey.touchpoint("queue").pain_points[0].id)
    assert happy_path(journey) == ["ad", "queue", "pay"]
    assert happy_path(make_map(stages=("Only",))) is None


def test_pain_is_tallied_by_severity_kind_and_owner():
    journey = diamond()
    journey.update_touchpoint("smooth", owner="Web team")
    journey.add_pain_point("smooth", "Slow page", severity=1, kind="delay")
    journey.add_pain_point("smooth", "Jargon", severity=1, kind="confusion")
    tally = pain_tally(journey)
    assert tally.by_severity == {3: 1, 2: 0, 1: 2} and tally.total == 3
    assert tally.by_kind == [(PainKind.delay, 2), (PainKind.confusion, 1)]
    assert [(o.owner, o.pain_points, o.severity) for o in tally.by_owner] == [("Support", 1, 3), ("Web team", 2, 2)]
    assert tally.touchpoints_by_severity == {3: ("queue",), 2: (), 1: ("smooth",)}
    assert tally.touchpoints_by_kind == {PainKind.delay: ("smooth", "queue"), PainKind.confusion: ("smooth",)}


def test_unscored_touchpoints_and_stages_that_offer_no_motivator():
    journey = diamond()
    assert unscored(journey) == ["ad", "pay"]
    journey.update_touchpoint("ad", scores={"meaning": 4})
    assert unscored(journey) == ["pay"]
    journey.update_touchpoint("queue", motivators=("autonomy", "purpose"))
    assert journey.touchpoint("queue").motivators == (Motivator.purpose, Motivator.autonomy)
    assert motivators_by_stage(journey)["consider"] == (Motivator.purpose, Motivator.autonomy)
    assert analyse(journey).stages_without_motivators == ["aware", "buy"]


def test_expectation_and_target_gaps_are_listed_widest_first():
    journey = diamond()
    journey.update_touchpoint("ad", expected=4, experienced=3)
    journey.update_touchpoint("queue", expected=4, experienced=1)
    journey.update_touchpoint("pay", expected=3, experienced=3)
    assert [(g.touchpoint_id, g.distance, g.falls_short) for g in expectation_gaps(journey)] == [
        ("queue", 3, True), ("ad", 1, True)]
    journey.update_touchpoint("queue", emotion=-2, target={"emotion": 1, "accommodation": 4})
    journey.update_touchpoint("smooth", emotion=2, target={"emotion": 1})
    gaps = target_gaps(journey)
    assert [(g.touchpoint_id, g.distance) for g in gaps] == [("queue", 6), ("smooth", 1)]
    assert gaps[0].details == (("emotion", 1, -2), ("accommodation", 4, 1))
    assert not gaps[1].falls_short


def test_the_weakest_stage_has_the_lowest_average_score():
    journey = diamond()
    assert analyse(journey).weakest_stage().stage_id == "consider"  # the only scored stage
    journey.update_touchpoint("pay", scores={"value": 2})
    assert analyse(journey).weakest_stage().stage_id == "buy"
    assert analyse(make_map()).weakest_stage() is None
