"""The canvas draws what can be seen at the scale it is shown at, and connections without Python."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QRegion
from PySide6.QtWidgets import QWidget

from app.samples import sample_paths
from model import theme
from tests.app.calls import calls_during
from tests.app.driver import card_center, cell_center, click, drag, keys, open_map, settle
from tests.factories import large_map, make_map
from widgets.connection_item import route_path


def _connection_calls(counted) -> int:
    return sum(n for name, n in counted.items() if name.startswith("connection_item.py:"))


def test_repainting_runs_no_python_for_connections(window, tmp_path):
    open_map(window, large_map(touchpoints=200, stages=10, lanes=6, connections=300), tmp_path)
    window.view.actual_size()
    settle(window)
    counted = calls_during(window.view.viewport().repaint)
    assert _connection_calls(counted) == 0
    assert counted["band_items.py:GridItem.paint"] == 1  # the repaint did draw the map in view


def test_zoomed_out_cards_are_faces_drawn_in_one_pass_and_nothing_draws_text(window, tmp_path):
    open_map(window, large_map(touchpoints=600, stages=20, lanes=6, connections=900), tmp_path)
    window.view.zoom_to_fit()  # a new scale: every card in view paints anew in the next repaint
    assert window.view.zoom < 0.4
    far = calls_during(window.view.viewport().repaint)
    # One pass draws every card's face; no card paints itself, and nothing writes text.
    assert far["card_overview.py:CardOverview.paint"] == 1 and far["card_item.py:CardItem.paint"] == 0
    assert far["QPainter.drawText"] == far["QPainter.drawGlyphRun"] == 0
    window.view.actual_size()
    near = calls_during(window.view.viewport().repaint)
    # Text recorded before is drawn laid out (widgets.laid_out_text), and new text through drawText.
    assert near["card_item.py:CardItem.paint"] > 0 and near["QPainter.drawText"] + near["QPainter.drawGlyphRun"] > 0
    assert near["card_overview.py:CardOverview.paint"] == 0


def _pixels_near(window, scene_point: QPointF, radius: int = 3) -> set[str]:
    image = window.view.viewport().grab().toImage()
    centre = window.view.mapFromScene(scene_point)
    return {QColor(image.pixel(centre.x() + dx, centre.y() + dy)).name()
            for dx in range(-radius, radius + 1) for dy in range(-radius, radius + 1)}


def test_a_clicked_connection_is_drawn_selected_and_delete_removes_it(window, tmp_path):
    journey = make_map(stages=("Aware", "Buy"), cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay", label="clicks through")
    open_map(window, journey, tmp_path)
    item = window.scene.connection_items["ad", "pay"]
    route = window.scene.geometry.routes["ad", "pay"]
    on_curve = QPointF(route.point_at(0.4).x, route.point_at(0.4).y)  # clear of the card's hit margin
    assert item.label is not None and item.label.text() == "clicks through"
    assert theme.SELECTION.lower() not in _pixels_near(window, on_curve)
    click(window, on_curve)
    assert window.scene.selected_connection() == ("ad", "pay")
    assert theme.SELECTION.lower() in _pixels_near(window, on_curve)
    keys(window, Qt.Key.Key_Delete)
    assert not window.document.journey.has_connection("ad", "pay")
    keys(window, (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    assert window.document.journey.has_connection("ad", "pay")
    assert window.scene.connection_items["ad", "pay"].label.text() == "clicks through"


def test_a_drop_moves_only_the_cards_of_the_two_cells_it_changed(window, tmp_path):
    open_map(window, large_map(touchpoints=400, stages=10, lanes=4, connections=600), tmp_path)
    window.view.actual_size()
    scene, journey = window.scene, window.document.journey
    moving = journey.cell("s4", "l0")[0]
    before = {tp_id: card.scenePos() for tp_id, card in scene.cards.items()}
    drag(window, card_center(window, moving), cell_center(window, "s5", "l0"))
    assert journey.touchpoint(moving).stage == "s5"
    moved = {tp_id for tp_id, card in scene.cards.items() if card.scenePos() != before[tp_id]}
    assert moving in moved and moved <= set(journey.cell("s4", "l0")) | set(journey.cell("s5", "l0"))
    for key in journey.graph.edges:
        item = scene.connection_items[key]
        assert item.line.mapToScene(item.line.path()) == route_path(scene.geometry.routes[key])


def test_when_a_column_widens_the_connections_right_of_it_follow_their_cards(window, tmp_path):
    journey = make_map(stages=("Aware", "Buy", "Use"), cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"],
                                                               ("Use", "Web"): ["Open", "Read", "Keep"]})
    journey.add_connection("open", "keep", label="later")
    journey.add_connection("ad", "open")
    open_map(window, journey, tmp_path)
    for title in ("Two", "Three", "Four"):  # the fourth card in Aware starts a second sub-column
        window.document.journey.add_touchpoint("aware", "web", title)
        settle(window)
    for key, route in window.scene.geometry.routes.items():
        item = window.scene.connection_items[key]
        assert item.line.mapToScene(item.line.path()) == route_path(route)
        assert item.head.mapToScene(item.head.polygon()).boundingRect().contains(QPointF(route.end.x, route.end.y))
    label = window.scene.connection_items["open", "keep"].label
    middle = window.scene.geometry.routes["open", "keep"].label
    assert label.sceneBoundingRect().contains(QPointF(middle.x, middle.y))


def test_stage_averages_follow_a_score_once_the_user_pauses(window, qtbot, tmp_path):
    open_map(window, make_map(cards={("Aware", "Web"): ["Ad"]}), tmp_path)
    click(window, card_center(window, "ad"))
    keys(window, "m", "4")
    assert window.document.journey.touchpoint("ad").scores.meaning == 4
    qtbot.waitUntil(lambda: window.scene.stage_scores_item.scores[0].meaning == 4)
    keys(window, (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    qtbot.waitUntil(lambda: window.scene.stage_scores_item.scores[0].meaning is None)


def test_after_a_column_widens_under_many_cards_clicks_still_find_the_moved_cards(window, tmp_path):
    journey = large_map(touchpoints=400, stages=10, lanes=4, connections=600)
    open_map(window, journey, tmp_path)
    window.view.actual_size()
    journey = window.document.journey
    stage, lane = "s0", "l0"
    stack = theme.MAX_STACK
    full = -(-max(len(journey.cell(stage, other.id)) for other in journey.lanes) // stack) * stack
    while len(journey.cell(stage, lane)) < full:  # the stage's widest cell, full: one more card widens the column
        journey.add_touchpoint(stage, lane, "Filler")
    settle(window)
    right = journey.cell("s9", "l1")[0]
    before = card_center(window, right)
    click(window, card_center(window, journey.cell(stage, lane)[-1]))
    keys(window, Qt.Key.Key_Return, "Widened", Qt.Key.Key_Return)
    assert card_center(window, right).x() > before.x()
    click(window, card_center(window, right))
    assert window.scene.selected_touchpoints() == [right]
    other = journey.cell("s8", "l2")[0]
    click(window, card_center(window, other))
    assert window.scene.selected_touchpoints() == [other]


def test_zoomed_out_a_card_can_still_be_selected_dragged_and_marked(window, tmp_path):
    open_map(window, large_map(touchpoints=300, stages=10, lanes=3, connections=450), tmp_path)
    window.view.zoom_to_fit()
    settle(window)
    journey = window.document.journey
    moving = journey.cell("s2", "l0")[0]
    click(window, card_center(window, moving))
    assert window.scene.selected_touchpoints() == [moving]
    top_edge = window.scene.cards[moving].scenePos() + QPointF(theme.CARD_WIDTH / 2, 0)
    # Its face has the (blue) selection border, thinned by the scale.
    assert any(QColor(p).blue() > QColor(p).red() + 40 for p in _pixels_near(window, top_edge, radius=1))
    drag(window, card_center(window, moving), cell_center(window, "s3", "l0"))
    assert journey.touchpoint(moving).stage == "s3"


def test_zoomed_out_connections_are_one_faint_pass_and_a_selected_one_stays_bold(window, tmp_path):
    open_map(window, large_map(touchpoints=600, stages=20, lanes=6, connections=900), tmp_path)
    scene = window.scene
    selected = next(iter(scene.connection_items))
    window.view.actual_size()
    scene.connection_items[selected].setSelected(True)
    window.view.zoom_to_fit()
    assert window.view.zoom < 0.4
    far = calls_during(window.view.viewport().repaint)
    assert far["connection_overview.py:ConnectionOverview.paint"] == 1
    shown = [key for key, item in scene.connection_items.items() if item.isVisible()]
    assert shown == [selected] and scene.selected_connection() == selected  # zooming out kept the selection
    scene.set_layer_visible("connections", False)
    assert not scene.connection_overview.isVisible() and not scene.connection_items[selected].isVisible()
    scene.set_layer_visible("connections", True)
    window.view.actual_size()
    near = calls_during(window.view.viewport().repaint)
    assert near["connection_overview.py:ConnectionOverview.paint"] == 0
    assert all(item.isVisible() for item in scene.connection_items.values())


def test_the_faint_lines_follow_a_moved_card(window, tmp_path):
    open_map(window, large_map(touchpoints=400, stages=10, lanes=4, connections=600), tmp_path)
    window.view.zoom_to_fit()
    window.view.viewport().repaint()
    scene, journey = window.scene, window.document.journey
    moving = next(t for t in journey.cell("s4", "l0") if journey.connections_of(t))
    journey.move_touchpoint(moving, "s5", "l0", 0)
    settle(window)
    window.view.viewport().repaint()
    drawn = QPainterPath()
    for _, path in scene.connection_overview.lines():
        drawn.addPath(path)
    expected = QPainterPath()
    for key in journey.graph.edges:
        expected.addPath(route_path(scene.geometry.routes[key]))
    assert drawn.boundingRect() == expected.boundingRect() and drawn.elementCount() == expected.elementCount()


def test_zoomed_out_faces_follow_selection_and_moves(window, tmp_path):
    open_map(window, large_map(touchpoints=400, stages=10, lanes=4, connections=0), tmp_path)
    window.view.zoom_to_fit()
    assert window.view.zoom < 0.4
    scene, journey = window.scene, window.document.journey
    tp_id = journey.cell("s4", "l0")[0]
    corner = lambda: scene.cards[tp_id].scenePos() + QPointF(1, 1)  # noqa: E731
    assert theme.SELECTION.lower() not in _pixels_near(window, corner(), 1)
    scene.select_touchpoints([tp_id])
    settle(window)
    assert theme.SELECTION.lower() in _pixels_near(window, corner(), 1)
    before = scene.cards[tp_id].scenePos()
    scene.moveTouchpointRequested.emit(tp_id, "s5", "l0", 0)
    settle(window)
    assert scene.cards[tp_id].scenePos() != before
    assert theme.SELECTION.lower() in _pixels_near(window, corner(), 1)
    assert theme.SELECTION.lower() not in _pixels_near(window, before + QPointF(1, 1), 1)


def test_the_faint_lines_are_lines_whatever_brush_the_item_before_left(window, tmp_path):
    """The view does not save painter state between items: a brush left set would fill the curves."""
    open_map(window, large_map(touchpoints=200, stages=10, lanes=6, connections=300), tmp_path)
    window.view.zoom_to_fit()
    overview = window.scene.connection_overview
    bounds = overview.boundingRect()
    image = QImage(int(bounds.width() / 4), int(bounds.height() / 4), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.scale(0.25, 0.25)
    painter.setBrush(QColor("#00ff00"))
    overview.paint(painter, None)
    painter.end()
    assert QColor("#00ff00").rgb() not in {image.pixel(x, y) for x in range(0, image.width(), 3)
                                             for y in range(0, image.height(), 3)}


def test_a_repaint_of_part_of_the_map_draws_the_cell_lines_there(window, tmp_path):
    """The grid draws only the cells a repaint exposes: the ones there must still be drawn."""
    open_map(window, large_map(touchpoints=400, stages=10, lanes=4, connections=0), tmp_path)
    scene = window.scene
    cell = scene.geometry.cells["s7", "l2"]
    source = QRectF(cell.x - 10, cell.y + 5, 20, 20)  # across the cell's left line, below any card
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 20, 20), source)
    painter.end()
    column = {QColor(image.pixel(10, y)).name() for y in range(20)} | {QColor(image.pixel(9, y)).name() for y in range(20)}
    assert theme.GRID_LINE.lower() in column
    assert QColor(image.pixel(15, 10)).name() == theme.CARD_BACKGROUND.lower()


def test_the_canvas_paints_every_pixel_of_the_view_itself_at_any_zoom(window, tmp_path):
    # Qt does not fill the view before the canvas paints: a seam between the canvas colour and the
    # cells would show whatever the screen held there before.
    view = window.view
    for path in (*sample_paths(), None):
        if path is None:
            window.new_map()  # nothing to draw but the canvas colour
        else:
            assert window.open_path(path)
        for zoom in (view.zoom_to_fit, view.zoom_in, view.zoom_in, view.zoom_out, view.actual_size):
            zoom()
            settle(window)
            under = []
            for colour in ("#ff00ff", "#00ff00"):
                image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(QColor(colour))
                view.viewport().render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
                under.append(image)
            assert under[0] == under[1], f"{path}: pixels left unpainted at zoom {view.zoom:.3f}"


def test_the_bands_labels_are_drawn_where_a_repaint_shows_them_and_nowhere_else(window, tmp_path):
    open_map(window, large_map(touchpoints=400, stages=10, lanes=4, connections=0), tmp_path)
    scene = window.scene
    header = scene.geometry.emotion_header
    source = QRectF(header.x, header.y, 60, header.height)  # the left end of "Emotion" and its header
    image = QImage(60, int(header.height), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    shown = {QColor(image.pixel(x, y)).name() for x in range(60) for y in range(image.height())}
    assert theme.BAND_HEADER_BACKGROUND.lower() in shown
    assert any(QColor(name).lightness() < 100 for name in shown)  # the label's dark letters
    window.view.actual_size()
    window.view.centerOn(card_center(window, next(iter(scene.cards))) + QPointF(3000, 0))
    window.view.viewport().repaint()  # cached items are drawn at this scale; the next repaint copies them
    counted = calls_during(window.view.viewport().repaint)
    assert counted["band_items.py:GridItem.paint"] == 1 and counted["QPainter.drawPicture"] == 0
