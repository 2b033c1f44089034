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
from typing import Iterator

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from model import theme
from model.analysis import Insights
from model.entities import SCORE_NAMES
from model.journey_map import JourneyMap
from model.layout import MapGeometry, Point, Rect, Route

from . import marks, text
from .room_marks import draw_blueprint_lines, draw_vote_dots
from .card import draw_card
from .fonts import ascent, centred_baseline, line_height
from .pages import MapTile
from model.vocabulary import signed

HEADER_PAD = 10
NO_VALUE = "\u2013"  # an average of nothing, as the canvas shows it
_LANE_HEADER, _STAGE_HEADER = theme.LANE_HEADER_WIDTH, theme.STAGE_HEADER_HEIGHT
_BAND_LABELS = (("emotion_header", "Emotion"), ("scores_header", "Meaning / Value / Accommodation"))


class MapContent:
    """What every tile of one map draws from, prepared once: the routes with their extents and
    y flipped, grouped by kind, rather than again for each of a large map's hundred pages."""

    def __init__(self, journey: JourneyMap, geometry: MapGeometry, insights: Insights):
        self.journey, self.geometry = journey, geometry
        self.scores = {entry.stage_id: entry for entry in insights.stage_scores}
        self.problems = insights.problems()
        self.routes: list[tuple[tuple[float, float, float, float], str, Route]] = []  # (box, kind, route)
        self.labels: list[tuple[tuple[float, float, float, float], Point, str]] = []  # (box, where, label)
        for (source, target), route in geometry.routes.items():
            connection = journey.connection(source, target)
            box = _route_box(route)
            self.routes.append((box, connection.kind.value, Route(*map(_flip, (route.start, route.control1,
                                                                               route.control2, route.end)))))
            if connection.label:
                self.labels.append((box, route.label, connection.label))


class MapTileFlowable(Flowable):
    """One page of the map: a tile, drawn at the top-left of the frame."""

    def __init__(self, content: MapContent, tile: MapTile):
        super().__init__()
        self.content, self.tile = content, tile

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.tile.width, self.tile.height

    def draw(self) -> None:
        if not self.content.geometry.stage_ids:
            self.canv.setFillColor(marks.colour(theme.TEXT_MUTED))
            text.draw_line(self.canv, 0, -30, "This map has no stages yet.", theme.HEADER_SIZE)
        MapPainter(self.canv, self.content, self.tile).draw(0, self.tile.height)


def _intersects(left: float, top: float, right: float, bottom: float, view: tuple[float, float, float, float]) -> bool:
    return left < view[2] and view[0] < right and top < view[3] and view[1] < bottom


def _route_box(route: Route) -> tuple[float, float, float, float]:
    points = (route.start, route.control1, route.control2, route.end)
    reach = theme.ARROW_LENGTH + theme.CONNECTION_LABEL_SIZE
    return (min(p.x for p in points) - reach, min(p.y for p in points) - reach,
            max(p.x for p in points) + reach, max(p.y for p in points) + reach)


def _flip(point: Point) -> Point:
    return Point(point.x, -point.y)


