"""What ties the map's pages together: "→ p. 5" where a connection leaves a detail tile, and
on the overview a frame around each tile's part of the map with the page it is on.

Page numbers are not known while a tile is drawn (the title block and the overview may take
any number of pages), so each one is a small PDF form, named by tile, filled in with the
number once the document is laid out (`fill_page_numbers`). Each label is also a link to its page.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from model import theme
from model.layout import MapGeometry, Point, Route

from . import marks, text
from .fonts import centred_baseline, string_width
from .pages import INDEX_GUTTER, MapPlan, MapTile

LABEL_SIZE = theme.CONNECTION_LABEL_SIZE
_NUMBER_ROOM = "000"  # the widest page number a label leaves room for
_MERGE_DISTANCE = 24  # labels to one page closer than this along the edge become one


def page_form(index: int) -> str:
    return f"TilePage{index}"


def tile_destination(index: int) -> str:
    return f"tile-{index}"


def fill_page_numbers(canvas: Canvas, pages: dict[int, int]) -> None:
    """Define each tile's page-number form (text only, so it takes the colour it is drawn in)."""
    for index, page in pages.items():
        canvas.beginForm(page_form(index), lowerx=-2, lowery=-4, upperx=60, uppery=LABEL_SIZE + 2)
        text.draw_line(canvas, 0, 0, str(page), LABEL_SIZE)
        canvas.endForm()


def crossings(geometry: MapGeometry, plan: MapPlan, tile: MapTile) -> list[tuple[Point, str, int]]:
    """Where "→ p. N" labels go on `tile`: (the label's top-left, "→" for connections leaving or
    "←" for those arriving, the other end's tile), one per page and stretch of edge."""
    view = (tile.columns[0], tile.rows[0], tile.columns[1], tile.rows[1])
    width, height = label_size()
    found: dict[tuple[str, int], list[Point]] = {}
    for (source, target), route in geometry.routes.items():
        leaving, arriving = tile.holds(geometry.cards[source]), tile.holds(geometry.cards[target])
        if leaving == arriving:
            continue
        other = plan.tile_of(geometry.cards[target if leaving else source])
        if other is None:
            continue
        edge = _edge_point(route, view, from_start=leaving)
        point = Point(min(max(edge.x - width / 2, view[0] + 2), view[2] - width - 2),
                      min(max(edge.y - height / 2, view[1] + 2), view[3] - height - 2))
        kept = found.setdefault(("→" if leaving else "←", other), [])
        if all(abs(point.x - p.x) + abs(point.y - p.y) > _MERGE_DISTANCE for p in kept):
            kept.append(point)
    return [(point, arrow, other) for (arrow, other), points in found.items() for point in points]


def _edge_point(route: Route, view: tuple[float, float, float, float], from_start: bool) -> Point:
    """The last point of `route` still inside `view`, walking from the end inside it."""
    left, top, right, bottom = view
    steps = 48
    last = route.start if from_start else route.end
    for k in range(1, steps + 1):
        t = k / steps if from_start else 1 - k / steps
        point = route.point_at(t)
        if not (left <= point.x <= right and top <= point.y <= bottom):
            break
        last = point
    return last


def label_size() -> tuple[float, float]:
    return string_width(f"→ p. {_NUMBER_ROOM}", LABEL_SIZE) + 8, LABEL_SIZE + 6


def draw_crossing(canvas: Canvas, corner: Point, arrow: str, other: int) -> None:
    """A "→ p. N" label on a white halo with its top-left at `corner`, linked to page N (layout units, y negated)."""
    x, y = corner.x, corner.y
    width, height = label_size()
    canvas.setFillColor(marks.WHITE)
    canvas.setStrokeColor(marks.colour(theme.CARD_BORDER))
    canvas.setLineWidth(0.6)
    canvas.roundRect(x, -(y + height), width, height, 3, stroke=1, fill=1)
    canvas.setFillColor(marks.colour(theme.TEXT))
    baseline = centred_baseline(-(y + height / 2), LABEL_SIZE)
    prefix = f"{arrow} p. "
    text.draw_line(canvas, x + 4, baseline, prefix, LABEL_SIZE)
    canvas.saveState()
    canvas.translate(x + 4 + string_width(prefix, LABEL_SIZE), baseline)
    canvas.doForm(page_form(other))
    canvas.restoreState()
    canvas.linkRect("", tile_destination(other), (x, -(y + height), x + width, -y), relative=1)


def draw_frames(canvas: Canvas, plan: MapPlan, scale: float) -> None:
    """On the overview, in layout units: each detail tile's part of the map in a dashed frame."""
    canvas.setStrokeColor(marks.colour(theme.SELECTION))
    canvas.setLineWidth(1.5 / scale)
    canvas.setDash([6 / scale, 4 / scale], 0)
    for tile in plan.tiles:
        left, top = tile.columns[0], tile.rows[0]
        width, height = tile.columns[1] - left, tile.rows[1] - top
        canvas.rect(left + 3, -(top + height) + 3, width - 6, height - 6, stroke=1, fill=0)
    canvas.setDash([], 0)


INDEX_SIZE = 7  # points, whatever the overview's scale


def draw_index(canvas: Canvas, plan: MapPlan, x: float, top: float) -> None:
    """On the overview, in points: the page of each detail tile on a tab beside its frame, above
    its part of the overview for the first row of tiles, left of it for a tile at the part's left
    edge, and inside the frame for the others. `x, top` is the overview's top-left corner
    (headers included) on the page."""
    scale = plan.overview.scale
    width, height = INDEX_GUTTER[0] - 2, INDEX_GUTTER[1] - 2
    part_tops, part_top = [], top
    for part in plan.overview_parts:
        part_tops.append(part_top)
        part_top -= part.height + plan.stack_gap
    for index, tile in enumerate(plan.tiles):
        which = next(i for i, part in enumerate(plan.overview_parts) if tile.columns[0] < part.columns[1])
        part, part_top = plan.overview_parts[which], part_tops[which]
        left = x + (theme.LANE_HEADER_WIDTH + tile.columns[0] - part.columns[0]) * scale
        upper = part_top - (theme.STAGE_HEADER_HEIGHT + tile.rows[0] - part.rows[0]) * scale
        if tile.part[1] == 1:
            tab = (left + 2, part_top + 1)
        elif tile.columns[0] == part.columns[0]:
            tab = (x - INDEX_GUTTER[0], upper - height - 2)
        else:
            tab = (left + 4, upper - height - 4)
        canvas.setFillColor(marks.colour(theme.SELECTION))
        canvas.roundRect(tab[0], tab[1], width, height, 2, stroke=0, fill=1)
        canvas.saveState()
        baseline = centred_baseline(tab[1] + height / 2, INDEX_SIZE)
        canvas.setFillColor(marks.WHITE)
        text.draw_line(canvas, tab[0] + 3, baseline, "p. ", INDEX_SIZE)
        canvas.translate(tab[0] + 3 + string_width("p. ", INDEX_SIZE), baseline)
        canvas.scale(INDEX_SIZE / LABEL_SIZE, INDEX_SIZE / LABEL_SIZE)
        canvas.doForm(page_form(index))
        canvas.restoreState()
        shown_width = (min(tile.columns[1], part.columns[1]) - tile.columns[0]) * scale
        tile_height = (tile.rows[1] - tile.rows[0]) * scale
        canvas.linkRect("", tile_destination(index), (left, upper - tile_height, left + shown_width, upper), relative=1)
        canvas.linkRect("", tile_destination(index), (tab[0], tab[1], tab[0] + width, tab[1] + height), relative=1)
