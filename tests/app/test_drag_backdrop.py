"""A card drag paints the still map once (widgets.drag_backdrop): the frames it shows must be the
frames the whole map would paint, and nothing of it may stay behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from app import insights
from tests.app.driver import LEFT, NO_MODIFIER, at, card_center, cell_center, differing, frame, open_map, settle
from tests.factories import large_map, make_map
from widgets.drag_backdrop import DragBackdrop


def mid_drag_frame(window, tp_id: str, scroll: bool) -> QImage:
    """Drag `tp_id` a little right and down (scrolling the view half-way if `scroll`), and paint."""
    viewport = window.view.viewport()
    start = at(window, card_center(window, tp_id))
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    for i in range(1, 9):
        QTest.mouseMove(viewport, start + QPoint(12 * i, 7 * i))
        if scroll and i == 4:
            window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().value() + 40)
        frame(window)
    image = frame(window)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, start + QPoint(96, 56))
    settle(window)
    return image


@pytest.mark.parametrize("scroll", [False, True], ids=["still view", "scrolled mid-drag"])
def test_a_drag_shows_what_the_whole_map_would_paint(window, qtbot, tmp_path, monkeypatch, scroll):
    window.resize(1200, 800)
    open_map(window, large_map(touchpoints=120, stages=6, lanes=5, connections=180), tmp_path)
    window.view.actual_size()
    journey = window.document.journey
    tp_id = journey.cell(journey.stages[2].id, journey.lanes[1].id)[0]
    assert journey.connections_of(tp_id)
    window.view.centerOn(card_center(window, tp_id))
    frame(window)
    if scroll:  # the insights' marks are on the cards before the drag (marks shown during one are another test)
        qtbot.wait(insights.DELAY_MS * 3)
    bars = window.view.horizontalScrollBar(), window.view.verticalScrollBar()
    scrolled = [bar.value() for bar in bars]
    with_backdrop = mid_drag_frame(window, tp_id, scroll)
    monkeypatch.setattr(DragBackdrop, "raise_under", lambda *args: None)
    for bar, value in zip(bars, scrolled):
        bar.setValue(value)
    painted_whole = mid_drag_frame(window, tp_id, scroll)
    assert differing(with_backdrop, painted_whole) < 0.002


def test_nothing_of_a_cancelled_drag_stays_on_the_canvas(window, tmp_path):
    journey = make_map(stages=("Aware", "Buy", "Use"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"], ("Use", "Store"): ["Return"]})
    journey.add_connection("ad", "checkout")
    journey.add_connection("checkout", "return")
    open_map(window, journey, tmp_path)
    checkout = window.document.journey.cell("buy", "web")[0]
    QTest.mouseClick(window.view.viewport(), LEFT, NO_MODIFIER, at(window, card_center(window, checkout)))
    rest = at(window, cell_center(window, "aware", "store"))
    QTest.mouseMove(window.view.viewport(), rest)
    before = frame(window)
    viewport = window.view.viewport()
    start = at(window, card_center(window, checkout))
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    finish = window.view.mapFromScene(cell_center(window, "buy", "store"))
    for i in range(1, 7):
        QTest.mouseMove(viewport, start + (finish - start) * i / 6)
        frame(window)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, finish)
    QTest.mouseMove(viewport, rest)
    assert frame(window) == before
    assert window.document.journey.touchpoint(checkout).stage == "buy"
