"""Full pages: no page below half full but the last of its section, tables that split with their
heading repeated and at least three rows on a page, words hyphenated, a title page that fits."""

from __future__ import annotations

import re

import pytest
from reportlab.platypus import Paragraph

from app.pdf import write_pdf
from app.pdf.continued_table import MIN_ROWS, ContinuedTable
from app.pdf.fonts import register_base_fonts
from app.samples import sample_paths
from model.journey_file import load
from tests.factories import make_map
from tests.pdf.page_fill import HAVE_PDFTOPPM, fill_ratios
from tests.pdf.test_pdf import outline, page_texts, squeeze
from pypdf import PdfReader


def section_ends(reader: PdfReader) -> set[int]:
    """The index of the last page of each top-level section."""
    starts = [page for level, _, page in outline(reader) if level == 0]
    return {end - 1 for end in starts[1:]} | {len(reader.pages) - 1}


@pytest.mark.skipif(not HAVE_PDFTOPPM, reason="needs pdftoppm (poppler-utils)")
@pytest.mark.parametrize("page, orientation", [("A4", "landscape"), ("A3", "landscape"), ("A4", "portrait")])
@pytest.mark.parametrize("path", sample_paths(), ids=lambda path: path.stem)
def test_no_page_is_below_half_full_but_the_last_of_its_section(tmp_path, path, page, orientation):
    write_pdf(load(path), tmp_path / "out.pdf", page=page, orientation=orientation)
    reader = PdfReader(tmp_path / "out.pdf")
    ends = section_ends(reader)
    for index, ratio in enumerate(fill_ratios(tmp_path / "out.pdf")):
        if index not in ends:
            assert ratio >= 0.5, (index + 1, round(ratio, 2))


def many_unscored():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",),
                    cards={("Aware", "Web"): [f"Lost lead {n}" for n in range(70)]})


def test_a_long_table_repeats_its_heading_on_the_next_page(tmp_path):
    write_pdf(many_unscored(), tmp_path / "out.pdf")
    reader = PdfReader(tmp_path / "out.pdf")
    texts = [" ".join(text.split()) for text in page_texts(reader)]
    [first] = [i for i, text in enumerate(texts) if "Not scored yet Touchpoints with no" in text]
    assert texts[first + 1].split("Touchpoint Stage Lane")[0].endswith("Not scored yet (continued) ")


def test_a_split_table_keeps_three_rows_on_each_page():
    register_base_fonts()
    rows = [["Touchpoint", "Stage"]] + [[f"Step {n}", "Aware"] for n in range(8)]
    table = ContinuedTable(rows, colWidths=[200, 100], repeatRows=1, continued="Dead ends")
    table.wrap(300, 1e9)
    heights = table._rowHeights
    for fitting in range(1, 8):  # room for the header and `fitting` rows
        parts = table.split(300, sum(heights[:1 + fitting]) + 0.5)
        if fitting < MIN_ROWS:
            assert parts == []
            continue
        first, rest = parts[0], parts[-1]
        assert first._nrows - 1 >= MIN_ROWS and rest._nrows - 1 >= MIN_ROWS, fitting
        assert (first._nrows - 1) + (rest._nrows - 1) == 8
        assert [p.getPlainText() for p in parts if isinstance(p, Paragraph)] == ["Dead ends (continued)"]


def test_words_break_with_hyphens_on_narrow_pages(tmp_path):
    journey = load(sample_paths()[-1])
    write_pdf(journey, tmp_path / "out.pdf", orientation="portrait")
    words = {word for stage in journey.stages for word in re.findall(r"\w{6,}", stage.name)}
    words |= {"Accommodation", "Consideration"}
    for text in page_texts(PdfReader(tmp_path / "out.pdf")):
        for before, after in re.findall(r"(\w+)\n(\w+)", text):
            assert before + after not in words, f"{before}|{after}"


