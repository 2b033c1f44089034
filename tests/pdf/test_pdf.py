"""The PDF export, read back with pypdf (and qpdf / pdffonts where installed): every sample, page
options, text in any script, random maps, failure paths, and the command line without Qt."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from pypdf import PdfReader

from app.pdf import write_pdf
from app.page_sizes import PAGE_SIZES
from app.pdf.pages import page_size, plan_map
from app.samples import sample_paths
from model.errors import JourneyFileError
from model.journey_file import load
from model.journey_map import JourneyMap
from model.layout import layout
from tests.factories import journey_maps, make_map

ROOT = Path(__file__).parents[2]
SECTIONS = ["Title", "Map", "Legend", "Summary", "Appendix"]


def export(journey: JourneyMap, into: Path, **options) -> PdfReader:
    path = into / "out.pdf"
    write_pdf(journey, path, **options)
    return PdfReader(path)


def squeeze(value: str) -> str:
    """Text without whitespace and without the hyphens that end hyphenated lines: the map and the
    tables wrap text wherever it fits, even inside words."""
    return re.sub(r"\s+", "", re.sub(r"(?<=\w)-\n(?=\w)", "", value))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def fonts_of(resources) -> dict[str, object]:
    """Every font a page's (or form's) resources use, with those of the forms it draws, by BaseFont."""
    found = {}
    resources = resources.get_object() if resources is not None else {}
    for font in resources.get("/Font", {}).values():
        font = font.get_object()
        found[str(font["/BaseFont"])] = font
    for xobject in resources.get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            found |= fonts_of(xobject.get("/Resources"))
    return found


def document_fonts(reader: PdfReader) -> dict[str, object]:
    found = {}
    for page in reader.pages:
        found |= fonts_of(page.get("/Resources"))
    return found


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every outline entry, in order (children after their parent)."""
    entries = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return entries


def map_tiles(journey: JourneyMap, page: str = "A4", orientation: str = "landscape"):
    return plan_map(layout(journey), page, orientation).tiles


# ------------------------------------------------------------------ samples
@pytest.fixture(scope="module", params=sample_paths(), ids=lambda path: path.stem)
def sample(request, tmp_path_factory):
    journey = load(request.param)
    folder = tmp_path_factory.mktemp(request.param.stem)
    return journey, export(journey, folder, author="Ann Analyst", client="Acme"), folder / "out.pdf"


def test_there_are_samples():
    assert len(sample_paths()) >= 2


def test_sample_prints_every_title_and_pain_point(sample):
    journey, reader, _ = sample
    text = squeeze(" ".join(page_texts(reader)))
    assert "\ufffd" not in text
    for tp in journey.touchpoints():
        assert squeeze(tp.title) in text
        for pain in tp.pain_points:
            assert squeeze(pain.text) in text


def test_sample_embeds_every_font(sample):
    _, reader, _ = sample
    fonts = document_fonts(reader)
    assert fonts
    for name, font in fonts.items():
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name


def test_sample_page_structure(sample):
    journey, reader, _ = sample
    tiles = len(map_tiles(journey))
    sections = [(title, page) for level, title, page in outline(reader) if level == 0]
    assert [title for title, _ in sections] == SECTIONS
    starts = dict(sections)
    assert starts["Title"] == 0 and starts["Map"] == 1
    assert starts["Legend"] == 2 + tiles  # the overview, then one page per detail tile
    assert starts["Summary"] == starts["Legend"] + 1  # the legend fits one page
    assert starts["Appendix"] > starts["Summary"]
    children: dict[str, list[str]] = {}
    for level, title, _ in outline(reader):
        if level == 0:
            parent = title
        else:
            children.setdefault(parent, []).append(title)
    assert len(children.get("Map", [])) == tiles
    assert children["Title"] == ["At a glance"]
    assert children["Summary"][:2] == ["Stage by stage", "Weakest touchpoints"]
    total = len(reader.pages)
    for number, text in enumerate(page_texts(reader), 1):
        assert f"Page {number} of {total}" in " ".join(text.split())


def test_sample_metadata(sample):
    journey, reader, _ = sample
    info = reader.metadata
    assert info.title == journey.info.title
    assert info.author == "Ann Analyst"
    assert info.creator == "Wayfinder"
    assert "Acme" in info.subject


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf is not installed")
def test_sample_passes_qpdf_check(sample):
    result = subprocess.run(["qpdf", "--check", str(sample[2])], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="pdffonts (poppler) is not installed")
def test_sample_fonts_are_embedded_says_pdffonts(sample):
    lines = subprocess.run(["pdffonts", str(sample[2])], capture_output=True, text=True, check=True).stdout.splitlines()
    header, rows = lines[0].split(), lines[2:]
    assert rows
    emb = header.index("emb")  # name type encoding emb sub uni object ID: "type" may be two words
    for row in rows:
        assert row.split()[emb - len(header)] == "yes", row


