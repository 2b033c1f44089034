"""A reportlab Paragraph that prints every script a client writes in.

Paragraph markup carries user text in logical order with no fonts (see `text.markup`). After
parsing, each fragment is split into runs by the font that draws them (`fonts.runs`), keeping
its weight, so a Chinese word in a bold heading gets the stroked bold of the CJK fallback. After
wrapping, each line is put in display order by the bidirectional algorithm (`text.display_order`),
in the direction of the paragraph it belongs to: reordering before wrapping would put the last
words of a right-to-left paragraph on its first line. A right-to-left paragraph of several lines
in a left-aligned style is drawn right-aligned, so that each line starts at the same edge, as
its reader expects (a single line keeps its column's alignment, like the cells around it). The
lines are drawn with
`stroked_bold.StrokedBoldText`.
"""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph

from . import fonts, text
from .stroked_bold import StrokedBoldText

_REGULAR_FACES = (fonts.SANS, fonts.SANS_BOLD)


class ScriptParagraph(Paragraph):
    def _setup(self, text, style, bulletText, frags, cleaner):
        super()._setup(text, style, bulletText, frags, cleaner)
        self.frags = [run for frag in self.frags for run in _in_script_fonts(frag)]

    def wrap(self, availWidth, availHeight):
        """Lines are broken again only for a new width: a table asks each cell for its size
        several times at one column width (two in three of a report's wraps)."""
        memo = self.__dict__.get("_wrapped")
        if memo is not None and memo[0] == availWidth and memo[1] is self.__dict__.get("blPara"):
            return memo[2]
        size = super().wrap(availWidth, availHeight)
        # Kept with the lines it made: `split` drops them when the paragraph moves on whole.
        self._wrapped = (availWidth, self.__dict__.get("blPara"), size)
        return size

    def beginText(self, x, y):
        return StrokedBoldText(self.canv, x, y)

    def drawPara(self, debug=0):
        logical, style = self.blPara, self.style  # kept: `split` makes the rest of the paragraph from these lines
        self.blPara = _in_display_order(logical)
        if style.alignment == TA_LEFT and len(logical.lines) > 1 and text.starts_right_to_left(_paragraph_text(logical)):
            self.style = style.clone(style.name, alignment=TA_RIGHT)
        try:
            super().drawPara(debug)
        finally:
            self.blPara, self.style = logical, style


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


def _in_display_order(paragraph):
    """The wrapped lines of `paragraph` (reportlab's ParaLines) as they are drawn: those with
    right-to-left letters reordered, in the direction of the paragraph between hard line breaks
    (<br/>) they belong to."""
    if paragraph.kind == 0:  # one font: each line is (extra space, words)
        value = _paragraph_text(paragraph)
        if not text.has_right_to_left(value):
            return paragraph
        right_to_left = text.starts_right_to_left(value)
        return paragraph.clone(lines=[(space, _visual_words(words, right_to_left)) for space, words in paragraph.lines])
    lines, start = [], 0
    for end, line in enumerate(paragraph.lines, 1):
        if getattr(line, "lineBreak", False) or end == len(paragraph.lines):
            broken = paragraph.lines[start:end]
            right_to_left = text.starts_right_to_left("".join(frag.text for line in broken for frag in _drawn(line)))
            lines.extend(_visual_fragments(line, right_to_left) for line in broken)
            start = end
    return paragraph.clone(lines=lines)


def _paragraph_text(paragraph) -> str:
    if paragraph.kind == 0:
        return " ".join(word for _, words in paragraph.lines for word in words)
    return "".join(frag.text for line in paragraph.lines for frag in _drawn(line))


def _drawn(line) -> list:
    """The fragments of a line that draw text (not anchors, images or empty break markers)."""
    return [frag for frag in line.words if not hasattr(frag, "cbDefn") and frag.text]


def _visual_words(words: list[str], right_to_left: bool) -> list[str]:
    """One wrapped line of a one-font paragraph in display order."""
    return text.visual(" ".join(words), right_to_left).split(" ")


def _visual_fragments(line, right_to_left: bool):
    """One wrapped line of fragments in display order: its characters reordered as one line,
    then regrouped into copies of the fragments they came from."""
    drawn = _drawn(line)
    value = "".join(frag.text for frag in drawn)
    if not text.has_right_to_left(value):
        return line
    owner = [i for i, frag in enumerate(drawn) for _ in frag.text]
    runs = [drawn[i].clone(text="".join(char for _, char in group))
            for i, group in groupby(text.display_order(value, right_to_left), key=lambda entry: owner[entry[0]])]
    markers = [frag for frag in line.words if frag not in drawn]  # no width: they stay first
    return line.clone(words=markers + runs)
