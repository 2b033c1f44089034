"""Every connection as a faint line in one pass, for scales at which no card can be read.

Zoomed out, 3,000 connection items cost two thirds of a repaint of the 2,000-touchpoint map
although each is a headless hairline: Qt visits, clips and strokes them one by one. The scene
hides them there (all but a selected or emphasised one, which stay items and stay bold) and
this item strokes their curves instead, one path per kind, rebuilt only when a route changes.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from widgets.connection_item import hairline


class ConnectionOverview(QGraphicsItem):
    """The faint lines of all the scene's connections; shown only while the scene is zoomed out."""

    def __init__(self):
        super().__init__()
        self.setZValue(1)  # where the connections are
        self._bounds = QRectF()
        self._lines: list[tuple[QPen, QPainterPath]] | None = None

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect

    def boundingRect(self) -> QRectF:
        return self._bounds

    def refresh(self) -> None:
        """A connection came, went, moved or changed kind: gather the lines again at the next paint."""
        self._lines = None
        if self.isVisible():
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)  # the view does not save painter state between items
        for pen, path in self.lines():
            painter.setPen(pen)
            painter.drawPath(path)

    def lines(self) -> list[tuple[QPen, QPainterPath]]:
        """What a paint strokes: a pen per kind and the curves, in scene coordinates, drawn with it."""
        if self._lines is None:
            paths: dict = defaultdict(QPainterPath)
            for item in self.scene().connection_items.values():
                if item.kind is not None:
                    paths[item.kind].addPath(item.line.path().translated(item.pos()))
            self._lines = [(hairline(kind, faint=True), path) for kind, path in paths.items()]
        return self._lines
