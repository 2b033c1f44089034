"""The PDF of a map of several personas, with evidence and a to-be, read back with pypdf; the lanes a
persona owns, rendered with pdftoppm."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PIL import Image

from model import theme
from model.entities import Evidence, Kpi
from tests.factories import two_persona_map
from tests.pdf.test_pdf import export, map_tiles, page_texts, squeeze, wide_map

PHOTO_RED = "#d01010"


def persona_map():
    journey = two_persona_map()
    journey.add_pain_point("visit", "No one to help", severity=3)
    journey.update_touchpoint("pay", evidence=Evidence(level="research"), to_be="changed", target={"emotion": 2})
    journey.update_touchpoint("visit", to_be="removed")
    journey.add_touchpoint("choose", "shop", "Video call", id="call", to_be="new", emotion=1, personas=("sam",))
    journey.update_stage("buy", kpis=(Kpi(name="Completion rate", unit="%", current=68, target=75),))
    return journey


def test_the_pdf_names_each_personas_curve_reports_evidence_and_compares_as_is_with_to_be(tmp_path):
    texts = [squeeze(text) for text in page_texts(export(persona_map(), tmp_path))]
    legend = next(text for text in texts if text.startswith("Legend"))
    summary = " ".join(texts)

    def shows(text: str, *phrases: str) -> bool:
        return all(squeeze(phrase) in text for phrase in phrases)

    assert shows(legend, "Maya", "Sam", "dashed: their to-be", "R research-backed: several sources or data")
    assert shows(summary, "4 of 5 touchpoints rest on assumptions; 1 of them hold critical pain.",
                 "Assumptions to test first", "No one to help")
    assert shows(summary, "As-is and to-be: everyone", "As-is and to-be: Maya", "As-is and to-be: Sam",
                 "+ Video call; − Visit")
    assert shows(summary, "Stage metrics", "Completion rate", "68% → 75%")  # the metrics lane on the map page


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_a_lane_a_persona_owns_shows_them_on_the_overview_and_on_every_detail_page(tmp_path):
    """Their colour down the header's edge, their badge (the photo where it can be read, else their
    initials on their colour) and "for <name>", on each page that shows the lane's header."""
    journey = wide_map()
    photo = tmp_path / "photos" / "maya.png"
    photo.parent.mkdir()
    Image.new("RGB", (90, 120), PHOTO_RED).save(photo)
    (tmp_path / "photos" / "sam.png").write_text("not a photo", encoding="utf-8")
    journey.add_persona("Maya", id="maya", photo="photos/maya.png")
    journey.add_persona("Sam", id="sam", initials="SQ", photo="photos/sam.png")
    journey.update_lane("web-shop", persona="maya")
    journey.update_lane("call-centre", persona="sam")
    tiles = map_tiles(journey)
    assert len(tiles) > 1
    reader = export(journey, tmp_path, folder=tmp_path)  # the PDF goes where the map's photos are
    map_pages = range(1, 2 + len(tiles))  # the overview, then a page per tile
    for number in map_pages:
        text = squeeze(reader.pages[number].extract_text())
        assert squeeze("Channel · for Maya") in text and squeeze("Channel · for Sam") in text, number
        assert "SQ" in text, number  # Sam's photo cannot be read: his initials stand in for it
    subprocess.run(["pdftoppm", "-r", "50", "-f", "2", "-l", str(2 + len(tiles)), "-png", str(tmp_path / "out.pdf"),
                    str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(map_pages)
    for page in pages:
        headers = lane_header_column(Image.open(page).convert("RGB"))
        for colour in (PHOTO_RED, *theme.PERSONA_CURVES[:2]):  # Maya's photo, her colour and Sam's
            assert any(near(pixel, colour) for _, pixel in headers.getcolors(headers.width * headers.height)), \
                (page.name, colour)


def lane_header_column(image: Image.Image) -> Image.Image:
    """The part of a rendered map page the lane headers cover (where their grey is)."""
    grey = tuple(int(theme.LANE_HEADER_BACKGROUND[i:i + 2], 16) for i in (1, 3, 5))
    pixels = image.load()
    spots = [(x, y) for y in range(image.height) for x in range(image.width) if pixels[x, y] == grey]
    assert spots, "no lane header on the page"
    xs, ys = [x for x, _ in spots], [y for _, y in spots]
    return image.crop((min(xs), min(ys), max(xs) + 1, max(ys) + 1))


def near(pixel: tuple[int, int, int], colour: str, tolerance: int = 24) -> bool:
    return all(abs(a - int(colour[i:i + 2], 16)) <= tolerance for a, i in zip(pixel, (1, 3, 5)))
