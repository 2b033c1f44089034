"""Live-capture keys on the real window: each case a facilitator met, driven with key events only."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar

from app.keymap import CANVAS_KEYS, bindings
from tests.app.driver import card_center, click, keys, open_map, settle, shortcut
from tests.factories import make_map
from widgets.capture_keys import CaptureKeys

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = CTRL | ALT
README = Path(__file__).resolve().parents[2] / "README.md"


def shop(window, tmp_path, **cards):
    journey = make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web", "Store"),
                       cards=cards or {("Aware", "Web"): ["Ad"], ("Consider", "Web"): ["Blog"],
                                       ("Consider", "Store"): ["Visit"], ("Buy", "Web"): ["Pay"]})
    open_map(window, journey, tmp_path)
    window.view.setFocus()
    return window.document.journey


def select(window, *touchpoint_ids):
    window.scene.select_touchpoints(list(touchpoint_ids))
    window.view.setFocus()
    settle(window)


def undo_texts(window) -> list[str]:
    stack = window.document.undo_stack
    return [stack.text(i) for i in range(stack.count())]


# ----------------------------------------------------------------- no debris
def test_enter_adds_the_next_card_connected_and_one_undo_takes_back_add_name_and_connection(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "ad")
    keys(window, Key.Key_Return, "Clicks through", Key.Key_Return)
    new = journey.cell("aware", "web")[1]
    assert journey.touchpoint(new).title == "Clicks through" and journey.has_connection("ad", new)
    assert undo_texts(window) == ["Add touchpoint “Clicks through”"]
    shortcut(window, "undo")
    assert journey.cell("aware", "web") == ("ad",) and len(journey.connections()) == 0
    shortcut(window, "redo")
    assert journey.touchpoint(new).title == "Clicks through" and journey.has_connection("ad", new)


def test_shift_enter_adds_the_next_card_without_connecting_it(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "ad")
    keys(window, (Key.Key_Return, SHIFT), "Flyer", Key.Key_Return)
    assert [journey.touchpoint(t).title for t in journey.cell("aware", "web")] == ["Ad", "Flyer"]
    assert journey.connections() == []


def test_escape_while_naming_a_new_card_removes_it_and_leaves_nothing_to_redo(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "ad")
    keys(window, Key.Key_Return, "Half a tho", Key.Key_Escape)
    assert journey.cell("aware", "web") == ("ad",) and journey.connections() == []
    assert window.document.undo_stack.count() == 0 and not window.actions_by_name["redo"].isEnabled()
    assert not window.isWindowModified()
    assert window.scene.selected_touchpoints() == ["ad"]  # where the flow goes on from


def test_an_empty_title_removes_the_new_card(window, tmp_path):
    journey = shop(window, tmp_path)
    keys(window, Key.Key_Tab, Key.Key_Tab)  # Buy · Web has "Pay"
    select(window, "pay")
    keys(window, Key.Key_Return, Key.Key_Return)
    assert journey.cell("buy", "web") == ("pay",) and window.document.undo_stack.count() == 0


def test_backspace_after_a_title_does_not_delete_the_card_delete_does(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "blog")
    keys(window, Key.Key_Backspace)
    assert journey.has_touchpoint("blog")
    keys(window, Key.Key_Delete)
    assert not journey.has_touchpoint("blog")


def test_clicking_the_add_lane_button_opens_the_new_lanes_name_editor(window, tmp_path):
    journey = shop(window, tmp_path)
    click(window, window.scene.add_lane_button.sceneBoundingRect().center())
    keys(window, "Phone", Key.Key_Return)
    assert [lane.name for lane in journey.lanes] == ["Web", "Store", "Phone"]


# ----------------------------------------------------------------- flow by keyboard
def test_enter_in_an_empty_cell_continues_the_flow_from_the_card_the_keyboard_came_from(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "pay")
    keys(window, Key.Key_Down, "")  # Buy · Store is empty
    keys(window, Key.Key_Return, "Pays at the till", Key.Key_Return)
    till = journey.cell("buy", "store")[0]
    assert journey.has_connection("pay", till)


def test_ctrl_alt_arrow_connects_in_reading_direction_and_fans_out_then_shift_removes(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "ad")
    keys(window, (Key.Key_Right, CTRL_ALT))
    assert journey.has_connection("ad", "blog")
    keys(window, (Key.Key_Right, CTRL_ALT))  # the next nearest one not connected yet
    assert journey.has_connection("ad", "visit")
    select(window, "pay")
    keys(window, (Key.Key_Left, CTRL_ALT))  # in from the left
    assert journey.has_connection("blog", "pay")
    keys(window, (Key.Key_Left, CTRL_ALT | SHIFT))
    assert not journey.has_connection("blog", "pay")
    assert undo_texts(window) == ["Connect touchpoints"] * 3 + ["Remove connection"]


def test_connecting_where_there_is_no_card_explains_in_the_status_bar(window, tmp_path, dialogs):
    journey = shop(window, tmp_path)
    select(window, "ad")
    keys(window, (Key.Key_Left, CTRL_ALT))
    assert "No card to the left" in window.statusBar().currentMessage()
    assert journey.connections() == [] and dialogs.shown == []


def test_shift_arrow_extends_in_reading_order_and_connect_selection_chains_it_as_one_step(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "ad")
    keys(window, (Key.Key_Right, SHIFT), (Key.Key_Right, SHIFT), (Key.Key_Down, SHIFT))
    assert set(window.scene.selected_touchpoints()) == {"ad", "blog", "visit", "pay"}
    keys(window, (Key.Key_Left, SHIFT))
    assert set(window.scene.selected_touchpoints()) == {"ad", "blog", "visit"}
    shortcut(window, "add_connection")
    assert [c.key for c in journey.connections()] == [("ad", "blog"), ("blog", "visit")]
    assert undo_texts(window) == ["Connect touchpoints"]
    shortcut(window, "undo")
    assert journey.connections() == []


def test_connect_selection_with_one_card_explains_in_the_status_bar_not_a_dialog(window, tmp_path, dialogs):
    shop(window, tmp_path)
    select(window, "ad")
    shortcut(window, "add_connection")
    assert dialogs.shown == []
    assert "Select two or more cards" in window.statusBar().currentMessage()


# ----------------------------------------------------------------- moving by keyboard
def test_alt_arrow_moves_a_card_to_the_next_cell_keeping_its_connections(window, tmp_path):
    journey = shop(window, tmp_path)
    journey_connections = [("ad", "blog"), ("blog", "pay")]
    for pair in journey_connections:
        journey.add_connection(*pair)
    select(window, "blog")
    keys(window, (Key.Key_Down, ALT))  # into the lane below, on top
    assert journey.cell("consider", "store") == ("blog", "visit")
    keys(window, (Key.Key_Down, ALT))  # within the cell first
    assert journey.cell("consider", "store") == ("visit", "blog")
    keys(window, (Key.Key_Right, ALT))
    assert journey.touchpoint("blog").stage == "buy" and journey.touchpoint("blog").lane == "store"
    assert all(journey.has_connection(*pair) for pair in journey_connections)
    assert window.scene.selected_touchpoints() == ["blog"]
    shortcut(window, "undo")
    assert journey.cell("consider", "store") == ("visit", "blog")


def test_paste_goes_into_the_cell_the_keyboard_went_to(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "ad")
    shortcut(window, "cut")
    keys(window, Key.Key_Tab, Key.Key_Down)  # Consider · Store has "Visit"; Down from the empty ...
    keys(window, Key.Key_Tab)  # ... to Buy · Store, empty
    shortcut(window, "paste")
    assert [journey.touchpoint(t).title for t in journey.cell("buy", "store")] == ["Ad"]


# ----------------------------------------------------------------- headers by keyboard
def test_headers_are_reached_renamed_reordered_inserted_and_removed_by_keyboard(window, tmp_path, dialogs):
    journey = shop(window, tmp_path)
    select(window, "blog")
    keys(window, Key.Key_Up)
    assert window.scene.selected_header() == ("stage", "consider")
    keys(window, Key.Key_F2, (Key.Key_A, CTRL), "Compare", Key.Key_Return)
    assert journey.stage("consider").name == "Compare"
    keys(window, (Key.Key_Left, ALT))
    assert [s.id for s in journey.stages] == ["consider", "aware", "buy"]
    keys(window, Key.Key_Return, "Research", Key.Key_Return)  # a stage after the selected one
    assert [s.name for s in journey.stages] == ["Compare", "Research", "Aware", "Buy"]
    select(window, "ad")
    keys(window, Key.Key_Home, Key.Key_Left)  # the first stage, then its lane's header
    assert window.scene.selected_header() == ("lane", "web")
    keys(window, (Key.Key_Return, SHIFT), "Social", Key.Key_Return)  # a lane before it
    assert [lane.name for lane in journey.lanes] == ["Social", "Web", "Store"]
    select(window, "ad")
    keys(window, Key.Key_Home, Key.Key_Left)
    dialogs.answers = [QMessageBox.StandardButton.Cancel]
    keys(window, Key.Key_Delete)
    assert dialogs.shown[-1][1] == "Remove lane" and "3 cards" in dialogs.shown[-1][2]
    assert "web" in [lane.id for lane in journey.lanes]
    dialogs.answers = [QMessageBox.StandardButton.Yes]
    keys(window, Key.Key_Delete)
    assert [lane.name for lane in journey.lanes] == ["Social", "Store"] and not journey.has_touchpoint("ad")
    shortcut(window, "undo")
    assert journey.has_touchpoint("ad") and journey.has_touchpoint("blog")


def test_pain_severity_and_kind_are_set_by_keys_while_typing_the_pain_point(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "pay")
    keys(window, Key.Key_P, "Card declined", (Key.Key_1, ALT), (Key.Key_K, ALT), (Key.Key_K, ALT), Key.Key_Return)
    pain = journey.touchpoint("pay").pain_points[0]
    assert (pain.text, pain.severity, pain.kind.value) == ("Card declined", 1, "confusion")
    assert window.view.hasFocus()  # back on the canvas for the next card


# ----------------------------------------------------------------- small frictions
def test_ctrl_equals_zooms_in(window, tmp_path):
    shop(window, tmp_path)
    before = window.view.zoom
    keys(window, (Key.Key_Equal, CTRL))
    assert window.view.zoom > before


def test_undo_and_redo_buttons_keep_their_width_name_the_step_in_the_tooltip_and_take_it(window, tmp_path):
    shop(window, tmp_path)
    toolbar = window.findChild(QToolBar, "main-toolbar")
    stage_button = toolbar.widgetForAction(window.actions_by_name["add_stage"])
    where = stage_button.x()
    select(window, "ad")
    keys(window, Key.Key_Return, "A card with a rather long title indeed", Key.Key_Return)
    settle(window)
    QApplication.processEvents()
    assert stage_button.x() == where
    assert "A card with a rather long title" in window.actions_by_name["undo"].toolTip()
    # The buttons have actions of their own, which never change (else Qt lays the window out again
    # at every edit): the buttons name the step in their tooltip and undo and redo as the menu's do.
    shown = toolbar.actions()
    after_save = shown.index(window.actions_by_name["save"])
    undo, redo = (toolbar.widgetForAction(action) for action in shown[after_save + 2:after_save + 4])
    assert "A card with a rather long title" in undo.toolTip() and not redo.isEnabled()
    titles = lambda: {tp.title for tp in window.document.journey.touchpoints()}  # noqa: E731
    QTest.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert "A card with a rather long title indeed" not in titles()
    assert redo.isEnabled() and "A card with a rather long title" in redo.toolTip()
    QTest.mouseClick(redo, Qt.MouseButton.LeftButton)
    assert "A card with a rather long title indeed" in titles()
    assert stage_button.x() == where


def test_a_new_maps_customer_lane_is_an_actor_lane(window):
    shortcut(window, "new")
    assert [(lane.name, lane.kind.value) for lane in window.document.journey.lanes] == [("Customer", "actor")]


# ----------------------------------------------------------------- one key table
def test_every_key_in_the_key_map_runs_a_command_the_canvas_has():
    for command in bindings("canvas").values():
        verb = command.split(" ")[0]
        assert verb == "digit" or callable(getattr(CaptureKeys, f"_{verb}", None)), command


def test_the_canvas_hard_codes_no_key():
    source = (Path(__file__).resolve().parents[2] / "widgets" / "capture_keys.py").read_text(encoding="utf-8")
    assert re.findall(r"Key_\w+", source) == ["Key_Backtab", "Key_Tab", "Key_A", "Key_Z"]  # key_code's folding


def readme_rows(window) -> list[tuple[str, str]]:
    """README's keys table as the key map and the menus say: the menus' own shortcuts (a platform's
    standard keys, such as Save, differ from system to system and are left to Help), then the canvas's."""
    menus = [(", ".join(k.toString() for k in action.shortcuts()), action.text().replace("&", ""))
             for action in window.actions_by_name.values()
             if action.shortcuts() and not action.property("standard_key")]
    return menus + [(row.shown, row.does) for row in CANVAS_KEYS]


