"""Level of detail: what is worth drawing at the scale the canvas is shown at.

Text under about five pixels cannot be read, and drawing it for two thousand cards is what made
zooming out slow; below `READABLE_SCALE` items draw only their shapes and colours.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

READABLE_SCALE = 0.4  # the card title (13 px) is about 5 px on screen here


def readable(option: QStyleOptionGraphicsItem, painter: QPainter) -> bool:
    """Whether the item being painted is shown large enough for its text to be read."""
    return option.levelOfDetailFromTransform(painter.worldTransform()) >= READABLE_SCALE


class ZoomedOutLayer(QGraphicsItem):
    """One item that draws all the cards' faces, or all the connections, while the scene is too
    small to read: what it draws is gathered at the first paint after a `refresh` and kept until
    the next one, so a repaint costs a few Qt calls whatever the map's size.

    Its pixels are cached too (only the part on screen, which is what Qt keeps of an item larger
    than the view): a repaint of the same view, a card moved elsewhere or a dialog closed over
    it, is a copy instead of stroking 3,000 curves again; a zoom step still draws afresh."""

    def __init__(self, z: float):
        super().__init__()
        self.setZValue(z)  # where the items it stands in for are
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._bounds = QRectF()
        self._gathered: Any = None

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect
        self.refresh()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def refresh(self) -> None:
        """What it stands in for changed: gather it again at the next paint."""
        self._gathered = None
        if self.isVisible():
            self.update()

    def gathered(self) -> Any:
        if self._gathered is None:
            self._gathered = self._gather()
        return self._gathered

    def _gather(self) -> Any:
        raise NotImplementedError
