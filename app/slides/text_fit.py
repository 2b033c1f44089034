"""How large text may be to fit a box on a slide, worked out here rather than left to autofit.

PowerPoint shrinks "shrink on overflow" text only when it next edits the box, and LibreOffice
shrinks by its own steps, so a deck that relies on autofit overflows in one reader or the other.
The rule: the largest size from the box's size down to its floor, in half points, at which the
text wrapped at word boundaries fits; below the floor, the lines that fit and an ellipsis.
Widths are Helvetica's metrics, which Arial and Liberation Sans share; letters outside Latin
count one em (as wide as CJK letters are), so measured text is never narrower than drawn text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

LINE_HEIGHT = 1.2  # a line's height as a multiple of the font size, as both readers set single spacing
SAFETY = 0.94  # wrap a little narrower than the box: the readers' kerning and hinting differ from ours
ELLIPSIS = "…"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a text box: its text, whether bold, its size relative to the box's, its
    colour when it is not the box's, and at most how many lines it may take (then it is cut rather
    than make the whole box smaller: a card's channel line should not shrink its title)."""

    text: str
    bold: bool = False
    scale: float = 1.0
    colour: str | None = None
    max_lines: int | None = None


@dataclass(frozen=True)
class FittedText:
    """The size the box's text is set at and its paragraphs, cut short with an ellipsis if need be."""

    size: float
    paragraphs: tuple[Paragraph, ...]


@lru_cache(maxsize=4096)
def _em_width(letter: str, bold: bool) -> float:
    if ord(letter) >= 0x250:
        return 1.0
    return stringWidth(letter, "Helvetica-Bold" if bold else "Helvetica", 1000) / 1000


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of `text` at `size`."""
    return sum(_em_width(letter, bold) for letter in text) * size


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken into lines no wider than `width`: at spaces, and inside words too long for a line."""
    lines: list[str] = []
    for source_line in text.split("\n"):
        line = ""
        for word in source_line.split(" "):
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for letter in word:
                if line and text_width(line + letter, size, bold) > width:
                    lines.append(line)
                    line = ""
                line += letter
        lines.append(line)
    return lines


def fit(paragraphs: list[Paragraph], width: float, height: float, size: float, floor: float) -> FittedText:
    """The largest size at most `size` and at least `floor` at which `paragraphs` fit `width` x `height`
    points; if even `floor` is too large, the text at `floor`, cut after the last line that fits."""
    usable = width * SAFETY
    current = size
    while current >= floor:
        wrapped = [_lines(p, usable, current) for p in paragraphs]
        counts = [min(len(lines), p.max_lines or len(lines)) for p, lines in zip(paragraphs, wrapped)]
        if sum(count * current * p.scale for p, count in zip(paragraphs, counts)) * LINE_HEIGHT <= height:
            return FittedText(current, tuple(_shown(p, lines, usable, current, count)
                                             for p, lines, count in zip(paragraphs, wrapped, counts)))
        current -= 0.5
    return FittedText(floor, _cut(paragraphs, usable, height, floor))


def _lines(paragraph: Paragraph, width: float, size: float) -> list[str]:
    return wrap(paragraph.text, width, size * paragraph.scale, paragraph.bold)


def _shown(paragraph: Paragraph, lines: list[str], width: float, size: float, count: int) -> Paragraph:
    """`paragraph` as its first `count` lines (and its `max_lines`), the last ending in an ellipsis if cut."""
    count = min(count, paragraph.max_lines or count)
    if count >= len(lines):
        return paragraph
    shown = lines[:count]
    last = shown[-1]
    while last and text_width(last + ELLIPSIS, size * paragraph.scale, paragraph.bold) > width:
        last = last[:-1]
    shown[-1] = last.rstrip() + ELLIPSIS
    return Paragraph("\n".join(shown), paragraph.bold, paragraph.scale, paragraph.colour)


def _cut(paragraphs: list[Paragraph], width: float, height: float, size: float) -> tuple[Paragraph, ...]:
    kept: list[Paragraph] = []
    room = height
    for paragraph in paragraphs:
        line_height = size * paragraph.scale * LINE_HEIGHT
        lines = _lines(paragraph, width, size)
        allowed = min(len(lines), paragraph.max_lines or len(lines))
        fits = int(room // line_height)
        if fits >= allowed:
            kept.append(_shown(paragraph, lines, width, size, allowed))
            room -= allowed * line_height
            continue
        if fits > 0:
            kept.append(_shown(paragraph, lines, width, size, fits))
        elif not kept:  # not one line fits: the box shows an ellipsis rather than spill over
            kept.append(Paragraph(ELLIPSIS, paragraph.bold, paragraph.scale, paragraph.colour))
        break
    return tuple(kept)
