"""The canvas's viewport: zoom around the cursor, pan with space or the middle button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPixmapCache, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from model import theme
from widgets.canvas_scene import JourneyScene
from widgets.detail import READABLE_SCALE
from widgets.drag_backdrop import DragBackdrop

ZOOM_STEP = 1.2
ZOOM_RANGE = (0.1, 4.0)


class JourneyView(QGraphicsView):
    """Shows a `JourneyScene`; everything about editing lives in the scene and its gestures."""

    firstPainted = Signal()  # once, when the map is first on screen: work that can wait starts then

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.painted = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor(theme.CANVAS_BACKGROUND))
        # The view paints every pixel itself (the canvas colour around the grid, the cells in it), so
        # Qt need not fill the viewport with its palette first: that was one more fill of the whole
        # view on every repaint. Opaque, it still scrolls by moving pixels.
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._space_down = False
        self._pan_from: QPointF | None = None
        self.backdrop = DragBackdrop(self)  # raised by a card drag (widgets.interactions.CardDrag)
        scene.revealRequested.connect(self.reveal)

    def resizeEvent(self, event) -> None:
        self.backdrop.lower()
        super().resizeEvent(event)
        # Items cache their pixels in Qt's pixmap cache: zoomed out, the card faces and the connections
        # each fill a view-sized pixmap, and Qt's default 10 MB would hold one of them at 1600 x 1000.
        size = self.viewport().size()
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 3 * size.width() * size.height() * 4 // 1024))

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        # The grid's cells fill most of the view with their own colour: the canvas colour is put only
        # around them, or every repaint would fill the whole view twice. Neither is antialiased, so
        # that they meet without a seam at any zoom (nothing is painted under them).
        if self.backdrop.standing:
            self.backdrop.paint(painter, rect)
            return
        antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        g = self.scene().geometry
        if g is None or not g.stage_ids or not g.lane_ids:
            super().drawBackground(painter, rect)
        else:
            first, last = g.cells[g.stage_ids[0], g.lane_ids[0]], g.cells[g.stage_ids[-1], g.lane_ids[-1]]
            grid = QRectF(first.x, first.y, last.right - first.x, last.bottom - first.y)
            brush = self.backgroundBrush()
            for part in _around(rect, grid):
                painter.fillRect(part, brush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)  # the view keeps no painter state

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.backdrop.lower()
        super().scrollContentsBy(dx, dy)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            self.firstPainted.emit()

    # ----------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        self.scale(zoom / self.zoom, zoom / self.zoom)
        self._match_detail()

    def _match_detail(self) -> None:
        # Too small to read, cards are drawn as faces in one pass, and curves and corners gain
        # nothing from antialiasing.
        self.backdrop.lower()
        readable = self.zoom >= READABLE_SCALE
        self.setRenderHint(QPainter.RenderHint.Antialiasing, readable)
        self.scene().set_detail(readable)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self.resetTransform()
        self._match_detail()

    def zoom_to_fit(self) -> None:
        rect = self.scene().sceneRect()  # set by the layout; itemsBoundingRect would visit every item
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-24, -24, 24, 24), Qt.AspectRatioMode.KeepAspectRatio)
        self._match_detail()
        if self.zoom > 1.0:  # a small map is shown at 100%, not blown up
            self.actual_size()
            self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom * ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def reveal(self, rect: QRectF) -> None:
        self.ensureVisible(rect, 40, 40)

    # ----------------------------------------------------------------- pan
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def _editing(self) -> bool:
        return self.scene().focusItem() is not None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space_down and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor) if self._space_down \
                else self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space_down = False
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab and Backtab move between stages on the canvas instead of moving focus out of it.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.keyPressEvent(event)
            return True
        return super().event(event)


def _around(rect: QRectF, hole: QRectF) -> list[QRectF]:
    """The parts of `rect` outside `hole`: up to four rectangles (above, below, left, right)."""
    inner = rect.intersected(hole)
    if inner.isEmpty():
        return [rect]
    parts = [QRectF(rect.left(), rect.top(), rect.width(), inner.top() - rect.top()),
             QRectF(rect.left(), inner.bottom(), rect.width(), rect.bottom() - inner.bottom()),
             QRectF(rect.left(), inner.top(), inner.left() - rect.left(), inner.height()),
             QRectF(inner.right(), inner.top(), rect.right() - inner.right(), inner.height())]
    return [part for part in parts if part.width() > 0 and part.height() > 0]
