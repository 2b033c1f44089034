"""Laying out again after a change: equal to a fresh layout, and what did not move keeps its objects."""

from hypothesis import given, settings
from hypothesis import strategies as st

from model.layout import Route, layout
from tests.factories import journey_maps, large_map


@settings(max_examples=60, deadline=None)
@given(journey_maps(), st.data())
def test_a_layout_from_the_previous_one_equals_a_fresh_layout(journey, data):
    before = layout(journey)
    ids = list(journey.touchpoint_ids())
    if ids:
        moving = data.draw(st.sampled_from(ids))
        stage = data.draw(st.sampled_from([s.id for s in journey.stages]))
        lane = data.draw(st.sampled_from([lane.id for lane in journey.lanes]))
        room = len(journey.cell(stage, lane)) - (moving in journey.cell(stage, lane))
        journey.move_touchpoint(moving, stage, lane, data.draw(st.integers(0, room)))
    if len(ids) > 1 and data.draw(st.booleans()):
        journey.remove_touchpoint(ids[0])
    assert layout(journey, before) == layout(journey)


def test_a_drop_in_a_neighbouring_cell_remakes_only_those_two_cells_cards_and_their_routes():
    journey = large_map(touchpoints=2000, connections=3000)
    before = layout(journey)
    moving = journey.cell("s10", "l0")[0]
    journey.move_touchpoint(moving, "s11", "l0")
    after = layout(journey, before)
    moved = {tp for tp, rect in after.cards.items() if rect is not before.cards[tp]}
    assert moved <= set(journey.cell("s10", "l0")) | set(journey.cell("s11", "l0"))
    assert moving in moved
    remade = {key for key, route in after.routes.items() if route is not before.routes[key]}
    assert remade == {key for key in after.routes if moved & set(key)}
    assert len(remade) < 100


def test_drops_and_their_undos_on_a_large_map_lay_out_as_a_fresh_layout():
    """Routes past a changed cell far above or below it are not routed again: they stay right, and
    those near it are routed again."""
    journey = large_map(touchpoints=2000, connections=3000)
    geometry = layout(journey)
    for stage in range(4, 16):
        moving = journey.cell(f"s{stage}", "l1")[0]
        journey.move_touchpoint(moving, f"s{stage + 1}", "l0", 0)
        geometry = layout(journey, geometry)
        assert geometry == layout(journey)
        journey.move_touchpoint(moving, f"s{stage}", "l1", 0)
        geometry = layout(journey, geometry)
        assert geometry == layout(journey)


@settings(max_examples=60, deadline=None)
@given(journey_maps(personas=True), st.data())
def test_columns_kept_or_moved_from_earlier_layouts_equal_a_fresh_layout(journey, data):
    """Each layout reuses the columns of the one before: after an emotion changed, a card came in
    (widening its column and moving the ones right of it) and a stage moved, it still equals a fresh one."""
    geometry = layout(journey)
    ids = list(journey.touchpoint_ids())
    stages = [s.id for s in journey.stages]
    lanes = [lane.id for lane in journey.lanes]
    if ids:
        journey.update_touchpoint(data.draw(st.sampled_from(ids)), emotion=data.draw(st.none() | st.integers(-2, 2)))
        geometry = layout(journey, geometry)
        assert geometry == layout(journey)
    for _ in range(data.draw(st.integers(1, 4))):
        journey.add_touchpoint(data.draw(st.sampled_from(stages)), data.draw(st.sampled_from(lanes)), "More")
    geometry = layout(journey, geometry)
    assert geometry == layout(journey)
    journey.move_stage(stages[-1], 0)
    assert layout(journey, geometry) == layout(journey)


def test_a_card_added_to_a_full_cell_moves_the_columns_right_of_it_and_keeps_those_left_of_it():
    journey = large_map(touchpoints=2000, connections=3000)
    before = layout(journey)
    journey.add_touchpoint("s10", "l0", "One more")
    after = layout(journey, before)
    assert after == layout(journey)
    shift = after.stage_columns["s11"].x - before.stage_columns["s11"].x
    assert shift > 0  # the column widened
    for tp_id, rect in after.cards.items():
        stage = journey.touchpoint(tp_id).stage
        if int(stage[1:]) < 10:
            assert rect is before.cards[tp_id]
        elif int(stage[1:]) > 10:
            assert (rect.x, rect.y) == (before.cards[tp_id].x + shift, before.cards[tp_id].y)


