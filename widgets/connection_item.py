"""A connection on the canvas: the layout's Bézier route, an arrow head, colour and dash by kind."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from model import theme
from model.layout import Route
from widgets.text import font


def route_path(route: Route) -> QPainterPath:
    path = QPainterPath(QPointF(route.start.x, route.start.y))
    path.cubicTo(QPointF(route.control1.x, route.control1.y), QPointF(route.control2.x, route.control2.y),
                 QPointF(route.end.x, route.end.y))
    return path


def arrow_head(route: Route) -> QPolygonF:
    direction = route.arrow
    tip = QPointF(route.end.x, route.end.y)
    back = QPointF(direction.x, direction.y) * theme.ARROW_LENGTH
    side = QPointF(-direction.y, direction.x) * (theme.ARROW_WIDTH / 2)
    return QPolygonF([tip, tip - back + side, tip - back - side])


class ConnectionItem(QGraphicsPathItem):
    """One transition between two cards, identified by (source, target)."""

    def __init__(self, source: str, target: str):
        super().__init__()
        self.key = (source, target)
        self._route: Route | None = None
        self.emphasis: str | None = None  # a path overlay's colour, drawn bold
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)

    def set_route(self, route: Route) -> None:
        if route != self._route:
            self._route = route
            self.setPath(route_path(route))

    def set_emphasis(self, colour: str | None) -> None:
        if colour != self.emphasis:
            self.emphasis = colour
            self.setZValue(1.5 if colour else 1)
            self.update()

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path())

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-12, -12, 12, 12)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._route is None:  # added since the last layout; drawn once it is placed
            return
        connection = self.scene().journey.connection(*self.key)
        colour = QColor(theme.SELECTION if self.isSelected()
                        else self.emphasis or theme.connection_colour(connection.kind))
        pen = QPen(colour, theme.CONNECTION_WIDTH * (3 if self.emphasis else 1.8 if self.isSelected() else 1))
        dash = theme.connection_dash(connection.kind)
        if dash:
            pen.setDashPattern([d / theme.CONNECTION_WIDTH for d in dash])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(arrow_head(self._route))
        if connection.label:
            label = self._route.label
            painter.setFont(font(theme.CONNECTION_LABEL_SIZE))
            rect = QRectF(label.x - 70, label.y - 9, 140, 18)
            painter.setPen(QColor(theme.TEXT_MUTED))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, connection.label)
