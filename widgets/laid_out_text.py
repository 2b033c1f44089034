"""Text laid out once and drawn at any scale without being laid out again.

`QPainter.drawText` shapes its text anew on every call, and a recorded `QPicture` replays text as
such calls: at a zoom step that was half of re-drawing a card. Qt lays text out in the item's own
coordinates whatever the scale, so the glyphs and positions of one layout are those of any later
one; kept as glyph runs, they are drawn at a new scale with no layout at all.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGlyphRun, QPainter, QPen, QTextLayout, QTextOption


class LaidOutText:
    """What `painter.drawText(rect, flags, text)` draws, laid out as Qt lays it out for that call."""

    __slots__ = ("runs", "clip", "ink")

    def __init__(self, font: QFont, rect: QRectF, flags: int, text: str):
        flags = int(flags)
        layout = QTextLayout(text.replace("\n", "\u2028"), font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.ManualWrap)
        option.setFlags(QTextOption.Flag.IncludeTrailingSpaces)
        layout.setTextOption(option)
        leading = QFontMetricsF(font).leading()
        height, width = -leading, 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(0.0, rect.width()))
            height = math.ceil(height + leading)  # Qt puts each line on a whole pixel
            line.setPosition(QPointF(0, height))
            height += line.ascent() + line.descent()  # not `height()`, which is rounded up
            width = max(width, line.naturalTextWidth())
        layout.endLayout()
        y = rect.y()
        if flags & Qt.AlignmentFlag.AlignBottom:
            y += rect.height() - height
        elif flags & Qt.AlignmentFlag.AlignVCenter:
            y += (rect.height() - height) / 2
        x = rect.x()
        if flags & Qt.AlignmentFlag.AlignRight:
            x += rect.width() - width
        elif flags & Qt.AlignmentFlag.AlignHCenter:
            x += (rect.width() - width) / 2
        # Each line from where Qt draws it: aligned within the rect by its own advance.
        self.runs = [(_fixed(rect.x() + _line_offset(flags, rect.width(), line.horizontalAdvance()), y), run)
                      for line in map(layout.lineAt, range(layout.lineCount())) for run in line.glyphRuns()]
        # Qt clips text that does not fit its rect to the rect.
        bounds = QRectF(x, y, width, height)
        self.clip = None if rect.contains(bounds) else QRectF(rect)
        ink = QRectF()
        for origin, run in self.runs:
            ink = ink.united(run.boundingRect().translated(origin))
        if self.clip is not None:
            ink = ink.intersected(self.clip)
        self.ink = ink.adjusted(-1, -1, 1, 1)  # what its glyphs cover, with their antialiased edge


def laid_out_text(font: QFont, rect: QRectF, flags: int, text: str) -> LaidOutText:
    """A text laid out, shared: many cards write the same labels at the same place (M, V, A, a count)."""
    return _shared(font, rect.x(), rect.y(), rect.width(), rect.height(), int(flags), text)


@lru_cache(maxsize=4096)
def _shared(font: QFont, x: float, y: float, width: float, height: float, flags: int, text: str) -> LaidOutText:
    return LaidOutText(font, QRectF(x, y, width, height), flags, text)


TextSteps = list[tuple[QPen, QRectF | None, list[QGlyphRun]]]  # pen, clip, runs placed where they are drawn


def text_steps(texts: list[tuple[QPen, LaidOutText]]) -> TextSteps:
    """Texts drawn one after another, as few glyph runs as draw the same: a run of an unclipped text
    in the pen and font of the run before it is joined to it (one call for a card's evidence mark and count)."""
    steps: TextSteps = []
    for pen, text in texts:
        if text.clip is None and steps and steps[-1][1] is None and steps[-1][0] == pen:
            runs = steps[-1][2]
        else:
            runs = []
            steps.append((pen, text.clip, runs))
        for origin, run in text.runs:
            placed = QGlyphRun(run)
            placed.setPositions([position + origin for position in run.positions()])
            last = runs[-1] if runs and text.clip is None else None
            if last is not None and last.rawFont() == run.rawFont() and last.flags() == run.flags():
                last.setGlyphIndexes([*last.glyphIndexes(), *placed.glyphIndexes()])  # drawn in the same order
                last.setPositions([*last.positions(), *placed.positions()])
            else:
                runs.append(placed)
    return steps


def draw_texts(painter: QPainter, steps: TextSteps) -> None:
    """Draw texts in order, each in its pen; the painter keeps the last pen."""
    for pen, clip, runs in steps:
        painter.setPen(pen)
        if clip is not None:
            painter.save()
            painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        for run in runs:
            painter.drawGlyphRun(_ORIGIN, run)
        if clip is not None:
            painter.restore()


_ORIGIN = QPointF()


def _line_offset(flags: int, width: float, advance: float) -> float:
    if flags & Qt.AlignmentFlag.AlignRight:
        return width - advance
    if flags & Qt.AlignmentFlag.AlignHCenter:
        return (width - advance) / 2
    return 0.0


def _fixed(x: float, y: float) -> QPointF:
    """A point cut as Qt cuts where it draws a line of text: to 1/64 of a unit."""
    return QPointF(int(x * 64) / 64, int(y * 64) / 64)
