"""Page sizes, the frame every page shares, and how the map is laid onto pages.

The map always opens with an overview: the whole map on one page, scaled to fill it (up to
`MAX_FILL`). When the overview is legible (scale >= `MIN_SCALE`) it is the map; otherwise
detail tiles follow: groups of stage columns (and of lane rows if needed), each tile repeating
the stage and lane headers so that every page reads on its own. The emotion and scores bands go
with the last lane row; a tile above them gets a slim emotion strip. The tiles are cut at the
largest of `TILE_SCALES` that needs the fewest pages, the groups are balanced so the last page is
not a sliver, and then each tile is enlarged to fill its page. A stage too wide for one
page is cut between its card sub-columns, never through a card; a lane row is never cut. Page
size "fit" makes one custom page as large as the map at 100% (shrunk only past the 200-inch page
limit of PDF viewers); the other pages are then A4.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.page_sizes import FIT, ORIENTATIONS, PAGE_CHOICES, PAGE_SIZES
from model import theme
from model.layout import MapGeometry, Rect


MARGIN = 36  # half an inch on every side of every page
HEADER_SPACE = 22  # the running header between the top margin and the content
FOOTER_SPACE = 20  # the page number between the content and the bottom margin
MIN_SCALE = 0.5  # below this a card's title prints under 6.5 pt and its channel line under 5 pt: tile instead
TILE_SCALES = (0.8, 0.75, 0.7, 0.65, 0.6, 0.55, MIN_SCALE)
MAX_FILL = 2.0  # a small map is enlarged to fill its page, but not past twice its size
POSTER_MAX_FILL = 4.0  # on a wall, read from across the room, larger still
POSTER_TITLE = 30  # points above a poster's map for its title line
INDEX_GUTTER = (30.0, 14.0)  # points left of and above an overview for the tabs naming detail pages
MAX_STACKED = 4  # a wide map's overview is stacked in at most this many groups of stages
STACK_GAP = 10  # points between them
EMOTION_STRIP = 40  # the slim emotion band under a detail tile that does not show the full bands
MAX_PAGE_SIDE = 14_400  # 200 inches, the largest page PDF viewers open
TURN_GAIN = 1.15  # the map's pages turn only for an overview at least this much larger

_STEP_X = theme.CARD_WIDTH + theme.CARD_GAP_X


@dataclass(frozen=True)
class Frame:
    """Where content goes on a page, in points from the bottom-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height


def page_size(page: str, orientation: str) -> tuple[float, float]:
    """(width, height) in points of a named page in an orientation; ValueError names the choices."""
    if page not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page!r}; use one of: {', '.join(PAGE_CHOICES)}")
    if orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation {orientation!r}; use landscape or portrait")
    short, long = sorted(PAGE_SIZES[page])
    return (long, short) if orientation == "landscape" else (short, long)


def frame(size: tuple[float, float]) -> Frame:
    """The content frame of a page of `size`: inside the margins, between header and footer."""
    width, height = size
    return Frame(MARGIN, MARGIN + FOOTER_SPACE, width - 2 * MARGIN,
                 height - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE)


@dataclass(frozen=True)
class MapTile:
    """One page of the map: a slice of the grid (layout units) beside the repeated headers.

    `columns` is the x range of stage columns shown and `rows` the y range of lane rows shown
    (including the emotion and scores bands when `bands`; a tile without them gets a slim
    emotion strip under its rows instead); `part` is (column group, row group), each counted
    from 1, out of `parts`.
    """

    columns: tuple[float, float]
    rows: tuple[float, float]
    scale: float
    bands: bool
    part: tuple[int, int]
    parts: tuple[int, int]

    @property
    def strip(self) -> float:
        """The height of the slim emotion strip under the rows (0 when the full bands are shown)."""
        return 0.0 if self.bands else EMOTION_STRIP

    @property
    def width(self) -> float:
        """Width on the page, headers included, in points."""
        return (theme.LANE_HEADER_WIDTH + self.columns[1] - self.columns[0]) * self.scale

    @property
    def height(self) -> float:
        return (theme.STAGE_HEADER_HEIGHT + self.rows[1] - self.rows[0] + self.strip) * self.scale

    def holds(self, card: Rect) -> bool:
        """Whether `card` is on this tile (tiles never cut a card)."""
        return self.columns[0] <= card.x < self.columns[1] and self.rows[0] <= card.y < self.rows[1]


