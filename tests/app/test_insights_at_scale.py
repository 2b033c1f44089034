"""Hundreds of findings: the Insights dock lists the first ones and a count, and one entry selects them all."""

from __future__ import annotations

from tests.app.test_insights import click_entry, open_with_insights
from tests.factories import large_map
from widgets.insights_panel import SHOWN


def test_751_dead_ends_show_the_first_entries_a_count_and_a_way_to_select_them_all(window, qtbot, tmp_path):
    # No connections: every card before the last stage is a dead end.
    journey = open_with_insights(window, qtbot, tmp_path, large_map(touchpoints=790, stages=20, lanes=4,
                                                                    connections=0))
    dead_ends = window.insights.insights.dead_ends
    assert len(dead_ends) == 751
    panel = window.insights.panel
    header = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                  if panel.tree.topLevelItem(i).text(0).startswith("Dead ends"))
    assert header.text(0) == "Dead ends (751)"
    entries = panel.entries("Dead ends")
    assert len(entries) == SHOWN + 1
    assert [e.text(0) for e in entries[:2]] == [journey.touchpoint(t).title for t in dead_ends[:2]]
    assert entries[-1].text(0) == f"… and {751 - SHOWN} more: select all 751"
    click_entry(window, "Dead ends", "… and")
    assert sorted(window.scene.selected_touchpoints()) == sorted(dead_ends)
