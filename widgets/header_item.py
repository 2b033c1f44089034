"""Stage and lane headers: the names across the top and down the left, and the `+` buttons."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from model import theme
from model.entities import Lane, Stage
from widgets.detail import readable
from widgets.text import elided_lines, font


class HeaderItem(QGraphicsItem):
    """The header of one stage (`kind == "stage"`) or lane (`kind == "lane"`), by id."""

    def __init__(self, kind: str, item_id: str):
        super().__init__()
        self.kind, self.item_id = kind, item_id
        self._rect = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(3)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def name_rect(self) -> QRectF:
        """Where the name is written: the in-place rename editor goes here."""
        if self.kind == "stage":
            return QRectF(self._rect.x() + 6, self._rect.y() + 6, self._rect.width() - 12, theme.HEADER_SIZE + 12)
        return self._rect.adjusted(6, 6, -6, -6)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        journey = self.scene().journey
        entity = journey.stage(self.item_id) if self.kind == "stage" else journey.lane(self.item_id)
        background = theme.STAGE_HEADER_BACKGROUND if self.kind == "stage" else theme.LANE_HEADER_BACKGROUND
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(QPen(QColor(theme.SELECTION), 2) if selected else QPen(QColor(theme.GRID_LINE), 1))
        painter.setBrush(QColor(theme.SELECTION_FILL if selected else background))
        painter.drawRect(self._rect.adjusted(0.5, 0.5, -0.5, -0.5))
        if readable(option, painter):
            self._paint_text(painter, entity)

    def _paint_text(self, painter: QPainter, entity: Stage | Lane) -> None:
        """The name (and a stage's goal, a lane's kind), fitted to the header."""
        name_font = font(theme.HEADER_SIZE, bold=True)
        painter.setFont(name_font)
        painter.setPen(QColor(theme.HEADER_TEXT))
        pad = 10
        width = self._rect.width() - 2 * pad
        if self.kind == "stage":
            line = elided_lines(entity.name, name_font, width, 1)[0]
            painter.drawText(QRectF(self._rect.x() + pad, self._rect.y() + 8, width, theme.HEADER_SIZE + 6),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            if entity.goal:
                goal_font = font(theme.STAGE_GOAL_SIZE)
                painter.setFont(goal_font)
                painter.setPen(QColor(theme.TEXT_MUTED))
                spacing = QFontMetricsF(goal_font).lineSpacing()
                y = self._rect.y() + theme.HEADER_SIZE + 16
                for goal_line in elided_lines(entity.goal, goal_font, width, 2):
                    painter.drawText(QRectF(self._rect.x() + pad, y, width, spacing), Qt.AlignmentFlag.AlignLeft,
                                     goal_line)
                    y += spacing
        else:
            spacing = QFontMetricsF(name_font).lineSpacing()
            lines = elided_lines(entity.name, name_font, width, max(1, int((self._rect.height() - 16) // spacing)))
            y = self._rect.y() + 10
            for line in lines:
                painter.drawText(QRectF(self._rect.x() + pad, y, width, spacing), Qt.AlignmentFlag.AlignLeft, line)
                y += spacing
            kind_font = font(theme.STAGE_GOAL_SIZE)
            painter.setFont(kind_font)
            painter.setPen(QColor(theme.TEXT_MUTED))
            painter.drawText(QRectF(self._rect.x() + pad, y + 2, width, spacing), Qt.AlignmentFlag.AlignLeft,
                             entity.kind.value.capitalize())


class AddButtonItem(QGraphicsItem):
    """A round `+` that adds a stage (after the last) or a lane (below the last)."""

    SIZE = 26

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self.setAcceptHoverEvents(True)
        self.setToolTip("Add a stage" if kind == "stage" else "Add a lane")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(4)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.SIZE, self.SIZE)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.SELECTION), 1.5))
        painter.setBrush(QColor(theme.SELECTION_FILL if self.isUnderMouse() else theme.CARD_BACKGROUND))
        painter.drawEllipse(self.boundingRect().adjusted(1, 1, -1, -1))
        c = self.SIZE / 2
        painter.drawLine(c - 6, c, c + 6, c)
        painter.drawLine(c, c - 6, c, c + 6)
