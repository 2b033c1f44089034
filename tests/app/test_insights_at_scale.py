"""Hundreds of findings: the Insights dock lists the first ones and a count, and one entry selects them all."""

from __future__ import annotations

from tests.app.test_insights import click_entry, open_with_insights
from tests.factories import large_map
from widgets.insights_panel import SHOWN


def _many_dead_ends():
    """A flow from the first stage to the last (the first card of each stage), and every other card
    of the stages before the last entered from it with no way on: 732 dead ends."""
    journey = large_map(touchpoints=790, stages=20, lanes=4, connections=0)
    spine = [journey.touchpoints_in_stage(stage.id)[0] for stage in journey.stages]
    for source, target in zip(spine, spine[1:]):
        journey.add_connection(source, target)
    for stage_spine, stage in zip(spine, journey.stages[:-1]):
        for tp_id in journey.touchpoints_in_stage(stage.id)[1:]:
            journey.add_connection(stage_spine, tp_id)
    return journey


def test_hundreds_of_dead_ends_show_the_first_entries_a_count_and_a_way_to_select_them_all(window, qtbot, tmp_path):
    journey = open_with_insights(window, qtbot, tmp_path, _many_dead_ends())
    dead_ends = window.insights.insights.dead_ends
    assert len(dead_ends) == 732
    panel = window.insights.panel
    header = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                  if panel.tree.topLevelItem(i).text(0).startswith("Dead ends"))
    assert header.text(0) == "Dead ends (732)"
    entries = panel.entries("Dead ends")
    assert len(entries) == SHOWN + 1
    assert [e.text(0) for e in entries[:2]] == [journey.touchpoint(t).title for t in dead_ends[:2]]
    assert entries[-1].text(0) == f"… and {732 - SHOWN} more: select all 732"
    click_entry(window, "Dead ends", "… and")
    assert sorted(window.scene.selected_touchpoints()) == sorted(dead_ends)
