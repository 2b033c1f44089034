"""Layout: where cards, columns, rows, routes and the emotion curve go, and hit testing on them."""

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import theme
from model.journey_map import JourneyMap
from model.hit_testing import cell_at, insertion_index, lane_at, lane_slot, stage_at, stage_slot
from model.layout import Point, Rect, layout


def grid_map(stages: int = 3, lanes: int = 2, cards: dict[tuple[int, int], int] | None = None) -> JourneyMap:
    """Stages s0.., lanes l0..; `cards` puts n cards into cell (stage index, lane index),
    with ids like `s1-l0-2` (stage, lane, place in cell)."""
    m = JourneyMap()
    for i in range(stages):
        m.add_stage(f"Stage {i}", id=f"s{i}")
    for j in range(lanes):
        m.add_lane(f"Lane {j}", id=f"l{j}")
    for (i, j), n in (cards or {}).items():
        for k in range(n):
            m.add_touchpoint(f"s{i}", f"l{j}", f"Card {k}", id=f"s{i}-l{j}-{k}")
    return m


def assert_no_overlap(rects):
    for a, b in combinations(rects, 2):
        assert not a.intersects(b), (a, b)


def assert_everything_in_place(m: JourneyMap):
    g = layout(m)
    assert_no_overlap(list(g.cards.values()))
    assert_no_overlap(list(g.cells.values()))
    for stage in m.stages:
        for lane in m.lanes:
            cell = g.cells[stage.id, lane.id]
            assert g.stage_columns[stage.id].contains_rect(cell)
            assert g.lane_rows[lane.id].contains_rect(cell)
            for tp_id in m.cell(stage.id, lane.id):
                assert cell.contains_rect(g.cards[tp_id]), tp_id
    assert set(g.cards) == set(m.graph)
    assert 0 <= g.emotion_band.y and g.emotion_band.bottom <= g.height
    for s in g.stage_ids:
        assert g.stage_columns[s].right <= g.width and g.scores_band[s].bottom <= g.height


# ----------------------------------------------------------------- cards and cells
def test_ten_cards_in_one_cell_never_overlap_and_stay_in_their_cell():
    m = grid_map(cards={(1, 0): 10, (0, 1): 1})
    g = layout(m)
    in_cell = [g.cards[f"s1-l0-{k}"] for k in range(10)]
    assert len({(r.x, r.y) for r in in_cell}) == 10
    assert all(r.width == theme.CARD_WIDTH and r.height == theme.CARD_HEIGHT for r in in_cell)
    assert_everything_in_place(m)


def test_cards_fill_a_cell_column_by_column_in_cell_order():
    g = layout(grid_map(cards={(0, 0): 5}))
    first, second, third, fourth, fifth = (g.cards[f"s0-l0-{k}"] for k in range(5))
    assert first.x == second.x == third.x < fourth.x == fifth.x
    assert first.y < second.y < third.y
    assert fourth.y == first.y and fifth.y == second.y


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4).flatmap(lambda stages: st.integers(1, 3).flatmap(
    lambda lanes: st.tuples(st.just(stages), st.just(lanes),
                            st.lists(st.integers(0, 8), min_size=stages * lanes, max_size=stages * lanes)))))
def test_any_number_of_cards_per_cell_never_overlap(shape):
    stages, lanes, counts = shape
    cards = {(i, j): counts[i * lanes + j] for i in range(stages) for j in range(lanes)}
    assert_everything_in_place(grid_map(stages, lanes, cards))


def test_a_column_widens_when_one_of_its_cells_gets_a_fourth_card():
    three = layout(grid_map(cards={(1, 0): 3}))
    four = layout(grid_map(cards={(1, 0): 4}))
    empty = layout(grid_map())
    assert three.stage_columns["s1"].width == empty.stage_columns["s1"].width
    assert four.stage_columns["s1"].width > three.stage_columns["s1"].width
    # The other lane's cell in that stage widens with it; other stages do not.
    assert four.cells["s1", "l1"].width == four.stage_columns["s1"].width
    assert four.stage_columns["s0"].width == three.stage_columns["s0"].width
    assert four.stage_columns["s2"].x > three.stage_columns["s2"].x


def test_a_lane_is_as_tall_as_its_tallest_stack_and_an_empty_lane_still_holds_a_card():
    g = layout(grid_map(cards={(0, 0): 1, (2, 0): 3, (1, 0): 7}))
    tallest = max(g.cards[f"s1-l0-{k}"].bottom for k in range(7))
    assert g.lane_rows["l0"].bottom == tallest + theme.CELL_PADDING
    assert g.lane_rows["l1"].height >= theme.CARD_HEIGHT + 2 * theme.CELL_PADDING
    assert g.lane_rows["l1"].height < g.lane_rows["l0"].height
    assert g.stage_columns["s0"].width >= theme.CARD_WIDTH + 2 * theme.CELL_PADDING


