"""Routing: every connection runs around the cards, through the gutters and free runs between them."""

from hypothesis import given, settings

from model.layout import Rect, Route, layout, route
from tests.factories import journey_maps, large_map

from .test_layout import grid_map


def _legs(route: Route):
    p = route.points
    return [(p[i], p[i + 1], p[i + 2], p[i + 3]) for i in range(0, len(p) - 2, 2)]


def behind_cards(route: Route, cards: dict[str, Rect]) -> list[str]:
    """The cards a route runs behind: any of its legs crossing a card's inside (its edges are where
    it leaves and arrives)."""
    hits = []
    for x0, y0, x1, y1 in _legs(route):
        leg = Rect(min(x0, x1) - 0.5, min(y0, y1) - 0.5, abs(x1 - x0) + 1, abs(y1 - y0) + 1)
        hits += [tp for tp, card in cards.items()
                 if leg.intersects(Rect(card.x + 1, card.y + 1, card.width - 2, card.height - 2))]
    return hits


def test_a_connection_over_several_stages_runs_around_the_cards_between():
    m = grid_map(stages=4, lanes=2, cards={(0, 0): 1, (1, 0): 3, (2, 0): 3, (2, 1): 1, (3, 0): 2})
    m.add_connection("s0-l0-0", "s3-l0-1")  # level with cards of two stages between
    m.add_connection("s3-l0-0", "s0-l0-0")  # and back, over them
    g = layout(m)
    for key in m.graph.edges:
        assert behind_cards(g.routes[key], g.cards) == [], key
        assert all(x0 == x1 or y0 == y1 for x0, y0, x1, y1 in _legs(g.routes[key]))


def test_a_route_at_the_sources_height_goes_straight_when_nothing_is_between():
    m = grid_map(stages=4, lanes=1, cards={(0, 0): 1, (3, 0): 1})
    m.add_connection("s0-l0-0", "s3-l0-0")
    g = layout(m)
    assert len(g.routes["s0-l0-0", "s3-l0-0"].points) == 4


@settings(max_examples=80, deadline=None)
@given(journey_maps(max_stages=5, max_lanes=3, max_touchpoints=20))
def test_no_route_of_any_map_runs_behind_a_card(journey):
    g = layout(journey)
    for key, found in g.routes.items():
        assert behind_cards(found, g.cards) == [], key
        assert all(x0 == x1 or y0 == y1 for x0, y0, x1, y1 in _legs(found)), key  # level or upright legs


def test_no_route_of_a_dense_map_runs_behind_a_card():
    journey = large_map(touchpoints=300, stages=8, lanes=4, connections=450)
    g = layout(journey)
    for key, found in g.routes.items():
        assert behind_cards(found, g.cards) == [], key


def test_a_route_drawn_while_a_card_is_dragged_needs_no_layout():
    dragged = route(Rect(0, 0, 184, 112), Rect(400, 300, 184, 112))
    assert (dragged.start.x, dragged.end.x) == (184, 400) and dragged.arrow.x == 1.0
