"""The map itself, drawn as vectors from `model.layout` geometry and `model.theme`, like the canvas.

A page shows one `MapTile`: the lane headers at the left, the stage headers along the top, and
the slice of the grid the tile covers (with the emotion and scores bands on the last row of
tiles). Each of the three parts is drawn in its own clipped pane translated so that layout
coordinates can be used unchanged (only y is negated: layout y grows down, PDF y up). Only the
cards and routes that reach into a tile are drawn on it, and what all tiles share is prepared once
(`MapContent`), so tiling a large map stays fast.
"""

from __future__ import annotations

from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Iterator

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from app.badge_photos import BadgePhotos
from model import theme
from model.analysis import Insights
from model.card_parts import HEADER_PAD, TextSlot, lane_header_parts, metric_row, score_slots, stage_header_parts
from model.bundles import Piece, bundle
from model.connection_labels import LABEL_PADDING, place_labels
from model.entities import Lane, Persona
from model.journey_map import JourneyMap
from model.layout import ConnectionKey, MapGeometry, Point, Rect, Route, route
from model.personas import lane_caption, lane_owner, persona_colour
from model.stage_metrics import format_value, kpi_status

from model.vocabulary import NO_VALUE, average_label, signed

from . import fonts, marks, text, tile_links
from .card import PARTS, draw_card
from .fonts import ascent, centred_baseline, line_height, string_width
from .pages import MapPlan, MapTile
from .room_marks import draw_blueprint_lines, draw_vote_dots

_LANE_HEADER, _STAGE_HEADER = theme.LANE_HEADER_WIDTH, theme.STAGE_HEADER_HEIGHT
DENSE_PER_SQUARE_INCH = 1.5  # visible connections per square inch of page above which they are thinned
_BAND_LABELS = (("emotion_header", "Emotion"), ("scores_header", "Meaning / Value / Accommodation"))


class MapContent:
    """What every tile of one map draws from, prepared once: the routes with their extents and
    y flipped, grouped by kind, rather than again for each of a large map's hundred pages."""

    def __init__(self, journey: JourneyMap, geometry: MapGeometry, insights: Insights, folder: Path | None = None):
        fonts.register_base_fonts()  # labels are measured here
        self.journey, self.geometry = journey, geometry
        self._photos = BadgePhotos(folder)  # `folder` is the map's, where persona photos are found
        self._photo_images: dict[str, ImageReader | None] = {}
        self.scores = {entry.stage_id: entry for entry in insights.stage_scores}
        self.problems = insights.problems()
        self.routes: list[tuple[tuple[float, float, float, float], str, Route]] = []  # (box, kind, route)
        self.kinds: dict[str, list[ConnectionKey]] = {}  # kind -> its connections, for `bundles`
        self._bundles: dict[str, list[Piece]] | None = None
        labels = {}
        for (source, target), route in geometry.routes.items():
            connection = journey.connection(source, target)
            self.kinds.setdefault(connection.kind.value, []).append((source, target))
            self.routes.append((_route_box(route), connection.kind.value,
                                Route(tuple(-v if i % 2 else v for i, v in enumerate(route.points)))))
            if connection.label:
                labels[source, target] = connection.label
        size = theme.CONNECTION_LABEL_SIZE
        places = place_labels(geometry, labels, lambda label: string_width(fonts.clean(label), size),
                              {tp_id: _badge(geometry.cards[tp_id], problem) for tp_id, problem in self.problems.items()})
        self.labels = [(places[key], labels[key]) for key in places]  # (halo box, label)


    def photo(self, persona: Persona) -> ImageReader | None:
        """The persona's photo for their badge, read once for all the pages that show it."""
        if persona.id not in self._photo_images:
            png = self._photos.png(persona)
            self._photo_images[persona.id] = None if png is None else ImageReader(BytesIO(png))
        return self._photo_images[persona.id]

    def bundles(self) -> dict[str, list[Piece]]:
        """Each kind's connections bundled by the channels they share (see `model.bundles`), for
        crowded pages; made when a page first needs them."""
        if self._bundles is None:
            cards, channels = self.geometry.cards, self.geometry.channels
            self._bundles = {kind: bundle(route(cards[source], cards[target], channels, tracks=False)
                                          for source, target in keys)
                             for kind, keys in self.kinds.items()}
        return self._bundles


