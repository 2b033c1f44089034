"""The emotion face on the canvas: on a card and beside a stage's average in the scores band."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from model import theme


def paint_face(painter: QPainter, rect: QRectF, emotion: int | None) -> None:
    """A face whose colour and mouth both say the emotion, so colour is never the only cue.

    Strokes scale with the face, in the proportions the PDF's face uses (app/pdf/marks.py).
    """
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.emotion_colour(emotion)))
    painter.drawEllipse(rect)
    if emotion is None:
        return
    w, h = rect.width(), rect.height()
    ink = QPen(QColor("#ffffff" if abs(emotion) == 2 else theme.TEXT), 0.11 * w)
    ink.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(ink)
    for eye_x in (0.35, 0.65):
        painter.drawPoint(QPointF(rect.x() + eye_x * w, rect.y() + 0.38 * h))
    ink.setWidthF(0.07 * w)
    painter.setPen(ink)
    mouth = QPainterPath(QPointF(rect.x() + 0.28 * w, rect.y() + 0.64 * h))
    bend = emotion * 0.09 * h
    mouth.quadTo(QPointF(rect.x() + 0.5 * w, rect.y() + 0.64 * h + 2 * bend),
                 QPointF(rect.x() + 0.72 * w, rect.y() + 0.64 * h))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mouth)
