"""The client's brand on the PDF: from the map file, the command line and the export dialog;
and bookmarks that land on their section's heading."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.pdf import write_pdf
from model.errors import JourneyFileError
from model.journey_file import load, save
from tests.command_line import wayfinder
from tests.factories import make_map
from tests.pdf.test_pdf import outline, page_texts

ACCENT = "#7a1f5c"


def a_map():
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["See ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("see-ad", "pay")
    return journey


def logo_file(path: Path) -> Path:
    Image.new("RGB", (300, 100), "#12ab34").save(path)
    return path


def title_text(reader: PdfReader) -> str:
    return " ".join(page_texts(reader)[0].split())


def accent_pixels(pdf: Path, colour: str = ACCENT) -> int:
    """How many pixels of the title page are in `colour` (0 without pdftoppm's help)."""
    out = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "50", "-png", str(pdf), str(out)], check=True)
    image = Image.open(next(pdf.parent.glob(out.name + "*.png"))).convert("RGB")
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return sum(1 for pixel in image.get_flattened_data() if sum(abs(a - b) for a, b in zip(pixel, target)) < 20)


def images_on(page) -> int:
    return sum(1 for x in page["/Resources"].get("/XObject", {}).values() if x.get_object()["/Subtype"] == "/Image")


def test_the_brand_kit_in_the_map_file_is_on_the_title_page(tmp_path):
    journey = a_map()
    logo_file(tmp_path / "acme.png")
    journey.set_info(client="Acme Retail", author="Ann Analyst", logo="acme.png", accent=ACCENT,
                     cover_note="Draft for the workshop on 3 March.")
    save(journey, tmp_path / "map.journey")
    reloaded = load(tmp_path / "map.journey")  # the brand survives the file
    assert reloaded.info.logo == "acme.png" and reloaded.info.accent == ACCENT
    write_pdf(reloaded, tmp_path / "out.pdf", folder=tmp_path)
    reader = PdfReader(tmp_path / "out.pdf")
    text = title_text(reader)
    assert "Acme Retail" in text and "Ann Analyst" in text and "Draft for the workshop on 3 March." in text
    assert reader.metadata.author == "Ann Analyst" and "Acme Retail" in reader.metadata.subject
    assert images_on(reader.pages[0]) == 1
    assert "Acme Retail" in " ".join(page_texts(reader)[1].split())  # every footer names the client
    if shutil.which("pdftoppm"):
        assert accent_pixels(tmp_path / "out.pdf") > 200  # the rule and the label in the brand colour


def test_a_logo_the_map_names_but_cannot_find_is_a_clear_error(tmp_path):
    journey = a_map()
    journey.set_info(logo="logos/missing.png")
    with pytest.raises(JourneyFileError, match=r"missing\.png.*no such file.*relative to the map's folder"):
        write_pdf(journey, tmp_path / "out.pdf", folder=tmp_path)
    assert not (tmp_path / "out.pdf").exists()


def test_an_svg_logo_is_drawn(tmp_path, qapp):
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
                   '<rect width="120" height="40" fill="#12ab34"/></svg>')
    write_pdf(a_map(), tmp_path / "out.pdf", logo=str(svg))
    assert images_on(PdfReader(tmp_path / "out.pdf").pages[0]) == 1


def test_a_bad_accent_is_refused_naming_it(tmp_path):
    with pytest.raises(ValueError, match="accent"):
        write_pdf(a_map(), tmp_path / "out.pdf", accent="blue")


def test_the_command_line_sets_the_brand_for_one_export(tmp_path):
    save(a_map(), tmp_path / "map.journey")
    logo = logo_file(tmp_path / "brand.png")
    out = tmp_path / "out.pdf"
    result = wayfinder("export", str(tmp_path / "map.journey"), "-o", str(out), "--client", "Acme Retail",
                       "--preparer", "Ann Analyst", "--logo", str(logo), "--accent", ACCENT, "--note", "For review")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    text = title_text(reader)
    assert "Acme Retail" in text and "Ann Analyst" in text and "For review" in text
    assert images_on(reader.pages[0]) == 1
    assert load(tmp_path / "map.journey").info.client == ""  # exporting never changes the map file


def test_the_command_line_says_what_is_wrong_with_a_brand_option(tmp_path):
    save(a_map(), tmp_path / "map.journey")
    result = wayfinder("export", str(tmp_path / "map.journey"), "-o", str(tmp_path / "out.pdf"), "--accent", "red")
    assert result.returncode == 2 and "'red' is not a colour" in result.stderr
    result = wayfinder("export", str(tmp_path / "map.journey"), "-o", str(tmp_path / "out.pdf"),
                       "--logo", str(tmp_path / "nope.png"))
    assert result.returncode == 1 and "nope.png" in result.stderr and "no such file" in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def heading_positions(page) -> dict[str, float]:
    """The y of each line of text on `page` (PDF units, from the bottom), by its text."""
    found: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.setdefault(" ".join(text.split()), cm[5] + tm[5] * cm[3])
    page.extract_text(visitor_text=visit)
    return found


def test_bookmarks_land_on_their_sections_heading(tmp_path):
    from app.samples import sample_paths

    write_pdf(load(sample_paths()[-1]), tmp_path / "out.pdf")
    reader = PdfReader(tmp_path / "out.pdf")
    shared = 0
    entries = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                entries.append(item)
    walk(reader.outline)
    by_page: dict[int, list[float]] = {}
    for item in entries:
        page = reader.get_destination_page_number(item)
        top = float(item["/Top"])
        by_page.setdefault(page, []).append(top)
        if item.title in ("Title", "Map") or item.title.startswith("Part "):
            continue
        lines = heading_positions(reader.pages[page])
        heading = next((y for line, y in lines.items() if line.lower().startswith(item.title.lower())), None)
        assert heading is not None, item.title
        assert 0 < top - heading <= 45, (item.title, top, heading)  # the heading line is at the top of the view
    for tops in by_page.values():
        shared += len(tops) > 1
        assert len(set(tops)) == len(tops)  # sections sharing a page jump to different places
    assert shared
