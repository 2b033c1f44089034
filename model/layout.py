"""Turn a journey map into geometry: where every header, cell, card, route and band goes.

The canvas and the PDF both draw from `layout(journey)`, so what is exported is what was
on screen. Geometry is plain frozen dataclasses in layout units (see `model.theme`);
nothing here knows Qt.

The map is a grid. Stage columns run left to right in stage order under their headers,
lane rows top to bottom in lane order beside theirs; below the rows lie the emotion band
and the scores band. Cards fill a cell column by column: `theme.MAX_STACK` cards down,
then a new sub-column to the right. A stage column is as wide as its widest cell and a
lane row as tall as its tallest stack, so cards never overlap and cards in one sub-column
line up across lanes. `model.hit_testing` reads the same grid, so a drop lands where the
card will be drawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import chain
from operator import add, is_, lt
from typing import Optional

from . import theme
from .journey_map import JourneyMap
from .route_reuse import reuse_routes
from .routing import NO_CHANNELS, Channels, rounded, waypoints

Cell = tuple[str, str]  # (stage id, lane id)
ConnectionKey = tuple[str, str]  # (source touchpoint id, target touchpoint id)

STEP_X = theme.CARD_STEP_X
STEP_Y = theme.CARD_HEIGHT + theme.CARD_GAP_Y  # from one stacked card to the next


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle; y grows downwards, as on screen."""

    x: float
    y: float
    width: float
    height: float

    @property
    def left(self) -> float:
        return self.x

    @property
    def top(self) -> float:
        return self.y

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> Point:
        return Point(self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, point: Point) -> bool:
        """Whether `point` is inside; right and bottom edges are excluded, so that of two
        neighbouring columns, rows or cells exactly one contains a point on their border."""
        return self.x <= point.x < self.x + self.width and self.y <= point.y < self.y + self.height

    def contains_rect(self, other: Rect) -> bool:
        return (self.x <= other.x and self.y <= other.y
                and other.right <= self.right and other.bottom <= self.bottom)

    def intersects(self, other: Rect) -> bool:
        """Whether the two share area (touching edges do not count)."""
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


