"""Printing at wall size: A1 and A0 pages, and the map as a poster on office sheets with overlap and crop marks."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.page_sizes import PAGE_SIZES
from app.pdf import write_pdf
from app.pdf.pages import page_size
from app.pdf.poster import OVERLAP, sheet_window, sheets
from app.samples import sample_paths
from model.journey_file import load, save
from tests.command_line import wayfinder
from tests.pdf.test_pdf import page_texts, squeeze


@pytest.mark.parametrize("page", ["A1", "A0"])
def test_wall_sizes(tmp_path, page):
    assert {"A1", "A0"} <= set(PAGE_SIZES)
    journey = load(sample_paths()[-1])
    write_pdf(journey, tmp_path / "out.pdf", page=page)
    reader = PdfReader(tmp_path / "out.pdf")
    width, height = page_size(page, "landscape")
    overview = reader.pages[1]
    drawn = sorted((float(overview.mediabox.width), float(overview.mediabox.height)))
    assert drawn == pytest.approx(sorted((width, height)), abs=1)  # in whichever orientation draws it larger
    text = squeeze(overview.extract_text())
    assert all(squeeze(tp.title)[:10] in text for tp in journey.touchpoints())


@pytest.mark.parametrize("poster, sheet", [((3370, 2384), (595, 842)), ((1000, 700), (842, 595)), ((500, 300), (842, 595))])
def test_sheets_cover_the_poster_and_overlap_their_neighbours(poster, sheet):
    cut, rows, columns = sheets(poster, sheet)
    assert len(cut) == rows * columns
    width, height = sheet_window(sheet)
    assert max(part.left for part in cut) + width >= poster[0] and max(part.top for part in cut) + height >= poster[1]
    lefts = sorted({part.left for part in cut})
    for a, b in zip(lefts, lefts[1:]):
        assert a + width - b == pytest.approx(OVERLAP)  # each sheet reaches OVERLAP into the next
    assert (rows, columns) == (1, 1) or poster[0] > width or poster[1] > height


def test_a_poster_on_a4_sheets_from_the_command_line(tmp_path):
    path = sample_paths()[-1]
    journey = load(path)
    save(journey, tmp_path / "map.journey")
    out = tmp_path / "wall.pdf"
    result = wayfinder("export", str(tmp_path / "map.journey"), "-o", str(out), "--page", "A0", "--poster", "A4")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    texts = [" ".join(text.split()) for text in page_texts(reader)]
    assert "wall poster" in texts[0] and "Trim each sheet at its crop marks" in texts[0]
    total = len(reader.pages) - 1
    assert total > 4
    a4 = sorted(page_size("A4", "portrait"))
    for number, (sheet, text) in enumerate(zip(reader.pages[1:], texts[1:]), 1):
        assert sorted((float(sheet.mediabox.width), float(sheet.mediabox.height))) == pytest.approx(a4, abs=1)
        assert f"Sheet {number} of {total}" in text
    everything = squeeze(" ".join(texts[1:]))
    for tp in journey.touchpoints():
        assert squeeze(tp.title)[:8] in everything, tp.title


def test_an_unknown_poster_sheet_is_refused(tmp_path):
    save(load(sample_paths()[-1]), tmp_path / "map.journey")
    result = wayfinder("export", str(tmp_path / "map.journey"), "-o", str(tmp_path / "wall.pdf"), "--poster", "A9")
    assert result.returncode == 2 and "--poster" in result.stderr
