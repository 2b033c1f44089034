"""The report as a whole: its sections in order, page furniture, metadata, outline, and writing it.

Sections: title block, map (one page per tile), legend, summary, appendix. Every page but the
first carries a running header (map title, section) and every page a footer ("Page 3 of 7").
The total is a form drawn once the last page exists, so the document is laid out in one pass.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Callable, Optional

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, NextPageTemplate, PageBreak, PageTemplate, Spacer, Table
from reportlab.platypus.frames import Frame as PlatypusFrame

from model import theme
from model.analysis import Insights, analyse
from app.page_sizes import POSTER_SHEETS
from model.brand_kit import branded
from model.entities import MapInfo
from model.errors import JourneyFileError
from model.journey_file import write_atomically
from model.journey_map import JourneyMap
from model.layout import MapGeometry, layout
from model.personas import persona_colour

from . import fonts, marks, text, tile_links
from .appendix import appendix, row_count
from .legend import legend
from .map_drawing import MapContent, MapTileFlowable
from .outline import Marker
from .pages import MARGIN, HEADER_SPACE, MapPlan, MapTile, frame, page_size, plan_map
from .room_sections import parking_lot_section, room_priorities_section
from .styles import para, styles
from .summary import summary
from .brand import accent_colour, logo_image
from .poster import render_poster
from .title_page import long_date, title_block

# Streams are compressed; ASCII85 on top only makes them larger, and costs a pure-Python pass.
rl_config.useA85 = 0

Progress = Callable[[int, int], None]
PAGE_TOTAL = "PageTotal"
FURNITURE_SIZE = 8
EMPTY_MAP = "This map has no touchpoints yet: add stages, lanes and touchpoints, then export again."


def write_pdf(journey: JourneyMap, path: str | Path, page: str = "A4", orientation: str = "landscape",
              progress: Optional[Progress] = None, folder: str | Path | None = None, poster: str = "",
              **brand: str | None) -> None:
    """Write the client-ready PDF of `journey` to `path` (atomically).

    `page` is A4, A3, A2, A1, A0, Letter, Tabloid or "fit". Given `poster` (a sheet size such as
    A4), the PDF is instead the map at `page` size as a wall poster on sheets of that size (see
    `poster`). `brand` overrides the map's brand kit for
    this export: `client`, `author` (the preparer), `logo` (an image file; a relative path is
    relative to `folder`, the map's folder), `accent` (#rrggbb) and `cover_note`; each left
    empty is the map's own. `progress(done, total)` is called as the work advances. Raises
    ValueError for an unknown page or orientation or a bad brand value, and `JourneyFileError`
    for a path that cannot be written or a logo that cannot be read.
    """
    path, folder = Path(path), None if folder is None else Path(folder)
    page_size("A4" if page == "fit" else page, orientation)
    if not path.parent.is_dir():
        raise JourneyFileError(str(path), f"cannot be written: there is no folder {str(path.parent)!r}")
    if path.is_dir():
        raise JourneyFileError(str(path), "cannot be written: it is a folder")
    info = branded(journey.info, **{name: None if value is None else str(value) for name, value in brand.items()})
    if poster:
        if poster not in POSTER_SHEETS:
            raise ValueError(f"unknown poster sheet {poster!r}; use one of: {', '.join(POSTER_SHEETS)}")
        data = render_poster(journey, page, orientation, poster, info, progress, folder=folder)
    else:
        logo = logo_image(info.logo, folder) if info.logo else None
        data = render_pdf(journey, page, orientation, progress, info, logo, folder=folder)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be written: {error.strerror or error}") from None


class _Progress:
    def __init__(self, callback: Optional[Progress], total: int):
        self.callback, self.total, self.done = callback, total, 0

    def advance(self, steps: int = 1) -> None:
        self.done = min(self.total, self.done + steps)
        if self.callback is not None:
            self.callback(self.done, self.total)


class _Step(Flowable):
    """Reports one step of progress when the layout reaches it."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._doctemplate.progress.advance()


class _ReportCanvas(Canvas):
    """A canvas that draws the page count, and the page of each map tile, into forms once every page exists."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tile_pages: dict[int, int] = {}  # detail tile index -> its page, for "→ p. N"

    def save(self) -> None:
        tile_links.fill_page_numbers(self, self.tile_pages)
        self.beginForm(PAGE_TOTAL, lowerx=0, lowery=-3, upperx=60, uppery=FURNITURE_SIZE + 2)
        self.setFillColor(marks.colour(theme.TEXT_MUTED))
        text.draw_line(self, 0, 0, str(self.getPageNumber() - 1), FURNITURE_SIZE)
        self.endForm()
        super().save()


class _Report(BaseDocTemplate):
    def __init__(self, buffer: BytesIO, journey: JourneyMap, info: MapInfo, document_size: tuple[float, float],
                 map_size: tuple[float, float], progress: _Progress, today: date):
        client = info.client
        subject = "Customer journey map" + (f" for {client}" if client else "")
        super().__init__(buffer, pagesize=document_size, title=fonts.metadata(info.title), author=fonts.metadata(info.author),
                         subject=fonts.metadata(subject), creator="Wayfinder", initialFontName=fonts.SANS,
                         initialFontSize=10, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                         bottomMargin=MARGIN)
        self.journey, self.client, self.progress, self.today = journey, client, progress, today
        self.accent = accent_colour(info)
        self.section = ""
        self.outline_keys: list[str] = []
        self.addPageTemplates([self._template("document", document_size), self._template("map", map_size)])

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        box = frame(size)
        content = PlatypusFrame(box.x, box.y, box.width, box.height, leftPadding=0, rightPadding=0,
                                topPadding=0, bottomPadding=0, id=name)
        return PageTemplate(name, [content], pagesize=size, onPageEnd=self._furniture)

    def _furniture(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """The running header (not on the title page) and the footer with the page number."""
        width, height = canvas._pagesize
        canvas.saveState()
        muted = marks.colour(theme.TEXT_MUTED)
        usable = width - 2 * MARGIN
        if canvas.getPageNumber() > 1:
            baseline = height - MARGIN - FURNITURE_SIZE
            canvas.setFillColor(marks.colour(theme.TEXT))
            text.draw_fitted(canvas, MARGIN, baseline, self.journey.info.title, FURNITURE_SIZE, usable * 0.45,
                             bold=True)
            canvas.setFillColor(muted)
            text.draw_fitted(canvas, width - MARGIN, baseline, self.section, FURNITURE_SIZE, usable * 0.5,
                             align="right")
            canvas.setStrokeColor(marks.colour(self.accent))
            canvas.setLineWidth(0.5)
            rule = height - MARGIN - HEADER_SPACE + 8
            canvas.line(MARGIN, rule, width - MARGIN, rule)
        canvas.setFillColor(muted)
        label = f"Page {canvas.getPageNumber()} of "
        text.draw_line(canvas, MARGIN, MARGIN, label, FURNITURE_SIZE)
        canvas.saveState()
        canvas.translate(MARGIN + fonts.string_width(label, FURNITURE_SIZE), MARGIN)
        canvas.doForm(PAGE_TOTAL)
        canvas.restoreState()
        dated = f" · {long_date(self.today)}" if self.client else long_date(self.today)
        text.draw_line(canvas, width - MARGIN, MARGIN, dated, FURNITURE_SIZE, align="right")
        if self.client:  # apart, in its own direction: a right-to-left client in one line would reorder the date
            dated_width = fonts.string_width(dated, FURNITURE_SIZE)
            text.draw_fitted(canvas, width - MARGIN - dated_width, MARGIN, self.client, FURNITURE_SIZE,
                             usable * 0.6 - dated_width, align="right")
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, MapTileFlowable):
            self.progress.advance()
        elif isinstance(flowable, Table) and self.section == "Appendix":
            self.progress.advance(flowable._nrows - flowable.repeatRows)  # rows laid out on this page


def tile_label(journey: JourneyMap, geometry: MapGeometry, tile: MapTile) -> str:
    """Which stages (and lanes, when the lanes are split too) a map tile shows."""
    def span(names: list[str]) -> str:
        return names[0] if len(names) == 1 else f"{names[0]} \u2013 {names[-1]}"

    left, right = tile.columns
    stages = [journey.stage(s).name for s in geometry.stage_ids
              if geometry.stage_columns[s].x < right and left < geometry.stage_columns[s].right]
    top, bottom = tile.rows
    lanes = [journey.lane(l).name for l in geometry.lane_ids
             if geometry.lane_rows[l].y < bottom and top < geometry.lane_rows[l].bottom]
    parts = [span(stages)] if stages else []
    if tile.parts[1] > 1 and lanes:
        parts.append(span(lanes))
    return ", ".join(parts)


def render_pdf(journey: JourneyMap, page: str, orientation: str, progress: Optional[Progress] = None,
               info: MapInfo | None = None, logo: Flowable | None = None, today: date | None = None,
               folder: Path | None = None) -> bytes:
    """The PDF's bytes (see `write_pdf`); `info` is the map's, branded for this export, and `folder`
    the map's, where its persona photos are found."""
    info = info or journey.info
    fonts.register_base_fonts()
    today = today or date.today()
    geometry = layout(journey)
    insights = analyse(journey)
    plan = plan_map(geometry, page, orientation)
    document_size = page_size("A4" if page == "fit" else page, orientation)
    width = frame(document_size).width
    steps = _Progress(progress, 4 + len(plan.tiles) + row_count(journey) + 1)
    content = MapContent(journey, geometry, insights, folder)

    story: list[Flowable] = [Marker("", "Title"), *title_block(journey, info, logo, insights, today, width,
                                                                    frame(document_size).height),
                             _Step()]
    if len(journey) == 0:  # nothing to draw, sum up or list: one page that says so, not pages of empty axes
        story += [Spacer(1, 18), para(EMPTY_MAP, styles().heading)]
    else:
        story += _map_and_sections(journey, geometry, insights, plan, content, width)

    buffer = BytesIO()
    document = _Report(buffer, journey, info, document_size, plan.page_size, steps, today)
    document.build(story, canvasmaker=_ReportCanvas)
    steps.advance(steps.total)
    return buffer.getvalue()


def _map_and_sections(journey: JourneyMap, geometry: MapGeometry, insights: Insights, plan: MapPlan,
                      content: MapContent, width: float) -> list[Flowable]:
    """Every page after the title page: the overview, the detail tiles, legend, summary, appendix."""
    story: list[Flowable] = [NextPageTemplate("map"), PageBreak()]
    story += [Marker("Map overview" if plan.tiles else "Map", "Map"), MapTileFlowable(content, plan)]
    for i, tile in enumerate(plan.tiles):
        label = tile_label(journey, geometry, tile)
        part = f"Part {i + 1} of {len(plan.tiles)}" + (f": {label}" if label else "")
        story += [PageBreak(), Marker(f"Map, {part[0].lower()}{part[1:]}", part, level=1),
                  MapTileFlowable(content, plan, i)]
    story += [NextPageTemplate("document"), PageBreak()]
    legend_page = legend(width, target=bool(geometry.target_emotion_curve), problems=set(insights.problems().values()),
                         personas=[(p.name or "Unnamed persona", persona_colour(journey, p.id))
                                   for p in journey.personas if p.id in geometry.persona_curves])
    story += [Marker("Legend", "Legend"), *legend_page, _Step(), PageBreak(),
              Marker("Summary", "Summary"), *summary(journey, insights, width),
              *room_priorities_section(journey, width), _Step(), PageBreak(),
              Marker("Appendix", "Appendix"), *appendix(journey, width), *parking_lot_section(journey, width)]
    return story