@dataclass(frozen=True)
class MapPlan:
    """The map's pages: their size, the overview (the whole map on one page) and the detail
    tiles; no tiles when the overview is legible on its own.

    A map much wider than its page is overviewed `stacked`: groups of stage columns one under
    another, each with the lane headers and the emotion and scores bands, so that it is larger
    than in one long strip. `overview.scale` is the scale they are drawn at."""

    page_size: tuple[float, float]
    overview: MapTile
    tiles: tuple[MapTile, ...]
    stacked: tuple[MapTile, ...] = ()

    @property
    def overview_parts(self) -> tuple[MapTile, ...]:
        return self.stacked or (self.overview,)

    @property
    def stack_gap(self) -> float:
        """Points between stacked parts: room for the index tabs when there are tiles."""
        return INDEX_GUTTER[1] + 6 if self.tiles else STACK_GAP

    @property
    def overview_size(self) -> tuple[float, float]:
        """(width, height) in points of the overview as drawn, its parts stacked."""
        parts = self.overview_parts
        return (max(part.width for part in parts),
                sum(part.height for part in parts) + self.stack_gap * (len(parts) - 1))

    def tile_of(self, card: Rect) -> int | None:
        """The index of the detail tile `card` is on, or None without tiles."""
        return next((i for i, tile in enumerate(self.tiles) if tile.holds(card)), None)


