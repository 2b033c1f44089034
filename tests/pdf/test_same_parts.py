"""The canvas and the PDF paint a card, a stage's averages and a persona's lane header from one geometry
(model/card_parts.py): rendered to pixels, each coloured part lands where the geometry says, in both."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from app.pdf.report import render_pdf
from model import theme
from model.card_parts import card_parts, lane_header_parts, score_slots
from model.entities import Scores
from model.layout import Rect, layout
from tests.factories import make_map, persona_lanes_map

SCALE = 2  # pixels per layout unit in both renderings
BAR_COLOURS = theme.SCORE_COLOURS
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")


def _map():
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad seen"]})
    journey.update_touchpoint("ad-seen", emotion=2, scores=Scores(meaning=5, value=5, accommodation=5))
    journey.add_pain_point("ad-seen", "Too loud", severity=3)
    return journey


def _canvas_image(journey, folder: Path | None = None) -> Image.Image:
    from app.image_export import render_png

    return Image.open(BytesIO(render_png(journey, SCALE, folder))).convert("RGB")


def _pdf_image(journey, folder: Path) -> Image.Image:
    """The map page of the PDF; `folder` is where it is written and where the map's photos are."""
    pdf = folder / "map.pdf"
    pdf.write_bytes(render_pdf(journey, "fit", "landscape", folder=folder))
    subprocess.run(["pdftoppm", "-f", "2", "-l", "2", "-r", str(72 * SCALE), "-png", str(pdf), str(folder / "page")],
                   check=True)
    return Image.open(next(folder.glob("page*.png"))).convert("RGB")


def _centre(image: Image.Image, box: Rect, colour: str, offset=(0.0, 0.0)) -> tuple[float, float]:
    """The centre, in layout units, of the pixels of `colour` inside `box` (layout units, shifted by `offset`)."""
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    left, top = round((box.x + offset[0]) * SCALE), round((box.y + offset[1]) * SCALE)
    crop = image.crop((left, top, round((box.right + offset[0]) * SCALE), round((box.bottom + offset[1]) * SCALE)))
    xs, ys = [], []
    pixels = crop.load()
    for y in range(crop.height):
        for x in range(crop.width):
            if sum(abs(a - b) for a, b in zip(pixels[x, y], target)) < 30:
                xs.append(x)
                ys.append(y)
    assert xs, f"no {colour} inside {box}"
    return ((left + (min(xs) + max(xs) + 1) / 2) / SCALE - offset[0],
            (top + (min(ys) + max(ys) + 1) / 2) / SCALE - offset[1])


def _parts_seen(image: Image.Image, journey) -> dict[str, tuple[float, float]]:
    """Where each coloured part of the card and of the first stage's averages is, in layout units
    (the page's margins taken off by finding the first stage header)."""
    geometry, parts = layout(journey), card_parts()
    offset = _map_offset(image, geometry.stage_headers["aware"])
    card = geometry.cards["ad-seen"]

    def on_card(box: Rect) -> Rect:
        return _grown(Rect(card.x + box.x, card.y + box.y, box.width, box.height))

    seen = {"card face": _centre(image, on_card(parts.face), theme.EMOTION_COLOURS[2], offset),
            "card pain marker": _centre(image, on_card(parts.pain_marker), theme.severity_colour(3), offset)}
    for bar in parts.bars:
        seen[f"card {bar.name}"] = _centre(image, on_card(bar.track), BAR_COLOURS[bar.name], offset)
    for slot in score_slots(geometry.scores_band["aware"]):
        colour = theme.EMOTION_COLOURS[2] if slot.name == "emotion" else BAR_COLOURS[slot.name]
        seen[f"band {slot.name}"] = _centre(image, _grown(slot.mark), colour, offset)
    return seen


def _grown(box: Rect, by: float = 4) -> Rect:
    return Rect(box.x - by, box.y - by, box.width + 2 * by, box.height + 2 * by)


