"""A connection on the canvas: the layout's route, an arrow head, colour and dash by kind.

Qt paints connections without calling Python: the path, the arrow head and the label are Qt's
own path, polygon and text items, whose pens and brushes are set when the route, the connection,
the selection or the emphasis changes, never while painting. (Filling a stroked outline instead
would be one item fewer, but rasterises ten times slower zoomed out.) A map with 3,000
connections then repaints at the speed of C++. Zoomed out, plain connections hide and
`widgets.connection_overview` strokes them all in one pass.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsPolygonItem, QGraphicsSimpleTextItem

from model import theme
from model.entities import Connection
from model.layout import Route
from widgets.text import font

HIT_WIDTH = 10  # how far from the line a click still picks the connection
FAINT = 0.35  # the opacity of a connection zoomed out below a readable scale


def route_path(route: Route) -> QPainterPath:
    path = QPainterPath(QPointF(route.points[0], route.points[1]))
    c = route.curves()
    for i in range(0, len(c), 6):
        path.cubicTo(c[i], c[i + 1], c[i + 2], c[i + 3], c[i + 4], c[i + 5])
    return path


def arrow_head(route: Route) -> QPolygonF:
    """The head at the route's end (see `Route.head`)."""
    x0, y0, x1, y1, x2, y2 = route.head()
    return QPolygonF([QPointF(x0, y0), QPointF(x1, y1), QPointF(x2, y2)])


def hairline(kind, faint: bool = False) -> QPen:
    """The pen of a plain connection of `kind`: one pixel at any zoom, faint when zoomed out.

    A one-pixel hairline: Qt antialiases it five times faster than a scaled 1.5-unit stroke
    (a repaint at 100% is mostly connections), and it stays visible zoomed out. Faint is the
    colour seen through at `FAINT` opacity over the white cells, but opaque: a translucent
    stroke of thousands of curves costs Qt twice as much to draw."""
    colour = QColor(theme.connection_colour(kind))
    if faint:
        over = QColor(theme.CARD_BACKGROUND)
        colour = QColor.fromRgbF(*(FAINT * mine + (1 - FAINT) * under for mine, under in (
            (colour.redF(), over.redF()), (colour.greenF(), over.greenF()), (colour.blueF(), over.blueF()))))
    pen = QPen(colour, 0)  # Qt's hairline: its item's bounds are the path's, where a width strokes it dashed first
    if dash := theme.connection_dash(kind):
        pen.setDashPattern(dash)
    return pen


def route_shift(old: Route, new: Route) -> tuple[float, float] | None:
    """(dx, dy) if `new` is `old` moved without changing its shape, else None."""
    before, after = old.points, new.points
    if len(before) != len(after):
        return None
    dx, dy = after[0] - before[0], after[1] - before[1]
    if (after[0::2] == tuple(map(float(dx).__add__, before[0::2]))
            and after[1::2] == tuple(map(float(dy).__add__, before[1::2]))):
        return dx, dy
    return None


class ConnectionItem(QGraphicsPathItem):
    """One transition between two cards, identified by (source, target).

    The item itself draws nothing: its path and wide pen only make the area a click picks (and
    Qt's own selection frame stays unpainted). Its children draw: `line` strokes the path,
    `head` fills the arrow head, and a text item shows the label when there is one.
    """

    def __init__(self, source: str, target: str):
        super().__init__()
        self.key = (source, target)
        self._route: Route | None = None
        self.kind = None  # the connection's kind, from `show_connection`
        self.emphasis: str | None = None  # a path overlay's colour, drawn bold
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setPen(QPen(Qt.GlobalColor.transparent, HIT_WIDTH))
        self.setZValue(1)
        self.line = QGraphicsPathItem(self)
        self.head = QGraphicsPolygonItem(self)
        self.head.setPen(Qt.PenStyle.NoPen)
        for part in (self.line, self.head):
            part.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.label: QGraphicsSimpleTextItem | None = None
        self._readable = True  # zoomed out, a connection is a faint line without a head
        self._layer = True  # the connections layer is shown

    def set_route(self, route: Route) -> None:
        """Follow the layout's route. The item sits at the route's start and its path is drawn from
        there, so a route moved as a whole (cards right of a widened column) is one move, and one
        that moved with the column the item is in needs none: the route kept here may lie where
        the item's column was, and is read only for its shape."""
        old, self._route = self._route, route
        if self.scene() is not None:
            self.scene().connection_overview.refresh()
        x, y = route.points[0], route.points[1]
        parent = self.parentItem()
        self.setPos(x - (parent.x() if parent is not None else 0.0), y - (parent.y() if parent is not None else 0.0))
        if old is not None and route_shift(old, route) is not None:
            return
        path = route_path(route)
        path.translate(-x, -y)
        self.setPath(path)
        self.line.setPath(path)
        head = arrow_head(route)
        head.translate(-x, -y)
        self.head.setPolygon(head)
        self._place_label()

    def forget_route(self) -> None:
        """The item moved to another column: the next `set_route` places and draws it afresh."""
        self._route = None

    def show_connection(self, connection: Connection) -> None:
        """Take the connection's kind and label (when it is added or changed)."""
        self.kind = connection.kind
        if connection.label and self.label is None:
            self.label = QGraphicsSimpleTextItem(self)
            self.label.setFont(font(theme.CONNECTION_LABEL_SIZE))
            self.label.setBrush(QColor(theme.TEXT_MUTED))
            self.label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if self.label is not None:
            self.label.setText(connection.label)
            self._place_label()
        self._restyle()

    def set_emphasis(self, colour: str | None) -> None:
        if colour != self.emphasis:
            self.emphasis = colour
            self.setZValue(1.5 if colour else 1)
            self._restyle()

    def set_detail(self, readable: bool) -> None:
        """Zoomed out, thousands of dark lines and heads would hide the cards: draw faint lines only."""
        if readable != self._readable:
            self._readable = readable
            self.head.setVisible(readable)
            if self.label is not None:
                self.label.setVisible(readable)
            self._restyle()

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._restyle()
        return super().itemChange(change, value)

    def _place_label(self) -> None:
        if self.label is not None and self._route is not None:
            middle, size = self._route.label, self.label.boundingRect()
            start = self._route.start
            self.label.setPos(middle.x - size.width() / 2 - start.x, middle.y - size.height() / 2 - start.y)

    def _restyle(self) -> None:
        """Colour and width from the kind, the selection and the emphasis."""
        if self.kind is None:
            return
        selected = self.isSelected()
        if selected or self.emphasis:
            colour = QColor(theme.SELECTION if selected else self.emphasis)
            pen = QPen(colour, theme.CONNECTION_WIDTH * (3 if self.emphasis else 1.8))
            if dash := theme.connection_dash(self.kind):
                pen.setDashPattern([d / theme.CONNECTION_WIDTH for d in dash])
        else:
            pen = hairline(self.kind, faint=not self._readable)
        self.line.setPen(pen)
        self.head.setBrush(QBrush(pen.color()))
        self._show()

    def set_layer(self, visible: bool) -> None:
        """Whether the connections layer is shown at all."""
        self._layer = visible
        self._show()

    def _show(self) -> None:
        # Zoomed out, the scene's ConnectionOverview draws plain connections; a selected or
        # emphasised one stays an item, drawn bold above them (and hiding it would deselect it).
        self.setVisible(self._layer and (self._readable or self.isSelected() or self.emphasis is not None))
