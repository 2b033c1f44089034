"""Where a point falls on a map's geometry: the cell, stage or lane under it, the slot a dragged
header goes to, the place in a cell a dropped card takes. It reads the grid `model.layout` made,
so a drop lands where the card will be drawn."""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from . import theme
from .journey_map import JourneyMap
from .layout import STEP_X, STEP_Y, Cell, MapGeometry, Point


def _slot(edges: list[float], position: float) -> int:
    """Index of the band (column or row) whose leading edge is the last one at or before `position`."""
    return bisect_right(edges, position) - 1


def _band_at(ids: tuple[str, ...], bands: dict, edges: list[float], position: float, point: Point) -> Optional[str]:
    """The id of the band (a stage's column or a lane's row) that holds `point`, or None;
    `edges` are the bands' leading edges and `position` the point's along them."""
    i = _slot(edges, position)
    if i < 0:
        return None
    band = ids[i]
    return band if bands[band].contains(point) else None


def stage_at(geometry: MapGeometry, point: Point) -> Optional[str]:
    """The stage whose column (header to scores band) holds `point`, or None."""
    columns = geometry.stage_columns
    return _band_at(geometry.stage_ids, columns, [columns[s].x for s in geometry.stage_ids], point.x, point)


def lane_at(geometry: MapGeometry, point: Point) -> Optional[str]:
    """The lane whose row (header to last column) holds `point`, or None."""
    rows = geometry.lane_rows
    return _band_at(geometry.lane_ids, rows, [rows[l].y for l in geometry.lane_ids], point.y, point)


def cell_at(geometry: MapGeometry, point: Point) -> Optional[Cell]:
    """The (stage id, lane id) of the cell under `point`; None over headers, bands and margins."""
    stage_id, lane_id = stage_at(geometry, point), lane_at(geometry, point)
    if stage_id is None or lane_id is None or not geometry.cells[stage_id, lane_id].contains(point):
        return None
    return stage_id, lane_id


def stage_slot(geometry: MapGeometry, x: float) -> int:
    """The index a stage header dropped at `x` moves to (for `JourneyMap.move_stage`).

    It is the index of the column under `x`; left of the first column is 0 and right of the
    last is the last index, so a drag past the edge of the map still lands somewhere.
    """
    lefts = [geometry.stage_columns[s].x for s in geometry.stage_ids]
    return max(0, min(_slot(lefts, x), len(lefts) - 1))


def lane_slot(geometry: MapGeometry, y: float) -> int:
    """The index a lane header dropped at `y` moves to (for `JourneyMap.move_lane`)."""
    tops = [geometry.lane_rows[l].y for l in geometry.lane_ids]
    return max(0, min(_slot(tops, y), len(tops) - 1))


def insertion_index(geometry: MapGeometry, journey: JourneyMap, stage_id: str, lane_id: str,
                    point: Point, moving: Optional[str] = None) -> int:
    """Where in cell (stage_id, lane_id) a card dropped at `point` goes, as an index for
    `JourneyMap.move_touchpoint` or `add_touchpoint`.

    A drop on a card's upper half goes before it, on its lower half after it; the sub-column
    is the one under `point`, and anywhere past the last card means the end of the cell.
    `moving` is the dragged card: if it is in this cell, the index counts the cell without
    it, as `move_touchpoint` takes it out before putting it back.
    """
    stack = theme.MAX_STACK
    cell_cards = journey.cell(stage_id, lane_id)
    cell = geometry.cells[stage_id, lane_id]
    # Sub-columns meet in the middle of the gap between them; in a sub-column, a card's middle
    # separates dropping before it from dropping after it.
    sub_column = max(0, int((point.x - cell.x - theme.CELL_PADDING + theme.CARD_GAP_X / 2) // STEP_X))
    first_middle = cell.y + theme.CELL_PADDING + theme.CARD_HEIGHT / 2
    middles_above = max(0, min(stack, int((point.y - first_middle) // STEP_Y) + 1))
    index = min(sub_column * stack + middles_above, len(cell_cards))
    if moving is not None and moving in cell_cards and cell_cards.index(moving) < index:
        index -= 1
    return index
