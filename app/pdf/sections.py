"""The building blocks every summary section shares: its heading, tables, and the one-line
answers, so that the sections read alike and each new insight is a few lines."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from model.journey_map import JourneyMap

from .continued_table import ContinuedTable
from .outline import Marker
from .styles import bold_column, cell_text, para, styles, table_style

LIST_LIMIT = 60  # touchpoints (or loops) one section lists
TEXT_WIDTH = 500  # what a section's explanation is measured at when its body gives no width


def place(journey: JourneyMap, tp_id: str, widths: list[float]) -> list:
    """A touchpoint's title (bold: its column needs `bold_column`), stage and, given a third
    width, lane as table cells for columns of `widths`."""
    tp = journey.touchpoint(tp_id)
    cells = [cell_text(tp.title, widths[0], bold=True), cell_text(journey.stage(tp.stage).name, widths[1])]
    return cells + [cell_text(journey.lane(tp.lane).name, widths[2])] if len(widths) > 2 else cells


def table(header: list, rows: list[list], widths: list[float], *style: tuple, numbers_from: int = 0) -> ContinuedTable:
    """A table whose header row (plain words, or paragraphs) repeats on every page it spans, and
    whose section's heading does too (see `ContinuedTable`); columns from `numbers_from` on hold
    numbers and align right, headers included."""
    s = styles()
    titles = [title if not isinstance(title, str)
              else para(title, s.cell_header_right if numbers_from and i >= numbers_from else s.cell_header)
              for i, title in enumerate(header)]
    if numbers_from:
        style = (*style, ("ALIGN", (numbers_from, 1), (-1, -1), "RIGHT"))
    result = ContinuedTable([titles, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    result.setStyle(table_style(*style))
    return result


def section(title: str, explanation: str, body: list[Flowable]) -> list[Flowable]:
    """A sub-section of the summary, with its own outline entry under "Summary". Its heading stays
    with the start of its body (a chart whole, or a table's first rows); a table that goes on to
    the next page repeats the heading there."""
    s = styles()
    for flowable in body:
        if isinstance(flowable, ContinuedTable):
            flowable.continued = title
    first = body[0] if body else None
    width = TEXT_WIDTH
    if isinstance(first, Drawing):
        start, width = first.height, first.width
    elif isinstance(first, ContinuedTable):
        start, width = first.start_height(), sum(first._argW)
    else:
        start = 30  # a line or two of text
    heading, note = para(title, s.subheading), para(explanation, s.muted)
    room = (s.subheading.spaceBefore + heading.wrap(width, 1e9)[1] + s.subheading.spaceAfter
            + note.wrap(width, 1e9)[1] + 4)
    # The marker comes after the break so that the outline points at the page the heading is on.
    return [CondPageBreak(start + room), Marker("Summary", title, level=1), heading, note, Spacer(1, 4), *body]


def nothing(answer: str) -> list[Flowable]:
    """The one muted line a section prints when it finds nothing, in place of an empty table."""
    return [para(answer, styles().muted)]


def more(count: int, limit: int, where: str = "") -> list[Flowable]:
    if count <= limit:
        return []
    return [Spacer(1, 3), para(f"… and {count - limit} more{where}.", styles().muted)]


def listed(journey: JourneyMap, ids: list[str], width: float, none: str) -> list[Flowable]:
    """Touchpoints as a Touchpoint / Stage / Lane table (the first `LIST_LIMIT`), or `none`."""
    if not ids:
        return nothing(none)
    widths = [width * 0.5, width * 0.25, width * 0.25]
    rows = [place(journey, tp_id, widths) for tp_id in ids[:LIST_LIMIT]]
    return [table(["Touchpoint", "Stage", "Lane"], rows, widths, bold_column(0))] + more(len(ids), LIST_LIMIT)