def test_a_hyphen_typed_in_a_word_stays_however_often_its_cell_is_measured(tmp_path):
    """A table measures a cell several times at one width; breaking a paragraph's lines again
    lost the hyphen of a word broken at it ("Activation e-" "mail" came out as "email")."""
    journey = load(sample_paths()[0])
    assert any("Activation e-mail lands in spam" in pain.text for tp in journey.touchpoints() for pain in tp.pain_points)
    write_pdf(journey, tmp_path / "out.pdf", orientation="portrait")
    text = re.sub(r"\s+", "", "".join(page_texts(PdfReader(tmp_path / "out.pdf"))))
    assert "Serious:Activatione-maillandsinspam" in text  # the appendix's row (the summary has it on one line)


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_long_persona_keeps_the_title_page_one_page(tmp_path, orientation):
    journey = make_map(cards={("Aware", "Web"): ["See ad"]})
    journey.set_info(description="Why we mapped it. " * 200)
    journey.set_persona(name="Pat", purpose="A long purpose. " * 300,
                        goals=tuple(f"Goal {n} " * 12 for n in range(40)),
                        expectations=tuple(f"Hope {n}" for n in range(40)))
    journey.set_info(cover_note="Read this first. " * 100)
    write_pdf(journey, tmp_path / "out.pdf", orientation=orientation)
    reader = PdfReader(tmp_path / "out.pdf")
    assert [title for level, title, page in outline(reader) if level == 0 and page == 1] == ["Map"]
    assert "and 35 more" in " ".join(page_texts(reader)[0].split())


def test_an_empty_list_has_no_heading_on_the_title_page(tmp_path):
    journey = make_map(cards={("Aware", "Web"): ["See ad"]})
    journey.set_persona(name="Pat", goals=("Get a sofa",))
    write_pdf(journey, tmp_path / "out.pdf")
    title = squeeze(page_texts(PdfReader(tmp_path / "out.pdf"))[0])
    assert "Goals" in title and "Expectations" not in title


def test_more_than_eight_stages_get_a_horizontal_chart_that_names_every_stage(tmp_path):
    from tests.factories import large_map

    journey = large_map(touchpoints=120, stages=40, lanes=3, connections=100)
    write_pdf(journey, tmp_path / "out.pdf")
    reader = PdfReader(tmp_path / "out.pdf")
    chart_pages = [" ".join(text.split()) for text in page_texts(reader) if "Meaning, Value and Accommodation (stage" in text]
    assert len(chart_pages) == 2  # 20 stages a chart
    shown = re.findall(r"Stage (\d+)", " ".join(page.split("Stage Touchpoints")[0] for page in chart_pages))
    assert sorted(set(map(int, shown))) == list(range(1, 41))  # each name whole, on its own row


def test_a_shortened_word_ends_in_an_ellipsis_not_a_hyphen():
    from app.pdf.text import fit_lines

    register_base_fonts()
    assert fit_lines("Awareness", 14, 70, 1, bold=True) == ("Aware…",)
    first, second = fit_lines("Accommodation and more", 10, 60, 2, bold=True)
    assert first.endswith("-") and second.endswith("…") and "-" not in second


@pytest.mark.skipif(not HAVE_PDFTOPPM, reason="needs pdftoppm (poppler-utils)")
def test_forty_stages_leave_no_page_below_half_full_but_the_last_of_its_section(tmp_path):
    from tests.factories import large_map

    write_pdf(large_map(touchpoints=160, stages=40, lanes=4, connections=200), tmp_path / "out.pdf")
    reader = PdfReader(tmp_path / "out.pdf")
    ends = section_ends(reader)
    low = [(i + 1, round(r, 2)) for i, r in enumerate(fill_ratios(tmp_path / "out.pdf")) if r < 0.5 and i not in ends]
    assert low == []


@pytest.mark.parametrize("path", sample_paths(), ids=lambda path: path.stem)
def test_a_sub_section_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path, path):
    write_pdf(load(path), tmp_path / "out.pdf")
    reader = PdfReader(tmp_path / "out.pdf")
    texts = page_texts(reader)
    for level, title, page in outline(reader):
        if level != 1 or title in ("At a glance",) or title.startswith("Part "):
            continue
        after = texts[page].split(title, 1)[1]
        # Its body starts on the same page: a table's header, a chart's title, or a one-line answer.
        assert re.search(r"\n ?(Stage|Touchpoint|Team|Kind|Severity|None|No |Meaning)", after), title
