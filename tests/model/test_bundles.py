"""Bundles: on a dense map, connections through one channel are drawn as one line, counted."""

from model.bundles import bundle
from model.layout import Route, layout, route
from tests.factories import large_map


def _length(x0, y0, x1, y1):
    return abs(x1 - x0) + abs(y1 - y0)


def test_overlapping_legs_become_pieces_counted_by_the_routes_along_them():
    assert bundle([Route((0, 0, 10, 0)), Route((5, 0, 20, 0)), Route((5, 0, 5, 8))]) == [
        (0, 0, 5, 0, 1), (5, 0, 10, 0, 2), (10, 0, 20, 0, 1), (5, 0, 5, 8, 1)]


def test_a_dense_maps_connections_share_their_channels():
    journey = large_map(touchpoints=600, stages=12, lanes=5, connections=1200)
    g = layout(journey)
    routes = [route(g.cards[s], g.cards[t], g.channels, tracks=False) for s, t in g.routes]
    drawn = sum(_length(*piece[:4]) for piece in bundle(routes))
    travelled = sum(_length(*piece[:4]) * piece[4] for piece in bundle(routes))
    assert travelled == sum(_length(*r.points[i:i + 4]) for r in routes for i in range(0, len(r.points) - 2, 2))
    assert drawn < travelled / 3  # most of the way, connections run together
