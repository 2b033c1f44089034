"""Clipboard, zoom and pan, view options and settings, exercised through the real window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.clipboard import MIME_TYPE
from tests.app.driver import at, card_center, click, open_map, settle, shortcut
from tests.factories import make_map

CTRL = Qt.KeyboardModifier.ControlModifier


def two_stage_map():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",),
                    cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Web"): ["Checkout"]})


def test_copy_paste_within_a_window_keeps_connections_among_the_copies(window, tmp_path):
    journey = two_stage_map()
    ad, blog = journey.cell("aware", "web")
    journey.add_connection(ad, blog, label="reads on")
    open_map(window, journey, tmp_path)
    journey = window.document.journey
    click(window, card_center(window, ad))
    click(window, card_center(window, blog), CTRL)
    shortcut(window, "copy")
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME_TYPE)
    assert mime.text().splitlines() == ["Ad\tAware / Web", "Blog\tAware / Web"]
    shortcut(window, "paste")
    titles = [tp.title for tp in journey.touchpoints()]
    assert titles == ["Ad", "Blog", "Ad", "Blog", "Checkout"]
    copies = journey.cell("aware", "web")[2:]
    assert journey.connection(*copies).label == "reads on"
    assert window.scene.selected_touchpoints() == list(copies)
    shortcut(window, "undo")
    assert [tp.title for tp in journey.touchpoints()] == ["Ad", "Blog", "Checkout"]


def test_paste_into_another_window_puts_cards_in_the_current_cell(window, qtbot, tmp_path):
    from app.main_window import MainWindow

    journey = two_stage_map()
    open_map(window, journey, tmp_path)
    click(window, card_center(window, window.document.journey.cell("buy", "web")[0]))
    shortcut(window, "copy")
    other = MainWindow()
    qtbot.addWidget(other)
    other.document.replace(make_map(stages=("Discover",), lanes=("Phone",)), None)
    other.editing.paste()
    assert [(tp.title, tp.stage, tp.lane) for tp in other.document.journey.touchpoints()] == [
        ("Checkout", "discover", "phone")]
    other.document.undo_stack.setClean()


def test_cut_and_duplicate(window, tmp_path):
    open_map(window, two_stage_map(), tmp_path)
    journey = window.document.journey
    checkout = journey.cell("buy", "web")[0]
    click(window, card_center(window, checkout))
    shortcut(window, "duplicate")
    assert [tp.title for tp in journey.touchpoints()] == ["Ad", "Blog", "Checkout", "Checkout"]
    shortcut(window, "cut")
    assert [tp.title for tp in journey.touchpoints()] == ["Ad", "Blog", "Checkout"]
    assert window.document.undo_stack.undoText() == "Cut touchpoint"


def test_plain_text_on_the_clipboard_pastes_nothing(window, tmp_path):
    open_map(window, two_stage_map(), tmp_path)
    QApplication.clipboard().setText("just words")
    shortcut(window, "paste")
    assert len(window.document.journey) == 3


def test_ctrl_wheel_zooms_and_actual_size_resets(window, tmp_path):
    open_map(window, two_stage_map(), tmp_path)
    window.view.actual_size()
    pos = at(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    event = QWheelEvent(QPointF(pos), QPointF(window.view.viewport().mapToGlobal(pos)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(window.view.viewport(), event)
    assert abs(window.view.zoom - 1.44) < 1e-6
    shortcut(window, "zoom_actual")
    assert window.view.zoom == 1.0


def test_middle_drag_pans(window, tmp_path):
    journey = make_map(stages=tuple(f"S{i}" for i in range(12)), lanes=("Web", "Store", "Phone"))
    open_map(window, journey, tmp_path)
    window.view.actual_size()
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(600, 300))
    QTest.mouseMove(viewport, QPoint(500, 300))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(500, 300))
    assert bar.value() == before + 100


def test_view_options_hide_layers_and_persist(window, qtbot, tmp_path):
    from app.main_window import MainWindow

    open_map(window, two_stage_map(), tmp_path)
    window.actions_by_name["show_emotion"].trigger()
    assert not window.scene.curve.isVisible()
    window.actions_by_name["show_connections"].trigger()
    again = MainWindow()
    qtbot.addWidget(again)
    assert not again.actions_by_name["show_emotion"].isChecked()
    assert not again.scene.curve.isVisible()
    assert not again.actions_by_name["show_connections"].isChecked()


def test_recent_files_are_remembered(window, tmp_path):
    path = open_map(window, two_stage_map(), tmp_path)
    assert window.files.recent_files()[0] == str(path)
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == [str(path)]


def test_keyboard_shortcuts_dialog_lists_menu_and_canvas_keys(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QTableWidget

    seen = {}

    def capture(dialog):
        table = dialog.findChild(QTableWidget)
        seen["rows"] = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
        return 0

    monkeypatch.setattr(QDialog, "exec", capture)
    window.show_shortcuts()
    actions = dict(seen["rows"])
    assert actions["Ctrl+Z"] == "Undo" and actions["Ctrl+Alt+S"] == "Stage"
    assert any(keys == "Enter" for keys, _ in seen["rows"])
    settle(window)


def test_a_bundled_sample_opens_as_an_untitled_copy(window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from app.samples import sample_paths

    sample = sample_paths()[0]
    before = sample.read_bytes()
    assert window.open_path(sample)
    assert window.document.path is None and len(window.document.journey) > 20
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    click(window, card_center(window, next(iter(window.document.journey.touchpoint_ids()))))
    shortcut(window, "delete")
    shortcut(window, "save")  # asks where (cancelled): never into the samples
    assert sample.read_bytes() == before


def test_damaged_wayfinder_data_on_the_clipboard_is_refused_with_a_message(window, tmp_path, dialogs):
    from PySide6.QtCore import QMimeData

    open_map(window, two_stage_map(), tmp_path)
    before = len(window.document.journey)
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    for damaged in (b"{not json", b'{"touchpoints": [{"id": "x"}], "connections": []}'):
        mime = QMimeData()
        mime.setData(MIME_TYPE, damaged)
        QApplication.clipboard().setMimeData(mime)
        shortcut(window, "paste")
        kind, title, text = dialogs.shown[-1]
        assert (kind, title) == ("warning", "Cannot paste") and "Nothing was pasted" in text
        assert len(window.document.journey) == before
    assert "[0].title: is missing" in text  # the second one says where and what


def test_on_first_start_the_insights_are_in_front_of_the_room_panels_tabbed_with_them(window, qtbot):
    qtbot.waitUntil(lambda: not window.insights.dock.visibleRegion().isEmpty())
    for name in ("voting", "parking", "timer"):
        assert window.workshop.docks[name].visibleRegion().isEmpty()