# ------------------------------------------------------------------ page options
@pytest.fixture(scope="module")
def small_map():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["See ad"]})


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("page", list(PAGE_SIZES))
def test_every_page_has_the_chosen_size(small_map, tmp_path, page, orientation):
    width, height = page_size(page, orientation)
    assert (width > height) == (orientation == "landscape")
    sheets = [(float(sheet.mediabox.width), float(sheet.mediabox.height))
              for sheet in export(small_map, tmp_path, page=page, orientation=orientation).pages]
    assert sheets[0] == pytest.approx((width, height), abs=0.5)  # the title page as asked
    for size in sheets:  # the map's pages may turn to show it larger (see plan_map)
        assert size == pytest.approx((width, height), abs=0.5) or size == pytest.approx((height, width), abs=0.5)


def test_landscape_is_the_default(small_map, tmp_path):
    sheet = export(small_map, tmp_path).pages[0]
    assert (float(sheet.mediabox.width), float(sheet.mediabox.height)) == pytest.approx(page_size("A4", "landscape"))


def wide_map() -> JourneyMap:
    stages = [f"Stage {name}" for name in ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
                                            "Hotel", "India", "Juliet", "Kilo", "Lima")]
    lanes = ("Web shop", "Call centre")
    return make_map(stages=stages, lanes=lanes, title="Wide journey",
                    cards={(stage, lane): [f"{stage} {lane} step"] for stage in stages for lane in lanes})


def test_fit_puts_the_whole_map_on_one_page(tmp_path):
    journey = wide_map()
    reader = export(journey, tmp_path, page="fit")
    plan = plan_map(layout(journey), "fit", "landscape")
    assert plan.overview.scale == 1 and not plan.tiles
    map_page = reader.pages[1]
    assert (float(map_page.mediabox.width), float(map_page.mediabox.height)) == pytest.approx(plan.page_size, abs=0.5)
    titles = [title for _, title, _ in outline(reader)]
    assert titles[titles.index("Map") + 1] == "Legend"  # one map page: no parts
    text = squeeze(map_page.extract_text())
    for tp in journey.touchpoints():
        assert squeeze(tp.title) in text
    for other in (reader.pages[0], reader.pages[-1]):  # the other sections use A4
        assert (float(other.mediabox.width), float(other.mediabox.height)) == pytest.approx(page_size("A4", "landscape"))


def test_a_wide_map_tiles_and_repeats_the_headers(tmp_path):
    journey = wide_map()
    geometry = layout(journey)
    tiles = plan_map(geometry, "A4", "landscape").tiles
    assert len(tiles) > 1
    texts = page_texts(export(journey, tmp_path))
    for number, tile in enumerate(tiles, 2):  # after the title page and the overview
        text = squeeze(texts[number])
        for lane in journey.lanes:
            assert squeeze(lane.name) in text, (number, lane.name)
        shown = [journey.stage(s).name for s in geometry.stage_ids
                 if geometry.stage_columns[s].x < tile.columns[1] and tile.columns[0] < geometry.stage_columns[s].right]
        assert shown
        for name in shown:
            assert squeeze(name) in text, (number, name)
    everything = squeeze(" ".join(texts[2:2 + len(tiles)]))
    assert all(squeeze(stage.name) in everything for stage in journey.stages)


# ------------------------------------------------------------------ text
def test_markup_in_a_title_prints_literally(tmp_path):
    title = '<b>R&D</b> & "Sales"'
    journey = make_map(title=title, cards={("Aware", "Web"): [title]})
    reader = export(journey, tmp_path)
    text = " ".join(" ".join(page_texts(reader)).split())
    assert title in text
    assert reader.metadata.title == title


SCRIPTS = {
    "Greek": "Καλημέρα κόσμε",
    "Cyrillic": "Привет, мир",
    "Latin": "Crème brûlée à São Paulo, Øresund, Łódź",
    "Chinese": "顾客旅程地图",
    "Japanese": "カスタマージャーニー",
    "Korean": "고객 여정 지도",
}


def test_every_script_prints(tmp_path):
    journey = make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): list(SCRIPTS.values())})
    reader = export(journey, tmp_path)
    text = squeeze(" ".join(page_texts(reader)))
    assert "\ufffd" not in text
    for script, sample_text in SCRIPTS.items():
        assert squeeze(sample_text) in text, script
    fonts = " ".join(document_fonts(reader))
    assert "DroidSansFallback" in fonts and "NanumGothic" in fonts  # the CJK and Korean fallbacks drew them


def test_emoji_and_right_to_left_text_export(tmp_path):
    titles = ["Pay 💳 then 👍🏽 🧑‍🤝‍🧑", "שלום עולם", "مرحبا بالعالم"]
    journey = make_map(title="😀 journey", cards={("Aware", "Web"): titles})
    reader = export(journey, tmp_path)
    text = squeeze(" ".join(page_texts(reader)))
    assert "Pay" in text and "then" in text