def test_columns_follow_stage_order_and_rows_follow_lane_order():
    m = grid_map(stages=4, lanes=3, cards={(0, 0): 1, (3, 2): 2})
    m.move_stage("s3", 0)
    m.move_lane("l0", 2)
    g = layout(m)
    lefts = [g.stage_columns[s.id].x for s in m.stages]
    tops = [g.lane_rows[lane.id].y for lane in m.lanes]
    assert [s.id for s in m.stages] == ["s3", "s0", "s1", "s2"]
    assert lefts == sorted(lefts) and len(set(lefts)) == 4
    assert tops == sorted(tops) and len(set(tops)) == 3
    assert g.cards["s3-l2-0"].x < g.cards["s0-l0-0"].x
    assert g.cards["s3-l2-0"].y < g.cards["s0-l0-0"].y
    for stage in m.stages:
        assert g.stage_headers[stage.id].bottom <= min(g.lane_rows[lane.id].y for lane in m.lanes)
    for lane in m.lanes:
        assert g.lane_headers[lane.id].right <= min(g.stage_columns[s.id].x for s in m.stages)


def test_the_same_map_always_gives_equal_geometry():
    def build():
        m = grid_map(cards={(0, 0): 4, (1, 1): 2, (2, 0): 1})
        m.update_touchpoint("s0-l0-0", emotion=2)
        m.add_connection("s0-l0-0", "s1-l1-0")
        m.add_connection("s2-l0-0", "s0-l0-3")
        return m

    m = build()
    assert layout(m) == layout(m) == layout(build())
    m.move_touchpoint("s0-l0-3", "s2", "l1")
    assert layout(m) != layout(build())


def test_bands_lie_under_the_lanes_and_scores_line_up_with_stage_columns():
    g = layout(grid_map(cards={(0, 0): 4}))
    rows_bottom = max(r.bottom for r in g.lane_rows.values())
    assert g.emotion_band.y == rows_bottom
    assert g.emotion_band.x == g.stage_columns["s0"].x
    assert g.emotion_band.right == g.stage_columns["s2"].right
    for s in g.stage_ids:
        band = g.scores_band[s]
        assert band.y >= g.emotion_band.bottom
        assert (band.x, band.width) == (g.stage_columns[s].x, g.stage_columns[s].width)


# ----------------------------------------------------------------- routes
def on_edge(point: Point, rect: Rect) -> bool:
    inside = rect.x <= point.x <= rect.right and rect.y <= point.y <= rect.bottom
    return inside and (point.x in (rect.x, rect.right) or point.y in (rect.y, rect.bottom))


def test_a_forward_route_leaves_the_right_side_and_enters_the_left_side():
    m = grid_map(cards={(0, 0): 1, (2, 1): 1})
    m.add_connection("s0-l0-0", "s2-l1-0")
    g = layout(m)
    route, source, target = g.routes["s0-l0-0", "s2-l1-0"], g.cards["s0-l0-0"], g.cards["s2-l1-0"]
    assert route.start == Point(source.right, source.center.y)
    assert route.end == Point(target.x, target.center.y)
    assert route.points[3] == route.start.y and route.points[-3] == route.end.y  # out and in level
    assert route.arrow == Point(1.0, 0.0)
    assert route.start.x < route.label.x < route.end.x
    back, half = target.x - theme.ARROW_LENGTH, theme.ARROW_WIDTH / 2  # the head points into the card
    assert route.head() == (target.x, target.center.y, back, target.center.y + half, back, target.center.y - half)


def test_a_loop_back_leaves_and_enters_at_the_top():
    m = grid_map(cards={(0, 1): 1, (2, 0): 1})
    m.add_connection("s2-l0-0", "s0-l1-0")
    g = layout(m)
    route, source, target = g.routes["s2-l0-0", "s0-l1-0"], g.cards["s2-l0-0"], g.cards["s0-l1-0"]
    assert route.start == Point(source.center.x, source.y)
    assert route.end == Point(target.center.x, target.y)
    assert route.points[3] < source.y and route.points[-3] < target.y  # up out of one, down into the other
    assert route.arrow == Point(0.0, 1.0)
    assert route.label.y >= 0  # the loop stays on the map


def test_a_long_loop_back_from_the_top_lane_stays_on_the_map():
    m = grid_map(stages=12, lanes=1, cards={(0, 0): 1, (11, 0): 1})
    m.add_connection("s11-l0-0", "s0-l0-0")
    g = layout(m)
    route = g.routes["s11-l0-0", "s0-l0-0"]
    assert min(route.point_at(t / 20).y for t in range(21)) >= 0


