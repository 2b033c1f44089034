"""The service-blueprint lines (interaction, visibility, internal interaction) across the map."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from model import theme
from model.room import BLUEPRINT_LINE_LABELS
from model.room_geometry import blueprint_label_baseline
from widgets.band_items import _GeometryItem
from widgets.text import font


class BlueprintLinesItem(_GeometryItem):
    """Each line runs along the top of its lane, across every stage, with its name at the left."""

    def __init__(self):
        super().__init__()
        self.setZValue(1)  # above the grid, under the cards

    def paint(self, painter: QPainter, option, widget=None) -> None:
        g = self.geometry
        if g is None or self.scene() is None:
            return
        label_font = font(theme.CARD_META_SIZE, bold=True)
        painter.setFont(label_font)
        descent = QFontMetricsF(label_font).descent()
        for line in self.scene().journey.blueprint_lines:
            row = g.lane_rows.get(line.above)
            if row is None:
                continue
            pen = QPen(QColor(theme.BLUEPRINT_LINE), theme.BLUEPRINT_LINE_WIDTH, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(row.x, row.y), QPointF(row.right, row.y))
            at = blueprint_label_baseline(row, descent)
            painter.drawText(QPointF(at.x, at.y), BLUEPRINT_LINE_LABELS[line.kind])