def _map_offset(image: Image.Image, header: Rect) -> tuple[float, float]:
    """How far the map is shifted on the image (layout units): its first stage header's first pixel
    (just inside the grid line, in both renderings) against where layout puts the header."""
    target = tuple(int(theme.STAGE_HEADER_BACKGROUND[i:i + 2], 16) for i in (1, 3, 5))
    pixels = image.load()
    for y in range(image.height):
        for x in range(image.width):
            if pixels[x, y] == target:
                return x / SCALE - header.x, y / SCALE - header.y
    raise AssertionError("no stage header on the image")


def expected(journey) -> dict[str, tuple[float, float]]:
    geometry = layout(journey)
    card, parts = geometry.cards["ad-seen"], card_parts()
    where = {"card face": (card.x + parts.face.center.x, card.y + parts.face.center.y)}
    where |= {f"card {bar.name}": (card.x + bar.track.center.x, card.y + bar.track.center.y) for bar in parts.bars}
    marker = parts.pain_marker
    # The triangle's bounding box is the marker's box.
    where["card pain marker"] = (card.x + marker.center.x, card.y + marker.center.y)
    for slot in score_slots(geometry.scores_band["aware"]):
        where[f"band {slot.name}"] = (slot.mark.center.x, slot.mark.center.y)
    return where


def test_canvas_and_pdf_paint_the_parts_of_a_card_and_a_band_slot_where_the_geometry_puts_them(tmp_path, qapp):
    journey = _map()
    want = expected(journey)
    canvas, pdf = _parts_seen(_canvas_image(journey), journey), _parts_seen(_pdf_image(journey, tmp_path), journey)
    for name, (x, y) in want.items():
        # Bars are filled to 5 of 5, so their ink spans the track; rounding and antialiasing move an edge by a pixel.
        # The header's first pixel is just inside its grid line: up to a unit off, the same in both.
        assert abs(canvas[name][0] - x) <= 1.5 and abs(canvas[name][1] - y) <= 1.5, (name, canvas[name], (x, y))
        assert abs(pdf[name][0] - x) <= 1.5 and abs(pdf[name][1] - y) <= 1.5, (name, pdf[name], (x, y))
        assert abs(pdf[name][0] - canvas[name][0]) <= 1 and abs(pdf[name][1] - canvas[name][1]) <= 1, name


PHOTO_RED, PHOTO_GREEN = "#d01010", "#10a010"


def photo_with_a_middle_square(path: Path) -> None:
    """A portrait photo, red in its middle square and green above and below it: a badge that shows
    green squeezed the photo rather than cutting it to the square."""
    image = Image.new("RGB", (120, 240), PHOTO_GREEN)
    image.paste(Image.new("RGB", (120, 120), PHOTO_RED), (0, 60))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


def test_canvas_and_pdf_paint_a_personas_lane_header_where_the_geometry_puts_it(tmp_path, qapp):
    photo_with_a_middle_square(tmp_path / "photos" / "maya.png")
    journey = persona_lanes_map()
    geometry = layout(journey)
    web = lane_header_parts(geometry.lane_headers["web"], persona=True)
    shop = lane_header_parts(geometry.lane_headers["shop"], persona=True)
    maya, sam = theme.PERSONA_CURVES[:2]
    parts = {"Maya's stripe": (web.stripe, maya, 2), "Maya's photo": (web.badge, PHOTO_RED, 2),
             "Sam's stripe": (shop.stripe, sam, 2), "Sam's initials badge": (shop.badge, sam, 2)}
    for image in (_canvas_image(journey, tmp_path), _pdf_image(journey, tmp_path)):
        offset = _map_offset(image, geometry.stage_headers["aware"])
        for name, (box, colour, by) in parts.items():
            x, y = _centre(image, _grown(box, by), colour, offset)
            assert abs(x - box.center.x) <= 1.5 and abs(y - box.center.y) <= 1.5, (name, (x, y), box.center)
        with pytest.raises(AssertionError, match="no #10a010"):  # the photo's middle square only
            _centre(image, web.badge, PHOTO_GREEN, offset)
