"""Persona photos as the PDF and the deck read them (with Pillow, no Qt): the middle square of a
photo found beside the map, or None, so that the badge shows the initials instead."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from app.badge_photos import BadgePhotos
from model import theme
from model.entities import Persona


def test_a_photo_beside_the_map_is_cut_to_its_middle_square(tmp_path):
    photo = Image.new("RGB", (300, 100), "#10a010")
    photo.paste(Image.new("RGB", (100, 100), "#d01010"), (100, 0))
    (tmp_path / "faces").mkdir()
    photo.save(tmp_path / "faces" / "ana.jpg", quality=95)
    png = BadgePhotos(tmp_path).png(Persona(id="ana", name="Ana", photo="faces/ana.jpg"))
    square = Image.open(BytesIO(png)).convert("RGB")
    side = theme.PERSONA_PHOTO_PIXELS
    assert square.size == (side, side)
    for corner in ((1, 1), (side - 2, 1), (1, side - 2), (side - 2, side - 2)):
        red, green, _ = square.getpixel(corner)
        assert red > 180 and green < 60, corner


@pytest.mark.parametrize("photo, folder", [
    ("", "map"),  # no photo: initials
    ("faces/gone.png", "map"),  # no such file
    ("faces/notes.png", "map"),  # a file, but not an image
    ("faces/ana.png", None),  # relative to the folder of a map never saved
], ids=["none", "missing", "not an image", "map never saved"])
def test_a_photo_that_cannot_be_read_gives_way_to_the_initials(tmp_path, photo, folder):
    (tmp_path / "faces").mkdir()
    (tmp_path / "faces" / "notes.png").write_text("not a photo", encoding="utf-8")
    Image.new("RGB", (10, 10), "red").save(tmp_path / "faces" / "ana.png")
    photos = BadgePhotos(tmp_path if folder else None)
    assert photos.png(Persona(id="ana", name="Ana", photo=photo)) is None