class Route:
    """A connection's path from the source card to the target card (see `model.routing`): its
    ends and the corners between them, flat as (x0, y0, x1, y1, ...); every leg is horizontal or
    vertical. Painters draw `curves()`, the legs with rounded corners. Flat floats, and the curves
    worked out only when drawn, because a layout makes thousands of routes.

    Immutable, equal by its points. A route `moved` sideways works its points out when first read:
    an Enter moves a thousand routes right of a widened column, and a view moves their items whole.
    """

    __slots__ = ("_points", "_unmoved", "_dx")

    def __init__(self, points: tuple[float, ...]):
        self._points: tuple[float, ...] | None = points
        self._unmoved: tuple[float, ...] = ()
        self._dx = 0.0

    @property
    def points(self) -> tuple[float, ...]:
        if self._points is None:
            unmoved = self._unmoved
            self._points = tuple(map(add, unmoved, (self._dx, 0.0) * (len(unmoved) // 2)))
            self._unmoved = ()
        return self._points

    def __eq__(self, other: object) -> bool:
        return self.points == other.points if isinstance(other, Route) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.points)

    def __repr__(self) -> str:
        return f"Route(points={self.points!r})"

    @property
    def start(self) -> Point:
        return Point(self.points[0], self.points[1])

    @property
    def end(self) -> Point:
        return Point(self.points[-2], self.points[-1])

    def curves(self) -> tuple[float, ...]:
        """The path from `start` as cubic Bézier pieces, flat as (c1x, c1y, c2x, c2y, x, y) each."""
        return rounded(self.points)

    def point_at(self, t: float) -> Point:
        """The point at `t` in 0..1 of the way along the route (for hit testing, labels and
        where a route leaves a page)."""
        p = self.points
        if t <= 0:
            return self.start
        if t >= 1:
            return self.end
        legs = [abs(p[i + 2] - p[i]) + abs(p[i + 3] - p[i + 1]) for i in range(0, len(p) - 2, 2)]
        along = t * sum(legs)
        for i, leg in enumerate(legs):
            if along <= leg:
                share = along / leg if leg else 0.0
                x, y = p[2 * i], p[2 * i + 1]
                return Point(x + (p[2 * i + 2] - x) * share, y + (p[2 * i + 3] - y) * share)
            along -= leg
        return self.end

    def moved(self, dx: float) -> Route:
        """This route moved `dx` sideways, as its cards and the columns between them moved."""
        route = Route.__new__(Route)
        route._points = None
        if self._points is None:  # moved again before it was read: one move from the unmoved points
            route._unmoved, route._dx = self._unmoved, self._dx + dx
        else:
            route._unmoved, route._dx = self._points, float(dx)
        return route

    @property
    def label(self) -> Point:
        """The route's midpoint, where the connection's label goes."""
        return self.point_at(0.5)

    @property
    def arrow(self) -> Point:
        """Unit vector of the direction of travel at the end: where the arrow head points."""
        x0, y0, x1, y1 = self.points[-4:]
        dx, dy = x1 - x0, y1 - y0
        length = (dx * dx + dy * dy) ** 0.5
        return Point(dx / length, dy / length)

    def head(self) -> tuple[float, float, float, float, float, float]:
        """The arrow head's corners, flat: the tip at the end, then the two back corners, pointing
        along the last leg. The canvas and the PDF draw this one head."""
        tip, direction = self.end, self.arrow
        back_x, back_y = tip.x - direction.x * theme.ARROW_LENGTH, tip.y - direction.y * theme.ARROW_LENGTH
        side_x, side_y = -direction.y * theme.ARROW_WIDTH / 2, direction.x * theme.ARROW_WIDTH / 2
        return tip.x, tip.y, back_x + side_x, back_y + side_y, back_x - side_x, back_y - side_y


def bezier_point(start: Point, control1: Point, control2: Point, end: Point, t: float) -> Point:
    """The point of a cubic Bézier curve at parameter t in 0..1 (for sampling `smooth_curve`)."""
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return Point(a * start.x + b * control1.x + c * control2.x + d * end.x,
                 a * start.y + b * control1.y + c * control2.y + d * end.y)


@dataclass(frozen=True)
class MapGeometry:
    """Where everything of one map goes. Read it; a changed map gets a new `layout`.

    Columns span from the top of the stage header to the bottom of the scores band, rows from
    the left of the lane header to the right of the last column, so that grid lines and
    header-drag hit tests can use them whole; `cells` are the parts of the grid cards live in.
    """

    width: float
    height: float
    stage_ids: tuple[str, ...]
    lane_ids: tuple[str, ...]
    stage_headers: dict[str, Rect]
    stage_columns: dict[str, Rect]
    lane_headers: dict[str, Rect]
    lane_rows: dict[str, Rect]
    cells: dict[Cell, Rect]
    cards: dict[str, Rect]
    routes: Mapping[ConnectionKey, Route]  # a `RouteTable`: moved routes are worked out when read
    emotion_header: Rect  # beside the band, under the lane headers: where "Emotion" is written
    emotion_band: Rect
    emotion_curve: tuple[Point, ...]
    target_emotion_curve: tuple[Point, ...]  # the to-be: the same average over target emotions
    emotion_zero_y: float
    scores_header: Rect
    scores_band: dict[str, Rect]  # stage id -> where that stage's M / V / A averages go
    # On a map of several personas, each one's curve over the cards they meet (persona id -> points),
    # today's and the to-be's; empty on a map of one persona or none, whose curve is `emotion_curve`.
    persona_curves: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    persona_target_curves: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    # The metrics lane under the emotion band, on a map whose stages carry metrics; else None and empty.
    metrics_header: Optional[Rect] = None
    metrics_band: dict[str, Rect] = field(default_factory=dict)  # stage id -> where its metrics go
    # The free space routes run through, kept so that the next layout can tell which routes stay.
    channels: Channels = field(default=NO_CHANNELS, compare=False, repr=False)
    # The routes a view must place again, in drawing order: all but those that stayed or moved just
    # as far as the column of their source, which kept its cards (see `model.route_reuse`); every
    # route without a previous layout.
    changed_routes: list[ConnectionKey] = field(default_factory=list, compare=False, repr=False)
    # What the next layout of the same map reuses (see `_Column`); not part of the geometry.
    _columns: dict[str, _Column] = field(default_factory=dict, compare=False, repr=False)

    def emotion_y(self, emotion: float) -> float:
        """The height of an emotion (-2..+2, fractions allowed) in the emotion band; +2 is on top."""
        return _emotion_y(self.emotion_band, emotion)


def _emotion_y(band: Rect, emotion: float) -> float:
    usable = band.height - 2 * theme.EMOTION_BAND_PADDING
    return band.y + theme.EMOTION_BAND_PADDING + (2 - emotion) / 4 * usable


def _add_emotion(sums: dict[int, list[float]], sub_column: int, emotion: int | None) -> None:
    """Cards stacked in one sub-column share a point of the curve: their average."""
    if emotion is not None:
        total = sums.setdefault(sub_column, [0.0, 0])
        total[0] += emotion
        total[1] += 1


@dataclass(frozen=True, eq=False)
class _Column:
    """One stage column's cards as a layout placed them, kept for the next layout of the same map.

    A column whose cells, rows and touchpoints did not change is not laid out again, and one
    that only moved sideways (every column right of a widened one) is moved: its emotion sums
    and card slots are kept, only the cards' `Rect`s are made at the new x.
    """

    ids: tuple[str, ...]
    touchpoints: tuple  # the Touchpoint objects: every change replaces one, so `is` tells
    tops: tuple[float, ...]  # where each lane's cards start
    personas: tuple[str, ...]
    slots: tuple[tuple[str, int, float], ...]  # (touchpoint id, sub-column, y) of each card
    sums: tuple[dict[int, list[float]], ...]  # as `layout`'s emotion sums, keyed by sub-column
    left: float  # where the first sub-column starts, for `rects`
    rects: dict[str, Rect]

    def holds(self, ids: tuple, tops: tuple, touchpoints: list, personas: tuple) -> bool:
        return (self.ids == ids and self.tops == tops and self.personas == personas
                and all(map(is_, self.touchpoints, touchpoints)))

    def moved_to(self, left: float) -> _Column:
        if left == self.left:
            return self
        rects = {tp_id: Rect(left + sub_column * STEP_X, y, theme.CARD_WIDTH, theme.CARD_HEIGHT)
                 for tp_id, sub_column, y in self.slots}
        return replace(self, left=left, rects=rects)

    @staticmethod
    def lay_out(ids: tuple, touchpoints: list, tops: tuple, personas: tuple, cells: list,
                left: float, old_cards: dict[str, Rect]) -> _Column:
        """Cards fill a cell column by column: `theme.MAX_STACK` down, then a new sub-column."""
        slots, rects = [], {}
        sums: tuple[dict[int, list[float]], ...] = tuple({} for _ in range(2 + 2 * len(personas)))
        in_reading_order = iter(touchpoints)
        for top, cell in zip(tops, cells):
            for i, tp_id in enumerate(cell):
                sub_column, place = divmod(i, theme.MAX_STACK)
                x, y = left + sub_column * STEP_X, top + place * STEP_Y
                card = old_cards.get(tp_id)
                if card is None or card.x != x or card.y != y:
                    card = Rect(x, y, theme.CARD_WIDTH, theme.CARD_HEIGHT)
                rects[tp_id] = card
                slots.append((tp_id, sub_column, y))
                touchpoint = next(in_reading_order)
                _add_emotion(sums[0], sub_column, touchpoint.emotion)
                _add_emotion(sums[1], sub_column, touchpoint.target.emotion)
                for k, persona_id in enumerate(personas):
                    if touchpoint.meets(persona_id):
                        _add_emotion(sums[2 + 2 * k], sub_column, touchpoint.emotion_of(persona_id))
                        _add_emotion(sums[3 + 2 * k], sub_column, touchpoint.target.emotion)
        return _Column(ids, tuple(touchpoints), tops, personas, tuple(slots), sums, left, rects)


def _curve(band: Rect, sums: dict[float, list[float]]) -> tuple[Point, ...]:
    return tuple(Point(x, _emotion_y(band, total / count)) for x, (total, count) in sorted(sums.items()))


def _span(count: int, size: float, gap: float) -> float:
    """Length of `count` cards of `size` with `gap` between them, plus the cell's padding."""
    return 2 * theme.CELL_PADDING + count * size + (count - 1) * gap


def layout(journey: JourneyMap, previous: MapGeometry | None = None) -> MapGeometry:
    """The geometry of the whole map. Deterministic: the same map gives equal geometry.

    One pass over the cells, then one over the connections. Given the `previous` geometry of
    the same map before a change, cards that stay put keep their `Rect` objects and routes
    between them their `Route` objects: the result is equal to a fresh layout, a card drop
    costs a fraction of one (most of which is not making 3,000 routes again), and a view can
    find the cards that moved by identity (`is not`) and the routes in `changed_routes`.
    """
    old_cards = previous.cards if previous is not None else {}
    stack = theme.MAX_STACK
    stage_ids = tuple(stage.id for stage in journey.stages)
    lane_ids = tuple(lane.id for lane in journey.lanes)
    cell_cards = {(s, l): journey.cell(s, l) for s in stage_ids for l in lane_ids}

    # An empty column stays one card wide and an empty lane one card high, so both remain drop targets.
    sub_columns = {s: max([1] + [-(-len(cell_cards[s, l]) // stack) for l in lane_ids]) for s in stage_ids}
    stacked = {l: max([1] + [min(len(cell_cards[s, l]), stack) for s in stage_ids]) for l in lane_ids}

    column_width = {s: _span(sub_columns[s], theme.CARD_WIDTH, theme.CARD_GAP_X) for s in stage_ids}
    row_height = {l: _span(stacked[l], theme.CARD_HEIGHT, theme.CARD_GAP_Y) for l in lane_ids}
    grid_left = theme.MARGIN + theme.LANE_HEADER_WIDTH
    grid_top = theme.MARGIN + theme.STAGE_HEADER_HEIGHT
    column_left: dict[str, float] = {}
    x = grid_left
    for s in stage_ids:
        column_left[s] = x
        x += column_width[s]
    grid_right = x
    row_top: dict[str, float] = {}
    y = grid_top
    for l in lane_ids:
        row_top[l] = y
        y += row_height[l]
    grid_bottom = y
    metrics_rows = max((len(stage.kpis) for stage in journey.stages), default=0)
    metrics_top = grid_bottom + theme.EMOTION_BAND_HEIGHT
    metrics_height = metrics_band_height(metrics_rows)
    scores_top = metrics_top + metrics_height
    map_bottom = scores_top + theme.SCORES_BAND_HEIGHT

    stage_headers = {s: Rect(column_left[s], theme.MARGIN, column_width[s], theme.STAGE_HEADER_HEIGHT)
                     for s in stage_ids}
    stage_columns = {s: Rect(column_left[s], theme.MARGIN, column_width[s], map_bottom - theme.MARGIN)
                     for s in stage_ids}
    lane_headers = {l: Rect(theme.MARGIN, row_top[l], theme.LANE_HEADER_WIDTH, row_height[l]) for l in lane_ids}
    lane_rows = {l: Rect(theme.MARGIN, row_top[l], grid_right - theme.MARGIN, row_height[l]) for l in lane_ids}
    cells = {(s, l): Rect(column_left[s], row_top[l], column_width[s], row_height[l])
             for s in stage_ids for l in lane_ids}
    emotion_band = Rect(grid_left, grid_bottom, grid_right - grid_left, theme.EMOTION_BAND_HEIGHT)

    personas = tuple(p.id for p in journey.personas) if len(journey.personas) > 1 else ()
    old_columns = previous._columns if previous is not None else {}
    columns: dict[str, _Column] = {}
    shifts: list[float | None] = []  # how far each stage's cards moved as a whole; None if laid out afresh
    carries: list[float | None] = []  # how far each stage's column moved, with what is in it; None if new
    arrived: set[str] = set()  # cards laid out afresh in a column they were not in
    cards: dict[str, Rect] = {}
    # Emotions summed per card x (emotion, target, then each persona's and their target): cards
    # sharing a sub-column make one point of the curve.
    sums: list[dict[float, list[float]]] = [{} for _ in range(2 + 2 * len(personas))]
    # The cells are visited in reading order, the order of the map's (cached) touchpoint list.
    reading = journey.touchpoints()
    first = 0
    for s in stage_ids:
        stage_cells = [cell_cards[s, l] for l in lane_ids]
        ids = tuple(chain.from_iterable(stage_cells))
        touchpoints = reading[first:first + len(ids)]
        first += len(ids)
        tops = tuple(row_top[l] + theme.CELL_PADDING for l in lane_ids)
        left = column_left[s] + theme.CELL_PADDING
        column = old_columns.get(s)
        carries.append(None if column is None else left - column.left)
        if column is not None and column.holds(ids, tops, touchpoints, personas):
            shifts.append(left - column.left)
            column = column.moved_to(left)
        else:
            shifts.append(None)
            if column is not None:
                arrived.update(tp_id for tp_id in ids if tp_id not in column.rects)
            column = _Column.lay_out(ids, touchpoints, tops, personas, stage_cells, left, old_cards)
        columns[s] = column
        cards.update(column.rects)
        for total, column_sums in zip(sums, column.sums):
            for sub_column, point in column_sums.items():
                total[left + sub_column * STEP_X + theme.CARD_WIDTH / 2] = point
    edges = _in_reading_order(journey, list(chain.from_iterable(column.ids for column in columns.values())))
    runs = [grid_top + theme.CELL_PADDING / 2, grid_bottom - theme.CELL_PADDING / 2] if lane_ids else []
    for l in lane_ids:
        runs += [row_top[l] + theme.CELL_PADDING + k * STEP_Y - theme.CARD_GAP_Y / 2 for k in range(1, stacked[l])]
    runs += [row_top[l] for l in lane_ids[1:]]
    channels = Channels(cards.values(), sorted(runs))
    routes, changed_routes = reuse_routes(edges, cards, [columns[s].ids for s in stage_ids], shifts,
                                          (carries, arrived), [column_left[s] for s in stage_ids], previous,
                                          channels, route)

    emotion_sums, target_sums = sums[0], sums[1]
    persona_sums = {p: sums[2 + 2 * k] for k, p in enumerate(personas)}
    persona_target_sums = {p: sums[3 + 2 * k] for k, p in enumerate(personas)}
    return MapGeometry(
        width=grid_right + theme.MARGIN,
        height=map_bottom + theme.MARGIN,
        stage_ids=stage_ids,
        lane_ids=lane_ids,
        stage_headers=stage_headers,
        stage_columns=stage_columns,
        lane_headers=lane_headers,
        lane_rows=lane_rows,
        cells=cells,
        cards=cards,
        routes=routes,
        emotion_header=Rect(theme.MARGIN, grid_bottom, theme.LANE_HEADER_WIDTH, theme.EMOTION_BAND_HEIGHT),
        emotion_band=emotion_band,
        emotion_curve=_curve(emotion_band, emotion_sums),
        target_emotion_curve=_curve(emotion_band, target_sums),
        emotion_zero_y=_emotion_y(emotion_band, 0),
        scores_header=Rect(theme.MARGIN, scores_top, theme.LANE_HEADER_WIDTH, theme.SCORES_BAND_HEIGHT),
        scores_band={s: Rect(column_left[s], scores_top, column_width[s], theme.SCORES_BAND_HEIGHT)
                     for s in stage_ids},
        persona_curves={p: _curve(emotion_band, sums) for p, sums in persona_sums.items()},
        persona_target_curves={p: _curve(emotion_band, sums) for p, sums in persona_target_sums.items()},
        metrics_header=Rect(theme.MARGIN, metrics_top, theme.LANE_HEADER_WIDTH, metrics_height)
        if metrics_rows else None,
        metrics_band={s: Rect(column_left[s], metrics_top, column_width[s], metrics_height)
                      for s in stage_ids} if metrics_rows else {},
        channels=channels,
        changed_routes=changed_routes,
        _columns=columns,
    )


def _in_reading_order(journey: JourneyMap, ids: list[str]) -> list[ConnectionKey]:
    """The connections sorted by their source's and then their target's place in reading order (`ids`),
    so that the drawing order of overlapping routes is stable too. Taken source by source, they come
    sorted but for the targets of a card with several; the keys are plain integers, sorted in C
    (sorting the edges beside them compares tuples: twice as slow)."""
    count = len(ids)
    rank = dict(zip(ids, range(count)))
    targets = dict(journey.graph.adjacency())
    edges = [(source, target) for source in ids for target in targets[source]]
    keys = [rank[source] * count + rank[target] for source, target in edges]
    if all(map(lt, keys, keys[1:])):
        return edges
    edge_of = dict(zip(keys, edges))
    return list(map(edge_of.__getitem__, sorted(keys)))


def metrics_band_height(rows: int) -> float:
    """The metrics lane's height for stages of at most `rows` metrics; 0 when no stage has any."""
    return 2 * theme.METRICS_BAND_PADDING + rows * theme.METRIC_ROW_HEIGHT if rows else 0


def route(source: Rect, target: Rect, channels: Channels = NO_CHANNELS, tracks: bool = True) -> Route:
    """The path from one card to another through the free `channels` of the layout (see
    `model.routing`); without them (a card being dragged), through the gutters beside the two.
    Without `tracks`, the routes through one channel share one line (for drawing bundles)."""
    return Route(waypoints(source, target, channels, tracks))


def smooth_curve(points: tuple[Point, ...]) -> list[tuple[Point, Point, Point]]:
    """Cubic Bézier segments (control1, control2, end) through `points`, starting at points[0].

    A Catmull-Rom spline, so the emotion curve passes through every measured point; the
    canvas and the PDF draw the same curve from it.
    """
    segments = []
    for i in range(len(points) - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        control1 = Point(p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6)
        control2 = Point(p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6)
        segments.append((control1, control2, p2))
    return segments