class MapPainter:
    """Draws one tile of a map on a reportlab canvas."""

    def __init__(self, canvas: Canvas, content: MapContent, tile: MapTile):
        self.canvas, self.content, self.tile = canvas, content, tile
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
            draw_blueprint_lines(self.canvas, self.journey, self.geometry)
            self._draw_cards()
            draw_vote_dots(self.canvas, self.journey, self.geometry, self._visible)
        with self._pane(self.left - _LANE_HEADER, theme.MARGIN, (_LANE_HEADER, 0, width, _STAGE_HEADER)):
            self._draw_stage_headers()
        with self._pane(theme.MARGIN, self.top - _STAGE_HEADER, (0, _STAGE_HEADER, _LANE_HEADER, height)):
            self._draw_lane_headers()
        canvas.setStrokeColor(marks.colour(theme.GRID_LINE))
        canvas.setLineWidth(theme.GRID_LINE_WIDTH)
        canvas.rect(0, -(_STAGE_HEADER + height), _LANE_HEADER + width, _STAGE_HEADER + height, stroke=1, fill=0)
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
            for rect in self.geometry.scores_band.values():
                if self._visible(rect):
                    self._rect(rect, theme.SCORES_BAND_BACKGROUND)

    def _draw_routes(self) -> None:
        canvas = self.canvas
        by_kind: dict[str, list[Route]] = {}
        for box, kind, route in self.content.routes:
            if _intersects(*box, self.view):
                by_kind.setdefault(kind, []).append(route)
        for kind, routes in by_kind.items():
            marks.connections(canvas, routes, kind)
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        size = theme.CONNECTION_LABEL_SIZE
        for box, point, label in self.content.labels:
            if _intersects(*box, self.view):
                text.draw_fitted(canvas, point.x, centred_baseline(-point.y, size), label, size, 140, align="center")

    def _draw_emotion_band(self) -> None:
        canvas, geometry = self.canvas, self.geometry
        band = geometry.emotion_band
        visible_left, visible_right = max(band.x, self.left), min(band.right, self.right)
        marks.zero_line(canvas, visible_left, visible_right, -geometry.emotion_zero_y)
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        for emotion in (2, 0, -2):
            baseline = centred_baseline(-geometry.emotion_y(emotion), theme.SCORE_LABEL_SIZE)
            text.draw_line(canvas, visible_left + 4, baseline, signed(emotion), theme.SCORE_LABEL_SIZE)
        marks.emotion_curve(canvas, [_flip(point) for point in geometry.target_emotion_curve], target=True)
        marks.emotion_curve(canvas, [_flip(point) for point in geometry.emotion_curve])

    def _draw_stage_averages(self) -> None:
        """Each stage's average M, V, A and emotion: a value over a small bar (or face) each."""
        canvas = self.canvas
        size = theme.SCORE_LABEL_SIZE + 1
        for stage_id, rect in self.geometry.scores_band.items():
            averages = self.scores.get(stage_id)
            if averages is None or not self._visible(rect):
                continue
            slot = (rect.width - 16) / 4
            baseline = -(rect.y + 6 + ascent(size))
            for i, name in enumerate(SCORE_NAMES):
                value = getattr(averages, name)
                x = rect.x + 8 + i * slot
                canvas.setFillColor(marks.colour(theme.TEXT))
                label = f"{theme.SCORE_LABELS[name]} {NO_VALUE if value is None else f'{value:.1f}'}"
                text.draw_fitted(canvas, x, baseline, label, size, slot - 6, bold=True)
                marks.score_bar(canvas, x, -(rect.y + 33), slot - 10, 5, name, value)
            emotion = averages.emotion
            x = rect.x + 8 + 3 * slot
            face = 12
            marks.emotion_face(canvas, x + face / 2, -(rect.y + 6 + ascent(size) / 2 + 1),
                               face, None if emotion is None else round(emotion))
            canvas.setFillColor(marks.colour(theme.TEXT))
            label = NO_VALUE if emotion is None else signed(emotion, 1)
            text.draw_fitted(canvas, x + face + 3, baseline, label, size, slot - face - 9, bold=True)

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
            left = max(rect.x, self.left) + HEADER_PAD
            width = min(rect.right, self.right) - HEADER_PAD - left
            name = stage.name if rect.x >= self.left else f"{stage.name} (continued)"
            canvas.setFillColor(marks.colour(theme.HEADER_TEXT))
            size = theme.HEADER_SIZE
            middle = rect.y + 8 + (size + 6) / 2
            text.draw_fitted(canvas, left, centred_baseline(-middle, size), name, size, width, bold=True)
            if stage.goal:
                canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
                goal_size = theme.STAGE_GOAL_SIZE
                y = rect.y + size + 16
                for line in text.fit_lines(stage.goal, goal_size, width, 2):
                    text.draw_line(canvas, left, -(y + ascent(goal_size)), line, goal_size)
                    y += line_height(goal_size)

    def _draw_lane_headers(self) -> None:
        canvas, geometry = self.canvas, self.geometry
        size, kind_size = theme.HEADER_SIZE, theme.STAGE_GOAL_SIZE
        width = _LANE_HEADER - 2 * HEADER_PAD
        for lane_id, rect in geometry.lane_headers.items():
            if not (rect.y < self.bottom and self.top < rect.bottom):
                continue
            lane = self.journey.lane(lane_id)
            self._rect(rect, theme.LANE_HEADER_BACKGROUND)
            canvas.setFillColor(marks.colour(theme.HEADER_TEXT))
            spacing = line_height(size)
            max_lines = max(1, int((rect.height - 16 - line_height(kind_size)) // spacing))
            y = rect.y + 10
            for line in text.fit_lines(lane.name, size, width, max_lines, bold=True):
                text.draw_line(canvas, rect.x + HEADER_PAD, -(y + ascent(size)), line, size, bold=True)
                y += spacing
            canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
            text.draw_line(canvas, rect.x + HEADER_PAD, -(y + 2 + ascent(kind_size)), lane.kind.value.capitalize(),
                           kind_size)
        if self.tile.bands:
            for attribute, label in _BAND_LABELS:
                rect = getattr(geometry, attribute)
                self._rect(rect, theme.BAND_HEADER_BACKGROUND)
                canvas.setFillColor(marks.colour(theme.HEADER_TEXT))
                size = theme.BAND_LABEL_SIZE
                lines = text.fit_lines(label, size, rect.width - 16, 2, bold=True)
                y = rect.y + (rect.height - len(lines) * line_height(size)) / 2
                for line in lines:
                    text.draw_line(canvas, rect.x + HEADER_PAD, -(y + ascent(size)), line, size, bold=True)
                    y += line_height(size)