@pytest.mark.parametrize("source, target, arrow_y", [("s0-l0-2", "s0-l1-0", 1.0), ("s0-l0-1", "s0-l0-0", -1.0)])
def test_a_route_to_the_next_card_of_its_sub_column_runs_straight_up_or_down(source, target, arrow_y):
    m = grid_map(cards={(0, 0): 3, (0, 1): 1})
    m.add_connection(source, target)
    g = layout(m)
    route, a, b = g.routes[source, target], g.cards[source], g.cards[target]
    assert route.start.x == route.end.x == a.center.x
    if arrow_y > 0:
        assert (route.start.y, route.end.y) == (a.bottom, b.y)
    else:
        assert (route.start.y, route.end.y) == (a.y, b.bottom)
    assert route.arrow == Point(0.0, arrow_y)


@pytest.mark.parametrize("source, target", [("s0-l0-0", "s0-l1-0"), ("s0-l0-2", "s0-l0-0"), ("s0-l1-0", "s0-l0-0")])
def test_a_route_past_cards_of_its_sub_column_runs_beside_them(source, target):
    m = grid_map(stages=2, cards={(0, 0): 3, (0, 1): 1, (1, 0): 1})
    m.add_connection(source, target)
    g = layout(m)
    route, a, b = g.routes[source, target], g.cards[source], g.cards[target]
    assert (route.start, route.end) == (Point(a.right, a.center.y), Point(b.right, b.center.y))
    points = [route.point_at(t / 40) for t in range(1, 40)]
    assert all(p.x > a.right for p in points)  # behind no card of the column
    neighbour = g.cards["s1-l0-0"]
    assert all(p.x < neighbour.x - theme.CONNECTION_WIDTH for p in points)  # nor of the next one


def test_every_route_touches_its_source_and_target_cards():
    m = grid_map(stages=3, lanes=2, cards={(0, 0): 5, (1, 1): 4, (2, 0): 2})
    ids = list(m.touchpoint_ids())
    for i, source in enumerate(ids):
        for target in ids[i + 1::3] + ids[:i:4]:
            m.add_connection(source, target)
    g = layout(m)
    assert set(g.routes) == set(m.graph.edges)
    for (source, target), route in g.routes.items():
        assert on_edge(route.start, g.cards[source]), (source, target)
        assert on_edge(route.end, g.cards[target]), (source, target)
        assert route.point_at(0) == route.start and route.point_at(1) == route.end


# ----------------------------------------------------------------- emotion curve
def test_the_emotion_curve_runs_left_to_right_with_plus_two_on_top():
    m = grid_map(cards={(0, 0): 1, (1, 0): 1, (2, 1): 1})
    m.update_touchpoint("s2-l1-0", emotion=2)
    m.update_touchpoint("s0-l0-0", emotion=-2)
    m.update_touchpoint("s1-l0-0", emotion=0)
    g = layout(m)
    low, zero, high = g.emotion_curve
    assert [p.x for p in g.emotion_curve] == [g.cards[tp].center.x for tp in ("s0-l0-0", "s1-l0-0", "s2-l1-0")]
    assert high.y < zero.y < low.y
    assert zero.y == g.emotion_zero_y
    band = g.emotion_band
    assert all(band.y < p.y < band.bottom for p in g.emotion_curve)
    assert g.emotion_y(1) == pytest.approx((high.y + zero.y) / 2)


def test_cards_sharing_a_sub_column_average_and_cards_without_emotion_are_left_out():
    m = grid_map(cards={(0, 0): 1, (0, 1): 1, (1, 0): 4, (1, 1): 1, (2, 0): 1})
    m.update_touchpoint("s0-l0-0", emotion=2)
    m.update_touchpoint("s0-l1-0", emotion=-1)
    m.update_touchpoint("s1-l0-3", emotion=-2)  # second sub-column of s1, met before s1-l1-0 ...
    m.update_touchpoint("s1-l1-0", emotion=1)  # ... which is in s1's first sub-column, to its left
    g = layout(m)
    assert g.emotion_curve == (
        Point(g.cards["s0-l0-0"].center.x, g.emotion_y(0.5)),
        Point(g.cards["s1-l1-0"].center.x, g.emotion_y(1)),
        Point(g.cards["s1-l0-3"].center.x, g.emotion_y(-2)),
    )


def test_a_map_without_emotions_has_no_curve_but_a_zero_line():
    g = layout(grid_map(cards={(0, 0): 2}))
    assert g.emotion_curve == ()
    assert g.emotion_band.y < g.emotion_zero_y < g.emotion_band.bottom