class MapTileFlowable(Flowable):
    """One page of the map, drawn at the top-left of the frame: the overview (`index` None), which
    frames the detail tiles when there are any, or detail tile `index` of `plan`."""

    def __init__(self, content: MapContent, plan: MapPlan, index: int | None = None):
        super().__init__()
        self.content, self.plan, self.index = content, plan, index

    @property
    def _gutter(self) -> tuple[float, float]:
        """Room left of and above the overview for the index of detail pages."""
        return tile_links.INDEX_GUTTER if self.index is None and self.plan.tiles else (0.0, 0.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        left, above = self._gutter
        if self.index is None:
            width, height = self.plan.overview_size
        else:
            width, height = self.plan.tiles[self.index].width, self.plan.tiles[self.index].height
        return width + left, height + above

    def draw(self) -> None:
        canvas, plan = self.canv, self.plan
        if self.index is not None:
            canvas.tile_pages[self.index] = canvas.getPageNumber()
            canvas.bookmarkPage(tile_links.tile_destination(self.index))
            tile = plan.tiles[self.index]
            MapPainter(canvas, self.content, tile, plan).draw(0, tile.height)
            return
        left, _ = self._gutter
        top = plan.overview_size[1]
        for part in plan.overview_parts:
            MapPainter(canvas, self.content, part, plan, overview=True).draw(left, top)
            top -= part.height + plan.stack_gap
        if plan.tiles:
            tile_links.draw_index(canvas, plan, left, plan.overview_size[1])


def _badge(card: Rect, problem: str) -> Rect:
    """Where a card's problem tab is on the map (see `card.problem_tab`)."""
    label = theme.PROBLEM_MARKS[problem][1]
    tab = PARTS.badge(string_width(label, theme.CARD_META_SIZE, bold=True))
    return Rect(card.x + tab.x, card.y + tab.y, tab.width, tab.height)


def _intersects(left: float, top: float, right: float, bottom: float, view: tuple[float, float, float, float]) -> bool:
    return left < view[2] and view[0] < right and top < view[3] and view[1] < bottom


def _route_box(route: Route) -> tuple[float, float, float, float]:
    xs, ys = route.points[::2], route.points[1::2]
    reach = theme.ARROW_LENGTH + theme.CONNECTION_LABEL_SIZE
    return min(xs) - reach, min(ys) - reach, max(xs) + reach, max(ys) + reach


def _flip(point: Point) -> Point:
    return Point(point.x, -point.y)


class MapPainter:
    """Draws one tile of a map on a reportlab canvas."""

    def __init__(self, canvas: Canvas, content: MapContent, tile: MapTile, plan: MapPlan | None = None,
                 overview: bool = False):
        self.canvas, self.content, self.tile, self.plan, self.overview = canvas, content, tile, plan, overview
        self.journey, self.geometry, self.scores = content.journey, content.geometry, content.scores
        (self.left, self.right), (self.top, self.bottom) = tile.columns, tile.rows
        self.view = (self.left, self.top, self.right, self.bottom)

    def draw(self, x: float, top: float) -> None:
        """Draw the tile with its top-left corner at (x, top) on the page."""
        canvas, width, height = self.canvas, self.right - self.left, self.bottom - self.top
        canvas.saveState()
        canvas.translate(x, top)
        canvas.scale(self.tile.scale, self.tile.scale)
        with self._pane(self.left - _LANE_HEADER, self.top - _STAGE_HEADER, (_LANE_HEADER, _STAGE_HEADER, width, height)):
            self._draw_grid()
            self._draw_routes()
            if self.tile.bands:
                self._draw_emotion_band()
                self._draw_stage_averages()
                self._draw_metrics()
            draw_blueprint_lines(self.canvas, self.journey, self.geometry)
            self._draw_cards()
            draw_vote_dots(self.canvas, self.journey, self.geometry, self._visible)
            self._draw_route_ends()
            self._draw_links()
        strip = self.tile.strip
        if strip:
            with self._pane(self.left - _LANE_HEADER, self.top - _STAGE_HEADER,
                            (_LANE_HEADER, _STAGE_HEADER + height, width, strip)):
                self._draw_emotion_strip()
        with self._pane(self.left - _LANE_HEADER, theme.MARGIN, (_LANE_HEADER, 0, width, _STAGE_HEADER)):
            self._draw_stage_headers()
        with self._pane(theme.MARGIN, self.top - _STAGE_HEADER, (0, _STAGE_HEADER, _LANE_HEADER, height + strip)):
            self._draw_lane_headers()
        canvas.setStrokeColor(marks.colour(theme.GRID_LINE))
        canvas.setLineWidth(theme.GRID_LINE_WIDTH)
        canvas.rect(0, -(_STAGE_HEADER + height + strip), _LANE_HEADER + width, _STAGE_HEADER + height + strip,
                    stroke=1, fill=0)
        canvas.restoreState()

    @contextmanager
    def _pane(self, offset_x: float, offset_y: float, clip: tuple[float, float, float, float]) -> Iterator[None]:
        """Draw in layout coordinates (y negated), shifted by the offsets, clipped to `clip`
        (x, y from the tile's top-left going down, width, height)."""
        x, y, width, height = clip
        self.canvas.saveState()
        path = self.canvas.beginPath()
        path.rect(x, -(y + height), width, height)
        self.canvas.clipPath(path, stroke=0, fill=0)
        self.canvas.translate(-offset_x, offset_y)
        yield
        self.canvas.restoreState()

    def _rect(self, rect: Rect, fill: str, stroke: str | None = theme.GRID_LINE) -> None:
        self.canvas.setFillColor(marks.colour(fill))
        if stroke:
            self.canvas.setStrokeColor(marks.colour(stroke))
            self.canvas.setLineWidth(theme.GRID_LINE_WIDTH)
        self.canvas.rect(rect.x, -rect.bottom, rect.width, rect.height, stroke=1 if stroke else 0, fill=1)

    def _visible(self, rect: Rect) -> bool:
        return _intersects(rect.x, rect.y, rect.right, rect.bottom, self.view)

    # ----------------------------------------------------------------- grid body
    def _draw_grid(self) -> None:
        for rect in self.geometry.cells.values():
            if self._visible(rect):
                self._rect(rect, theme.CARD_BACKGROUND)
        if self.tile.bands:
            self._rect(self.geometry.emotion_band, theme.EMOTION_BAND_BACKGROUND)
            for rect in (*self.geometry.scores_band.values(), *self.geometry.metrics_band.values()):
                if self._visible(rect):
                    self._rect(rect, theme.SCORES_BAND_BACKGROUND)

    def _visible_routes(self) -> dict[str, list[Route]]:
        by_kind: dict[str, list[Route]] = {}
        for box, kind, route in self.content.routes:
            if _intersects(*box, self.view):
                by_kind.setdefault(kind, []).append(route)
        return by_kind

    def _draw_routes(self) -> None:
        """The connections, under the cards; on a crowded page bundled by the channels they share,
        each piece of channel drawn once and heavier the more connections run along it."""
        by_kind = self._visible_routes()
        # Crowded: more connections than the page has room for at full weight (per square inch at print size).
        area = (self.right - self.left) * (self.bottom - self.top) * self.tile.scale ** 2 / 72 ** 2
        if sum(map(len, by_kind.values())) <= DENSE_PER_SQUARE_INCH * area:
            for kind, routes in by_kind.items():
                marks.connection_lines(self.canvas, routes, kind)
            return
        left, top, right, bottom = self.view
        for kind, pieces in self.content.bundles().items():
            marks.bundled_lines(self.canvas, [(x0, -y0, x1, -y1, n) for x0, y0, x1, y1, n in pieces
                                              if x0 <= right and left <= x1 and y0 <= bottom and top <= y1], kind)

    def _draw_route_ends(self) -> None:
        """Arrow heads and labels, over the cards so that none is hidden; labels on a white halo
        where `place_labels` found room."""
        canvas = self.canvas
        size = theme.CONNECTION_LABEL_SIZE
        for box, label in self.content.labels:
            if self._visible(box):
                marks.label_halo(canvas, box.x, -box.bottom, box.width, box.height)
                canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
                text.draw_fitted(canvas, box.center.x, centred_baseline(-box.center.y, size), label, size,
                                 box.width - 2 * LABEL_PADDING, align="center")
        for kind, routes in self._visible_routes().items():
            marks.arrow_heads(canvas, routes, kind)

    def _draw_emotion_band(self) -> None:
        canvas, geometry = self.canvas, self.geometry
        band = geometry.emotion_band
        visible_left, visible_right = max(band.x, self.left), min(band.right, self.right)
        marks.zero_line(canvas, visible_left, visible_right, -geometry.emotion_zero_y)
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        for emotion in (2, 0, -2):
            baseline = centred_baseline(-geometry.emotion_y(emotion), theme.SCORE_LABEL_SIZE)
            text.draw_line(canvas, visible_left + 4, baseline, signed(emotion), theme.SCORE_LABEL_SIZE)
        if geometry.persona_curves:
            for persona_id, points in geometry.persona_curves.items():
                ink = persona_colour(self.journey, persona_id)
                marks.emotion_curve(canvas, [_flip(p) for p in geometry.persona_target_curves[persona_id]], True, ink)
                marks.emotion_curve(canvas, [_flip(point) for point in points], ink=ink)
            return
        marks.emotion_curve(canvas, [_flip(point) for point in geometry.target_emotion_curve], target=True)
        marks.emotion_curve(canvas, [_flip(point) for point in geometry.emotion_curve])

    def _draw_metrics(self) -> None:
        """Each stage's metrics as the canvas's metrics lane shows them: status, name, now → target."""
        canvas, size = self.canvas, theme.SCORE_LABEL_SIZE + 1
        for stage in self.journey.stages:
            band = self.geometry.metrics_band.get(stage.id)
            if band is None or not self._visible(band):
                continue
            for i, kpi in enumerate(stage.kpis):
                row = metric_row(band, i)
                half = row.height / 2
                marks.kpi_status(canvas, row.x + 6, -(row.y + half / 2 + 1), 12, kpi_status(kpi).value)
                canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
                width = row.width - 17
                text.draw_fitted(canvas, row.x + 17, centred_baseline(-(row.y + half / 2), size), kpi.name, size,
                                 width)
                values = format_value(kpi, kpi.current)
                if kpi.target is not None:
                    values += f" \u2192 {format_value(kpi, kpi.target)}"
                canvas.setFillColor(marks.colour(theme.TEXT))
                text.draw_fitted(canvas, row.x + 17, centred_baseline(-(row.y + 1.5 * half), size), values, size,
                                 width, bold=True)

    def _draw_stage_averages(self) -> None:
        """Each stage's average M, V, A and emotion in the slots `score_slots` gives, as on the canvas."""
        canvas = self.canvas
        for stage_id, rect in self.geometry.scores_band.items():
            averages = self.scores.get(stage_id)
            if averages is None or not self._visible(rect):
                continue
            for slot in score_slots(rect):
                value = getattr(averages, slot.name)
                mark, box, size = slot.mark, slot.value.box, slot.value.size
                if slot.name == "emotion":
                    marks.emotion_face(canvas, mark.center.x, -mark.center.y, mark.width,
                                       None if value is None else round(value))
                    label = NO_VALUE if value is None else signed(value, 1)
                else:
                    marks.score_bar(canvas, mark.x, -mark.bottom, mark.width, mark.height, slot.name, value)
                    label = f"{theme.SCORE_LABELS[slot.name]} {average_label(value)}"
                canvas.setFillColor(marks.colour(theme.TEXT))
                text.draw_fitted(canvas, box.x, centred_baseline(-box.center.y, size), label, size, box.width,
                                 bold=True)

    def _draw_emotion_strip(self) -> None:
        """The emotion curve squeezed into the slim strip under a tile that does not show the band."""
        canvas, geometry, strip = self.canvas, self.geometry, self.tile.strip
        band = Rect(self.left, self.bottom, self.right - self.left, strip)
        self._rect(band, theme.EMOTION_BAND_BACKGROUND)
        usable = geometry.emotion_band.height - 2 * theme.EMOTION_BAND_PADDING
        squeeze = (strip - 12) / usable

        def squeezed(point: Point) -> Point:
            return Point(point.x, -(band.y + 6 + (point.y - geometry.emotion_y(2)) * squeeze))

        marks.zero_line(canvas, band.x, band.right, squeezed(Point(0, geometry.emotion_zero_y)).y)
        marks.emotion_curve(canvas, [squeezed(point) for point in geometry.target_emotion_curve], target=True)
        marks.emotion_curve(canvas, [squeezed(point) for point in geometry.emotion_curve])

    def _draw_links(self) -> None:
        """Where this tile's connections go on, or the overview's index of the detail pages."""
        if self.plan is None or not self.plan.tiles:
            return
        if self.overview:
            tile_links.draw_frames(self.canvas, self.plan, self.tile.scale)
            return
        for point, arrow, other in tile_links.crossings(self.geometry, self.plan, self.tile):
            tile_links.draw_crossing(self.canvas, point, arrow, other)

    def _draw_cards(self) -> None:
        for tp_id, rect in self.geometry.cards.items():
            if self._visible(rect):
                draw_card(self.canvas, self.journey.touchpoint(tp_id), rect.x, -rect.y, self.content.problems.get(tp_id))

    # ----------------------------------------------------------------- headers
    def _draw_stage_headers(self) -> None:
        canvas = self.canvas
        for stage_id, rect in self.geometry.stage_headers.items():
            if not (rect.x < self.right and self.left < rect.right):
                continue
            stage = self.journey.stage(stage_id)
            self._rect(rect, theme.STAGE_HEADER_BACKGROUND)
            # A stage cut across tiles names itself in each part, within the part that is visible.
            left, right = max(rect.x, self.left), min(rect.right, self.right)
            parts = stage_header_parts(Rect(left, rect.y, right - left, rect.height))
            name = stage.name if rect.x >= self.left else f"{stage.name} (continued)"
            canvas.setFillColor(marks.colour(theme.HEADER_TEXT))
            _draw_lines(canvas, parts.name, text.fit_lines(name, parts.name.size, parts.name.box.width, 1, bold=True))
            if stage.goal:
                canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
                goal = parts.detail
                _draw_lines(canvas, goal, text.fit_lines(stage.goal, goal.size, goal.box.width, goal.max_lines))

    def _draw_lane_headers(self) -> None:
        canvas, geometry = self.canvas, self.geometry
        for lane_id, rect in geometry.lane_headers.items():
            if not (rect.y < self.bottom and self.top < rect.bottom):
                continue
            self._draw_lane_header(rect, self.journey.lane(lane_id))
        if self.tile.strip:
            rect = Rect(theme.MARGIN, self.bottom, _LANE_HEADER, self.tile.strip)
            self._rect(rect, theme.BAND_HEADER_BACKGROUND)
            canvas.setFillColor(marks.colour(theme.HEADER_TEXT))
            text.draw_line(canvas, rect.x + HEADER_PAD, centred_baseline(-rect.center.y, theme.BAND_LABEL_SIZE),
                           "Emotion", theme.BAND_LABEL_SIZE, bold=True)
        if self.tile.bands:
            labels = _BAND_LABELS + ((("metrics_header", "Stage metrics"),) if geometry.metrics_header else ())
            for attribute, label in labels:
                rect = getattr(geometry, attribute)
                self._rect(rect, theme.BAND_HEADER_BACKGROUND)
                canvas.setFillColor(marks.colour(theme.HEADER_TEXT))
                size = theme.BAND_LABEL_SIZE
                lines = text.fit_lines(label, size, rect.width - 16, 2, bold=True)
                # With several personas (or metrics) the label goes on top, their legend (or rows) below.
                on_top = attribute == "metrics_header" or (attribute == "emotion_header" and geometry.persona_curves)
                y = rect.y + 6 if on_top else rect.y + (rect.height - len(lines) * line_height(size)) / 2
                for line in lines:
                    text.draw_line(canvas, rect.x + HEADER_PAD, -(y + ascent(size)), line, size, bold=True)
                    y += line_height(size)
            if geometry.persona_curves:
                self._draw_persona_legend(geometry.emotion_header)

    def _draw_lane_header(self, rect: Rect, lane: Lane) -> None:
        """The lane's name and kind, and the persona who owns the lane: their colour down the edge,
        their badge and "for <name>", in the canvas's parts (`lane_header_parts`)."""
        canvas = self.canvas
        owner = lane_owner(self.journey, lane)
        self._rect(rect, theme.LANE_HEADER_BACKGROUND)
        name = lane_header_parts(rect, persona=owner is not None).name
        lines = text.fit_lines(lane.name, name.size, name.box.width, name.max_lines, bold=True)
        parts = lane_header_parts(rect, len(lines), owner is not None)
        canvas.setFillColor(marks.colour(theme.HEADER_TEXT))
        _draw_lines(canvas, name, lines)
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        detail = parts.detail
        _draw_lines(canvas, detail, text.fit_lines(lane_caption(lane, owner), detail.size, detail.box.width,
                                                   detail.max_lines))
        if owner is not None:
            ink = persona_colour(self.journey, owner.id)
            self._rect(parts.stripe, ink, stroke=None)
            marks.persona_badge(canvas, parts.badge, owner.badge, ink, self.content.photo(owner))

    def _draw_persona_legend(self, header: Rect) -> None:
        """A line in each persona's colour and their name, under the emotion band's label."""
        canvas, size = self.canvas, theme.SCORE_LABEL_SIZE + 1
        personas = [p for p in self.journey.personas if p.id in self.geometry.persona_curves]
        top = header.y + 26
        step = min(16.0, (header.bottom - 4 - top) / max(len(personas), 1))
        for i, persona in enumerate(personas):
            y = -(top + i * step + step / 2)
            canvas.setStrokeColor(marks.colour(persona_colour(self.journey, persona.id)))
            canvas.setLineWidth(theme.EMOTION_CURVE_WIDTH)
            canvas.line(header.x + 10, y, header.x + 30, y)
            canvas.setFillColor(marks.colour(theme.TEXT))
            text.draw_fitted(canvas, header.x + 36, centred_baseline(y, size), persona.name or "Unnamed persona",
                             size, header.width - 44)


def _draw_lines(canvas: Canvas, slot: TextSlot, lines) -> None:
    """Fitted lines top-aligned in `slot`, one `line_height` apart (layout y negated)."""
    for i, line in enumerate(lines):
        text.draw_line(canvas, slot.box.x, -(slot.line_top(i) + ascent(slot.size)), line, slot.size, bold=slot.bold)
