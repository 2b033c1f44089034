"""Keeps the canvas's items where the map's layout puts them, touching only what a change moved.

Cards and the connections leaving them live in one `StageColumn` per stage, placed at the
column's left edge. A card added to a full cell widens its column and shifts every column to
its right: the shift is one move per column, not a Python call per card and per connection
(an Enter on the 2,000-touchpoint map moved 1,000 cards and 1,400 connections one by one).
A column whose cells hold the same cards over the same rows is "quiet": its cards keep their
places in it. A connection lives in its source's column, so one whose route moved just as far as
that column is already in place: the layout names only the others (`MapGeometry.changed_routes`).
"""

from __future__ import annotations

from itertools import chain

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from model import theme
from model.layout import MapGeometry, layout
from widgets.band_items import qrect
from widgets.card_item import CardItem
from widgets.connection_item import ConnectionItem
from widgets.header_item import AddButtonItem, HeaderItem

BUTTON_GAP = 12  # between the last column and its add button


def metric_rows(journey) -> int:
    """The most metrics one stage has: the metrics lane's height follows it."""
    return max((len(stage.kpis) for stage in journey.stages), default=0)


class StageColumn(QGraphicsRectItem):
    """The cards of one stage and the connections leaving them; draws nothing itself.

    Its rect holds all they draw (`fit`), and Qt is told so: a column off screen is passed over
    whole when painting or hit-testing, which lets the scene do without a spatial index, whose
    upkeep made every column shift cost a re-index of thousands of items. A rect item with no pen
    and no brush, so that Qt never calls Python for it; its z is the connections' and cards'
    (their own z orders them inside it)."""

    def __init__(self, stage_id: str):
        super().__init__()
        self.stage_id = stage_id
        self.setPen(Qt.PenStyle.NoPen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        self.setZValue(1.5)

    def fit(self) -> None:
        """Hold every card and connection in it again (after one moved or changed its route).

        Exactly, not only growing by what moved: an undo measured 2 to 3 ms slower in Qt's own
        event handling with bounds that only grew, though they were barely larger."""
        self.setRect(self.childrenBoundingRect())


class ItemPlacement:
    """The scene's geometry and the placing of its items from it: `ensure` after a change."""

    def __init__(self, scene):
        self.scene = scene
        self.reset()

    def reset(self) -> None:
        """Forget everything placed (the scene was cleared for another map)."""
        self.geometry: MapGeometry | None = None
        self.columns: dict[str, StageColumn] = {}
        self.dirty = False  # the map changed since the last layout
        self._cells: dict[str, tuple] = {}  # stage -> its cells' card ids when its cards were placed
        self._stage_of: dict[str, str] = {}  # touchpoint id -> the stage whose column holds its card
        self._unplaced: set = set()  # items made, or moved by a preview, since they were placed
        self.metric_rows = 0  # the most metrics of one stage, when last laid out

    def unplace(self, items) -> None:
        """Items a gesture's preview moved, or new ones: `ensure` puts them where the map says."""
        self._unplaced.update(items)

    def lift(self, card: CardItem, connections: list[ConnectionItem]) -> None:
        """Take a card and its connections out of their columns while the card is dragged (over the
        other cards, and with routes no column has room for); `unplace` them when the drag ends."""
        for item in (card, *connections):
            where = item.scenePos()
            item.setParentItem(None)
            item.setPos(where)

    def refit(self, item) -> None:
        """`item` drew more or less than before: its column holds what it draws again."""
        if isinstance(item.parentItem(), StageColumn):
            item.parentItem().fit()

    def ensure(self) -> None:
        """Lay the map out again if it changed, and put every moved or unplaced item in place."""
        if not self.dirty:
            if self._unplaced and self.geometry is not None:
                self._put_back()
            return
        self.dirty = False
        scene, journey = self.scene, self.scene.journey
        old = self.geometry
        # Only what the change moved is touched: the layout keeps the objects of what stayed put.
        g = self.geometry = layout(journey, old)
        unplaced, self._unplaced = self._unplaced, set()
        rows_kept = old is not None and [(lane, old.lane_rows[lane].y) for lane in old.lane_ids] == [
            (lane, g.lane_rows[lane].y) for lane in g.lane_ids]
        quiet = self._place_columns(g, rows_kept)
        touched: set[StageColumn] = set()  # columns whose contents moved in them
        stage_of, columns, cards = self._stage_of, self.columns, scene.cards
        # The cards of quiet columns keep their places in them; new and preview-moved ones are placed too.
        moving = {tp_id for stage_id in g.stage_ids if stage_id not in quiet
                  for cell in self._cells[stage_id] for tp_id in cell}
        moving.update(item.touchpoint_id for item in unplaced if isinstance(item, CardItem))
        for tp_id in moving & g.cards.keys():
            card, rect = cards[tp_id], g.cards[tp_id]
            if card in unplaced or card.parentItem() is not columns[stage_of[tp_id]] or (
                    card.pos().x(), card.pos().y()) != (rect.x - columns[stage_of[tp_id]].x(), rect.y):
                self._place_card(card, columns[stage_of[tp_id]], rect)
                touched.add(card.parentItem())
        items, routes = scene.connection_items, g.routes
        # Only the routes the layout says moved otherwise than their column, and items a preview moved
        # or new ones, are visited: the others went with their column.
        for key in dict.fromkeys(chain(g.changed_routes, (
                item.key for item in unplaced if isinstance(item, ConnectionItem) and item.key in routes))):
            item = items[key]
            self._place_connection(item, columns[stage_of[key[0]]], routes[key])
            touched.add(item.parentItem())
        for column in touched:
            column.fit()
        grid_changed = old is None or (g.cells, g.stage_headers, g.lane_headers) != (
            old.cells, old.stage_headers, old.lane_headers)
        if grid_changed or any(isinstance(item, HeaderItem) for item in unplaced):
            self._place_headers()
        self._place_bands(old, grid_changed)

    def _place_columns(self, g: MapGeometry, rows_kept: bool) -> set[str]:
        """Move each stage's column to its place; the quiet stages."""
        journey, scene = self.scene.journey, self.scene
        quiet, shifted = set(), False
        for stage_id in set(self.columns) - set(g.stage_ids):
            scene.removeItem(self.columns.pop(stage_id))  # its cards went before it
            del self._cells[stage_id]
        for stage_id in g.stage_ids:
            column = self.columns.get(stage_id)
            if column is None:
                self.columns[stage_id] = column = StageColumn(stage_id)
                scene.addItem(column)
            left = g.stage_columns[stage_id].x
            shift = left - column.x()
            if shift:
                if not shifted:  # the first column to move: those after it move too
                    # One update of the whole scene: else Qt works out, for each item of every column
                    # moved, where it was and where it is now, to repaint both.
                    scene.update()
                    shifted = True
                column.setPos(left, 0)
            cells = tuple(journey.cell(stage_id, lane) for lane in g.lane_ids)
            if rows_kept and self._cells.get(stage_id) == cells:
                quiet.add(stage_id)
                continue
            self._cells[stage_id] = cells
            for cell in cells:
                for tp_id in cell:
                    self._stage_of[tp_id] = stage_id
        return quiet

    @staticmethod
    def _place_card(card: CardItem, column: StageColumn, rect) -> None:
        if card.parentItem() is not column:
            card.setParentItem(column)
        card.setPos(rect.x - column.x(), rect.y)

    @staticmethod
    def _place_connection(item: ConnectionItem, column: StageColumn, route) -> None:
        if item.parentItem() is not column:
            item.setParentItem(column)
            item.forget_route()
        item.set_route(route)

    def _put_back(self) -> None:
        """Items a preview moved go back where the current layout has them (the map did not change)."""
        g, scene = self.geometry, self.scene
        unplaced, self._unplaced = self._unplaced, set()
        touched = set()
        for item in unplaced:
            if item.scene() is not scene:
                continue  # removed since
            if isinstance(item, CardItem):
                self._place_card(item, self.columns[self._stage_of[item.touchpoint_id]],
                                 g.cards[item.touchpoint_id])
            elif isinstance(item, ConnectionItem):
                item.forget_route()
                self._place_connection(item, self.columns[self._stage_of[item.key[0]]], g.routes[item.key])
            else:
                continue
            touched.add(item.parentItem())
        for column in touched:
            column.fit()
        if any(isinstance(item, HeaderItem) for item in unplaced):
            self._place_headers()
        scene.overview.refresh()

    def _place_headers(self) -> None:
        g = self.geometry
        for (kind, item_id), header in self.scene.headers.items():
            header.set_rect(qrect(g.stage_headers[item_id] if kind == "stage" else g.lane_headers[item_id]))

    def _place_bands(self, old: MapGeometry | None, grid_changed: bool) -> None:
        """The grid, the bands under it, the add buttons and the scene's bounds."""
        g, scene = self.geometry, self.scene
        self.metric_rows = metric_rows(scene.journey)
        grid_changed = grid_changed or g.metrics_band != old.metrics_band or (
            set(g.persona_curves) != set(old.persona_curves))  # the grid draws the bands' headers and legend
        curves = lambda geometry: (geometry.emotion_curve, geometry.target_emotion_curve,  # noqa: E731
                                   geometry.persona_curves, geometry.persona_target_curves)
        banded = [scene.curve] if grid_changed or curves(g) != curves(old) else []
        for item in ([scene.grid, scene.stage_scores_item, scene.blueprint, scene.metrics_lane]
                     if grid_changed else []) + banded:
            item.set_geometry(g)
        size = AddButtonItem.SIZE
        last_column = g.stage_headers[g.stage_ids[-1]] if g.stage_ids else None
        scene.add_stage_button.setPos(
            (last_column.right + BUTTON_GAP if last_column else theme.MARGIN + theme.LANE_HEADER_WIDTH),
            theme.MARGIN + (theme.STAGE_HEADER_HEIGHT - size) / 2)
        # The lane button sits in the last lane header's corner: below it starts the emotion band.
        last_row = g.lane_headers[g.lane_ids[-1]] if g.lane_ids else None
        scene.add_lane_button.setPos(
            QPointF(last_row.right - size - 6, last_row.bottom - size - 6) if last_row
            else QPointF(theme.MARGIN + (theme.LANE_HEADER_WIDTH - size) / 2,
                         theme.MARGIN + theme.STAGE_HEADER_HEIGHT + BUTTON_GAP))
        scene.setSceneRect(QRectF(0, 0, g.width + size + 2 * BUTTON_GAP, g.height))
        # Cards do not tell the overview of their moves (a Python call per card moved): set_bounds refreshes it.
        scene.overview.set_bounds(QRectF(0, 0, g.width, g.height))
        scene.connection_overview.set_bounds(scene.sceneRect())
