"""The canvas under a dragged card, painted once when the drag starts and shown as the background
until it ends.

A dragged card's connections reach across most of the view, so each mouse move repaints most of
it, and re-drawing the still cards, bands and curves there was most of a move's cost. While the
backdrop stands, those items are made fully transparent (which Qt skips whole, and which unlike
hiding keeps their selection) and the view copies their pixels instead. The moving connections
ran under the still cards, so the cards' part of the picture is copied once more above them.
Whatever changes the scroll, the zoom, the view's size or the still items' marks ends it first,
for the picture would no longer be true.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPixmap, QRegion
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from widgets.detail import READABLE_SCALE


class DragBackdrop:
    """The still part of one view's scene while a card is dragged in it."""

    def __init__(self, view: QGraphicsView):
        self.view = view
        self._pixmap: QPixmap | None = None
        self._still: list[tuple[QGraphicsItem, float]] = []  # each with the opacity it goes back to
        self._cover = _CardCover(self)

    @property
    def standing(self) -> bool:
        return self._pixmap is not None

    def raise_under(self, moving: list[QGraphicsItem], still: list[QGraphicsItem], cards: list[QPainterPath],
                    z: float) -> None:
        """Paint the view without the `moving` items, then stop drawing the `still` ones (top-level
        items that hold everything the drag leaves in place) and show that picture instead; the
        still `cards` (their outlines in the scene) are shown again at `z`, above moving connections."""
        if self.standing or self.view.transform().m11() < READABLE_SCALE:
            return  # zoomed out, the scene's overview layers draw the moving card's face and lines too
        opacities = [item.opacity() for item in moving]
        for item in moving:
            item.setOpacity(0.0)
        self._pixmap = self.view.viewport().grab()
        for item, opacity in zip(moving, opacities):
            item.setOpacity(opacity)
        self._still = [(item, item.opacity()) for item in still]
        for item in still:
            item.setOpacity(0.0)
        self._cover.cover(cards, z)

    def lower(self) -> None:
        """The drag ended, or the picture no longer fits the view: the still items paint again."""
        if not self.standing:
            return
        self._pixmap = None
        self._cover.uncover()
        still, self._still = self._still, []
        for item, opacity in still:
            item.setOpacity(opacity)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Copy the part of the picture under the scene rect `rect`."""
        self.copy(painter, QRectF(self.view.mapFromScene(rect).boundingRect()))

    def copy(self, painter: QPainter, target: QRectF) -> None:
        ratio = self._pixmap.devicePixelRatio()
        source = QRectF(target.x() * ratio, target.y() * ratio, target.width() * ratio, target.height() * ratio)
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(target, self._pixmap, source)
        painter.restore()


class _CardCover(QGraphicsItem):
    """The still cards' part of the backdrop, shown above the moving connections as the cards were."""

    def __init__(self, backdrop: DragBackdrop):
        super().__init__()
        self.backdrop = backdrop
        self._region = QRegion()  # the cards, in the view's pixels
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def cover(self, cards: list[QPainterPath], z: float) -> None:
        view = self.backdrop.view
        outline = QPainterPath()
        for card in cards:
            outline.addPath(view.mapFromScene(card))
        self._region = QRegion()
        for polygon in outline.toFillPolygons():
            self._region = self._region.united(QRegion(polygon.toPolygon(), Qt.FillRule.WindingFill))
        self._bounds = view.mapToScene(view.viewport().rect()).boundingRect()
        self.setZValue(z)
        view.scene().addItem(self)

    def uncover(self) -> None:
        if self.scene() is not None:
            self.scene().removeItem(self)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        painter.resetTransform()
        painter.setClipRegion(self._region, Qt.ClipOperation.IntersectClip)
        self.backdrop.copy(painter, QRectF(self._region.boundingRect()))
        painter.restore()
