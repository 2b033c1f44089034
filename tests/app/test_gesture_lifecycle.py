"""Gestures have a lifecycle: Escape cancels one, and a map replaced under one cancels it first."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from model.journey_file import load, save, to_bytes
from tests.app.driver import LEFT, NO_MODIFIER, at, card_center, cell_center, open_map, settle
from tests.factories import make_map


def two_cards():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",),
                    cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"]})


def press_and_move(window, start: QPointF, end: QPointF, steps: int = 4):
    viewport = window.view.viewport()
    begin, finish = at(window, start), window.view.mapFromScene(end)
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, begin)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, begin + (finish - begin) * i / steps)
    return finish


def test_a_map_reloaded_mid_drag_cancels_the_drag(window, tmp_path):
    path = open_map(window, two_cards(), tmp_path)
    ad = window.document.journey.cell("aware", "web")[0]
    finish = press_and_move(window, card_center(window, ad), cell_center(window, "buy", "web"))
    window.document.reload()  # what a change on disk does when nothing is unsaved
    settle(window)
    viewport = window.view.viewport()
    QTest.mouseMove(viewport, finish + QPointF(15, 10).toPoint())
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, finish)
    settle(window)
    window.view.zoom_to_fit()  # crashed the interpreter on a deleted card before
    assert to_bytes(window.document.journey) == path.read_bytes()
    assert window.document.journey.touchpoint(ad).stage == "aware"
    assert not window.isWindowModified()


def test_a_map_replaced_mid_drag_by_new_leaves_no_preview_behind(window, tmp_path):
    open_map(window, two_cards(), tmp_path)
    ad = window.document.journey.cell("aware", "web")[0]
    finish = press_and_move(window, card_center(window, ad), cell_center(window, "buy", "web"))
    window.new_map()
    QTest.mouseRelease(window.view.viewport(), LEFT, NO_MODIFIER, finish)
    settle(window)
    assert len(window.document.journey) == 0 and not window.document.undo_stack.count()
    assert not window.scene.cards


def test_escape_puts_a_dragged_card_back_and_the_release_moves_nothing(window, tmp_path):
    path = open_map(window, two_cards(), tmp_path)
    ad = window.document.journey.cell("aware", "web")[0]
    before = window.scene.cards[ad].pos()
    finish = press_and_move(window, card_center(window, ad), cell_center(window, "buy", "web"))
    assert window.scene.cards[ad].pos() != before  # the preview moved it
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    settle(window)
    assert window.scene.cards[ad].pos() == before
    QTest.mouseRelease(window.view.viewport(), LEFT, NO_MODIFIER, finish)
    settle(window)
    assert window.document.journey.touchpoint(ad).stage == "aware"
    assert window.document.undo_stack.count() == 0
    assert load(path).touchpoint(ad).stage == "aware"


def test_escape_drops_a_connection_being_drawn(window, tmp_path):
    open_map(window, two_cards(), tmp_path)
    journey = window.document.journey
    ad, checkout = journey.cell("aware", "web")[0], journey.cell("buy", "web")[0]
    card = window.scene.cards[ad]
    handle = card.mapToScene(card.handle_center())
    items_before = len(window.scene.items())
    finish = press_and_move(window, handle, card_center(window, checkout))
    assert len(window.scene.items()) == items_before + 1  # the rubber line
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(window.view.viewport(), LEFT, NO_MODIFIER, finish)
    settle(window)
    assert len(window.scene.items()) == items_before
    assert journey.connections() == [] and window.document.undo_stack.count() == 0


def test_an_undo_mid_drag_cancels_the_drag(window, tmp_path):
    open_map(window, two_cards(), tmp_path)
    journey = window.document.journey
    journey_ad = journey.cell("aware", "web")[0]
    window.editing.add_stage()  # something to undo
    settle(window)
    finish = press_and_move(window, card_center(window, journey_ad), cell_center(window, "buy", "web"))
    window.document.undo_stack.undo()
    QTest.mouseRelease(window.view.viewport(), LEFT, NO_MODIFIER, finish)
    settle(window)
    assert journey.touchpoint(journey_ad).stage == "aware"
    assert window.document.undo_stack.index() == 0
