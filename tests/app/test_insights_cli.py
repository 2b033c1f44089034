"""`main.py insights` and `info --json`: the dock's findings and info's summary, for scripts and CI."""

import json

from model.analysis import analyse
from model.journey_file import load, save
from tests.command_line import ROOT, wayfinder
from tests.factories import make_map, two_persona_map

RETAIL = ROOT / "resources" / "samples" / "retail-purchase.journey"


def test_insights_json_holds_every_section_of_the_dock_from_analyse():
    report = json.loads(wayfinder("insights", "--json", str(RETAIL)).stdout)
    journey = load(RETAIL)
    insights = analyse(journey)
    assert [c["id"] for c in report["dead_ends"]] == insights.dead_ends
    assert [c["id"] for c in report["unreachable"]] == insights.unreachable
    assert [[c["id"] for c in loop] for loop in report["loops"]] == insights.loops
    assert [w["id"] for w in report["weakest_touchpoints"]] == [w.touchpoint_id for w in insights.weakest]
    assert [t["team"] for t in report["pain_by_team"]] == [o.owner for o in insights.pains.by_owner]
    assert sum(report["pain_by_severity"].values()) == insights.pains.total
    assert [g["id"] for g in report["expectation_gaps"]] == [g.touchpoint_id for g in insights.expectation_gaps]
    assert [g["id"] for g in report["furthest_from_target"]] == [g.touchpoint_id for g in insights.target_gaps]
    assert report["headline"] == {"dead_ends": ["Hold queue 20 min"], "weakest_stage": "Consideration",
                                  "team_with_most_pain": "Customer service"}
    assert report["happy_path"][0]["id"] in journey.touchpoints_in_stage(journey.stages[0].id)


def test_insights_prints_the_dock_for_people_and_fails_a_build_on_problems():
    result = wayfinder("insights", str(RETAIL))
    assert result.returncode == 0 and "  Dead ends:\n    Hold queue 20 min\n" in result.stdout
    assert wayfinder("insights", "--fail-on-problems", str(RETAIL)).returncode == 1


def test_a_map_without_problems_passes_the_check(tmp_path):
    journey = make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay")
    save(journey, tmp_path / "ok.journey")
    assert wayfinder("insights", "--fail-on-problems", str(tmp_path / "ok.journey")).returncode == 0


def test_persona_is_checked_against_the_maps_personas():
    names = [p.name for p in load(RETAIL).personas]
    assert wayfinder("insights", "--persona", names[1].upper(), str(RETAIL)).returncode == 0
    result = wayfinder("insights", "--persona", "Bob", str(RETAIL))
    assert result.returncode == 2
    assert result.stderr == (f'{RETAIL}: there is no persona "Bob" in this map; its personas are '
                             f'"{names[0]}", "{names[1]}"\n')


def test_insights_for_a_persona_answer_for_the_touchpoints_they_meet_as_they_feel_them(tmp_path):
    save(two_persona_map(), tmp_path / "two.journey")
    everyone = json.loads(wayfinder("insights", "--json", str(tmp_path / "two.journey")).stdout)
    sam = json.loads(wayfinder("insights", "--json", "--persona", "sam", str(tmp_path / "two.journey")).stdout)
    assert (everyone["persona"], sam["persona"]) == ("", "Sam")
    choose = {s["stage"]: s for s in sam["stage_averages"]}["Choose"]
    assert choose["emotion"] == -2 and {s["stage"]: s for s in everyone["stage_averages"]}["Choose"]["emotion"] == 0
    assert [c["title"] for c in sam["happy_path"]] == ["Ad", "Visit", "Pay"]
    assert "Browse" not in json.dumps(sam)


def test_info_json_carries_everything_info_prints():
    summary = json.loads(wayfinder("info", "--json", str(RETAIL)).stdout)
    text = wayfinder("info", str(RETAIL)).stdout
    for stage in summary["stage_averages"]:
        scores = " / ".join("-" if stage[k] is None else f"{stage[k]:.1f}" for k in ("meaning", "value", "accommodation"))
        assert f"    {stage['stage']}: {scores}, {stage['emotion']:.1f}\n" in text
    assert {"title", "stages", "lanes", "touchpoints", "connections", "pain_points", "dead_ends",
            "unreachable", "stage_averages"} <= set(summary)


def test_a_map_with_an_unresolved_merge_conflict_fails_the_check(tmp_path):
    from model.merge import merge

    base = make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    base.add_connection("ad", "pay")
    ours, theirs = (load_copy(base, tmp_path, name) for name in ("ours", "theirs"))
    ours.update_touchpoint("ad", title="Advert")
    theirs.update_touchpoint("ad", title="Banner")
    save(merge(base, ours, theirs).journey, tmp_path / "merged.journey")
    result = wayfinder("insights", "--fail-on-problems", "--json", str(tmp_path / "merged.journey"))
    assert result.returncode == 1
    assert json.loads(result.stdout)["merge_conflicts"] == [
        'Touchpoint "Advert", title: ours has "Advert", theirs has "Banner"']


def load_copy(journey, folder, name):
    save(journey, folder / f"{name}.journey")
    return load(folder / f"{name}.journey")