def _grid_box(geometry: MapGeometry) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the grid and bands, without headers and margins."""
    return (theme.MARGIN + theme.LANE_HEADER_WIDTH, theme.MARGIN + theme.STAGE_HEADER_HEIGHT,
            geometry.width - theme.MARGIN, geometry.height - theme.MARGIN)


def _filled(tile: MapTile, box: Frame, most: float = MAX_FILL) -> float:
    """The scale at which `tile` fills `box` in one direction (never above `most`)."""
    return min(most, box.width / (tile.width / tile.scale), box.height / (tile.height / tile.scale))


def plan_map(geometry: MapGeometry, page: str, orientation: str) -> MapPlan:
    """How the map goes onto pages for the export options (see the module docstring).

    The map's pages turn to the other orientation when that takes fewer pages or draws the
    overview clearly larger (a tall map on a landscape page would leave half of it blank);
    the pages of text keep the orientation asked for."""
    asked = _plan_map(geometry, page, orientation)
    if page == FIT:
        return asked
    turned = _plan_map(geometry, page, "portrait" if orientation == "landscape" else "landscape")
    if len(turned.tiles) < len(asked.tiles) or (
            len(turned.tiles) == len(asked.tiles) and turned.overview.scale > asked.overview.scale * TURN_GAIN):
        return turned
    return asked


def _plan_map(geometry: MapGeometry, page: str, orientation: str) -> MapPlan:
    left, top, right, bottom = _grid_box(geometry)
    whole = MapTile(columns=(left, right), rows=(top, bottom), scale=1.0, bands=True, part=(1, 1), parts=(1, 1))
    if page == "fit":
        page_size("A4", orientation)  # checks the orientation
        chrome_x, chrome_y = 2 * MARGIN, 2 * MARGIN + HEADER_SPACE + FOOTER_SPACE
        scale = min(1.0, (MAX_PAGE_SIDE - chrome_x) / whole.width, (MAX_PAGE_SIDE - chrome_y) / whole.height)
        size = (whole.width * scale + chrome_x, whole.height * scale + chrome_y)
        return MapPlan(size, replace(whole, scale=scale), ())
    size = page_size(page, orientation)
    box = frame(size)
    parts = _stacked(geometry, whole, box, STACK_GAP)
    if parts[0].scale >= MIN_SCALE:
        return MapPlan(size, replace(whole, scale=parts[0].scale), (), parts if len(parts) > 1 else ())
    tiles = tuple(replace(tile, scale=_filled(tile, box)) for tile in _tiles(geometry, box))
    # The overview then leaves room at its left and top for the index of detail pages.
    indexed = Frame(box.x, box.y, box.width - INDEX_GUTTER[0], box.height - INDEX_GUTTER[1])
    parts = _stacked(geometry, whole, indexed, INDEX_GUTTER[1] + 6)
    return MapPlan(size, replace(whole, scale=parts[0].scale), tiles, parts if len(parts) > 1 else ())


def _stacked(geometry: MapGeometry, whole: MapTile, box: Frame, gap: float) -> tuple[MapTile, ...]:
    """The whole map as 1 to `MAX_STACKED` groups of stage columns stacked `gap` apart, in as many
    as draw it largest in `box` (enlarged no further than `MAX_FILL`)."""
    atoms = [(geometry.stage_columns[s].x, geometry.stage_columns[s].right) for s in geometry.stage_ids]
    best = (replace(whole, scale=_filled(whole, box)),)
    height = whole.height / whole.scale
    for count in range(2, min(MAX_STACKED, len(atoms)) + 1):
        groups = _group(atoms, _shortest_room(atoms, count))
        width = theme.LANE_HEADER_WIDTH + max(end - start for start, end in groups)
        scale = min(MAX_FILL, box.width / width, (box.height - gap * (len(groups) - 1)) / (height * len(groups)))
        if scale > best[0].scale * 1.05:  # one part more only for a clearly larger map
            best = tuple(replace(whole, columns=columns, scale=scale, part=(i + 1, 1), parts=(len(groups), 1))
                         for i, columns in enumerate(groups))
    return best


def _shortest_room(atoms: list[tuple[float, float]], count: int) -> float:
    """The shortest span length that groups `atoms` into at most `count` spans."""
    low, high = max(end - start for start, end in atoms), atoms[-1][1] - atoms[0][0]
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (low, middle) if len(_fill(atoms, middle)) <= count else (middle, high)
    return high


def poster_plan(geometry: MapGeometry, page: str, orientation: str) -> MapPlan:
    """The whole map on one page of `page` for a wall poster, enlarged up to `POSTER_MAX_FILL`
    (or on a page as large as the map, "fit"), under a title line of `POSTER_TITLE` points."""
    if page == FIT:
        return _plan_map(geometry, page, orientation)
    left, top, right, bottom = _grid_box(geometry)
    whole = MapTile(columns=(left, right), rows=(top, bottom), scale=1.0, bands=True, part=(1, 1), parts=(1, 1))
    size = page_size(page, orientation)
    box = Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - POSTER_TITLE)
    return MapPlan(size, replace(whole, scale=_filled(whole, box, POSTER_MAX_FILL)), ())


def _tiles(geometry: MapGeometry, box: Frame) -> tuple[MapTile, ...]:
    """The fewest tiles at a legible scale, at the largest scale that needs no more of them."""
    candidates = [_tiles_at(geometry, box, scale) for scale in TILE_SCALES]
    return min(candidates, key=lambda tiles: (len(tiles), -tiles[0].scale))


def _tiles_at(geometry: MapGeometry, box: Frame, scale: float) -> tuple[MapTile, ...]:
    left, _, right, bottom = _grid_box(geometry)
    row_atoms = [(geometry.lane_rows[l].y, geometry.lane_rows[l].bottom) for l in geometry.lane_ids]
    # The bands go with the last lane row, so that they never fill a page of their own.
    last_top = row_atoms.pop()[0] if row_atoms else geometry.emotion_band.y
    row_atoms.append((last_top, bottom))
    tallest = max(end - start for start, end in row_atoms)
    narrowest_column = 2 * theme.CELL_PADDING + theme.CARD_WIDTH
    # Shrink further only if a single lane row or card sub-column would not fit the page.
    scale = min(scale, box.height / (theme.STAGE_HEADER_HEIGHT + tallest),
                box.width / (theme.LANE_HEADER_WIDTH + narrowest_column))
    room_x = box.width / scale - theme.LANE_HEADER_WIDTH
    room_y = box.height / scale - theme.STAGE_HEADER_HEIGHT - EMOTION_STRIP
    column_groups = _group(_column_atoms(geometry, room_x), room_x) or [(left, right)]  # no stages yet
    row_groups = _group(row_atoms, room_y)
    return tuple(
        MapTile(columns=columns, rows=rows, scale=scale, bands=r == len(row_groups) - 1,
                part=(c + 1, r + 1), parts=(len(column_groups), len(row_groups)))
        for c, columns in enumerate(column_groups)
        for r, rows in enumerate(row_groups)
    )


def _column_atoms(geometry: MapGeometry, room: float) -> list[tuple[float, float]]:
    """Stage columns as x ranges; a column wider than `room` is cut between card sub-columns."""
    atoms = []
    for stage_id in geometry.stage_ids:
        column = geometry.stage_columns[stage_id]
        if column.width <= room:
            atoms.append((column.x, column.right))
            continue
        sub_columns = round((column.width - 2 * theme.CELL_PADDING + theme.CARD_GAP_X) / _STEP_X)
        cuts = [column.x + theme.CELL_PADDING + k * _STEP_X - theme.CARD_GAP_X / 2 for k in range(1, sub_columns)]
        edges = [column.x, *cuts, column.right]
        atoms.extend(zip(edges, edges[1:]))
    return atoms


def _group(atoms: list[tuple[float, float]], room: float) -> list[tuple[float, float]]:
    """Consecutive ranges merged into as few spans no longer than `room` as possible, with the
    spans as even as they can be (an atom never splits; one wider than `room` stands alone)."""
    count = len(_fill(atoms, room))
    low, high = max([end - start for start, end in atoms] + [0.0]), room
    if low >= high:
        return _fill(atoms, room)
    for _ in range(30):  # bisect for the shortest span length that still needs only `count` spans
        middle = (low + high) / 2
        low, high = (low, middle) if len(_fill(atoms, middle)) <= count else (middle, high)
    return _fill(atoms, high)


def _fill(atoms: list[tuple[float, float]], room: float) -> list[tuple[float, float]]:
    """Consecutive ranges merged greedily into spans no longer than `room`."""
    groups: list[tuple[float, float]] = []
    for start, end in atoms:
        if groups and end - groups[-1][0] <= room:
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    return groups
