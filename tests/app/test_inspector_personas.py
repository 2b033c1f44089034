"""Personas, evidence, to-be marks, lane owners and stage metrics, edited in the inspector by mouse and keyboard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.app.driver import card_center, click, keys, open_map, settle, shortcut
from tests.factories import make_map, two_persona_map

Key = Qt.Key
LEFT = Qt.MouseButton.LeftButton


def type_into(window, widget, *sequence) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    keys(window, *sequence)


def choose(window, combo, steps: int) -> None:
    """Pick a drop-down's entry by keyboard, `steps` down (negative: up) from where it is."""
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(abs(steps)):
        QTest.keyClick(combo, Key.Key_Down if steps > 0 else Key.Key_Up)
    settle(window)


def test_personas_are_added_named_and_removed_on_the_maps_page(window, tmp_path):
    open_map(window, make_map(), tmp_path)
    journey = window.document.journey
    page = window.inspector.map_page
    type_into(window, window.inspector.field("persona.name").widget, "Maya")
    assert [p.name for p in journey.personas] == ["Maya"]  # the first persona, as on a one-persona map
    QTest.mouseClick(page.picker.add_button, LEFT)
    settle(window)
    assert len(journey.personas) == 2 and window.inspector.field("persona.name").widget.hasFocus()
    keys(window, "Sam")
    assert [p.name for p in journey.personas] == ["Maya", "Sam"]
    assert page.picker.combo.currentText().endswith("Sam")
    type_into(window, window.inspector.field("persona.initials").widget, "sd")
    assert journey.personas[1].initials == "sd"
    assert window.persona_filter.combo.isEnabled()
    QTest.mouseClick(page.picker.remove_button, LEFT)
    settle(window)
    assert [p.name for p in journey.personas] == ["Maya"]
    shortcut(window, "undo")
    assert [(p.name, p.initials) for p in journey.personas] == [("Maya", ""), ("Sam", "sd")]


def test_who_passes_a_touchpoint_and_how_they_feel_there(window, tmp_path):
    open_map(window, two_persona_map(), tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "pay"))
    rows = window.inspector.touchpoint_page.personas.rows
    button, emotion = rows["sam"]
    assert button.isChecked()
    QTest.mouseClick(button, LEFT)
    settle(window)
    assert journey.touchpoint("pay").personas == ("maya",)
    assert not rows["sam"][1]["emotion"].widget.isEnabled()
    choose(window, rows["maya"][1]["emotion"].widget, 1)  # Card's -> -2
    assert journey.touchpoint("pay").emotion_of("maya") == -2
    choose(window, rows["maya"][1]["accommodation"].widget, 2)  # card's -> 2
    assert journey.touchpoint("pay").scores_of("maya").accommodation == 2
    assert journey.touchpoint("pay").scores_of("sam").accommodation is None
    for _ in range(window.document.undo_stack.index()):  # each choice by arrow key is a step of its own
        shortcut(window, "undo")
    assert journey.touchpoint("pay").personas is None and journey.touchpoint("pay").experiences == ()


def test_evidence_is_chosen_and_its_sources_typed_one_per_line(window, tmp_path):
    open_map(window, two_persona_map(), tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "ad"))
    choose(window, window.inspector.field("evidence.level").widget, 2)
    assert journey.touchpoint("ad").evidence.level.value == "research"
    sources = window.inspector.field("evidence.sources")
    type_into(window, sources.widget, "Interview 3 | 2026-01-05 | notes/i3.md | Too loud")
    (source,) = journey.touchpoint("ad").evidence.sources
    assert (source.who, source.date, source.link, source.quote) == ("Interview 3", dt.date(2026, 1, 5),
                                                                      "notes/i3.md", "Too loud")
    keys(window, Key.Key_Return, "Survey | March")
    assert sources.invalid and "Line 2: “March” is not a date" in sources.widget.toolTip()
    # What parsed on the way ("Survey |") was kept; the bad date never reaches the map.
    assert [(s.who, s.date) for s in journey.touchpoint("ad").evidence.sources][1] == ("Survey", None)
    assert journey.touchpoint("ad").evidence.level.value == "research"


def test_a_pain_points_evidence_and_the_touchpoints_to_be_mark(window, tmp_path):
    journey = two_persona_map()
    journey.add_pain_point("visit", "No one to help", id="help")
    open_map(window, journey, tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "visit"))
    row = window.inspector.touchpoint_page.pain_points.row("help")
    choose(window, row.evidence.widget, 1)
    assert journey.touchpoint("visit").pain_points[0].evidence.level.value == "anecdote"
    choose(window, window.inspector.field("to_be").widget, 3)
    assert journey.touchpoint("visit").to_be.value == "removed"


def test_a_lane_is_marked_as_a_personas_and_reassigned_later(window, tmp_path):
    open_map(window, two_persona_map(), tmp_path)
    journey = window.document.journey
    window.inspector.show_lane(journey, "shop")
    combo = window.inspector.field("persona").widget
    assert [combo.itemText(i) for i in range(combo.count())] == ["Everyone's", "Maya", "Sam"]
    choose(window, combo, 2)
    assert journey.lane("shop").persona == "sam"
    choose(window, combo, -1)
    assert journey.lane("shop").persona == "maya"


