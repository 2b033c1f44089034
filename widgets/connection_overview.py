"""Every connection as a faint line in one pass, for scales at which no card can be read.

Zoomed out, 3,000 connection items cost two thirds of a repaint of the 2,000-touchpoint map
although each is a headless hairline: Qt visits, clips and strokes them one by one. The scene
hides them there (all but a selected or emphasised one, which stay items and stay bold) and
this item strokes their curves instead, one path per kind, rebuilt only when a route changes.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from widgets.connection_item import hairline
from widgets.detail import ZoomedOutLayer


class ConnectionOverview(ZoomedOutLayer):
    """The faint lines of all the scene's connections; shown only while the scene is zoomed out. The
    scene calls `refresh` when a connection comes, goes, moves or changes kind."""

    def __init__(self):
        super().__init__(z=1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)  # the view does not save painter state between items
        for pen, path in self.lines():
            painter.setPen(pen)
            painter.drawPath(path)

    def lines(self) -> list[tuple[QPen, QPainterPath]]:
        """What a paint strokes: a pen per kind and the curves, in scene coordinates, drawn with it."""
        return self.gathered()

    def _gather(self) -> list[tuple[QPen, QPainterPath]]:
        paths: dict = defaultdict(QPainterPath)
        for item in self.scene().connection_items.values():
            if item.kind is not None:
                paths[item.kind].addPath(item.line.path().translated(item.scenePos()))
        return [(hairline(kind, faint=True), path) for kind, path in paths.items()]
