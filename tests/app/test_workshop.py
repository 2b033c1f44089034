"""Room mode through the real window: presenting, stepping, editing while presenting, the
parking lot, dot voting and the timer, driven by keys as a facilitator would."""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from model import theme
from tests.app.room_probe import painted_card_text_pixels
from tests.app.driver import card_center, click, keys, open_map, settle, shortcut
from tests.factories import make_map

SHIFT = Qt.KeyboardModifier.ShiftModifier


def room_map():
    journey = make_map(stages=("Aware", "Consider", "Buy", "Keep", "Tell", "Return"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad"], ("Consider", "Web"): ["Reviews"], ("Buy", "Store"): ["Till"],
                              ("Keep", "Web"): ["Support"], ("Tell", "Web"): ["Review"], ("Return", "Store"): ["Desk"]})
    journey.add_connection("ad", "reviews")
    journey.add_connection("reviews", "till")
    journey.add_connection("till", "desk")
    journey.add_connection("reviews", "support")  # and no further: a dead end
    journey.update_touchpoint("ad", channel="Instagram", owner="Marketing")
    return journey


def present(window, walk_through=False):
    shortcut(window, "walk_through" if walk_through else "present")
    view = window.workshop.presentation
    assert view is not None
    QTest.qWaitForWindowExposed(view)
    settle(window)
    return view