def test_readme_keys_table_is_what_the_key_map_and_the_menus_say(window):
    text = README.read_text(encoding="utf-8")
    table = text.split("\n## Keys\n", 1)[1].split("\n\n")[1]
    rows = [tuple(cell.strip() for cell in line.strip("| ").split(" | ")) for line in table.splitlines()[2:]]
    assert rows == readme_rows(window)
    assert ("Ctrl+Alt+C", "Connection") in rows and ("Ctrl++, Ctrl+=", "Zoom In") in rows


def test_a_new_window_gives_the_canvas_the_keyboard(qtbot, settings_dir, dialogs):
    from app.gui import create_application
    from app.main_window import MainWindow

    create_application()
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.focusWidget() is main.view
    main.document.undo_stack.setClean()


def test_enter_on_a_map_without_cells_says_what_to_add_first(window, dialogs):
    window.close_map()
    window.view.setFocus()
    keys(window, Key.Key_Return)
    assert "Add a stage and a lane first" in window.statusBar().currentMessage()
    assert len(window.document.journey) == 0 and dialogs.shown == []


def test_k_on_a_lane_header_steps_the_lanes_kind_as_one_undo_step(window, tmp_path):
    journey = shop(window, tmp_path)
    select(window, "ad")
    keys(window, Key.Key_Left, Key.Key_K)
    assert journey.lane("web").kind.value == "actor"
    keys(window, Key.Key_K, Key.Key_K)
    assert journey.lane("web").kind.value == "channel"
    shortcut(window, "undo")  # the steps merge: one undo
    assert journey.lane("web").kind.value == "channel" and window.document.undo_stack.index() == 0


def test_insert_commands_without_a_target_explain_in_the_status_bar(window, tmp_path, dialogs):
    shop(window, tmp_path)
    window.scene.clearSelection()
    shortcut(window, "add_pain")
    assert "Select the card to add the pain point to first" in window.statusBar().currentMessage()
    window.close_map()
    shortcut(window, "add_touchpoint")
    assert "Add a stage and a lane first" in window.statusBar().currentMessage()
    assert dialogs.shown == []
