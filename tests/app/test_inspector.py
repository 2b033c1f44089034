"""The inspector, typed into as a user would: edits reach the model, merge per field, and undo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from model.vocabulary import SCORE_EXPLANATIONS
from tests.app.driver import card_center, click, keys, open_map, settle, shortcut
from tests.factories import make_map

Key = Qt.Key


def type_into(window, widget, *sequence) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    keys(window, *sequence)


def small_map():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})


def test_typing_a_title_is_one_undo_step_and_the_card_follows(window, tmp_path):
    open_map(window, small_map(), tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "ad"))
    title = window.inspector.field("title").widget
    type_into(window, title, (Key.Key_A, Qt.KeyboardModifier.ControlModifier), "Banner ad")
    assert journey.touchpoint("ad").title == "Banner ad"
    type_into(window, window.inspector.field("channel").widget, "Web")
    assert journey.touchpoint("ad").channel == "Web"
    shortcut(window, "undo")
    assert (journey.touchpoint("ad").title, journey.touchpoint("ad").channel) == ("Banner ad", "")
    shortcut(window, "undo")
    assert journey.touchpoint("ad").title == "Ad"
    assert not window.isWindowModified()


def test_a_score_clicked_in_the_inspector_is_set_and_explained(window, tmp_path):
    open_map(window, small_map(), tmp_path)
    click(window, card_center(window, "pay"))
    field = window.inspector.field("accommodation")
    QTest.mouseClick(field.button(2), Qt.MouseButton.LeftButton)
    assert window.document.journey.touchpoint("pay").scores.accommodation == 2
    labels = [label.text() for label in window.inspector.touchpoint_page.findChildren(QLabel)]
    assert SCORE_EXPLANATIONS["accommodation"] in labels
    assert field.widget.toolTip().startswith("Accommodation, 1 (poor) to 5 (excellent)")


def test_pain_points_are_added_edited_and_removed_in_the_inspector(window, tmp_path):
    open_map(window, small_map(), tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "ad"))
    page = window.inspector.touchpoint_page
    QTest.mouseClick(page.pain_points.add_button, Qt.MouseButton.LeftButton)
    settle(window)
    (pain,) = journey.touchpoint("ad").pain_points
    row = page.pain_points.row(pain.id)
    type_into(window, row.text.widget, (Key.Key_A, Qt.KeyboardModifier.ControlModifier), "No stock shown")
    QTest.mouseClick(row.severity.button(3), Qt.MouseButton.LeftButton)
    settle(window)
    pain = journey.touchpoint("ad").pain_points[0]
    assert (pain.text, pain.severity) == ("No stock shown", 3)
    QTest.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert journey.touchpoint("ad").pain_points == ()
    shortcut(window, "undo")
    assert journey.touchpoint("ad").pain_points[0].text == "No stock shown"


def test_stage_goal_and_persona_goals_are_edited_in_the_inspector(window, tmp_path):
    open_map(window, small_map(), tmp_path)
    journey = window.document.journey
    header = window.scene.headers["stage", "buy"].sceneBoundingRect()
    click(window, QPointF(header.center().x(), header.top() + 14))
    assert window.inspector.page is window.inspector.stage_page
    type_into(window, window.inspector.field("goal").widget, "Pay without surprises")
    assert journey.stage("buy").goal == "Pay without surprises"
    window.scene.clearSelection()
    settle(window)
    assert window.inspector.page is window.inspector.map_page
    type_into(window, window.inspector.field("persona.goals").widget, "Fast delivery", Key.Key_Return, "Fair price")
    assert journey.persona.goals == ("Fast delivery", "Fair price")


def test_a_field_shows_why_bad_input_is_refused_and_the_model_keeps_its_value(window, tmp_path):
    open_map(window, small_map(), tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "ad"))
    tags = window.inspector.field("tags").widget
    type_into(window, tags, "x" * 61)
    assert journey.touchpoint("ad").tags == ("x" * 60,)  # the last valid input, not the bad one
    assert tags.property("invalid") and "at most 60 characters" in tags.toolTip()
    type_into(window, tags, Key.Key_Backspace, ", web")
    assert journey.touchpoint("ad").tags == ("x" * 60, "web") and not tags.property("invalid")
    nps = window.inspector.field("nps").widget
    type_into(window, nps, "150")
    assert journey.touchpoint("ad").metrics.nps == 15  # the last valid input, "15"
    assert nps.property("invalid") and "−100 to 100" in nps.toolTip()
    window.view.setFocus()  # leaving the field puts back what the model holds
    settle(window)
    assert nps.text() == "15" and not nps.property("invalid")


def test_the_accessible_title_mermaid_keeps_is_edited_with_the_map(window, tmp_path):
    open_map(window, small_map(), tmp_path)
    journey = window.document.journey
    assert window.inspector.page is window.inspector.map_page
    type_into(window, window.inspector.field("accessible_title").widget, "Buying a sofa, step by step")
    assert journey.info.accessible_title == "Buying a sofa, step by step"
    shortcut(window, "undo")
    assert journey.info.accessible_title == ""