def test_f5_presents_full_screen_with_titles_at_least_a_fiftieth_of_the_screen(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    assert view.isFullScreen() and view.isVisible()
    assert view.screen() is window.screen()  # one screen: the room sees the window's own
    screen_height = view.screen().geometry().height()
    assert view.height() == screen_height
    assert min(painted_card_text_pixels(view, theme.CARD_TITLE_SIZE, bold=True)) >= screen_height / theme.ROOM_TITLE_SHARE
    assert painted_card_text_pixels(window.view, theme.CARD_META_SIZE, bold=False)  # the editor keeps its meta line
    keys(window, Qt.Key.Key_Escape)
    assert window.workshop.presentation is None and not shiboken6.isValid(view)  # closed and gone
    assert QApplication.focusWidget() is window.view


def test_clicker_keys_step_through_the_stages_and_frame_them_right_of_the_lane_strip(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    g = window.scene.geometry

    def first_stage_left():
        return view.mapFromScene(QPointF(g.stage_columns[view.stages_in_view()[0]].x, 0)).x()

    assert view.stages_in_view()[0] == "aware"
    assert abs(first_stage_left() - view.lane_strip_width()) <= 2
    keys(window, Qt.Key.Key_PageDown)
    assert view.step == 1 and view.stages_in_view()[0] == "consider"
    assert abs(first_stage_left() - view.lane_strip_width()) <= 2
    keys(window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert view.step == 3
    keys(window, Qt.Key.Key_PageUp, Qt.Key.Key_Left)
    assert view.step == 1
    shown = view.stages_in_view()
    width = sum(g.stage_columns[s].width for s in shown) * view.scale_factor
    assert abs(width - (view.width() - view.lane_strip_width())) <= 2  # the stages in view fill the width


def test_b_blanks_the_room_and_any_key_brings_the_map_back(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    keys(window, Qt.Key.Key_B)
    image = view.viewport().grab().toImage()
    assert {image.pixelColor(x, y).name() for x in (5, view.width() // 2) for y in (5, view.height() // 2)} == {"#000000"}
    keys(window, Qt.Key.Key_B)
    assert view.viewport().grab().toImage().pixelColor(view.width() // 2, view.height() // 2).name() != "#000000"


def test_editing_while_presenting_changes_the_map_and_both_views_at_once(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    cell = window.scene.geometry.cells["aware", "store"]
    point = view.mapFromScene(QPointF(cell.x + cell.width / 2, cell.bottom - 10))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    settle(window)
    keys(window, "Shop window", Qt.Key.Key_Return)
    journey = window.document.journey
    added = [tp for tp in journey.touchpoints() if tp.title == "Shop window"]
    assert len(added) == 1 and (added[0].stage, added[0].lane) == ("aware", "store")
    assert added[0].id in window.scene.cards  # the main window's canvas shows it too: one scene
    keys(window, Qt.Key.Key_M, Qt.Key.Key_4)
    assert journey.touchpoint(added[0].id).scores.meaning == 4
    keys(window, (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))  # undo works on the room's screen
    assert journey.touchpoint(added[0].id).scores.meaning is None


def test_walk_through_ends_on_the_insights_and_r_hides_the_marks(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window, walk_through=True)
    assert view.walk_through and view.step_description() == "Stage 1 of 6: Aware"
    keys(window, Qt.Key.Key_End)
    assert view.on_insights_step()
    assert view.callouts[0].problem and (view.callouts[0].label, view.callouts[0].text) == ("Dead end", "“Support”")
    assert "The room prioritised" not in [c.label for c in view.callouts]  # no votes, no callout
    assert window.workshop.presenter.now.text().endswith("Insights")
    keys(window, Qt.Key.Key_R)
    assert window.insights.choice.problems is False
    keys(window, Qt.Key.Key_R)
    assert window.insights.choice.problems is True


def test_dot_voting_with_keys_respects_the_budget_and_is_saved(window, tmp_path, dialogs):
    path = open_map(window, room_map(), tmp_path)
    panel = window.workshop.voting
    panel.name.setFocus()
    keys(window, "Ana", Qt.Key.Key_Return)
    panel.name.setFocus()
    keys(window, Qt.Key.Key_Return)  # an empty name gives a numbered voter
    journey = window.document.journey
    assert [(v.name, v.budget) for v in journey.voters] == [("Ana", 3), ("Voter 2", 3)]
    click(window, card_center(window, "reviews"))
    for _ in range(3):
        shortcut(window, "dot")
    assert journey.dots_on("reviews") == 3 and journey.dots_left(journey.voters[1].id) == 0
    shortcut(window, "dot")
    assert dialogs.shown[-1][2] == "Voter 2 has placed all 3 dots this round"
    assert journey.dots_on("reviews") == 3
    shortcut(window, "take_back_dot")
    assert journey.dots_on("reviews") == 2
    shortcut(window, "next_voter")
    shortcut(window, "dot")
    assert [v.voter for v in journey.votes()] == [journey.voters[1].id] * 2 + [journey.voters[0].id]
    window.insights.refresh()
    entries = window.insights.panel.entries("What the room prioritised")
    assert [e.text(0) for e in entries] == ["3 ● Reviews"]
    shortcut(window, "save")
    saved = json.loads(path.read_text())
    assert len(saved["votes"]) == 3 and [v["name"] for v in saved["voters"]] == ["Ana", "Voter 2"]


def test_a_dot_on_a_pain_point_picked_in_the_voting_panel(window, tmp_path):
    journey = room_map()
    journey.add_pain_point("till", "Queue too long", id="queue")
    journey.add_voter("Ana", id="ana")
    open_map(window, journey, tmp_path)
    click(window, card_center(window, "till"))
    panel = window.workshop.voting
    assert [panel.targets.item(i).text() for i in range(panel.targets.count())] == [
        "Card: Till", "Pain point: Queue too long"]
    panel.targets.setCurrentRow(1)
    window.view.setFocus()
    shortcut(window, "dot")
    assert [(v.touchpoint, v.note) for v in window.document.journey.votes()] == [("till", "queue")]
    assert panel.targets.item(1).text() == "●  Pain point: Queue too long"


def test_typing_d_into_a_card_title_places_no_dot(window, tmp_path):
    journey = room_map()
    journey.add_voter("Ana", id="ana")
    open_map(window, journey, tmp_path)
    click(window, card_center(window, "ad"))
    keys(window, Qt.Key.Key_F2)
    keys(window, "Dd", Qt.Key.Key_Return)
    journey = window.document.journey
    assert journey.touchpoint("ad").title == "Dd" and journey.votes() == []


def test_ctrl_k_parks_a_question_from_the_canvas_and_gives_the_keyboard_back(window, tmp_path):
    path = open_map(window, room_map(), tmp_path)
    shortcut(window, "park")
    assert QApplication.focusWidget() is window.workshop.parking.text
    keys(window, "Who owns returns?", Qt.Key.Key_Return)
    journey = window.document.journey
    assert [(p.text, p.owner, p.closed) for p in journey.parking_lot] == [("Who owns returns?", "", False)]
    assert QApplication.focusWidget() is window.view
    entry = window.workshop.parking.items.item(0)
    entry.setCheckState(Qt.CheckState.Checked)
    assert journey.parking_lot[0].closed
    shortcut(window, "undo")
    assert not journey.parking_lot[0].closed
    shortcut(window, "save")
    assert json.loads(path.read_text())["parking_lot"][0]["text"] == "Who owns returns?"


def test_ctrl_k_while_presenting_opens_the_parking_strip_on_the_rooms_screen(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    keys(window, (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier))
    strip = window.workshop.parking_strip
    assert strip is not None and strip.isVisible() and strip.parent() is view
    assert QApplication.focusWidget() is strip.text
    keys(window, "Gift cards?", Qt.Key.Key_Tab, "Sam", Qt.Key.Key_Return)
    assert [(p.text, p.owner) for p in window.document.journey.parking_lot] == [("Gift cards?", "Sam")]
    assert len(window.document.journey) == 6 and not window.scene.editor.active  # Enter parked, added no card
    assert QApplication.focusWidget() is view
    keys(window, Qt.Key.Key_L)
    assert not strip.isVisible()


def test_the_timer_counts_down_pauses_and_ends_unmistakably(window, tmp_path, monkeypatch):
    open_map(window, room_map(), tmp_path)
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    now = [1000.0]
    box = window.workshop.time_box
    box.clock = lambda: now[0]
    click(window, card_center(window, "reviews"))
    shortcut(window, "timer_start")
    badge = window.workshop.badges[0]
    assert badge.isVisible() and badge.text() == "Capture: Consider  10:00"
    now[0] += 61
    box._tick()
    assert badge.text() == "Capture: Consider  08:59"
    shortcut(window, "timer_pause")
    now[0] += 300
    box._tick()
    assert badge.text() == "Capture: Consider  08:59  (paused)"
    shortcut(window, "timer_pause")
    shortcut(window, "timer_add_minute")
    assert box.text() == "09:59"
    now[0] += 600
    box._tick()
    assert box.over and badge.over and badge.text() == "Capture: Consider  Time's up" and beeps == [1]
    assert theme.VERMILLION in badge.styleSheet()
    shortcut(window, "timer_add_minute")
    assert box.running and box.text() == "01:00"


def test_h_draws_the_room_in_high_contrast_without_touching_the_editors_view(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    window.insights.choose(problems=False)  # a dead end's mark keeps its colour in high contrast too
    window.insights.refresh()
    view = present(window)
    card = window.scene.cards["ad"].sceneBoundingRect()

    def border_darkness(target):
        edge = target.mapFromScene(QPointF(card.left() + 3, card.center().y()))
        image = target.viewport().grab().toImage()
        return min(image.pixelColor(edge.x() + dx, edge.y()).lightness() for dx in range(-3, 4))

    before = border_darkness(view)
    keys(window, Qt.Key.Key_H)
    assert view.high_contrast and border_darkness(view) < before - 60
    assert border_darkness(window.view) > 60  # the editor's own view keeps its grey borders
    keys(window, Qt.Key.Key_H)
    assert abs(border_darkness(view) - before) <= 5


def test_an_edit_in_the_editor_shows_at_once_on_the_rooms_screen(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    card = window.scene.cards["ad"].sceneBoundingRect()

    def fill(target):
        middle = target.mapFromScene(card.center())
        return target.viewport().grab().toImage().pixelColor(middle.x(), middle.y()).name()

    window.view.centerOn(card.center())
    assert fill(view) == fill(window.view) == theme.CARD_BACKGROUND
    click(window, card_center(window, "ad"))
    window.inspector.touchpointEdited.emit("ad", {"colour": "#ff0000"})  # as the inspector's colour field does
    settle(window)
    assert fill(window.view) == "#ff0000" and fill(view) == "#ff0000"
    shortcut(window, "present")  # F5 again leaves
    assert window.scene.cards["ad"].cacheMode() == window.scene.cards["ad"].CacheMode.DeviceCoordinateCache


def test_closing_the_rooms_window_any_way_ends_the_presentation(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    view.close()  # as the window manager would
    settle(window)
    assert window.workshop.presentation is None
    assert window.scene.cards["ad"].cacheMode() == window.scene.cards["ad"].CacheMode.DeviceCoordinateCache
    view = present(window)  # and presenting again works
    assert window.workshop.presentation is view


def test_a_clickers_page_down_steps_the_room_even_with_the_keyboard_in_the_editor(window, tmp_path):
    open_map(window, room_map(), tmp_path)
    view = present(window)
    QTest.keyClick(window.view, Qt.Key.Key_PageDown)
    assert view.step == 1
    window.inspector.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_PageUp)
    assert view.step == 0


def test_a_dot_without_voters_or_without_a_card_says_what_to_do(window, tmp_path, dialogs):
    open_map(window, room_map(), tmp_path)
    shortcut(window, "dot")
    assert "No voters yet" in window.statusBar().currentMessage()
    assert window.workshop.docks["voting"].isVisible() and QApplication.focusWidget() is window.workshop.voting.name
    keys(window, "Ana", Qt.Key.Key_Return)
    window.view.setFocus()
    window.scene.clearSelection()
    shortcut(window, "dot")
    assert window.statusBar().currentMessage().startswith("Select a card to vote on")
    click(window, card_center(window, "ad"))
    shortcut(window, "take_back_dot")
    assert dialogs.shown[-1][1:] == ("Cannot make that change", "Ana has no dot there this round")
    assert window.document.journey.votes() == []


def test_help_lists_the_workshop_keys_and_the_presentation_keys(window, monkeypatch):
    from PySide6.QtWidgets import QDialog, QTableWidget

    shown = []

    def capture(dialog):
        table = dialog.findChild(QTableWidget)
        shown.extend((table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount()))
        return 0

    monkeypatch.setattr(QDialog, "exec", capture)
    window.show_shortcuts()
    assert ("D", "Place a Dot") in shown and ("Ctrl+K", "Park a Question or Idea") in shown
    assert ("F5", "Present") in shown
    assert ("B", "Presenting: Blank the screen; any key brings the map back") in shown


def test_a_lane_headers_menu_draws_a_blueprint_line_above_it_and_undo_removes_it(window, tmp_path):
    from PySide6.QtWidgets import QMenu

    from widgets.canvas_menus import fill_header_menu

    path = open_map(window, room_map(), tmp_path)
    journey = window.document.journey

    def choose(lane_id: str, text: str) -> list[str]:
        menu = QMenu()
        fill_header_menu(window.scene, menu, window.scene.headers["lane", lane_id])
        submenu = next(a.menu() for a in menu.actions() if a.text() == "Blueprint Line Above")
        checked = [a.text() for a in submenu.actions() if a.isChecked()]
        next(a for a in submenu.actions() if a.text() == text).trigger()
        settle(window)
        return checked

    assert choose("store", "Line of visibility") == ["None"]
    assert [(line.kind.value, line.above) for line in journey.blueprint_lines] == [("visibility", "store")]
    assert choose("store", "Line of interaction") == ["Line of visibility"]
    assert [(line.kind.value, line.above) for line in journey.blueprint_lines] == [("interaction", "store")]
    shortcut(window, "save")
    assert json.loads(path.read_text())["blueprint_lines"] == [{"kind": "interaction", "above": "store"}]
    choose("store", "None")
    assert journey.blueprint_lines == ()
    shortcut(window, "undo")
    shortcut(window, "undo")
    assert [(line.kind.value, line.above) for line in journey.blueprint_lines] == [("visibility", "store")]


def test_present_on_lists_the_screens_and_remembers_the_choice(window):
    workshop = window.workshop
    workshop.screens_menu.aboutToShow.emit()
    entries = workshop.screens_menu.actions()
    screen = window.screen()
    size = screen.geometry()
    assert [a.text() for a in entries] == [f"{screen.name()} ({size.width()}×{size.height()} at 0, 0)"]
    assert entries[0].isChecked()
    entries[0].trigger()
    assert window.settings.value("presentation/screen") == entries[0].text()
    assert workshop.audience_screen() is screen