# ----------------------------------------------------------------- hit testing
def test_cell_at_finds_the_cell_under_a_point_and_nothing_over_headers_or_bands():
    g = layout(grid_map(cards={(1, 0): 4}))
    for cell, rect in g.cells.items():
        assert cell_at(g, rect.center) == cell
        assert cell_at(g, Point(rect.x, rect.y)) == cell
    assert cell_at(g, g.stage_headers["s1"].center) is None
    assert cell_at(g, g.lane_headers["l1"].center) is None
    assert cell_at(g, g.emotion_band.center) is None
    assert cell_at(g, Point(g.width - 1, g.height - 1)) is None
    assert cell_at(g, Point(-5, 200)) is None
    # On the border between two columns the point belongs to the right-hand one.
    border = Point(g.stage_columns["s1"].x, g.cells["s1", "l0"].center.y)
    assert cell_at(g, border) == ("s1", "l0")
    assert stage_at(g, g.stage_headers["s2"].center) == "s2"
    assert lane_at(g, g.lane_headers["l1"].center) == "l1"


def test_stage_and_lane_slots_for_header_drags_are_clamped_to_the_map():
    g = layout(grid_map(stages=3, lanes=2, cards={(1, 0): 4}))
    assert [stage_slot(g, g.stage_columns[s].center.x) for s in g.stage_ids] == [0, 1, 2]
    assert stage_slot(g, 0) == 0 and stage_slot(g, g.width + 500) == 2
    assert [lane_slot(g, g.lane_rows[lane].center.y) for lane in g.lane_ids] == [0, 1]
    assert lane_slot(g, -10) == 0 and lane_slot(g, g.height) == 1


def upper(rect: Rect) -> Point:
    return Point(rect.center.x, rect.y + rect.height / 4)


def lower(rect: Rect) -> Point:
    return Point(rect.center.x, rect.bottom - rect.height / 4)


def test_insertion_index_puts_a_drop_before_or_after_the_card_under_it():
    m = grid_map(cards={(0, 0): 5, (0, 1): 7})
    g = layout(m)
    card = [g.cards[f"s0-l0-{k}"] for k in range(5)]

    def index(point, moving=None):
        return insertion_index(g, m, "s0", "l0", point, moving)

    assert index(upper(card[0])) == 0
    assert index(lower(card[0])) == 1
    assert index(lower(card[1])) == 2
    assert index(lower(card[2])) == 3
    assert index(upper(card[3])) == 3
    # Sub-columns meet in the middle of the gap between them.
    assert index(Point(card[0].right + theme.CARD_GAP_X * 0.25, upper(card[0]).y)) == 0
    assert index(Point(card[0].right + theme.CARD_GAP_X * 0.75, upper(card[0]).y)) == 3
    assert index(lower(card[4])) == 5
    # Under the last card of the second sub-column, and in the empty third one (l1 widened s0).
    assert index(Point(card[4].center.x, card[4].bottom + theme.CARD_HEIGHT)) == 5
    assert index(Point(card[4].right + theme.CARD_WIDTH, card[0].center.y)) == 5
    # The cell's top-left corner and padding count as before the first card.
    assert index(Point(g.cells["s0", "l0"].x + 1, g.cells["s0", "l0"].y + 1)) == 0


def test_insertion_index_of_a_card_moved_within_its_cell_matches_move_touchpoint():
    m = grid_map(cards={(0, 0): 4})
    g = layout(m)
    dropped_at = lower(g.cards["s0-l0-2"])
    index = insertion_index(g, m, "s0", "l0", dropped_at, moving="s0-l0-0")
    m.move_touchpoint("s0-l0-0", "s0", "l0", index)
    assert m.cell("s0", "l0") == ("s0-l0-1", "s0-l0-2", "s0-l0-0", "s0-l0-3")
    # Dropping a card on its own place leaves the cell as it was.
    g = layout(m)
    own = g.cards["s0-l0-0"]
    assert insertion_index(g, m, "s0", "l0", upper(own), moving="s0-l0-0") == 2
    assert insertion_index(g, m, "s0", "l0", lower(own), moving="s0-l0-0") == 2


def test_insertion_index_in_an_empty_cell_is_zero():
    m = grid_map(cards={(0, 0): 4})
    g = layout(m)
    assert insertion_index(g, m, "s1", "l1", g.cells["s1", "l1"].center) == 0
    assert insertion_index(g, m, "s0", "l1", Point(g.cells["s0", "l1"].right - 1, g.cells["s0", "l1"].bottom - 1)) == 0


def test_an_empty_map_lays_out_to_its_margins():
    g = layout(JourneyMap())
    assert g.cards == {} and g.routes == {} and g.cells == {}
    assert g.width == 2 * theme.MARGIN + theme.LANE_HEADER_WIDTH
    assert cell_at(g, Point(50, 50)) is None
