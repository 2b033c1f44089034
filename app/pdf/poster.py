"""A wall poster of the map on office paper: the overview at poster size (A0, A1, ... or "fit")
cut into sheets (A4, A3, ...) that overlap, with crop marks, ready to trim and tape up.

The PDF opens with an assembly page (the poster in miniature, each sheet outlined and numbered),
then one page per sheet, row by row. Every sheet shows its part of the poster plus `OVERLAP`
of its right and lower neighbours' parts, tinted, so the next sheet is taped over it; crop marks
in the margin show where to cut the overlapped edges (left and top) of each sheet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Callable, Optional

from reportlab.pdfgen.canvas import Canvas

from model import theme
from model.analysis import analyse
from model.entities import MapInfo
from model.journey_map import JourneyMap
from model.layout import layout

from . import fonts, marks, text
from .map_drawing import MapContent, MapPainter
from .pages import MARGIN, POSTER_TITLE, page_size, poster_plan

MM = 72 / 25.4
SHEET_MARGIN = 10 * MM  # what office printers leave blank
OVERLAP = 12 * MM  # of each sheet over the next: room for tape or glue
CROP_MARK = 6 * MM
LABEL_SIZE = 7


@dataclass(frozen=True)
class Sheet:
    """One sheet: its row and column (from 0) and the window of the poster it prints, in poster
    points from the poster's top-left corner."""

    row: int
    column: int
    left: float
    top: float


def sheets(poster: tuple[float, float], sheet: tuple[float, float]) -> tuple[list[Sheet], int, int]:
    """The sheets covering `poster` (width, height), row by row, and the (rows, columns) count."""
    usable_w, usable_h = sheet_window(sheet)
    step_w, step_h = usable_w - OVERLAP, usable_h - OVERLAP
    columns = max(1, math.ceil((poster[0] - OVERLAP) / step_w))
    rows = max(1, math.ceil((poster[1] - OVERLAP) / step_h))
    return ([Sheet(r, c, c * step_w, r * step_h) for r in range(rows) for c in range(columns)], rows, columns)


def sheet_size(sheet: str, poster: tuple[float, float]) -> tuple[float, float]:
    """The sheet in the orientation that needs fewer sheets for `poster`."""
    options = [page_size(sheet, orientation) for orientation in ("portrait", "landscape")]
    return min(options, key=lambda size: len(sheets(poster, size)[0]))


def render_poster(journey: JourneyMap, page: str, orientation: str, sheet: str, info: MapInfo,
                  progress: Optional[Callable[[int, int], None]] = None, today: date | None = None,
                  folder: Path | None = None) -> bytes:
    """The poster PDF's bytes (see the module docstring); `folder` is the map's, where its persona
    photos are found."""
    fonts.register_base_fonts()
    geometry = layout(journey)
    plan = poster_plan(geometry, page, orientation)
    content = MapContent(journey, geometry, analyse(journey), folder)
    # Only as large as what is drawn, so that no sheet prints blank paper.
    poster = (min(plan.page_size[0], plan.overview.width + 2 * MARGIN),
              min(plan.page_size[1], plan.overview.height + 2 * MARGIN + POSTER_TITLE))
    size = sheet_size(sheet, poster)
    cut, rows, columns = sheets(poster, size)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=size, pageCompression=1, initialFontName=fonts.SANS)
    canvas.setTitle(fonts.metadata(info.title))
    canvas.setAuthor(fonts.metadata(info.author))
    canvas.setSubject(fonts.metadata(f"Wall poster, {rows} × {columns} sheets of {sheet}"))
    canvas.setCreator("Wayfinder")
    today = today or date.today()

    def draw_poster() -> None:
        _draw_poster(canvas, content, plan, poster, info, today)

    _assembly_page(canvas, info, size, poster, cut, rows, columns, sheet, draw_poster)
    for done, part in enumerate(cut, 1):
        canvas.showPage()
        _sheet_page(canvas, draw_poster, size, part, rows, columns, info)
        if progress is not None:
            progress(done, len(cut))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_poster(canvas: Canvas, content: MapContent, plan, poster: tuple[float, float], info: MapInfo,
                 today: date) -> None:
    """The whole poster with its top-left corner at the origin, y up: title line and the map."""
    from .title_page import long_date

    canvas.setFillColor(marks.colour(theme.TEXT))
    baseline = -MARGIN - 16
    text.draw_fitted(canvas, MARGIN, baseline, info.title, 14, poster[0] * 0.6, bold=True)
    credit = " · ".join(part for part in (info.client, info.author, long_date(today)) if part)
    canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
    text.draw_fitted(canvas, poster[0] - MARGIN, baseline, credit, 10, poster[0] * 0.35, align="right")
    MapPainter(canvas, content, plan.overview).draw(MARGIN, -(MARGIN + POSTER_TITLE))


