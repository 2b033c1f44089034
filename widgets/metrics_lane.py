"""The metrics lane under the emotion band: each stage's KPIs with value, target, status and trend.

Drawn from the stages' metrics and the layout's `metrics_band`; a stage with fewer metrics than
the lane has rows leaves the rest empty. Status is a shape as well as a colour (a tick for met, a
cross for missed, a ring when there is no target or value), so it reads in greyscale print.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from model import theme
from model.entities import Kpi
from model.card_parts import metric_row
from model.stage_metrics import KpiStatus, format_value, kpi_series, kpi_status
from widgets.band_items import _GeometryItem, qrect
from widgets.recording import Recording
from widgets.text import elided_lines, font

SPARK_WIDTH = 36


class MetricsLaneItem(_GeometryItem):
    """Every stage's metrics, one row each: status, name, current value → target, a small trend."""

    def __init__(self):
        super().__init__()
        self.setZValue(1)
        self._drawing = Recording()

    def boundingRect(self) -> QRectF:
        # The lane only: its cached pixels are the lane's, not a view-sized sheet mostly transparent.
        if self.geometry is None or not self.geometry.metrics_band:
            return QRectF()
        bands = list(self.geometry.metrics_band.values())
        return QRectF(bands[0].x, bands[0].y, bands[-1].right - bands[0].x, bands[0].height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        g = self.geometry
        if g is None or not g.metrics_band:
            return
        stages = tuple(self.scene().journey.stages)  # replaced, never changed, when the map changes
        self._drawing.replay(painter, (g, stages), lambda recorder: self._paint_rows(recorder, g, stages))

    def _paint_rows(self, painter: QPainter, g, stages) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stage in stages:
            band = g.metrics_band.get(stage.id)
            if band is None:
                continue
            for i, kpi in enumerate(stage.kpis):
                self._paint_row(painter, qrect(metric_row(band, i)), kpi)

    def _paint_row(self, painter: QPainter, row: QRectF, kpi: Kpi) -> None:
        """Status mark and name on top; below, the value now → the target; the trend on the right."""
        status = kpi_status(kpi)
        half = row.height() / 2
        paint_status(painter, QRectF(row.x(), row.y() + (half - 12) / 2 + 1, 12, 12), status)
        spark = QRectF(row.right() - SPARK_WIDTH, row.y() + 5, SPARK_WIDTH, row.height() - 10)
        text_left = row.x() + 17
        width = spark.left() - 6 - text_left
        name_font = font(theme.SCORE_LABEL_SIZE + 1)
        painter.setFont(name_font)
        painter.setPen(QColor(theme.TEXT_MUTED))
        painter.drawText(QRectF(text_left, row.y(), width, half), Qt.AlignmentFlag.AlignVCenter,
                         elided_lines(kpi.name, name_font, width, 1)[0])
        values = format_value(kpi, kpi.current)
        if kpi.target is not None:
            values += f" → {format_value(kpi, kpi.target)}"
        value_font = font(theme.SCORE_LABEL_SIZE + 1, bold=True)
        painter.setFont(value_font)
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(QRectF(text_left, row.y() + half, width, half), Qt.AlignmentFlag.AlignVCenter,
                         elided_lines(values, value_font, width, 1)[0])
        paint_trend(painter, spark, kpi_series(kpi), status)


def paint_status(painter: QPainter, rect: QRectF, status: KpiStatus) -> None:
    """A tick in a disc (met), a cross in a disc (missed), or an empty ring (no target or value)."""
    colour = QColor(theme.KPI_STATUS_COLOURS[status.value])
    if status == KpiStatus.unknown:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(rect)
    ink = QPen(QColor("#ffffff"), 1.8)
    ink.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(ink)
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    if status == KpiStatus.met:
        tick = QPainterPath(QPointF(x + 0.27 * w, y + 0.52 * h))
        tick.lineTo(QPointF(x + 0.44 * w, y + 0.70 * h))
        tick.lineTo(QPointF(x + 0.74 * w, y + 0.32 * h))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    else:
        painter.drawLine(QPointF(x + 0.32 * w, y + 0.32 * h), QPointF(x + 0.68 * w, y + 0.68 * h))
        painter.drawLine(QPointF(x + 0.68 * w, y + 0.32 * h), QPointF(x + 0.32 * w, y + 0.68 * h))


def paint_trend(painter: QPainter, rect: QRectF, series: list[float], status: KpiStatus) -> None:
    """A sparkline of the metric's values, the latest as a dot; nothing for fewer than two values."""
    if len(series) < 2:
        return
    low, high = min(series), max(series)
    span = (high - low) or 1.0
    step = rect.width() / (len(series) - 1)
    points = [QPointF(rect.x() + i * step, rect.bottom() - (v - low) / span * rect.height())
              for i, v in enumerate(series)]
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.setPen(QPen(QColor(theme.TEXT_MUTED), 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.KPI_STATUS_COLOURS[status.value]))
    painter.drawEllipse(points[-1], 2.5, 2.5)
