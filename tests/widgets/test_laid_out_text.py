"""Text laid out once (widgets.laid_out_text) and recorded drawings (widgets.recording) must draw,
at any scale, exactly the pixels that drawing afresh with `QPainter.drawText` draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from widgets.laid_out_text import LaidOutText, draw_texts, text_steps
from widgets.recording import Recording
from widgets.text import font

A = Qt.AlignmentFlag
# Every way the canvas writes text: card titles (clipped to a line shorter than the font), meta
# lines, centred badge letters and tabs, labels centred on a bar, a two-line band label, a count.
TEXTS = [(13, True, QRectF(10, 10, 150, 16), A.AlignLeft, "Sees an ad on Instagram"),
         (11, False, QRectF(10, 30, 150, 14), A.AlignLeft, "Web & social · Marketing"),
         (10, True, QRectF(10, 50, 14, 14), A.AlignCenter, "R"),
         (10, True, QRectF(10, 70, 20, 10), A.AlignLeft | A.AlignVCenter, "M"),
         (12, True, QRectF(10, 90, 120, 40), A.AlignVCenter, "Meaning / Value /\nAccommodation"),
         (11, True, QRectF(10, 140, 60, 12), A.AlignCenter, "Dead end"),
         (12, False, QRectF(10, 160, 30, 10), A.AlignRight, "9+"),
         # Titles in other scripts: right to left, joined, wide.
         (13, True, QRectF(10, 180, 150, 16), A.AlignLeft, "الدفع عند الاستلام"),
         (13, False, QRectF(10, 200, 150, 16), A.AlignLeft, "שירות לקוחות 24/7"),
         (13, True, QRectF(10, 220, 150, 16), A.AlignLeft, "店舗で受け取り"),
         (11, False, QRectF(10, 240, 100, 14), A.AlignCenter, "Café → Kasse")]
SCALES = (0.41, 0.5, 0.6, 0.6944, 0.8333, 1.0, 1.2, 1.44, 1.728, 2.0736, 2.5, 4.0)  # zoom steps and more


def drawn(scale: float, paint) -> QImage:
    image = QImage(420, 420, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    paint(painter)
    painter.end()
    return image


@pytest.mark.parametrize("scale", SCALES)
def test_laid_out_text_draws_what_draw_text_draws(qapp, scale):
    for size, bold, rect, flags, text in TEXTS:
        def afresh(painter, size=size, bold=bold, rect=rect, flags=flags, text=text):
            painter.setFont(font(size, bold))
            painter.setPen(QColor("#223344"))
            painter.drawText(rect, flags, text)

        def laid_out(painter, size=size, bold=bold, rect=rect, flags=flags, text=text):
            painter.setPen(QColor("#223344"))
            draw_texts(painter, text_steps([(painter.pen(), LaidOutText(font(size, bold), rect, flags, text))]))

        assert drawn(scale, afresh) == drawn(scale, laid_out), text


def _labelled_tabs(painter: QPainter) -> None:
    """Text under a shape drawn after it (a tab over a label), and text beside shapes."""
    painter.setFont(font(13, bold=True))
    painter.setPen(QColor("#223344"))
    painter.drawText(QRectF(10, 10, 150, 16), A.AlignLeft, "Covered by the tab")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#cc3344"))
    painter.drawRoundedRect(QRectF(40, 12, 50, 20), 4, 4)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(40, 12, 50, 20), A.AlignCenter, "Tab")
    painter.setBrush(QColor("#3344cc"))
    painter.drawEllipse(QRectF(200, 60, 30, 30))
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(10, 60, 150, 16), A.AlignLeft, "Beside the dot")


def _lines_in_one_pen(painter: QPainter) -> None:
    """Texts one after another in one pen and font (their glyphs are drawn in one call), then another font."""
    painter.setPen(QColor("#223344"))
    painter.setFont(font(13, bold=True))
    for i, line in enumerate(("A title of", "three lines", "on a card")):
        painter.drawText(QRectF(10, 10 + 18 * i, 150, 18), A.AlignLeft, line)
    painter.setFont(font(11))
    painter.drawText(QRectF(10, 70, 150, 18), A.AlignLeft, "Web · Marketing")


@pytest.mark.parametrize("scale", (0.6944, 1.0, 1.728))
@pytest.mark.parametrize("drawing", (_labelled_tabs, _lines_in_one_pen))
def test_a_replayed_recording_draws_what_drawing_afresh_draws(qapp, scale, drawing):
    recording = Recording()
    for _ in range(2):  # drawn straight when first seen, recorded when drawn again
        drawn(1.0, lambda painter: recording.replay(painter, "key", drawing))
    assert drawn(scale, lambda painter: recording.replay(painter, "key", drawing)) == drawn(scale, drawing)
