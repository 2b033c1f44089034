"""Clean connections in the PDF: labels on a white halo clear of cards, problem tabs and lines,
arrow heads never hidden, dense maps bundled by channel."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from app.pdf import write_pdf
from app.pdf.map_drawing import MapContent
from app.pdf.pages import HEADER_SPACE, MARGIN
from app.samples import sample_paths
from model import theme
from model.analysis import analyse
from model.journey_file import load
from model.layout import Rect, layout
from tests.factories import large_map, make_map
from tests.pdf.page_fill import HAVE_PDFTOPPM

DPI = 144
SCALE = DPI / 72


def retail():
    [path] = [p for p in sample_paths() if p.stem == "retail-purchase"]
    return load(path)


def test_labels_clear_problem_tabs_and_each_other_and_cards_where_there_is_room():
    journey = retail()
    content = MapContent(journey, layout(journey), analyse(journey))
    boxes = [box for box, _ in content.labels]
    assert len(boxes) == sum(1 for c in journey.connections() if c.label)
    geometry = layout(journey)
    from app.pdf.map_drawing import _badge

    badges = [_badge(geometry.cards[tp], problem) for tp, problem in analyse(journey).problems().items()]
    for i, box in enumerate(boxes):
        assert not any(box.intersects(badge) for badge in badges)
        assert not any(box.intersects(other) for other in boxes[i + 1:])


def test_a_label_moves_off_a_card_it_would_cover():
    journey = make_map(stages=("Aware", "Think", "Buy"), lanes=("Web",),
                       cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay", label="A label far too long for the gap beside a card")
    content = MapContent(journey, layout(journey), analyse(journey))
    [(box, _)] = content.labels
    assert not any(box.intersects(card) for card in layout(journey).cards.values())


def _render_map_page(journey, folder):
    write_pdf(journey, folder / "out.pdf", page="fit")
    subprocess.run(["pdftoppm", "-f", "2", "-l", "2", "-r", str(DPI), "-png", str(folder / "out.pdf"),
                    str(folder / "map")], check=True)
    reader = PdfReader(folder / "out.pdf")
    height = float(reader.pages[1].mediabox.height)
    image = Image.open(next(folder.glob("map*.png"))).convert("RGB")
    top = height - MARGIN - HEADER_SPACE  # the map's top on the page ("fit" draws it at 100%)

    def pixel(x: float, y: float) -> tuple[int, int]:
        return round((MARGIN + x - theme.MARGIN) * SCALE), round((height - top + y - theme.MARGIN) * SCALE)
    return image, pixel


def _near(colour: tuple[int, int, int], hex_colour: str, within: int = 40) -> bool:
    return sum(abs(a - int(hex_colour[i:i + 2], 16)) for a, i in zip(colour, (1, 3, 5))) < within


@pytest.mark.skipif(not HAVE_PDFTOPPM, reason="needs pdftoppm (poppler-utils)")
def test_no_line_shows_through_a_label_and_every_arrow_head_shows(tmp_path):
    journey = retail()
    image, pixel = _render_map_page(journey, tmp_path)
    pixels = image.load()
    geometry = layout(journey)
    content = MapContent(journey, geometry, analyse(journey))
    lines = [theme.connection_colour(kind) for kind in ("main", "alternative", "fallback")]
    for box, label in content.labels:
        (x0, y0), (x1, y1) = pixel(box.x + 2, box.y + 2), pixel(box.right - 2, box.bottom - 2)
        for x in range(x0, x1):
            for y in range(y0, y1):
                assert not any(_near(pixels[x, y], colour, 30) for colour in lines), (label, x, y)
    for route in geometry.routes.values():
        # A point inside the head, a third of the way back from its tip: in a line's colour (heads into
        # one side of a card, or of a pair of opposite connections, may overlap), never a card's or a label's.
        tip, direction = route.end, route.arrow
        inside = pixel(tip.x - direction.x * theme.ARROW_LENGTH / 3, tip.y - direction.y * theme.ARROW_LENGTH / 3)
        assert any(_near(pixels[inside], colour, 60) for colour in lines), (tip, pixels[inside])


def test_a_dense_map_draws_its_connections_bundled_and_fainter(tmp_path):
    journey = large_map(touchpoints=600, stages=12, lanes=5, connections=1200)
    write_pdf(journey, tmp_path / "out.pdf", page="A4")
    reader = PdfReader(tmp_path / "out.pdf")
    states = reader.pages[1]["/Resources"].get("/ExtGState", {})
    assert any(float(state.get_object().get("/CA", 1)) < 1 for state in states.values())
    sparse = PdfReader(_export_small(tmp_path))
    assert not any(float(s.get_object().get("/CA", 1)) < 1
                   for s in sparse.pages[1]["/Resources"].get("/ExtGState", {}).values())


def _export_small(folder):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay")
    write_pdf(journey, folder / "small.pdf")
    return folder / "small.pdf"


def _corners(route):
    return list(zip(route.points[::2], route.points[1::2]))


@pytest.mark.skipif(not HAVE_PDFTOPPM, reason="needs pdftoppm (poppler-utils)")
def test_a_connection_across_several_stages_shows_all_the_way_round_the_cards_between(tmp_path):
    journey = make_map(stages=("Aware", "Think", "Compare", "Buy"), lanes=("Web", "Shop"), cards={
        ("Aware", "Web"): ["Ad"], ("Think", "Web"): ["Read", "Ask", "Call"], ("Compare", "Web"): ["Test", "Try"],
        ("Compare", "Shop"): ["Visit"], ("Buy", "Web"): ["Pay", "Wrap"]})
    for source, target in (("ad", "wrap"), ("ad", "visit"), ("wrap", "ad"), ("call", "pay")):
        journey.add_connection(source, target)  # over, under and back past the cards between
    image, pixel = _render_map_page(journey, tmp_path)
    pixels = image.load()
    ink = theme.connection_colour("main")
    for key, route in layout(journey).routes.items():
        corners = _corners(route)
        for step in range(1, 100):
            point = route.point_at(step / 100)
            if any(abs(point.x - x) + abs(point.y - y) < 2 * theme.ROUTE_CORNER_RADIUS for x, y in corners):
                continue  # the drawn line rounds the corner
            x, y = pixel(point.x, point.y)
            assert any(_near(pixels[x + dx, y + dy], ink, 90) for dx in (-1, 0, 1) for dy in (-1, 0, 1)), (key, point)


def test_labels_sit_clear_of_the_other_connections_lines_on_the_samples():
    """Except the label of a connection between two stacked cards: no spot near it is free."""
    for path in sample_paths():
        journey = load(path)
        geometry = layout(journey)
        content = MapContent(journey, geometry, analyse(journey))
        stacked = {journey.connection(*key).label for key, route in geometry.routes.items()
                   if len(route.points) == 4 and abs(route.points[3] - route.points[1]) <= theme.CARD_GAP_Y}
        for box, label in content.labels:
            for key, route in geometry.routes.items():
                if journey.connection(*key).label == label or label in stacked:
                    continue
                p = route.points
                for i in range(0, len(p) - 2, 2):
                    x0, y0, x1, y1 = p[i:i + 4]
                    leg = Rect(min(x0, x1) - 0.5, min(y0, y1) - 0.5, abs(x1 - x0) + 1, abs(y1 - y0) + 1)
                    assert not box.intersects(leg), (path.stem, label, key)