def test_huge_text_exports(tmp_path):
    journey = make_map(stages=("Aware",), lanes=("Web",))
    long_title = "Supercalifragilistic" * 10  # 200 characters, no spaces
    tp = journey.add_touchpoint("aware", "web", long_title, description=("lorem ipsum " * 1667)[:20_000])
    assert len(long_title) == 200 and len(journey.touchpoint(tp.id).description) >= 20_000
    reader = export(journey, tmp_path)
    appendix = next(page for _, title, page in outline(reader) if title == "Appendix")
    assert long_title in squeeze(" ".join(page_texts(reader)[appendix:]))


@settings(max_examples=15, deadline=None)
@given(journey_maps())
def test_random_maps_export(journey):
    with tempfile.TemporaryDirectory() as folder:
        reader = export(journey, Path(folder))
        sections = SECTIONS if len(journey) else ["Title"]
        assert [title for level, title, _ in outline(reader) if level == 0] == sections


@pytest.mark.parametrize("journey", [JourneyMap(), make_map(stages=("Aware", "Buy"), lanes=("Web", "Store"))],
                         ids=["nothing", "stages and lanes only"])
def test_an_empty_map_exports_one_page_that_says_so(tmp_path, journey):
    reader = export(journey, tmp_path)
    assert len(reader.pages) == 1
    assert "This map has no touchpoints yet" in " ".join(page_texts(reader)[0].split())


# ------------------------------------------------------------------ failures
def test_a_missing_folder_is_a_clear_error(small_map, tmp_path):
    with pytest.raises(JourneyFileError, match="there is no folder"):
        write_pdf(small_map, tmp_path / "missing" / "out.pdf")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_a_read_only_folder_is_a_clear_error(small_map, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    try:
        with pytest.raises(JourneyFileError, match="cannot be written"):
            write_pdf(small_map, folder / "out.pdf")
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, where even root cannot write")
def test_an_unwritable_folder_is_a_clear_error(small_map):
    with pytest.raises(JourneyFileError, match="cannot be written"):
        write_pdf(small_map, "/proc/self/out.pdf")


def test_a_logo_that_is_not_an_image_is_a_clear_error(small_map, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_text("not a picture")
    with pytest.raises(JourneyFileError, match="cannot be read as an image"):
        write_pdf(small_map, tmp_path / "out.pdf", logo=logo)
    assert not (tmp_path / "out.pdf").exists()


def wayfinder(*args: str, wrapper: str | None = None) -> subprocess.CompletedProcess:
    command = ["-c", wrapper, *args] if wrapper else [str(ROOT / "main.py"), *args]
    return subprocess.run([sys.executable, *command], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_cli_export_to_a_missing_folder_prints_one_line(tmp_path):
    target = tmp_path / "missing" / "out.pdf"
    result = wayfinder("export", str(sample_paths()[0]), "-o", str(target))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(target) in lines[0] and "Traceback" not in result.stderr
    assert not target.exists()


def test_cli_export_never_imports_qt(tmp_path):
    wrapper = ("import sys; from app.cli import main; code = main(sys.argv[1:]); "
               "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')); sys.exit(code)")
    target = tmp_path / "out.pdf"
    result = wayfinder("export", str(sample_paths()[0]), "-o", str(target), wrapper=wrapper)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert target.read_bytes().startswith(b"%PDF")


def test_dead_ends_and_unreachable_touchpoints_are_marked_on_the_map_and_explained(tmp_path):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",),
                       cards={("Aware", "Web"): ["Ad", "Hold queue"], ("Buy", "Web"): ["Pay", "Old catalogue"]})
    for source, target in (("ad", "pay"), ("ad", "hold-queue"), ("old-catalogue", "pay")):
        journey.add_connection(source, target)
    reader = export(journey, tmp_path)
    pages, marks = page_texts(reader), outline(reader)
    map_page = next(page for level, title, page in marks if title.startswith("Part") or title == "Map")
    legend_page = next(page for level, title, page in marks if title == "Legend")
    assert "Dead end" in pages[map_page] and "Unreachable" in pages[map_page]
    assert "No path leads on from here" in pages[legend_page] and "No path from the first stage" in pages[legend_page]
    clean = make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    clean.add_connection("ad", "pay")
    (tmp_path / "clean").mkdir()
    reader = export(clean, tmp_path / "clean")
    assert not any("Dead end" in text or "Unreachable" in text for text in page_texts(reader)[1:3])  # map and legend


def test_a_map_with_no_flow_yet_is_not_marked_and_says_so(tmp_path):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",),
                       cards={("Aware", "Web"): ["Ad", "Hold queue"], ("Buy", "Web"): ["Pay"]})
    texts = page_texts(export(journey, tmp_path))
    assert not any("Dead end" in text.replace("Dead ends", "") or "Unreachable" in text.replace("Unreachable touchpoints", "")
                   for text in texts[:3])
    assert any("No flow drawn yet" in text for text in texts)
