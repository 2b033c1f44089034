"""The editor driven with the real window, mouse and keyboard; every test checks the model."""

from __future__ import annotations


from PySide6.QtCore import QPointF, Qt

from model.journey_file import load, to_bytes
from tests.app.driver import card_center, cell_center, click, double_click, drag, keys, open_map, settle, shortcut
from tests.factories import make_map

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_build_a_three_stage_map_by_keyboard_alone(window, qtbot):
    window.close_map()
    window.view.setFocus()
    for name in ("Discover", "Buy", "Use"):
        shortcut(window, "add_stage")
        keys(window, name, Key.Key_Return)
    shortcut(window, "add_lane")
    keys(window, "Web", Key.Key_Return)
    keys(window, Key.Key_Return, "Sees ad", Key.Key_Return)          # first card, in the first cell
    keys(window, Key.Key_Return, "Reads blog", Key.Key_Return)       # a card after it
    keys(window, Key.Key_M, Key.Key_4, Key.Key_V, Key.Key_3, Key.Key_A, Key.Key_2, Key.Key_Plus, Key.Key_Plus)
    keys(window, Key.Key_Tab, Key.Key_Return, "Checkout", Key.Key_Return)   # into the empty next stage
    keys(window, Key.Key_Minus, Key.Key_P, "Card declined", Key.Key_Return)
    keys(window, Key.Key_Tab, Key.Key_Return, "Uses it", Key.Key_Return)

    journey = window.document.journey
    assert [s.name for s in journey.stages] == ["Discover", "Buy", "Use"]
    assert [lane.name for lane in journey.lanes] == ["Web"]
    titles = {tp.title: tp for tp in journey.touchpoints()}
    assert list(titles) == ["Sees ad", "Reads blog", "Checkout", "Uses it"]
    blog = titles["Reads blog"]
    assert blog.scores.values() == (4, 3, 2) and blog.emotion == 2
    assert [tp.stage for tp in journey.touchpoints()] == [journey.stages[i].id for i in (0, 0, 1, 2)]
    assert titles["Checkout"].emotion == -1
    assert [p.text for p in titles["Checkout"].pain_points] == ["Card declined"]
    assert window.isWindowModified()


def test_move_a_card_to_another_cell_by_drag_then_undo_and_redo(window, tmp_path):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Store"): ["Till"]})
    open_map(window, journey, tmp_path)
    journey = window.document.journey
    before = to_bytes(journey)
    ad = journey.cell("aware", "web")[0]
    drag(window, card_center(window, ad), cell_center(window, "buy", "store"))
    assert (journey.touchpoint(ad).stage, journey.touchpoint(ad).lane) == ("buy", "store")
    assert journey.cell("buy", "store")[-1] == ad
    shortcut(window, "undo")
    assert to_bytes(journey) == before
    shortcut(window, "redo")
    assert journey.touchpoint(ad).stage == "buy"


def test_reorder_a_card_within_its_cell_by_drag(window, tmp_path):
    journey = make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["First", "Second", "Third"]})
    open_map(window, journey, tmp_path)
    journey = window.document.journey
    first, second, third = journey.cell("aware", "web")
    top = window.scene.cards[first].sceneBoundingRect()
    drag(window, card_center(window, third), QPointF(top.center().x(), top.top() + 10))
    assert journey.cell("aware", "web") == (third, first, second)


def test_connect_two_cards_by_dragging_from_the_handle(window, tmp_path):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",),
                       cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"]})
    open_map(window, journey, tmp_path)
    journey = window.document.journey
    ad, checkout = journey.cell("aware", "web")[0], journey.cell("buy", "web")[0]
    click(window, card_center(window, ad))
    handle = window.scene.cards[ad].mapToScene(window.scene.cards[ad].handle_center())
    drag(window, handle, card_center(window, checkout))
    assert journey.has_connection(ad, checkout)
    shortcut(window, "undo")
    assert not journey.has_connection(ad, checkout)
    shortcut(window, "redo")
    assert journey.has_connection(ad, checkout)


def test_rename_a_stage_in_place(window, tmp_path):
    open_map(window, make_map(stages=("Aware", "Buy"), lanes=("Web",)), tmp_path)
    journey = window.document.journey
    header = window.scene.headers["stage", "buy"].sceneBoundingRect()
    double_click(window, QPointF(header.center().x(), header.top() + 14))
    keys(window, (Key.Key_A, CTRL), "Purchase", Key.Key_Return)
    assert journey.stage("buy").name == "Purchase"
    shortcut(window, "undo")
    assert journey.stage("buy").name == "Buy"
    shortcut(window, "redo")
    assert journey.stage("buy").name == "Purchase"