def add_stage_metric(window, tmp_path, preset: str):
    """Open the two-persona map and add the usual metric `preset` to its "buy" stage by mouse;
    the map and the stage page's metrics editor."""
    open_map(window, two_persona_map(), tmp_path)
    journey = window.document.journey
    window.inspector.show_stage(journey, "buy")
    kpis = window.inspector.stage_page.kpis
    kpis.preset.setCurrentText(preset)
    QTest.mouseClick(kpis.add_button, LEFT)
    settle(window)
    return journey, kpis


def test_stage_metrics_are_added_from_the_usual_ones_and_typed(window, tmp_path):
    journey, kpis = add_stage_metric(window, tmp_path, "Drop-off")
    (kpi,) = journey.stage("buy").kpis
    assert (kpi.name, kpi.unit, kpi.direction.value) == ("Drop-off", "%", "lower_is_better")
    type_into(window, kpis.rows[0].current.widget, "42")
    type_into(window, kpis.rows[0].target.widget, "30")
    assert (journey.stage("buy").kpis[0].current, journey.stage("buy").kpis[0].target) == (42, 30)
    assert window.scene.geometry.metrics_band  # the metrics lane shows under the emotion band
    QTest.mouseClick(kpis.rows[0].remove_button, LEFT)
    settle(window)
    assert journey.stage("buy").kpis == ()
    shortcut(window, "undo")
    assert journey.stage("buy").kpis[0].target == 30


def test_a_map_of_one_persona_shows_no_persona_rows_and_says_why(window, tmp_path):
    journey = make_map(cards={("Aware", "Web"): ["Ad"]})
    journey.add_persona("Maya")
    open_map(window, journey, tmp_path)
    click(window, card_center(window, "ad"))
    rows = window.inspector.touchpoint_page.personas
    assert rows.rows == {} and rows.empty.isVisibleTo(window.inspector)


def test_pain_points_and_opportunities_have_sources_reached_by_tab_and_files_kept_relative(window, tmp_path):
    journey = two_persona_map()
    journey.add_pain_point("visit", "No one to help", id="help")
    journey.add_opportunity("visit", "A help button", id="button")
    open_map(window, journey, tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "visit"))
    row = window.inspector.touchpoint_page.pain_points.row("help")
    row.evidence.widget.setFocus(Qt.FocusReason.TabFocusReason)
    keys(window, Key.Key_Tab)  # from the level to the sources, by keyboard
    assert row.sources.widget.hasFocus()
    keys(window, f"Store visit 4 | 2026-02-03 | {tmp_path / 'notes' / 'visit-4.md'} | Nobody came")
    (source,) = journey.touchpoint("visit").pain_points[0].evidence.sources
    assert (source.who, source.date, source.link, source.quote) == (
        "Store visit 4", dt.date(2026, 2, 3), "notes/visit-4.md", "Nobody came")
    idea = window.inspector.touchpoint_page.opportunities.row("button")
    type_into(window, idea.sources.widget, "Survey | May")
    assert idea.sources.invalid and "Line 1: “May” is not a date" in idea.sources.widget.toolTip()
    keys(window, *[Key.Key_Backspace] * 3, "2026-05-01 | https://example.org/s")
    assert journey.touchpoint("visit").opportunities[0].evidence.sources[0].link == "https://example.org/s"
    keys(window, Key.Key_Tab)  # leaving the field ends the typing run: one undo step per field
    shortcut(window, "undo")
    assert journey.touchpoint("visit").opportunities[0].evidence.sources == ()
    shortcut(window, "undo")
    assert journey.touchpoint("visit").pain_points[0].evidence.sources == ()


def test_a_stage_metrics_history_is_added_changed_and_removed_line_by_line_and_undone(window, tmp_path):
    journey, kpis = add_stage_metric(window, tmp_path, "NPS")
    history = kpis.rows[0].history
    type_into(window, history.widget, "2026-02-28 | 24", Key.Key_Return, "2026-01-31 | 1O")
    assert history.invalid and "Line 2: after the date and | comes the value" in history.widget.toolTip()
    keys(window, Key.Key_Backspace, "0")
    readings = journey.stage("buy").kpis[0].history
    assert [(r.date, r.value) for r in readings] == [(dt.date(2026, 1, 31), 10), (dt.date(2026, 2, 28), 24)]
    assert history.text == "2026-02-28 | 24\n2026-01-31 | 10"  # typed out of order: not rewritten under the cursor
    keys(window, Key.Key_Tab)
    settle(window)
    history.widget.setFocus(Qt.FocusReason.TabFocusReason)
    history.widget.selectAll()
    keys(window, "2026-02-28 | 30")  # one line left, its value changed
    assert [(r.date, r.value) for r in journey.stage("buy").kpis[0].history] == [(dt.date(2026, 2, 28), 30)]
    keys(window, Key.Key_Tab)
    shortcut(window, "undo")
    assert len(journey.stage("buy").kpis[0].history) == 2
    shortcut(window, "undo")
    assert journey.stage("buy").kpis[0].history == ()
