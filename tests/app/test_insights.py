"""The insights panel and the overlays, driven as a user would: clicks, keys and menu actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from model import theme
from model.entities import Motivator
from tests.app.driver import card_center, click, open_map, settle, shortcut
from tests.factories import make_map


def shop_map():
    """ad -> (browse | queue) -> pay, where the queue leads nowhere: a dead end."""
    journey = make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web", "Phone"),
                       cards={("Aware", "Web"): ["Ad"], ("Consider", "Web"): ["Browse"],
                              ("Consider", "Phone"): ["Queue"], ("Buy", "Web"): ["Pay"]})
    journey.update_touchpoint("browse", scores={"accommodation": 5}, owner="Web team")
    journey.update_touchpoint("queue", scores={"accommodation": 1}, owner="Support")
    journey.add_pain_point("queue", "On hold for 20 minutes", severity=3, kind="dead_end")
    for source, target in (("ad", "browse"), ("ad", "queue"), ("browse", "pay")):
        journey.add_connection(source, target)
    return journey


def open_with_insights(window, qtbot, tmp_path, journey=None):
    open_map(window, journey or shop_map(), tmp_path)
    qtbot.waitUntil(lambda: window.insights.insights is not None and not window.insights.timer.isActive())
    settle(window)
    return window.document.journey


def click_entry(window, section: str, text_start: str) -> None:
    panel = window.insights.panel
    entry = next(item for item in panel.entries(section) if item.text(0).startswith(text_start))
    panel.tree.scrollToItem(entry)
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     panel.tree.visualItemRect(entry).center())
    settle(window)


def test_the_headline_names_the_dead_end_the_weakest_stage_and_the_team_with_most_pain(window, qtbot, tmp_path):
    open_with_insights(window, qtbot, tmp_path)
    headline = window.insights.panel.headline.text()
    assert "Dead end" in headline and "Queue" in headline
    assert "Weakest stage:</b> Consider" in headline
    assert "Most pain:</b> Support" in headline


def test_clicking_an_insight_selects_the_touchpoint_and_brings_it_into_view(window, qtbot, tmp_path):
    journey = open_with_insights(window, qtbot, tmp_path)
    click_entry(window, "Dead ends", "Queue")
    assert window.scene.selected_touchpoints() == ["queue"]
    assert window.view.mapToScene(window.view.viewport().rect()).boundingRect().contains(card_center(window, "queue"))
    click_entry(window, "Pain by team", "Support")
    assert window.scene.selected_touchpoints() == ["queue"]
    assert journey.touchpoint("queue").title == "Queue"


def test_an_edit_updates_the_panel_and_the_dead_end_mark(window, qtbot, tmp_path):
    journey = open_with_insights(window, qtbot, tmp_path)
    assert window.scene.cards["queue"].badge == "Dead end"
    click(window, card_center(window, "queue"))
    click(window, card_center(window, "pay"), Qt.KeyboardModifier.ControlModifier)
    shortcut(window, "add_connection")
    assert journey.has_connection("queue", "pay")
    qtbot.waitUntil(lambda: [e.text(0) for e in window.insights.panel.entries("Dead ends")] == ["None"])
    assert window.scene.cards["queue"].badge == ""
    shortcut(window, "undo")
    qtbot.waitUntil(lambda: window.scene.cards["queue"].badge == "Dead end")


def test_colour_by_pain_from_the_view_menu_fills_cards_and_shows_a_legend(window, qtbot, tmp_path):
    open_with_insights(window, qtbot, tmp_path)
    window.actions_by_name["colour_by_pain"].trigger()
    assert window.scene.cards["queue"].fill == theme.PAIN_FILLS[3]
    assert window.scene.cards["browse"].fill == theme.PAIN_FILLS[0]
    assert window.insights.legend.isVisible()
    window.actions_by_name["colour_by_accommodation"].trigger()
    assert window.scene.cards["browse"].fill == theme.SCALE_FILLS[5]
    window.actions_by_name["colour_by_none"].trigger()
    assert window.scene.cards["queue"].fill is None and not window.insights.legend.isVisible()
    window.actions_by_name["mark_problems"].trigger()
    assert window.scene.cards["queue"].badge == ""


def test_the_easiest_path_between_two_selected_cards_is_drawn_bold(window, qtbot, tmp_path):
    journey = shop_map()
    journey.add_connection("queue", "pay")
    open_with_insights(window, qtbot, tmp_path, journey)
    window.actions_by_name["path_easiest"].trigger()
    assert "Select two touchpoints" in window.statusBar().currentMessage()
    click(window, card_center(window, "ad"))
    click(window, card_center(window, "pay"), Qt.KeyboardModifier.ControlModifier)
    items = window.scene.connection_items
    assert items["ad", "browse"].emphasis and items["browse", "pay"].emphasis
    assert items["ad", "queue"].emphasis is None
    window.actions_by_name["path_painful"].trigger()
    assert items["ad", "queue"].emphasis and items["queue", "pay"].emphasis
    assert items["ad", "browse"].emphasis is None


def test_motivators_expectations_and_targets_are_edited_in_the_inspector_and_undone(window, qtbot, tmp_path):
    journey = open_with_insights(window, qtbot, tmp_path)
    click(window, card_center(window, "queue"))
    inspector = window.inspector
    inspector.field("motivators").button(Motivator.autonomy).click()
    assert journey.touchpoint("queue").motivators == (Motivator.autonomy,)
    inspector.field("expected").button(4).click()
    inspector.field("experienced").button(1).click()
    inspector.field("target.emotion").button(1).click()
    journey_tp = journey.touchpoint("queue")
    assert (journey_tp.expected, journey_tp.experienced, journey_tp.target.emotion) == (4, 1, 1)
    qtbot.waitUntil(lambda: window.insights.panel.entries("Expectation gaps")[0].text(0).startswith("Queue"))
    assert "expected 4, got 1" in window.insights.panel.entries("Expectation gaps")[0].text(0)
    for _ in range(4):
        shortcut(window, "undo")
    tp = journey.touchpoint("queue")
    assert (tp.motivators, tp.expected, tp.experienced, tp.target.emotion) == ((), None, None, None)


def test_the_target_emotion_curve_is_a_view_option(window, qtbot, tmp_path):
    journey = shop_map()
    journey.update_touchpoint("queue", emotion=-2, target={"emotion": 1})
    open_with_insights(window, qtbot, tmp_path, journey)
    assert window.scene.geometry.target_emotion_curve
    assert not window.scene.curve.show_target
    window.actions_by_name["target_curve"].trigger()
    assert window.scene.curve.show_target
    entries = window.insights.panel.entries("Furthest from target")
    assert entries[0].text(0).startswith("Queue") and "target +1" in entries[0].text(0)


def test_cards_typed_before_any_connection_raise_no_alarm(window, qtbot, tmp_path):
    journey = make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web", "Phone"),
                       cards={("Aware", "Web"): ["Ad"], ("Consider", "Web"): ["Browse"],
                              ("Consider", "Phone"): ["Queue"], ("Buy", "Web"): ["Pay"]})
    open_with_insights(window, qtbot, tmp_path, journey)
    panel = window.insights.panel
    assert all(card.badge == "" for card in window.scene.cards.values())
    assert "No flow drawn yet" in panel.headline.text() and "Dead end" not in panel.headline.text()
    assert [e.text(0) for e in panel.entries("Dead ends")] == ["None"]
    assert [e.text(0) for e in panel.entries("Not in the flow yet")] == ["Ad", "Browse", "Queue", "Pay"]
    assert "(" not in panel.tree.topLevelItem(0).text(0)  # "Dead ends", no "(0)"
    journey = window.document.journey
    journey_keys = [("ad", "queue"), ("ad", "browse")]  # a chain still short of the last stage: no alarm
    for source, target in journey_keys:
        click(window, card_center(window, source))
        click(window, card_center(window, target), Qt.KeyboardModifier.ControlModifier)
        shortcut(window, "add_connection")
    qtbot.waitUntil(lambda: not window.insights.timer.isActive())
    assert all(card.badge == "" for card in window.scene.cards.values())
    assert "No flow drawn yet" in panel.headline.text()
    click(window, card_center(window, "browse"))
    click(window, card_center(window, "pay"), Qt.KeyboardModifier.ControlModifier)
    shortcut(window, "add_connection")  # the flow reaches the last stage: now the queue is a dead end
    assert journey.has_connection("browse", "pay")
    qtbot.waitUntil(lambda: window.scene.cards["queue"].badge == "Dead end")
    assert window.scene.cards["browse"].badge == "" and window.scene.cards["pay"].badge == ""
    assert "No flow drawn yet" not in panel.headline.text()


def test_pain_by_severity_shows_no_count_on_a_map_without_pain(window, qtbot, tmp_path):
    open_with_insights(window, qtbot, tmp_path, make_map(cards={("Aware", "Web"): ["Ad"]}))
    panel = window.insights.panel
    header = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                  if panel.tree.topLevelItem(i).text(0).startswith("Pain by severity"))
    assert header.text(0) == "Pain by severity"
    assert [e.text(0) for e in panel.entries("Pain by severity")] == ["No pain points yet"]
