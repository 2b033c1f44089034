"""Drive the canvas as a user does: real mouse and key events on the view's viewport."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def open_map(window, journey, tmp_path) -> Path:
    """Save `journey` into the test's folder and open it in the window, as File → Open would."""
    from model.journey_file import save

    path = tmp_path / "map.journey"
    save(journey, path)
    assert window.open_path(path)
    settle(window)
    return path


def settle(window) -> None:
    QApplication.processEvents()
    window.scene.ensure_layout()


def at(window, scene_point: QPointF) -> QPoint:
    """The viewport position of a scene point, scrolled into view first."""
    settle(window)
    window.view.ensureVisible(scene_point.x() - 5, scene_point.y() - 5, 10, 10, 60, 60)
    return window.view.mapFromScene(scene_point)


def card_center(window, touchpoint_id: str) -> QPointF:
    return window.scene.cards[touchpoint_id].sceneBoundingRect().center()


def cell_center(window, stage: str, lane: str) -> QPointF:
    settle(window)
    rect = window.scene.geometry.cells[stage, lane]
    return QPointF(rect.x + rect.width / 2, rect.bottom - 8)


def click(window, scene_point: QPointF, modifiers=NO_MODIFIER) -> None:
    QTest.mouseClick(window.view.viewport(), LEFT, modifiers, at(window, scene_point))
    settle(window)


def double_click(window, scene_point: QPointF) -> None:
    pos = at(window, scene_point)
    QTest.mouseClick(window.view.viewport(), LEFT, NO_MODIFIER, pos)
    QTest.mouseDClick(window.view.viewport(), LEFT, NO_MODIFIER, pos)
    settle(window)


def drag(window, start: QPointF, end: QPointF, steps: int = 8) -> None:
    """Press at `start`, move in steps, release at `end` (all in scene coordinates)."""
    viewport = window.view.viewport()
    begin = at(window, start)
    finish = window.view.mapFromScene(end)
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, begin)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, begin + (finish - begin) * i / steps)
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, finish)
    settle(window)


def keys(window, *sequence) -> None:
    """Type into whatever has focus: strings are typed, Qt.Key values pressed, (key, modifiers) chorded."""
    for item in sequence:
        target = QApplication.focusWidget() or window.view
        if isinstance(item, str):
            QTest.keyClicks(target, item)
        elif isinstance(item, tuple):
            QTest.keyClick(target, item[0], item[1])
        else:
            QTest.keyClick(target, item)
        settle(window)


def shortcut(window, name: str) -> None:
    """Press the key sequence of a menu action, as a user would."""
    sequence = window.actions_by_name[name].shortcut()
    combo = sequence[0]
    QTest.keyClick(QApplication.focusWidget() or window.view, combo.key(), combo.keyboardModifiers())
    settle(window)


def frame(window):
    """The canvas as the screen shows it now (a QImage), painted after the events run out."""
    settle(window)
    window.view.viewport().repaint()
    return window.view.viewport().grab().toImage()


def differing(a, b) -> float:
    """The share of pixels of two images that differ by more than antialiasing does."""
    assert a.size() == b.size()
    step, count, differ = 3, 0, 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            count += 1
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            differ += max(abs(pa.red() - pb.red()), abs(pa.green() - pb.green()), abs(pa.blue() - pb.blue())) > 60
    return differ / count