@settings(max_examples=60, deadline=None)
@given(journey_maps(), st.data())
def test_a_layout_names_every_route_that_did_not_move_with_the_column_of_its_source(journey, data):
    """A view places again only `changed_routes`: every other route stayed, or is the old one moved as
    far as the column its source card is in, and that card is where it was in that column. Two
    changes are laid out before any point is read, so that routes moved twice are too."""
    stages = [s.id for s in journey.stages]
    lanes = [lane.id for lane in journey.lanes]
    first = layout(journey)
    journey.add_touchpoint(data.draw(st.sampled_from(stages)), data.draw(st.sampled_from(lanes)), "More")
    before_stages = _stages_of(journey)
    between = layout(journey, first)
    fresh_between = layout(journey)
    added = journey.add_touchpoint(data.draw(st.sampled_from(stages)), data.draw(st.sampled_from(lanes)), "Again")
    others = [tp_id for tp_id in journey.touchpoint_ids() if tp_id != added.id]
    if others and data.draw(st.booleans()):
        journey.add_connection(data.draw(st.sampled_from(others)), added.id)
    if len(others) > 1 and data.draw(st.booleans()):
        moving = data.draw(st.sampled_from(others))
        journey.move_touchpoint(moving, data.draw(st.sampled_from(stages)), data.draw(st.sampled_from(lanes)))
    after = layout(journey, between)
    _assert_only_routes_carried_by_their_column_are_left_out(between, after, before_stages, _stages_of(journey))
    assert after == layout(journey)
    assert between == fresh_between  # its moved routes read only now, after `after` moved them again


def test_a_route_moved_twice_before_it_is_read_is_moved_by_both():
    route = Route((10.0, 5.0, 40.0, 5.0, 40.0, 30.0))
    assert route.moved(200).moved(-50) == Route((160.0, 5.0, 190.0, 5.0, 190.0, 30.0))
    assert hash(route.moved(0)) == hash(route)


def test_an_enter_in_a_full_cell_names_only_the_routes_that_did_not_move_with_their_column():
    journey = large_map(touchpoints=2000, connections=3000)
    before = layout(journey)
    before_stages = _stages_of(journey)
    selected = journey.cell("s10", "l0")[0]
    added = journey.add_touchpoint("s10", "l0", "One more", index=1)
    journey.add_connection(selected, added.id)
    after = layout(journey, before)
    _assert_only_routes_carried_by_their_column_are_left_out(before, after, before_stages, _stages_of(journey))
    moved = [key for key, route in after.routes.items() if key in before.routes and route is not before.routes[key]]
    assert len(moved) > 1000  # right of the widened column
    assert len(after.changed_routes) < 300  # from the widened column, or routed again around it
    assert after == layout(journey)


def _stages_of(journey) -> dict[str, str]:
    return {tp_id: journey.touchpoint(tp_id).stage for tp_id in journey.touchpoint_ids()}


def _assert_only_routes_carried_by_their_column_are_left_out(before, after, before_stages, after_stages) -> None:
    assert len(set(after.changed_routes)) == len(after.changed_routes)
    assert [key for key in after.routes if key in after.changed_routes] == list(after.changed_routes)
    for key, route in after.routes.items():
        if key in after.changed_routes:
            continue
        source = key[0]
        stage = after_stages[source]
        assert before_stages[source] == stage
        shift = after.stage_columns[stage].x - before.stage_columns[stage].x
        assert after.cards[source].x - before.cards[source].x == shift
        assert after.cards[source].y == before.cards[source].y
        assert route == before.routes[key].moved(shift)


def test_the_routes_moved_by_a_widened_column_are_worked_out_when_read_and_equal_a_fresh_layouts():
    journey = large_map(touchpoints=2000, connections=3000)
    before = layout(journey)
    journey.add_touchpoint("s10", "l0", "One more")
    after = layout(journey, before)
    fresh = layout(journey)
    key = next(key for key in after.routes if journey.touchpoint(key[0]).stage == "s15")
    assert after.routes[key] is after.routes[key]  # made once, on first reading
    assert after.routes[key] == fresh.routes[key] != before.routes[key]
    assert dict(after.routes) == dict(fresh.routes) and list(after.routes) == list(fresh.routes)
    assert ("no", "such") not in after.routes and after.routes.get(("no", "such")) is None


@settings(max_examples=60, deadline=None)
@given(journey_maps(max_stages=6, max_lanes=3, max_touchpoints=30), st.data())
def test_each_layout_of_a_run_of_changes_laid_out_from_the_one_before_equals_a_fresh_layout(journey, data):
    """Cards added, removed and moved, connections added and stages reordered, one after another:
    routes kept, moved and taken over from layouts that took them over themselves stay right."""
    geometry = layout(journey)
    lanes = [lane.id for lane in journey.lanes]
    for _ in range(data.draw(st.integers(1, 6))):
        stages, ids = [s.id for s in journey.stages], list(journey.touchpoint_ids())
        change = data.draw(st.sampled_from(("add", "remove", "move", "connect", "reorder")))
        if change == "add" or not ids:
            journey.add_touchpoint(data.draw(st.sampled_from(stages)), data.draw(st.sampled_from(lanes)), "More")
        elif change == "remove":
            journey.remove_touchpoint(data.draw(st.sampled_from(ids)))
        elif change == "move":
            moving, stage, lane = (data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(stages)),
                                   data.draw(st.sampled_from(lanes)))
            room = len(journey.cell(stage, lane)) - (moving in journey.cell(stage, lane))
            journey.move_touchpoint(moving, stage, lane, data.draw(st.integers(0, room)))
        elif change == "connect":
            source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
            if source != target and not journey.has_connection(source, target):
                journey.add_connection(source, target)
        else:
            journey.move_stage(data.draw(st.sampled_from(stages)), data.draw(st.integers(0, len(stages) - 1)))
        geometry = layout(journey, geometry)
        assert geometry == layout(journey)