def _sheet_page(canvas: Canvas, draw_poster: Callable[[], None], size: tuple[float, float], part: Sheet, rows: int,
                columns: int, info: MapInfo) -> None:
    width, height = size
    usable_w, usable_h = sheet_window(size)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(SHEET_MARGIN, SHEET_MARGIN, usable_w, usable_h)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(SHEET_MARGIN - part.left, height - SHEET_MARGIN + part.top)
    draw_poster()
    canvas.restoreState()
    # The strips the next sheets are taped over: tinted, so the overlap is plain to see.
    canvas.setFillColor(marks.colour(theme.SELECTION), alpha=0.08)
    if part.column < columns - 1:
        canvas.rect(width - SHEET_MARGIN - OVERLAP, SHEET_MARGIN, OVERLAP, usable_h, stroke=0, fill=1)
    if part.row < rows - 1:
        canvas.rect(SHEET_MARGIN, SHEET_MARGIN, usable_w, OVERLAP, stroke=0, fill=1)
    canvas.setFillAlpha(1)
    # Cut along the left and top edges of what this sheet adds (its overlapped edges), so it lies
    # over its left and upper neighbours' tinted strips.
    left = SHEET_MARGIN + (OVERLAP if part.column else 0)
    top = height - SHEET_MARGIN - (OVERLAP if part.row else 0)
    _crop_marks(canvas, left, SHEET_MARGIN, width - SHEET_MARGIN, top)
    canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
    label = f"Sheet {part.row * columns + part.column + 1} of {rows * columns}: row {part.row + 1}, column " \
            f"{part.column + 1} · {info.title}"
    text.draw_fitted(canvas, SHEET_MARGIN, SHEET_MARGIN / 2 - LABEL_SIZE / 3, label, LABEL_SIZE, usable_w)


def _crop_marks(canvas: Canvas, left: float, bottom: float, right: float, top: float) -> None:
    """Short hairlines in the margin, in line with each edge of the area to keep."""
    canvas.setStrokeColor(marks.colour(theme.TEXT))
    canvas.setLineWidth(0.3)
    gap = 2
    for x in (left, right):
        canvas.line(x, top + gap, x, top + gap + CROP_MARK)
        canvas.line(x, bottom - gap, x, bottom - gap - CROP_MARK)
    for y in (bottom, top):
        canvas.line(left - gap, y, left - gap - CROP_MARK, y)
        canvas.line(right + gap, y, right + gap + CROP_MARK, y)


def _assembly_page(canvas: Canvas, info: MapInfo, size: tuple[float, float], poster: tuple[float, float],
                   cut: list[Sheet], rows: int, columns: int, sheet: str, draw_poster: Callable[[], None]) -> None:
    """The poster in miniature with each sheet's window outlined and numbered."""
    width, height = size
    canvas.setFillColor(marks.colour(theme.TEXT))
    text.draw_fitted(canvas, MARGIN, height - MARGIN - 16, f"{info.title}: wall poster", 16, width - 2 * MARGIN,
                     bold=True)
    canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
    how = (f"{rows} × {columns} sheets of {sheet}, {poster[0] / MM / 10:.0f} × {poster[1] / MM / 10:.0f} cm in all. "
           "Trim each sheet at its crop marks on the left and top, lay it over the tinted strips of the sheets "
           "before it, and tape.")
    for i, line in enumerate(text.fit_lines(how, 9, width - 2 * MARGIN, 3)):
        text.draw_line(canvas, MARGIN, height - MARGIN - 36 - i * 12, line, 9)
    room_w, room_h = width - 2 * MARGIN, height - 2 * MARGIN - 90
    scale = min(room_w / poster[0], room_h / poster[1])
    origin_x, origin_y = MARGIN, height - MARGIN - 80
    canvas.saveState()
    canvas.translate(origin_x, origin_y)
    canvas.scale(scale, scale)
    draw_poster()
    canvas.restoreState()
    canvas.setStrokeColor(marks.colour(theme.CARD_BORDER))
    canvas.rect(origin_x, origin_y - poster[1] * scale, poster[0] * scale, poster[1] * scale, stroke=1, fill=0)
    w, h = sheet_window(size)
    canvas.setStrokeColor(marks.colour(theme.SELECTION))
    canvas.setFillColor(marks.colour(theme.SELECTION))
    canvas.setLineWidth(0.8)
    for index, part in enumerate(cut, 1):
        x, y = origin_x + part.left * scale, origin_y - part.top * scale
        canvas.rect(x, y - h * scale, w * scale, h * scale, stroke=1, fill=0)
        middle_x, middle_y = x + (w - OVERLAP) * scale / 2, y - (h - OVERLAP) * scale / 2  # of what it adds
        text.draw_line(canvas, middle_x, fonts.centred_baseline(middle_y, 12), str(index), 12, bold=True,
                       align="center")


def sheet_window(size: tuple[float, float]) -> tuple[float, float]:
    """How much of the poster one sheet prints (its size less the printer's margins)."""
    return size[0] - 2 * SHEET_MARGIN, size[1] - 2 * SHEET_MARGIN
