"""Analysis on small hand-made maps whose answers are known."""

import pytest

from model.analysis import analyse, dead_ends, loops, stage_scores, unreachable, weakest_touchpoints
from model.journey_map import JourneyMap


def chain_map(*edges: tuple[str, str], cells: dict[str, str]) -> JourneyMap:
    """Stages a, b, c in one lane; `cells` puts each touchpoint id into a stage."""
    m = JourneyMap()
    for stage in "abc":
        m.add_stage(stage.upper(), id=stage)
    m.add_lane("Lane", id="lane")
    for tp_id, stage in cells.items():
        m.add_touchpoint(stage, "lane", tp_id, id=tp_id)
    for source, target in edges:
        m.add_connection(source, target)
    return m


def test_a_path_that_stops_short_of_the_last_stage_is_a_dead_end():
    m = chain_map(("ad", "hold"), ("ad", "visit"), ("visit", "buy"),
                  cells={"ad": "a", "hold": "b", "visit": "b", "buy": "c"})
    assert dead_ends(m) == ["hold"]


def test_everything_upstream_of_a_dead_end_only_is_dead_too():
    m = chain_map(("ad", "hold"), ("hold", "queue"), ("flyer", "ad"), ("flyer", "buy"),
                  cells={"ad": "a", "flyer": "a", "hold": "b", "queue": "b", "buy": "c"})
    assert dead_ends(m) == ["ad", "hold", "queue"]


def test_last_stage_touchpoints_are_never_dead_ends():
    m = chain_map(cells={"buy": "c", "review": "c"})
    assert dead_ends(m) == []


def test_unreachable_touchpoints_have_no_path_from_the_first_stage():
    m = chain_map(("ad", "visit"), ("visit", "pay"), ("orphan", "buy"), ("orphan", "pay"),
                  cells={"ad": "a", "visit": "b", "orphan": "b", "buy": "c", "pay": "c"})
    assert unreachable(m) == ["orphan", "buy"]  # buy is reached only through orphan


def test_first_stage_touchpoints_are_never_unreachable():
    m = chain_map(cells={"ad": "a", "flyer": "a"})
    assert unreachable(m) == []


def test_loops_are_reported_as_groups_in_reading_order():
    m = chain_map(("ad", "visit"), ("visit", "compare"), ("compare", "visit"), ("compare", "buy"),
                  ("buy", "ad"), ("x", "y"),
                  cells={"ad": "a", "visit": "b", "compare": "b", "buy": "c", "x": "a", "y": "b"})
    assert loops(m) == [["ad", "visit", "compare", "buy"]]


def test_no_loops_in_a_forward_journey():
    m = chain_map(("ad", "visit"), ("visit", "buy"), cells={"ad": "a", "visit": "b", "buy": "c"})
    assert loops(m) == []


def test_stage_averages_skip_unset_scores():
    m = chain_map(cells={"ad": "a", "flyer": "a", "buy": "c"})
    m.update_touchpoint("ad", scores={"meaning": 4, "value": 2}, emotion=2)
    m.update_touchpoint("flyer", scores={"meaning": 1}, emotion=-1)
    by_stage = {s.stage_id: s for s in stage_scores(m)}
    assert by_stage["a"].meaning == pytest.approx(2.5)
    assert by_stage["a"].value == 2 and by_stage["a"].accommodation is None
    assert by_stage["a"].emotion == pytest.approx(0.5) and by_stage["a"].touchpoints == 2
    assert by_stage["b"].meaning is None and by_stage["b"].touchpoints == 0
    assert [s.stage_id for s in stage_scores(m)] == ["a", "b", "c"]


def test_weakest_touchpoints_rank_low_scores_and_severe_pain_first():
    m = chain_map(cells={"great": "a", "meh": "a", "hurts": "b", "blank": "c"})
    m.update_touchpoint("great", scores={"meaning": 5, "value": 5, "accommodation": 5})
    m.update_touchpoint("meh", scores={"meaning": 3, "value": 3, "accommodation": 3})
    m.update_touchpoint("hurts", scores={"meaning": 4})
    m.add_pain_point("hurts", "Queue", severity=3)
    weakest = weakest_touchpoints(m)
    assert [w.touchpoint_id for w in weakest] == ["hurts", "meh"]
    assert weakest[0].weakness == 4 and weakest[0].pain_severity == 3
    assert weakest_touchpoints(m, limit=1)[0].touchpoint_id == "hurts"


def test_analyse_on_an_empty_map():
    insights = analyse(JourneyMap())
    assert (insights.dead_ends, insights.unreachable, insights.loops, insights.weakest) == ([], [], [], [])


def test_a_map_with_no_connection_has_no_dead_end_and_nothing_unreachable():
    m = chain_map(cells={"ad": "a", "visit": "b", "orphan": "b", "buy": "c"})
    insights = analyse(m)
    assert (insights.dead_ends, insights.unreachable, insights.problems()) == ([], [], {})
    assert not insights.flow_drawn
    assert insights.outside_flow == ["ad", "visit", "orphan", "buy"]


def test_a_chain_still_being_typed_is_not_judged_until_it_reaches_the_last_stage():
    m = chain_map(("ad", "visit"), cells={"ad": "a", "visit": "b", "buy": "c"})
    insights = analyse(m)
    assert (insights.dead_ends, insights.unreachable, insights.flow_drawn) == ([], [], False)
    m.add_connection("visit", "buy")
    assert analyse(m).flow_drawn and analyse(m).problems() == {}


def test_only_groups_linking_the_first_stage_to_the_last_are_judged():
    # "hold" stops short in a flow that reaches the end; "stray" -> "buy" joins it from nowhere;
    # "typed" has no connection and "side" -> "note" spans neither end: both unfinished, never marked.
    m = chain_map(("ad", "hold"), ("ad", "pay"), ("stray", "pay"), ("side", "note"),
                  cells={"ad": "a", "hold": "b", "stray": "b", "typed": "b", "side": "b", "note": "b", "pay": "c"})
    insights = analyse(m)
    assert insights.flow_drawn
    assert insights.dead_ends == ["hold"]
    assert insights.unreachable == ["stray"]
    assert insights.outside_flow == ["typed", "side", "note"]
    assert insights.problems() == {"hold": "dead_end", "stray": "unreachable"}
