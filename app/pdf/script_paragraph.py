"""A reportlab Paragraph that prints every script a client writes in.

Paragraph markup carries user text with no fonts (see `text.markup`). After parsing, each
fragment is split into runs by the font that draws them (`fonts.runs`), keeping its weight, so a
Chinese word in a bold heading gets the stroked bold of the CJK fallback, drawn by
`stroked_bold.StrokedBoldText` as on the map.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from . import fonts
from .stroked_bold import StrokedBoldText

_REGULAR_FACES = (fonts.SANS, fonts.SANS_BOLD)


class ScriptParagraph(Paragraph):
    def _setup(self, text, style, bulletText, frags, cleaner):
        super()._setup(text, style, bulletText, frags, cleaner)
        self.frags = [run for frag in self.frags for run in _in_script_fonts(frag)]

    def beginText(self, x, y):
        return StrokedBoldText(self.canv, x, y)


def _in_script_fonts(frag) -> list:
    """`frag` as one fragment per font that draws its text, in its weight."""
    value = getattr(frag, "text", "")
    if hasattr(frag, "cbDefn") or not value or value.isascii():
        return [frag]
    bold = bool(frag.bold) or frag.fontName == fonts.SANS_BOLD
    runs = fonts.runs(value, bold)
    if len(runs) == 1 and runs[0][0] in _REGULAR_FACES:
        return [frag]
    return [frag.clone(text=run, fontName=frag.fontName if name in _REGULAR_FACES else name) for name, run in runs]
