"""Analysis per persona, evidence coverage, the assumptions worth testing, and as-is against to-be,
each on a hand-made map whose answers are known."""

from __future__ import annotations

from model.analysis import analyse, stage_scores
from model.comparison import compare
from model.entities import Evidence
from model.evidence import assumptions_to_test, evidence_coverage
from model.paths import easiest_path
from model.projection import persona_journey, to_be_journey
from tests.factories import two_persona_map


def test_a_touchpoint_a_persona_never_meets_is_left_out_of_their_paths_and_averages():
    journey = two_persona_map()
    maya, sam = persona_journey(journey, "maya"), persona_journey(journey, "sam")
    assert [tp.id for tp in maya.touchpoints()] == ["ad", "browse", "pay"]
    assert easiest_path(journey, "ad", "pay") == ["ad", "browse", "pay"]
    assert easiest_path(sam, "ad", "pay") == ["ad", "visit", "pay"]
    choose = {s.stage_id: s for s in stage_scores(sam)}["choose"]
    assert choose.emotion == -2 and choose.touchpoints == 1
    assert {s.stage_id: s for s in stage_scores(journey)}["choose"].emotion == 0
    assert stage_scores(sam)[0].emotion == -1 and stage_scores(maya)[0].emotion == 1
    assert analyse(sam).dead_ends == [] and analyse(sam).weakest[0].touchpoint_id == "visit"
    assert persona_journey(journey, None) is journey


def test_evidence_coverage_counts_assumptions_and_those_holding_critical_pain():
    journey = two_persona_map()
    journey.add_pain_point("visit", "No one to help", severity=3)
    journey.add_pain_point("pay", "Card refused", severity=3)
    journey.update_touchpoint("pay", evidence=Evidence(level="research"))
    journey.update_touchpoint("browse", evidence=Evidence(level="anecdote"))
    coverage = evidence_coverage(journey)
    assert coverage.by_level == {"assumption": 2, "anecdote": 1, "research": 1}
    assert coverage.assumptions_with_critical_pain == 1
    assert coverage.sentence() == "2 of 4 touchpoints rest on assumptions; 1 of them hold critical pain."


def test_the_assumptions_worth_testing_first_are_the_least_proven_with_most_at_stake():
    journey = two_persona_map()
    journey.add_pain_point("visit", "No one to help", severity=3, id="help")
    journey.add_pain_point("pay", "Card refused", severity=3, id="card", evidence=Evidence(level="research"))
    journey.add_opportunity("browse", "Show stock", id="stock", evidence=Evidence(level="anecdote"))
    journey.update_touchpoint("pay", evidence=Evidence(level="research"))
    journey.add_voter("Ana", id="ana")
    journey.add_vote("ana", "browse", "stock")
    journey.add_vote("ana", "browse", "stock")
    ranked = [(a.touchpoint_id, a.note_id, a.risk) for a in assumptions_to_test(journey)]
    assert ranked == [("visit", None, 6), ("visit", "help", 6), ("browse", "stock", 2)]


def test_the_comparison_reports_each_stage_today_and_in_the_to_be():
    journey = two_persona_map()
    journey.add_pain_point("visit", "No one to help", severity=3)
    journey.update_touchpoint("visit", to_be="removed")
    journey.add_touchpoint("choose", "shop", "Video call", id="call", to_be="new", emotion=1, personas=("sam",))
    journey.update_touchpoint("pay", to_be="changed", target={"emotion": 2, "accommodation": 4})
    everyone = {c.stage_id: c for c in compare(journey) if c.persona_id is None}
    choose, buy = everyone["choose"], everyone["buy"]
    assert choose.before["emotion"] == 0 and choose.after["emotion"] == 1.5 and choose.change("emotion") == 1.5
    assert choose.added == ["call"] and choose.retired == ["visit"] and choose.pain_removed == 3
    assert buy.change("emotion") == 2 and buy.after["accommodation"] == 4 and buy.change("accommodation") is None
    assert not everyone["aware"].changed and buy.changed
    sam = {c.stage_id: c for c in compare(journey) if c.persona_id == "sam"}
    assert sam["choose"].before["emotion"] == -2 and sam["choose"].after["emotion"] == 1
    maya = {c.stage_id: c for c in compare(journey) if c.persona_id == "maya"}
    assert maya["choose"].added == [] and maya["choose"].change("emotion") == 0
    assert [tp.id for tp in to_be_journey(journey).touchpoints()] == ["ad", "browse", "call", "pay"]


def test_a_map_records_evidence_once_any_card_or_note_has_a_level_or_a_source():
    from model.evidence import records_evidence

    journey = two_persona_map()
    assert not records_evidence(journey)
    journey.add_opportunity("ad", "Louder", evidence=Evidence(level="anecdote"))
    assert records_evidence(journey)


def test_once_the_riskiest_few_are_found_later_critical_pain_is_still_counted():
    from tests.factories import make_map

    journey = make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["A", "B", "C", "D"]})
    for tp_id in ("a", "b", "c", "d"):
        journey.add_pain_point(tp_id, f"Hurts at {tp_id}", severity=3)
    coverage = evidence_coverage(journey)
    ranked = [(a.touchpoint_id, a.note_id is None) for a in assumptions_to_test(journey, limit=3)]
    assert coverage.assumptions_with_critical_pain == 4
    assert ranked == [("a", True), ("a", False), ("b", True)]
