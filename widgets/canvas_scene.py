"""The canvas: a QGraphicsScene that mirrors a `JourneyMap` and turns gestures into requests.

Items hold ids and are placed from `model.layout`; they never own data. The scene listens
to the map's events and updates only what an event names: a changed card repaints, a moved
card and whatever the re-layout shifted move, nothing is rebuilt. Gestures (drag a card,
draw a connection, drag a header) live in `widgets.interactions`, live-capture keys in
`widgets.capture_keys`; both end in a request signal that app/ turns into an undo command.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

from model import events as ev
from model.analysis import stage_scores
from model.journey_map import JourneyMap
from model.hit_testing import cell_at
from model.layout import MapGeometry, Point
from widgets import renaming, scene_dimming
from widgets.band_items import EmotionCurveItem, GridItem, StageScoresItem
from widgets.blueprint_item import BlueprintLinesItem
from widgets.capture_keys import CaptureKeys
from widgets.canvas_menus import show_context_menu
from widgets.card_item import CardItem
from widgets.card_overview import CardOverview
from widgets.metrics_lane import MetricsLaneItem
from widgets.persona_badge import PersonaPhotos
from widgets.connection_item import ConnectionItem
from widgets.connection_overview import ConnectionOverview
from widgets.header_item import AddButtonItem, HeaderItem
from widgets.inline_editor import InlineEditor
from widgets.interactions import CancelReason, gesture_for
from widgets.item_placement import ItemPlacement, metric_rows

Cell = tuple[str, str]
SCORES_DELAY_MS = 120  # as the Insights dock: stage averages follow edits once the user pauses
# Touchpoint fields the emotion curves are drawn from: a change to one lays the map out again.
_CURVE_FIELDS = frozenset({"emotion", "target", "personas", "experiences"})


class JourneyScene(QGraphicsScene):
    """Shows one map; emits what the user asks for, and changes nothing itself."""

    # stage, lane, index in cell (-1: at the end), the card to connect the new one from ("": none)
    addTouchpointRequested = Signal(str, str, int, str)
    moveTouchpointRequested = Signal(str, str, str, int)  # touchpoint, stage, lane, index
    moveTouchpointsRequested = Signal(list)  # [(touchpoint, stage, lane, index)], one step
    connectRequested = Signal(str, str)
    disconnectRequested = Signal(str, str)
    newTouchpointNamed = Signal(str, str)  # a card just added by the user got its title
    newTouchpointAbandoned = Signal(str)  # ... or was left without one: it goes away
    retitleRequested = Signal(str, str)
    renameStageRequested = Signal(str, str)
    renameLaneRequested = Signal(str, str)
    laneKindRequested = Signal(str, str)  # lane, its new kind
    lanePersonaRequested = Signal(str, object)  # lane, the persona id it now belongs to or None (everyone's)
    moveStageRequested = Signal(str, int)
    moveLaneRequested = Signal(str, int)
    addStageRequested = Signal(int)
    addLaneRequested = Signal(int)
    removeStageRequested = Signal(str)
    removeLaneRequested = Signal(str)
    scoreRequested = Signal(str, str, object)  # touchpoint, score name, 1..5 or None
    emotionStepRequested = Signal(str, int)
    painPointRequested = Signal(str)
    opportunityRequested = Signal(str)
    deleteRequested = Signal()
    blueprintLineRequested = Signal(str, object)  # lane id, BlueprintLineKind to draw above it or None
    revealRequested = Signal(QRectF)
    messageRequested = Signal(str)  # a short explanation for the status bar

    # How the view painting now wants items drawn: the smallest text in screen pixels, and high
    # contrast. The presentation view sets them while it paints; items cache per view.
    text_floor = 0
    high_contrast = False
    # What the canvas answers for: one persona (None: everyone), and today or the to-be.
    persona_filter: str | None = None
    to_be_view = False

    def __init__(self, journey: JourneyMap, parent=None):
        super().__init__(parent)
        # No spatial index: the stage columns stand in for one (see `widgets.item_placement`).
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.journey = journey
        self.placement = ItemPlacement(self)
        self.keys = CaptureKeys(self)
        self.photos = PersonaPhotos(self)  # the window tells it the map's folder
        self.photos.changed.connect(self._personas_changed)
        self.cursor_cell: Cell | None = None
        self._selection_order: list[str] = []
        self._unsubscribe = None
        self._gesture = None
        self._scheduled = False  # a layout is due at the next turn of the event loop
        self._layers = {"emotion": True, "scores": True, "connections": True}
        self._card_cache = True
        self._readable = True  # whether cards are shown large enough to read (see `set_detail`)
        self._scores_timer = QTimer(self)
        self._scores_timer.setSingleShot(True)
        self._scores_timer.setInterval(SCORES_DELAY_MS)
        self._scores_timer.timeout.connect(self._refresh_scores)
        self.selectionChanged.connect(self._track_selection)
        self.set_journey(journey)

    # ----------------------------------------------------------------- building and updating items
    def set_journey(self, journey: JourneyMap) -> None:
        """Show another map: every item is made anew, in one pass."""
        self.cancel_gesture(CancelReason.MAP_REPLACED)
        if self._unsubscribe:
            self._unsubscribe()
        self.journey = journey
        self._unsubscribe = journey.subscribe(self._on_event)
        # Clearing deselects the old cards; nobody must hear of it, for the old items are going away.
        blocked = self.blockSignals(True)
        self.clear()
        self.blockSignals(blocked)
        self.cards: dict[str, CardItem] = {}
        self.connection_items: dict[tuple[str, str], ConnectionItem] = {}
        self.headers: dict[tuple[str, str], HeaderItem] = {}
        self.cursor_cell = None
        self._selection_order = []
        self.placement.reset()
        self.grid, self.curve, self.stage_scores_item = GridItem(), EmotionCurveItem(), StageScoresItem()
        self.blueprint, self.metrics_lane = BlueprintLinesItem(), MetricsLaneItem()
        self.add_stage_button, self.add_lane_button = AddButtonItem("stage"), AddButtonItem("lane")
        self.overview = CardOverview()
        self.overview.setVisible(not self._readable)
        self.connection_overview = ConnectionOverview()
        for item in (self.overview, self.connection_overview, self.curve, self.stage_scores_item, self.metrics_lane):
            item.setCacheMode(self._cache_mode())
        self.persona_filter = None  # a filter names a persona of the map it was chosen on
        for item in (self.grid, self.curve, self.stage_scores_item, self.blueprint, self.metrics_lane,
                     self.add_stage_button, self.add_lane_button, self.overview, self.connection_overview):
            self.addItem(item)
        self.editor = InlineEditor()
        self.addItem(self.editor)
        self.editor.committed.connect(lambda target, text: renaming.committed(self, target, text))
        self.editor.cancelled.connect(lambda target: renaming.cancelled(self, target))
        self.editor.tabbed.connect(self.keys.name_tabbed)
        for stage in journey.stages:
            self._add_header("stage", stage.id)
        for lane in journey.lanes:
            self._add_header("lane", lane.id)
        for tp_id in journey.touchpoint_ids():
            self._add_card(tp_id)
        for connection in journey.connections():
            self._add_connection(*connection.key)
        self._apply_layers()
        self.placement.dirty = self._scores_dirty = True
        self.ensure_layout()
        self._refresh_scores()
        if self.to_be_view:  # nothing else fades on a map just shown: it answers for everyone
            scene_dimming.apply_dimming(self)

    def _add_card(self, tp_id: str) -> None:
        self.cards[tp_id] = card = CardItem(tp_id)
        card.setCacheMode(self._cache_mode())
        card.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not self._readable)
        self.placement.unplace([card])  # new items may reuse an id the last layout placed
        self.addItem(card)
        self.overview.refresh()

    def set_card_cache(self, enabled: bool) -> None:
        """Let cards, headers and bands cache their pixels, or not. Qt renews an item's device cache
        for the first view that repaints it only, so while a second view (the presentation) shows
        the scene, they paint afresh, or that view would show stale pixels."""
        self._card_cache = enabled
        for item in (*self.cards.values(), *self.headers.values(), self.overview, self.connection_overview,
                     self.curve, self.stage_scores_item, self.metrics_lane):
            item.setCacheMode(self._cache_mode())

    def _cache_mode(self) -> QGraphicsItem.CacheMode:
        # A zoom step draws them afresh, but a repaint at the same zoom (a frame of a drag, a dialog
        # closed) copies their pixels: the bands and headers were a third of such a repaint.
        return QGraphicsItem.CacheMode.DeviceCoordinateCache if self._card_cache else QGraphicsItem.CacheMode.NoCache

    def _add_connection(self, source: str, target: str) -> None:
        self.connection_items[source, target] = item = ConnectionItem(source, target)
        item.show_connection(self.journey.connection(source, target))
        item.set_detail(self._readable)
        item.set_layer(self._layers["connections"])
        self.placement.unplace([item])
        self.addItem(item)
        self.connection_overview.refresh()

    def _add_header(self, kind: str, item_id: str) -> None:
        self.headers[kind, item_id] = header = HeaderItem(kind, item_id)
        header.setCacheMode(self._cache_mode())
        self.placement.unplace([header])
        self.addItem(header)

    def _personas_changed(self) -> None:
        self.curve.update()
        self.grid.update()
        for (kind, _), header in self.headers.items():
            if kind == "lane":
                header.update()

    def _remove(self, table: dict, key) -> None:
        self.removeItem(table.pop(key))

    def _on_event(self, event: ev.MapEvent) -> None:
        self.cancel_gesture(CancelReason.MAP_CHANGED)
        structural = True
        match event:
            case ev.TouchpointAdded(tp_id):
                self._add_card(tp_id)
                scene_dimming.dim(self, tp_id)
            case ev.TouchpointRemoved(tp_id):
                self._remove(self.cards, tp_id)
                self.overview.refresh()
                self._selection_order = [t for t in self._selection_order if t != tp_id]
            case ev.TouchpointChanged(tp_id, fields):
                self.cards[tp_id].update()
                if "colour" in fields:
                    self.overview.refresh()
                if fields & {"personas", "to_be"}:
                    scene_dimming.dim(self, tp_id)
                structural = bool(fields & _CURVE_FIELDS)
                self._scores_dirty |= bool(fields & {"emotion", "scores"})
            case ev.ConnectionAdded(source, target):
                self._add_connection(source, target)
                scene_dimming.dim_connection(self, source, target)
            case ev.ConnectionRemoved(source, target):
                self._remove(self.connection_items, (source, target))
                self.connection_overview.refresh()
                structural = False
            case ev.ConnectionChanged(source, target):
                item = self.connection_items[source, target]
                item.show_connection(self.journey.connection(source, target))
                self.placement.refit(item)  # a new or longer label may reach past its column
                self.connection_overview.refresh()
                structural = False
            case ev.StageAdded(stage_id):
                self._add_header("stage", stage_id)
            case ev.LaneAdded(lane_id):
                self._add_header("lane", lane_id)
            case ev.StageRemoved(stage_id):
                self._remove(self.headers, ("stage", stage_id))
            case ev.LaneRemoved(lane_id):
                self._remove(self.headers, ("lane", lane_id))
            case ev.StageChanged(stage_id):
                self.headers["stage", stage_id].update()
                self.metrics_lane.update()
                structural = False  # a metrics lane that grows or shrinks changes the geometry: see below
                self.placement.dirty |= self.placement.metric_rows != metric_rows(self.journey)
            case ev.LaneChanged(lane_id):
                self.headers["lane", lane_id].update()
                structural = False
            case ev.PersonaChanged():  # curves, their legend and lane badges follow the list of personas
                self._personas_changed()
            case ev.InfoChanged() | ev.VotersChanged() | ev.ParkingLotChanged():
                structural = False
            case ev.BlueprintLinesChanged():
                self.blueprint.update()
                structural = False
            case ev.VotesChanged(touchpoint_ids):
                for tp_id in touchpoint_ids & self.cards.keys():
                    self.cards[tp_id].update()
                structural = False
        self.placement.dirty |= structural
        self._scores_dirty |= structural
        if self._scores_dirty:
            self._scores_timer.start()  # averages are worked out when the user pauses, not per keystroke
        if self.placement.dirty and not self._scheduled:
            # A burst of events (a whole stage restored by undo) is laid out once, when it is over.
            self._scheduled = True
            QTimer.singleShot(0, self.ensure_layout)

    @property
    def geometry(self) -> MapGeometry | None:
        """Where everything goes, as of the last layout (`ensure_layout` brings it up to date)."""
        return self.placement.geometry

    def unplace(self, items) -> None:
        """Items a gesture's preview moved: the next `ensure_layout` puts them back where the map says."""
        self.placement.unplace(items)

    def connections_of(self, touchpoint_id: str) -> list[ConnectionItem]:
        """The connection items into and out of one card."""
        return [self.connection_items[c.key] for c in self.journey.connections_of(touchpoint_id)]

    def _refresh_scores(self) -> None:
        self._scores_timer.stop()
        if self._scores_dirty:
            self._scores_dirty = False
            self.stage_scores_item.set_scores(stage_scores(self.journey))

    def ensure_layout(self) -> None:
        """Bring item positions up to date with the map (cheap when nothing changed)."""
        self._scheduled = False
        self.placement.ensure()

    def set_detail(self, readable: bool) -> None:
        """Whether the view shows cards large enough to read. When not, the cards stop painting
        themselves (they are still selected, hovered and dragged) and `overview` draws all their
        faces in one pass."""
        if readable == self._readable:
            return
        self._readable = readable
        for card in self.cards.values():
            card.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not readable)
        for connection in self.connection_items.values():
            connection.set_detail(readable)
        self.overview.setVisible(not readable)
        self.overview.refresh()
        self._show_connection_overview()

    # ----------------------------------------------------------------- persona filter and to-be view
    def set_persona_filter(self, persona_id: str | None) -> None:
        """Answer for one persona: cards they never meet fade, and their curve stands out."""
        self.persona_filter = persona_id
        self.curve.set_persona_filter(persona_id)
        scene_dimming.apply_dimming(self)

    def set_to_be_view(self, on: bool) -> None:
        """Show the to-be: retired cards fade, new, changed and retired ones carry a tab, the to-be curves show."""
        self.to_be_view = on
        for card in self.cards.values():
            card.update()
        self.curve.update()
        self.grid.update()
        scene_dimming.apply_dimming(self)

    # ----------------------------------------------------------------- layers
    def set_layer_visible(self, name: str, visible: bool) -> None:
        """Show or hide the emotion curve, the stage scores or the connections."""
        self._layers[name] = visible
        self._apply_layers()

    def _apply_layers(self) -> None:
        self.curve.setVisible(self._layers["emotion"])
        self.stage_scores_item.setVisible(self._layers["scores"])
        for item in self.connection_items.values():
            item.set_layer(self._layers["connections"])
        self._show_connection_overview()

    def _show_connection_overview(self) -> None:
        self.connection_overview.setVisible(self._layers["connections"] and not self._readable)
        self.connection_overview.refresh()

    # ----------------------------------------------------------------- selection
    def _track_selection(self) -> None:
        self.overview.refresh()  # a selected card's face has a bold border
        selected = {item.touchpoint_id for item in self.selectedItems() if isinstance(item, CardItem)}
        self._selection_order = [t for t in self._selection_order if t in selected]
        self._selection_order += sorted(selected - set(self._selection_order))
        if len(self._selection_order) == 1:
            tp = self.journey.touchpoint(self._selection_order[0])
            self.set_cursor_cell((tp.stage, tp.lane))

    def selected_touchpoints(self) -> list[str]:
        """Selected cards' ids, in the order the user selected them."""
        return list(self._selection_order)

    def selected_connection(self) -> tuple[str, str] | None:
        items = [i for i in self.selectedItems() if isinstance(i, ConnectionItem)]
        return items[0].key if items else None

    def selected_header(self) -> tuple[str, str] | None:
        items = [i for i in self.selectedItems() if isinstance(i, HeaderItem)]
        return (items[0].kind, items[0].item_id) if items else None

    def select_touchpoints(self, touchpoint_ids: list[str]) -> None:
        self.ensure_layout()
        # One selectionChanged for the whole change, not one for clearing and one per card: each
        # has the inspector show the selection anew.
        blocked = self.blockSignals(True)
        self.clearSelection()
        for tp_id in touchpoint_ids:
            self.cards[tp_id].setSelected(True)
        self.blockSignals(blocked)
        self._selection_order = list(touchpoint_ids)  # the order asked for, as if clicked one by one
        self.selectionChanged.emit()
        if touchpoint_ids:
            self.revealRequested.emit(self.cards[touchpoint_ids[-1]].sceneBoundingRect())

    def select_header(self, kind: str, item_id: str) -> None:
        self.clearSelection()
        self.headers[kind, item_id].setSelected(True)

    def select_all(self) -> None:
        for card in self.cards.values():
            card.setSelected(True)

    def set_cursor_cell(self, cell: Cell | None) -> None:
        """The cell the keyboard works in: where Enter adds a card when no card is selected."""
        self.cursor_cell = cell
        self.grid.set_cursor_cell(cell if not self._selection_order else None)

    def current_cell(self) -> Cell | None:
        """The selected card's cell, else the keyboard's cell, else the first cell of the map."""
        if self._selection_order:
            tp = self.journey.touchpoint(self._selection_order[-1])
            return tp.stage, tp.lane
        stages = {s.id for s in self.journey.stages}
        lanes = {lane.id for lane in self.journey.lanes}
        if self.cursor_cell and self.cursor_cell[0] in stages and self.cursor_cell[1] in lanes:
            return self.cursor_cell
        if stages and lanes:
            return self.journey.stages[0].id, self.journey.lanes[0].id
        return None

    # ----------------------------------------------------------------- renaming in place (widgets.renaming)
    def edit_title(self, touchpoint_id: str, new: bool = False) -> None:
        """Type the card's title in place; a `new` card starts empty and goes away if left so."""
        renaming.edit_title(self, touchpoint_id, new)

    def edit_header(self, kind: str, item_id: str) -> None:
        renaming.edit_header(self, kind, item_id)

    # ----------------------------------------------------------------- mouse and keys
    def cancel_gesture(self, reason: CancelReason) -> None:
        """Stop the running gesture, if any, before what it points at changes or goes away."""
        if self._gesture is None:
            return
        gesture, self._gesture = self._gesture, None
        gesture.cancel(reason)  # what its preview moved is unplaced: the next layout puts it back
        if reason is CancelReason.USER:
            self.ensure_layout()

    def item_under(self, pos: QPointF):
        for item in self.items(pos):
            if isinstance(item, (CardItem, HeaderItem, AddButtonItem, ConnectionItem)) and item.isVisible():
                return item
        return None

    def cell_under(self, pos: QPointF) -> Cell | None:
        self.ensure_layout()
        return cell_at(self.geometry, Point(pos.x(), pos.y()))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.editor.active and not self.editor.sceneBoundingRect().contains(event.scenePos()):
            self.editor.edit.committed.emit(self.editor.edit.text())
        item = self.item_under(event.scenePos())
        if isinstance(item, AddButtonItem):
            self.addStageRequested.emit(len(self.journey.stages)) if item.kind == "stage" \
                else self.addLaneRequested.emit(len(self.journey.lanes))
            event.accept()
            return
        self.ensure_layout()
        self.cancel_gesture(CancelReason.USER)  # a press while one runs (another button) ends it
        self._gesture = gesture_for(self, item, event)
        if self._gesture is not None:
            self._gesture.start()
        if self._gesture is not None and self._gesture.takes_press:
            event.accept()
            return
        super().mousePressEvent(event)
        if item is None and (cell := self.cell_under(event.scenePos())):
            self.set_cursor_cell(cell)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None:
            self._gesture.move(event)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.end(event)
            event.accept()
            if gesture.takes_press:
                return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.item_under(event.scenePos())
        if isinstance(item, CardItem):
            self.edit_title(item.touchpoint_id)
        elif isinstance(item, HeaderItem):
            self.edit_header(item.kind, item.item_id)
        elif item is None and (cell := self.cell_under(event.scenePos())):
            self.addTouchpointRequested.emit(*cell, -1, "")
        else:
            super().mouseDoubleClickEvent(event)
            return
        event.accept()

    def event(self, event: QEvent) -> bool:
        # QGraphicsScene spends Tab on moving focus between items; on the canvas it moves between stages.
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not self.editor.active):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._gesture is not None and event.key() == Qt.Key.Key_Escape:
            self.cancel_gesture(CancelReason.USER)
            event.accept()
            return
        if self.editor.active or not self.keys.handle(event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        show_context_menu(self, event)
