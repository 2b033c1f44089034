"""What a user feels in the real window (docks shown, 1600 x 1000), with real key and mouse events.

Every figure includes the events being processed and a synchronous repaint of the canvas.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollBar

from model.journey_file import save
from tests.benchmarks.conftest import record, timed
from tests.benchmarks.maps import MAPS_MEASURED, bench_map

CTRL, NONE, LEFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton


@pytest.fixture
def big_window(window, qtbot):
    """The tests' main window at the size the goals are set for."""
    window.resize(1600, 1000)
    qtbot.waitExposed(window)
    return window


def painted(window) -> None:
    """Let the events of a gesture run out, then paint the canvas as the screen would show it."""
    QApplication.processEvents()
    window.view.viewport().repaint()


def _card_in_view(window) -> str:
    """A card with a neighbouring cell to drop into, scrolled to the middle of the view."""
    scene = window.scene
    journey = window.document.journey
    stage = journey.stages[len(journey.stages) // 2].id
    tp_id = next(t for lane in journey.lanes for t in journey.cell(stage, lane.id))
    window.view.centerOn(scene.cards[tp_id].sceneBoundingRect().center())
    painted(window)
    return tp_id


@pytest.mark.parametrize("column", MAPS_MEASURED, ids=lambda column: column.replace(",", ""))
def test_gestures(big_window, bench, column, tmp_path):
    window, view = big_window, big_window.view
    viewport = view.viewport()
    path = tmp_path / "bench.journey"
    journey = bench_map(column)
    save(journey, path)
    small = column in ("sample", "200")

    def open_map():
        window.document.undo_stack.setClean()
        assert window.open_path(path)
        painted(window)

    bench("open a map (File → Open, painted)", column, open_map, rounds=5 if small else 3)
    view.setFocus()

    def fit():
        window.view.zoom_to_fit()
        painted(window)

    def zoom_in():
        QTest.keyClick(viewport, Qt.Key.Key_Plus, CTRL)
        painted(window)

    fit()
    before = view.zoom
    bench("zoom one step from fit (Ctrl++)", column, zoom_in, rounds=9, setup=fit)
    assert view.zoom > before

    view.actual_size()
    tp_id = _card_in_view(window)
    card = window.scene.cards[tp_id]
    moves, drops, undos = [], [], []
    for _ in range(5):
        start = view.mapFromScene(card.sceneBoundingRect().center())
        QTest.mousePress(viewport, LEFT, NONE, start)
        target = start + QPoint(window.scene.geometry.stage_columns[journey.stages[0].id].width, 0)
        steps = 24
        for i in range(1, steps + 1):
            moves.append(timed(lambda: (QTest.mouseMove(viewport, start + (target - start) * i / steps),
                                        painted(window))))
        drops.append(timed(lambda: (QTest.mouseRelease(viewport, LEFT, NONE, target), painted(window))))
        assert window.document.journey.touchpoint(tp_id).stage != journey.touchpoint(tp_id).stage
        undos.append(timed(lambda: (QTest.keyClick(viewport, Qt.Key.Key_Z, CTRL), painted(window))))
    for row, pairs in (("drag a card, per mouse move", moves), ("drop a card into another cell", drops),
                       ("undo one step (Ctrl+Z)", undos)):
        record(row, column, [wall for wall, _ in pairs], [cpu for _, cpu in pairs])

    def select_card():
        window.scene.select_touchpoints([tp_id])
        view.setFocus()
        painted(window)

    def enter():
        QTest.keyClick(viewport, Qt.Key.Key_Return, NONE)
        painted(window)
        assert window.scene.editor.active

    cards = len(window.document.journey)

    def leave_editor():
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape, NONE)
        while len(window.document.journey) > cards:  # Escape may already take an unnamed new card away
            window.document.undo_stack.undo()
        select_card()

    select_card()
    bench("Enter → title editor shown", column, enter, rounds=7, setup=leave_editor)
    leave_editor()

    title = window.inspector.field("title").widget
    title.setFocus()
    title.end(False)
    painted(window)
    bench("type one character in the inspector", column,
          lambda: (QTest.keyClick(title, Qt.Key.Key_X, NONE), painted(window)), rounds=9)
    assert window.document.journey.touchpoint(tp_id).title.endswith("x")

    def page_down():
        view.verticalScrollBar().triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
        painted(window)

    view.setFocus()
    view.verticalScrollBar().setValue(0)
    bench("scroll one page (PgDn), painted", column, page_down, rounds=5)
