"""A widened stage column shifts the columns right of it as a whole: every card and connection
still ends where the layout puts it, after an Enter, a drop, an undo and a cancelled drag."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QPointF, Qt

from tests.app.driver import card_center, cell_center, click, drag, keys, open_map, settle
from tests.factories import make_map
from widgets.connection_item import route_path

CTRL = Qt.KeyboardModifier.ControlModifier


def _three_columns():
    """Aware's Web cell is full (three cards stacked): one more starts a second sub-column."""
    journey = make_map(stages=("Aware", "Buy", "Use"), lanes=("Web", "Shop"),
                       cards={("Aware", "Web"): ["Ad", "Post", "Mail"], ("Aware", "Shop"): ["Sign"],
                              ("Buy", "Web"): ["Pay"], ("Buy", "Shop"): ["Till"],
                              ("Use", "Web"): ["Open", "Keep"], ("Use", "Shop"): ["Return"]})
    for source, target in (("mail", "pay"), ("pay", "open"), ("till", "return"), ("open", "keep"),
                           ("keep", "pay"), ("sign", "till")):
        journey.add_connection(source, target)
    return journey


def _assert_where_the_layout_says(window) -> None:
    settle(window)
    g = window.scene.geometry
    assert set(g.cards) == set(window.scene.cards)
    for tp_id, rect in g.cards.items():
        assert window.scene.cards[tp_id].scenePos() == QPointF(rect.x, rect.y), tp_id
    for key, route in g.routes.items():
        item = window.scene.connection_items[key]
        assert item.line.mapToScene(item.line.path()) == route_path(route), key
        assert item.head.mapToScene(item.head.polygon()).boundingRect().contains(QPointF(route.end.x, route.end.y))
    for item in (*window.scene.cards.values(), *window.scene.connection_items.values()):
        # its column is passed over when off screen: the column's bounds must hold all it draws
        drawn = item.mapRectToParent(item.boundingRect() | item.childrenBoundingRect())
        assert item.parentItem().rect().contains(drawn), item


def test_enter_in_a_full_cell_widens_its_column_and_shifts_the_others_with_their_connections(window, tmp_path):
    open_map(window, _three_columns(), tmp_path)
    use_left = window.scene.geometry.stage_columns["use"].x
    before = {tp_id: window.scene.cards[tp_id].scenePos() for tp_id in ("pay", "open", "keep", "return")}
    click(window, card_center(window, "mail"))
    keys(window, Qt.Key.Key_Return, "Form", Qt.Key.Key_Return)
    journey = window.document.journey
    assert [journey.touchpoint(t).title for t in journey.cell("aware", "web")] == ["Ad", "Post", "Mail", "Form"]
    assert window.scene.geometry.stage_columns["use"].x > use_left  # the column did widen
    _assert_where_the_layout_says(window)
    assert all(window.scene.cards[t].scenePos().x() > before[t].x() for t in before)
    keys(window, (Qt.Key.Key_Z, CTRL))
    assert len(journey.cell("aware", "web")) == 3
    _assert_where_the_layout_says(window)
    assert {t: window.scene.cards[t].scenePos() for t in before} == before


def test_a_drop_into_a_full_cell_and_its_undo_keep_every_item_on_the_layout(window, tmp_path):
    open_map(window, _three_columns(), tmp_path)
    window.view.actual_size()
    drag(window, card_center(window, "sign"), cell_center(window, "aware", "web"))
    journey = window.document.journey
    assert journey.touchpoint("sign").lane == "web" and len(journey.cell("aware", "web")) == 4
    _assert_where_the_layout_says(window)
    drag(window, card_center(window, "keep"), cell_center(window, "buy", "shop"))
    assert journey.touchpoint("keep").stage == "buy"
    _assert_where_the_layout_says(window)
    keys(window, (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Z, CTRL))
    assert journey.touchpoint("sign").lane == "shop" and journey.touchpoint("keep").stage == "use"
    _assert_where_the_layout_says(window)


def test_a_dragged_card_floats_above_the_columns_and_escape_puts_it_back(window, tmp_path):
    from PySide6.QtTest import QTest

    open_map(window, _three_columns(), tmp_path)
    window.view.actual_size()
    viewport = window.view.viewport()
    start = window.view.mapFromScene(card_center(window, "pay"))
    over = window.view.mapFromScene(card_center(window, "open"))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 9):
        QTest.mouseMove(viewport, start + (over - start) * i / 8)
    # Over another column's card, the dragged one is what the user sees and points at.
    assert window.scene.items(card_center(window, "pay"))[0] is window.scene.cards["pay"]
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, over)
    assert window.document.journey.touchpoint("pay").stage == "buy"
    _assert_where_the_layout_says(window)


def test_opening_another_map_lets_the_old_one_go(window, tmp_path):
    """The open map is kept out of the cycle collector's way; the next one must not keep it alive."""
    open_map(window, _three_columns(), tmp_path)
    window.insights.refresh()  # as the debounced analysis does soon after a map opens
    old = weakref.ref(window.document.journey)
    (tmp_path / "second").mkdir()
    open_map(window, make_map(), tmp_path / "second")
    gc.collect()
    assert old() is None


def test_a_label_given_to_a_connection_is_drawn_even_where_its_column_is_off_screen(window, tmp_path):
    """A column is passed over when its bounds are off screen: a longer label must widen them."""
    open_map(window, _three_columns(), tmp_path)
    window.view.actual_size()
    item = window.scene.connection_items["pay", "open"]
    window.document.journey.update_connection("pay", "open", label="x" * 120)
    settle(window)
    column = item.parentItem()
    assert column.sceneBoundingRect().contains(item.label.sceneBoundingRect())


def test_a_route_past_a_column_that_fills_up_goes_round_its_new_cards(window, tmp_path):
    """Its ends' columns stay put, but the free run it took through the column between them is
    taken: the connection is drawn again, not left where it was."""
    journey = _three_columns()
    journey.add_connection("mail", "return")
    open_map(window, journey, tmp_path)
    before = window.scene.geometry.routes["mail", "return"]
    click(window, card_center(window, "pay"))
    keys(window, Qt.Key.Key_Return, "Quote", Qt.Key.Key_Return, Qt.Key.Key_Return, "Deposit", Qt.Key.Key_Return)
    assert len(window.document.journey.cell("buy", "web")) == 3
    assert window.scene.geometry.routes["mail", "return"] != before  # the run beside Pay is taken now
    _assert_where_the_layout_says(window)


def test_connections_carried_by_a_widened_column_are_drawn_right_after_later_changes_and_undo(window, tmp_path):
    """Connections right of a widened column move only with their column; when a later change
    reshapes them, and when every change is taken back, they are still drawn where the layout says."""
    open_map(window, _three_columns(), tmp_path)
    journey = window.document.journey
    click(window, card_center(window, "mail"))
    keys(window, Qt.Key.Key_Return, "Form", Qt.Key.Key_Return)
    _assert_where_the_layout_says(window)
    click(window, card_center(window, "pay"))
    keys(window, Qt.Key.Key_Return, "Quote", Qt.Key.Key_Return, Qt.Key.Key_Return, "Deposit", Qt.Key.Key_Return)
    assert len(journey.cell("buy", "web")) == 3
    _assert_where_the_layout_says(window)
    for _ in range(3):
        keys(window, (Qt.Key.Key_Z, CTRL))
        _assert_where_the_layout_says(window)
    assert len(journey.cell("aware", "web")) == 3 and len(journey.cell("buy", "web")) == 1
