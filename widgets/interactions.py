"""Mouse gestures on the canvas, each a small object that lives while the mouse button is down.

A gesture moves items only as a preview; when the button is released it `end`s by emitting one
request (move a card, connect two cards, move a header) and the model's event puts items in place.
Like orange-canvas-core's `UserInteraction`, a gesture can also be `cancel`led: its preview is
undone and nothing is requested. The scene cancels the running gesture on Escape and before
anything replaces or changes the items it holds, so a gesture never touches a deleted item.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsPathItem, QGraphicsSceneMouseEvent

from model import theme
from model.hit_testing import insertion_index, lane_slot, stage_slot
from model.layout import Point, Rect, route
from widgets.card_item import CardItem
from widgets.connection_item import route_path
from widgets.header_item import HeaderItem


def gesture_for(scene, item, event: QGraphicsSceneMouseEvent):
    """The gesture a left-button press on `item` starts, or None."""
    if event.button() != Qt.MouseButton.LeftButton:
        return None
    if isinstance(item, CardItem):
        if item.on_handle(item.mapFromScene(event.scenePos())):
            return ConnectionDrag(scene, item, event.scenePos())
        if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return CardDrag(scene, item, event.scenePos())
    if isinstance(item, HeaderItem):
        return HeaderDrag(scene, item, event.scenePos())
    return None


def _drop_pen() -> QPen:
    return QPen(QColor(theme.DROP_INDICATOR), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)


class CancelReason(Enum):
    """Why a gesture stopped without its result."""

    USER = "the user pressed Escape"
    MAP_CHANGED = "the map changed under the gesture"
    MAP_REPLACED = "another map was shown"


class _Drag:
    """Common to gestures that start moving only past the platform's drag distance.

    Subclasses preview in `move`, tidy their preview in `_clear_preview`, and say in `_finish`
    what the release asks for; `end` and `cancel` each run once, whichever comes first.
    """

    takes_press = False

    def __init__(self, scene, press: QPointF):
        self.scene, self.press, self.dragging = scene, press, False
        self.finished = False
        self.cancel_reason: CancelReason | None = None

    def end(self, event: QGraphicsSceneMouseEvent) -> None:
        """The button was released: remove the preview and emit the request, if any."""
        if self.finished:
            return
        self.finished = True
        self._clear_preview()
        self._finish(event)

    def start(self) -> None:
        """The button was pressed: show whatever the gesture shows from the first moment."""

    def cancel(self, reason: CancelReason) -> None:
        """Stop without a result, while the items the preview moved still exist; the scene then
        lays them out again."""
        if self.finished:
            return
        self.finished, self.cancel_reason = True, reason
        self._clear_preview()

    def _started(self, event: QGraphicsSceneMouseEvent) -> bool:
        if not self.dragging:
            distance = (event.scenePos() - self.press).manhattanLength()
            self.dragging = distance >= QApplication.startDragDistance()
        return self.dragging


class CardDrag(_Drag):
    """Drag a card to another cell (it moves) or to another place in its cell (it reorders)."""

    def __init__(self, scene, card: CardItem, press: QPointF):
        super().__init__(scene, press)
        self.card, self.origin = card, card.scenePos()
        self.connections = scene.connections_of(card.touchpoint_id)  # the only routes a move changes
        self.backdrop = None  # the view's, once the card moves
        self.cards_z = card.parentItem().zValue() if card.parentItem() is not None else card.zValue()
        self.indicator = QGraphicsLineItem()
        self.indicator.setPen(_drop_pen())
        self.indicator.setZValue(20)

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._started(event):
            return
        if self.indicator.scene() is None:
            self.scene.addItem(self.indicator)
            self.scene.placement.lift(self.card, self.connections)  # drawn above every other card
            self.card.setZValue(10)
            self.card.setOpacity(0.85)
            self._raise_backdrop()
        self.card.setPos(self.origin + event.scenePos() - self.press)
        self.scene.overview.refresh()
        self._follow_connections()
        target = self._target(event.scenePos())
        self.indicator.setVisible(target is not None)
        if target is not None:
            self.indicator.setLine(self._indicator_line(*target))

    def _raise_backdrop(self) -> None:
        """Let the view paint what the drag leaves in place once, not at every move (`DragBackdrop`).
        Not while a second view (the presentation) shows the scene: it would see the still items go."""
        views = self.scene.views()
        self.backdrop = getattr(views[0], "backdrop", None) if len(views) == 1 else None
        if self.backdrop is not None:
            scene = self.scene
            still = [scene.grid, scene.curve, scene.stage_scores_item, scene.blueprint, scene.metrics_lane,
                     *scene.headers.values(), *scene.placement.columns.values()]
            view = self.backdrop.view
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            cards = [item.mapToScene(item.shape()) for item in scene.items(seen)
                     if isinstance(item, CardItem) and item is not self.card]
            self.backdrop.raise_under([self.card, *self.connections, self.indicator], still, cards, self.cards_z)

    def _follow_connections(self) -> None:
        pos = self.card.scenePos()
        moving = Rect(pos.x(), pos.y(), theme.CARD_WIDTH, theme.CARD_HEIGHT)
        tp_id = self.card.touchpoint_id
        cards = self.scene.geometry.cards
        for item in self.connections:
            source, target = item.key
            item.set_route(route(moving, cards[target]) if source == tp_id else route(cards[source], moving))

    def _target(self, pos: QPointF):
        cell = self.scene.cell_under(pos)
        if cell is None:
            return None
        index = insertion_index(self.scene.geometry, self.scene.journey, *cell, Point(pos.x(), pos.y()),
                                moving=self.card.touchpoint_id)
        return cell[0], cell[1], index

    def _indicator_line(self, stage: str, lane: str, index: int) -> QLineF:
        """A bar where the card would land: above the card it would go before, or after the last."""
        g = self.scene.geometry
        others = [t for t in self.scene.journey.cell(stage, lane) if t != self.card.touchpoint_id]
        if index < len(others):
            rect, y = g.cards[others[index]], g.cards[others[index]].y - theme.CARD_GAP_Y / 2
        elif others:
            rect = g.cards[others[-1]]
            y = rect.bottom + theme.CARD_GAP_Y / 2
        else:
            cell = g.cells[stage, lane]
            rect, y = Rect(cell.x + theme.CELL_PADDING, cell.y, theme.CARD_WIDTH, 0), cell.y + theme.CELL_PADDING / 2
        return QLineF(rect.x, y, rect.right, y)

    def _clear_preview(self) -> None:
        if self.indicator.scene() is not None:
            self.scene.removeItem(self.indicator)
        if self.backdrop is not None:
            self.backdrop.lower()
        self.card.setZValue(2)
        self.card.setOpacity(1.0)
        self.scene.unplace([self.card, *self.connections])

    def _finish(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.dragging:
            return
        target = self._target(event.scenePos())
        tp = self.scene.journey.touchpoint(self.card.touchpoint_id)
        unchanged = target == (tp.stage, tp.lane, self.scene.journey.cell_index(tp.id))
        # Snap back to the layout first (`_clear_preview` unplaced the card); an accepted move then
        # re-lays the map from the model.
        self.scene.ensure_layout()
        if target is not None and not unchanged:
            self.scene.moveTouchpointRequested.emit(tp.id, *target)


class ConnectionDrag(_Drag):
    """Drag from a card's handle onto another card to connect them."""

    takes_press = True

    def __init__(self, scene, card: CardItem, press: QPointF):
        super().__init__(scene, press)
        self.source = card
        self.line = QGraphicsPathItem()
        self.line.setPen(QPen(QColor(theme.SELECTION), 2, Qt.PenStyle.DashLine))
        self.line.setZValue(20)

    def start(self) -> None:
        self.scene.addItem(self.line)

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        start = self.source.mapToScene(self.source.handle_center())
        end = event.scenePos()
        target = self._target(end)
        if target is not None:
            g = self.scene.geometry
            self.line.setPath(route_path(route(g.cards[self.source.touchpoint_id], g.cards[target.touchpoint_id])))
            return
        path = QPainterPath(start)
        path.lineTo(end)
        self.line.setPath(path)

    def _target(self, pos: QPointF) -> CardItem | None:
        item = self.scene.item_under(pos)
        return item if isinstance(item, CardItem) and item is not self.source else None

    def _clear_preview(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)

    def _finish(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target(event.scenePos())
        if target is not None:
            self.scene.connectRequested.emit(self.source.touchpoint_id, target.touchpoint_id)


class HeaderDrag(_Drag):
    """Drag a stage header sideways, or a lane header up or down, to reorder."""

    def __init__(self, scene, header: HeaderItem, press: QPointF):
        super().__init__(scene, press)
        self.header = header
        self.indicator = QGraphicsLineItem()
        self.indicator.setPen(_drop_pen())
        self.indicator.setZValue(20)

    def _slot(self, pos: QPointF) -> int:
        g = self.scene.geometry
        return stage_slot(g, pos.x()) if self.header.kind == "stage" else lane_slot(g, pos.y())

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._started(event):
            return
        if self.indicator.scene() is None:
            self.scene.addItem(self.indicator)
            self.header.setZValue(10)
        delta = event.scenePos() - self.press
        g = self.scene.geometry
        if self.header.kind == "stage":
            self.header.setPos(delta.x(), 0)
            column = g.stage_columns[g.stage_ids[self._slot(event.scenePos())]]
            x = column.x if self._slot(event.scenePos()) <= self._index() else column.right
            self.indicator.setLine(QLineF(x, column.y, x, column.bottom))
        else:
            self.header.setPos(0, delta.y())
            row = g.lane_rows[g.lane_ids[self._slot(event.scenePos())]]
            y = row.y if self._slot(event.scenePos()) <= self._index() else row.bottom
            self.indicator.setLine(QLineF(row.x, y, row.right, y))

    def _index(self) -> int:
        journey = self.scene.journey
        kind, item_id = self.header.kind, self.header.item_id
        return journey.stage_index(item_id) if kind == "stage" else journey.lane_index(item_id)

    def _clear_preview(self) -> None:
        if self.indicator.scene() is not None:
            self.scene.removeItem(self.indicator)
        self.header.setPos(0, 0)
        self.header.setZValue(3)

    def _finish(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.dragging:
            return
        slot = self._slot(event.scenePos())
        if slot != self._index():
            signal = self.scene.moveStageRequested if self.header.kind == "stage" else self.scene.moveLaneRequested
            signal.emit(self.header.item_id, slot)