def test_reorder_stages_by_dragging_a_header(window, tmp_path):
    open_map(window, make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web",)), tmp_path)
    journey = window.document.journey
    first = window.scene.headers["stage", "aware"].sceneBoundingRect()
    last = window.scene.headers["stage", "buy"].sceneBoundingRect()
    drag(window, first.center(), QPointF(last.center().x(), first.center().y()))
    assert [s.id for s in journey.stages] == ["consider", "buy", "aware"]
    shortcut(window, "undo")
    assert [s.id for s in journey.stages] == ["aware", "consider", "buy"]


def test_double_click_an_empty_cell_adds_a_card_and_edits_its_title(window, tmp_path):
    open_map(window, make_map(stages=("Aware",), lanes=("Web",)), tmp_path)
    double_click(window, cell_center(window, "aware", "web"))
    keys(window, "Sees billboard", Key.Key_Return)
    assert [tp.title for tp in window.document.journey.touchpoints()] == ["Sees billboard"]


def test_rubber_band_and_ctrl_click_select_then_delete(window, tmp_path):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",),
                       cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Web"): ["Checkout"]})
    open_map(window, journey, tmp_path)
    journey = window.document.journey
    ad, blog = journey.cell("aware", "web")
    checkout = journey.cell("buy", "web")[0]
    click(window, card_center(window, ad))
    click(window, card_center(window, checkout), CTRL)
    assert set(window.scene.selected_touchpoints()) == {ad, checkout}
    window.view.setFocus()
    keys(window, Key.Key_Delete)
    assert [tp.id for tp in journey.touchpoints()] == [blog]
    shortcut(window, "undo")
    assert len(journey) == 3


def test_save_reopen_compare(window, tmp_path, dialogs):
    path = open_map(window, make_map(stages=("Aware", "Buy"), lanes=("Web",),
                                     cards={("Aware", "Web"): ["Ad"]}), tmp_path)
    journey = window.document.journey
    ad = journey.cell("aware", "web")[0]
    click(window, card_center(window, ad))
    keys(window, Key.Key_M, Key.Key_5, Key.Key_Return, "Next", Key.Key_Return)
    assert window.isWindowModified()
    shortcut(window, "save")
    assert not window.isWindowModified()
    saved = path.read_bytes()
    assert saved == to_bytes(journey)
    assert window.open_path(path)
    assert to_bytes(window.document.journey) == saved
    assert to_bytes(load(path)) == saved


def test_undo_all_returns_to_exactly_what_was_loaded(window, tmp_path):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Store"): ["Till"]})
    path = open_map(window, journey, tmp_path)
    loaded = path.read_bytes()
    journey = window.document.journey
    ad, blog = journey.cell("aware", "web")
    drag(window, card_center(window, ad), cell_center(window, "buy", "web"))
    click(window, card_center(window, blog))
    keys(window, Key.Key_V, Key.Key_2, Key.Key_Minus, Key.Key_Return, "New", Key.Key_Return)
    assert to_bytes(journey) != loaded
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert to_bytes(journey) == loaded
    assert not window.isWindowModified()


def test_opening_a_bad_file_reports_it_and_keeps_the_map(window, tmp_path, dialogs):
    open_map(window, make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["Ad"]}), tmp_path)
    before = to_bytes(window.document.journey)
    bad = tmp_path / "bad.journey"
    bad.write_text('{"format": "wayfinder.journey", "version": 1, "stages": 3}', encoding="utf-8")
    assert not window.open_path(bad)
    assert dialogs.shown == [("warning", "Cannot open map", f"{bad}: stages: must be a list, not 3")]
    assert to_bytes(window.document.journey) == before
    assert window.document.path == tmp_path / "map.journey"


def test_closing_with_unsaved_changes_asks_first(window, tmp_path, dialogs):
    from PySide6.QtWidgets import QMessageBox

    open_map(window, make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["Ad"]}), tmp_path)
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    keys(window, Key.Key_Plus)
    dialogs.answers = [QMessageBox.StandardButton.Cancel]
    window.close_map()
    assert len(window.document.journey) == 1 and dialogs.shown[-1][0] == "question"
    dialogs.answers = [QMessageBox.StandardButton.Discard]
    window.close_map()
    assert len(window.document.journey) == 0


def test_title_shows_the_file_name_and_modified_mark(window, tmp_path):
    open_map(window, make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["Ad"]}), tmp_path)
    assert window.windowTitle() == "map.journey[*] — Wayfinder" and not window.isWindowModified()
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    keys(window, Key.Key_Plus)
    assert window.isWindowModified()
    shortcut(window, "undo")
    assert not window.isWindowModified()


def test_header_context_menus_insert_and_remove_stages_and_lanes(window, tmp_path):
    from PySide6.QtWidgets import QMenu

    from widgets.canvas_menus import fill_header_menu

    open_map(window, make_map(stages=("Aware", "Buy"), lanes=("Web", "Store")), tmp_path)
    journey = window.document.journey

    def choose(kind: str, item_id: str, text: str) -> None:
        menu = QMenu()
        fill_header_menu(window.scene, menu, window.scene.headers[kind, item_id])
        next(action for action in menu.actions() if action.text() == text).trigger()
        settle(window)

    choose("stage", "aware", "Insert Stage After")
    keys(window, "Compare", Key.Key_Return)  # a new stage is named in place
    assert [s.id for s in journey.stages][0] == "aware" and len(journey.stages) == 3
    assert journey.stages[1].name == "Compare" and journey.stages[2].id == "buy"
    choose("lane", "store", "Remove Lane")
    assert [lane.id for lane in journey.lanes] == ["web"]
    shortcut(window, "undo")
    shortcut(window, "undo")
    shortcut(window, "undo")
    assert [s.id for s in journey.stages] == ["aware", "buy"] and [lane.id for lane in journey.lanes] == ["web", "store"]
