"""The appendix: every touchpoint in reading order with its place, scores, emotion, pains and ideas.

Under a touchpoint's title: the motivators it serves and what customers expected against what
they experienced. Where a target is set, a score or emotion reads "today → target".
One long table whose header row repeats on every page. Cells are paragraphs, so long text
wraps (a word too long for its column is split) instead of spilling into the next column.
A touchpoint with several pain points or opportunities takes one table row per note, drawn as
one block; the table can break between notes, and a note is capped at `NOTE_LIMIT` characters,
so no row is ever taller than a page.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from model import theme
from model.entities import SCORE_NAMES, Touchpoint
from model.journey_map import JourneyMap

from . import marks, text
from .continued_table import ContinuedTable
from .lens_sections import records_targets
from .styles import MUTED_MARKUP, bold_column, cell_text, para, rich, severity_mark, styles, table_style
from model.vocabulary import EMOTION_NAMES, PAIN_KIND_NAMES, signed

DESCRIPTION_LIMIT = 400  # characters of a description shown under the title
NOTE_LIMIT = 1000  # characters of one pain point or opportunity: a third of a page in the narrowest column
TITLE = "Appendix: every touchpoint"
HEADER = ["Touchpoint", "Stage", "Lane", "M", "V", "A", "Emotion", "Pain points", "Opportunities"]


def row_count(journey: JourneyMap) -> int:
    """How many table rows the appendix has below its header."""
    return sum(_rows_for(tp) for tp in journey.touchpoints())


def _rows_for(tp: Touchpoint) -> int:
    return max(1, len(tp.pain_points), len(tp.opportunities))


def _score(value: int | None, target: int | None) -> str:
    today = "\u2013" if value is None else str(value)
    return today if target is None else f"{today}\u2192{target}"


def _emotion(tp: Touchpoint) -> str:
    today = "\u2013" if tp.emotion is None else f"{signed(tp.emotion)} {EMOTION_NAMES[tp.emotion]}"
    return today if tp.target.emotion is None else f"{today}\n\u2192 {signed(tp.target.emotion)} target"


def _annotations(tp: Touchpoint) -> str:
    """The muted line under the title: motivators served, expected against experienced."""
    parts = []
    if tp.motivators:
        parts.append("Serves " + ", ".join(m.value for m in tp.motivators))
    if tp.expected is not None or tp.experienced is not None:
        parts.append(f"Expected {_score(tp.expected, None)}, experienced {_score(tp.experienced, None)}")
    return " · ".join(parts)


def _title(tp: Touchpoint, width: float):
    """The touchpoint cell: the title in bold, then muted its description and annotations."""
    notes = (text.markup(tp.description, DESCRIPTION_LIMIT) if tp.description else "", _annotations(tp))
    notes = [MUTED_MARKUP.format(note) for note in notes if note]
    if not notes:  # a plain line, without a paragraph's cost
        return cell_text(tp.title or "Untitled", width, bold=True)
    return rich("<br/>".join([f"<b>{text.markup(tp.title or 'Untitled')}</b>", *notes]), styles().cell)


def _rows(tp: Touchpoint, title_width: float, stage_names: dict, lane_names: dict) -> list[list]:
    """The touchpoint's rows: its details with its first notes, then one row per further note."""
    s = styles()
    pains = [rich(f"{severity_mark(p.severity)}: {text.markup(p.text, NOTE_LIMIT)} "
                  + MUTED_MARKUP.format(f"({PAIN_KIND_NAMES[p.kind]})"), s.cell) for p in tp.pain_points]
    ideas = [rich(f"• {text.markup(o.text, NOTE_LIMIT)}", s.cell) for o in tp.opportunities]
    details = [_title(tp, title_width), stage_names[tp.stage], lane_names[tp.lane],
               *(_score(getattr(tp.scores, name), getattr(tp.target, name)) for name in SCORE_NAMES), _emotion(tp)]
    blank = [""] * len(details)
    return [[*(details if i == 0 else blank), pains[i] if i < len(pains) else "", ideas[i] if i < len(ideas) else ""]
            for i in range(_rows_for(tp))]


def appendix(journey: JourneyMap, width: float) -> list[Flowable]:
    s = styles()
    flowables: list[Flowable] = [para(TITLE, s.heading)]
    touchpoints = journey.touchpoints()
    key = "Meaning (M), Value (V) and Accommodation (A) from 1 to 5, emotion from −2 to +2"
    if records_targets(touchpoints):
        key += "; where a to-be target is set, the cell reads today → target"
    flowables += [para(key + ".", s.muted), Spacer(1, 6)]
    scores, emotion = 3 * 20, 62
    rest = width - scores - emotion
    widths = [rest * 0.25, rest * 0.12, rest * 0.12, *[scores / 3] * 3, emotion, rest * 0.29, rest * 0.22]
    stage_names = {stage.id: cell_text(stage.name, widths[1]) for stage in journey.stages}
    lane_names = {lane.id: cell_text(lane.name, widths[2]) for lane in journey.lanes}
    rows = [[para(title, s.cell_header) for title in HEADER]]
    block_style = []
    for tp in touchpoints:
        first = len(rows)
        rows += _rows(tp, widths[0], stage_names, lane_names)
        block_style.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.4, marks.colour(theme.GRID_LINE)))
        if len(rows) - first > 1:  # notes of one touchpoint close up, as one list
            block_style += [("BOTTOMPADDING", (0, first), (-1, len(rows) - 2), 1),
                            ("TOPPADDING", (0, first + 1), (-1, len(rows) - 1), 1)]
    table = ContinuedTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", continued=TITLE)
    table.setStyle(table_style(bold_column(0), ("ALIGN", (3, 0), (5, -1), "CENTER"), ("LEFTPADDING", (3, 0), (5, -1), 1),
                               ("RIGHTPADDING", (3, 0), (5, -1), 1), *block_style, rules=False))
    return flowables + [table]
