"""Paragraph and table styles of the report pages, in the theme's font and colours."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from model import theme

from . import fonts, marks, text
from .fonts import SANS, SANS_BOLD, register_base_fonts
from .script_paragraph import ScriptParagraph
from model.vocabulary import SEVERITY_NAMES

MUTED_MARKUP = f'<font color="{theme.TEXT_MUTED}">{{}}</font>'  # format with markup to show it muted


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    figure: ParagraphStyle  # the answer in an "At a glance" tile
    muted: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_header: ParagraphStyle
    cell_header_right: ParagraphStyle  # over columns of numbers, which align right


@lru_cache(maxsize=None)
def styles() -> Styles:
    register_base_fonts()
    ink, muted = marks.colour(theme.TEXT), marks.colour(theme.TEXT_MUTED)
    body = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=14, textColor=ink)
    # Table columns can be narrower than a word: their cells hyphenate; wide paragraphs need not.
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10.5, hyphenationLang=text.hyphenations)
    header = ParagraphStyle("cell_header", parent=cell, fontName=SANS_BOLD, textColor=muted)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=SANS_BOLD, fontSize=28, leading=34, spaceAfter=6),
        heading=ParagraphStyle("heading", parent=body, fontName=SANS_BOLD, fontSize=18, leading=23, spaceAfter=8),
        subheading=ParagraphStyle("subheading", parent=body, fontName=SANS_BOLD, fontSize=12, leading=16,
                                  spaceBefore=12, spaceAfter=5),
        body=body,
        figure=ParagraphStyle("figure", parent=body, fontName=SANS_BOLD, fontSize=14, leading=18, spaceBefore=2,
                              spaceAfter=2),
        muted=ParagraphStyle("muted", parent=body, textColor=muted),
        label=ParagraphStyle("label", parent=body, fontName=SANS_BOLD, fontSize=8, leading=11, textColor=muted),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=SANS_BOLD),
        cell_header=header,
        cell_header_right=ParagraphStyle("cell_header_right", parent=header, alignment=TA_RIGHT),
    )


def para(value: str, style: ParagraphStyle, limit: int | None = None) -> ScriptParagraph:
    """A paragraph printing `value` literally (see `text.markup`): for user text and plain words."""
    return ScriptParagraph(text.markup(value, limit), style)


CELL_PADDING = 4  # left and right, in every table


def cell_text(value: str, width: float, bold: bool = False, limit: int | None = None) -> str | ScriptParagraph:
    """A table cell for short user text in a column `width` wide: the plain string when it is
    one line in the table's font (drawn without a paragraph's layout cost, which adds up over
    thousands of rows), else a wrapping paragraph (of `limit` characters at most). A `bold`
    plain string needs its column in `bold_column`."""
    line = text.visual(fonts.clean(value))  # one line: ordered as drawn, as `text.draw_line` does
    runs = fonts.runs(line, bold)
    if len(runs) <= 1 and (not runs or runs[0][0] == (SANS_BOLD if bold else SANS)) and \
            fonts.string_width(line, styles().cell.fontSize, bold) <= width - 2 * CELL_PADDING:
        return line
    return para(value, styles().cell_bold if bold else styles().cell, limit)


def bold_column(column: int) -> tuple:
    """The table style command that prints the plain strings of `column` (below the header) in bold."""
    return ("FONTNAME", (column, 1), (column, -1), SANS_BOLD)


def rich(markup: str, style: ParagraphStyle) -> ScriptParagraph:
    """A paragraph of markup this package wrote; any user text in it went through `text.markup`."""
    return ScriptParagraph(markup, style)


def severity_mark(severity: int) -> str:
    """Markup: a triangle in the severity's colour (as on the cards) and the severity's name."""
    return f'<font color="{theme.severity_colour(severity)}">\u25b2</font>\u00a0{SEVERITY_NAMES[severity]}'


def layout_style(*extra: tuple) -> TableStyle:
    """For tables that only place things side by side: no padding, and the theme's font (a table
    sets a font for every cell, even one holding a paragraph; the default would be Helvetica)."""
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 8, 10.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *(((side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING"))),
        *extra,
    ])


def table_style(*extra: tuple, rules: bool = True) -> TableStyle:
    """The report's table look: a muted header row over a rule, hairlines between rows (unless
    `rules` is False: the caller draws its own)."""
    grid = marks.colour(theme.GRID_LINE)
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 8, 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), marks.colour(theme.TEXT)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), marks.colour(theme.STAGE_HEADER_BACKGROUND)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, marks.colour(theme.CARD_BORDER)),
        *([("LINEBELOW", (0, 1), (-1, -1), 0.4, grid)] if rules else []),
        *extra,
    ])
