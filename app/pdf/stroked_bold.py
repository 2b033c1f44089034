"""Bold for the fonts that have no bold file: each glyph filled and stroked in the text's colour.

The CJK and Korean fallbacks are bold under a second name (`fonts.STROKED_BOLD`); a text object
of this class draws every run in such a font with text render mode 2 (fill, then stroke), so
card titles on the map (`text.draw_line`) and headings in paragraphs (`script_paragraph`) are
bold the same way, whatever code chose the font.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.textobject import PDFTextObject

from . import fonts

SYNTHETIC_BOLD = 0.035  # the stroke, in ems, that makes a font without a bold face look bold
FILL, FILL_AND_STROKE = 0, 2  # PDF text render modes


class StrokedBoldText(PDFTextObject):
    """A text object that strokes runs in a `fonts.STROKED_BOLD` font. The stroke's width and
    colour are graphics state that outlive the text object: draw it inside saveState/restoreState."""

    _stroking = False

    def _setFont(self, psfontname, size):
        super()._setFont(psfontname, size)
        self._stroke_for(psfontname, size)

    def setFont(self, psfontname, size, leading=None):
        super().setFont(psfontname, size, leading)
        self._stroke_for(psfontname, size)

    def setFillColor(self, aColor, alpha=None):
        super().setFillColor(aColor, alpha)
        if self._stroking:
            self.setStrokeColor(aColor, alpha)

    def _stroke_for(self, name: str, size: float) -> None:
        stroking = name in fonts.STROKED_BOLD
        if stroking:
            self.setStrokeColor(getattr(self, "_fillColorObj", None) or self._canvas._fillColorObj)
            self._code.append(f"{fp_str(size * SYNTHETIC_BOLD)} w")
        self.setTextRenderMode(FILL_AND_STROKE if stroking else FILL)
        self._stroking = stroking
