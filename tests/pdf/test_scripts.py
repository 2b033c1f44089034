"""Every script a client writes in: right-to-left text ordered and joined, CJK in bold where the
map is bold, emoji named instead of printed as an encoding error, metadata as typed."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from app.pdf import write_pdf
from tests.factories import make_map
from tests.pdf.page_fill import HAVE_PDFTOPPM
from tests.pdf.test_pdf import page_texts

ARABIC = "مرحبا بالعالم"
HEBREW = "שלום עולם"


def export_pdf(journey, tmp_path) -> PdfReader:
    write_pdf(journey, tmp_path / "out.pdf")
    return PdfReader(tmp_path / "out.pdf")


def map_text(tmp_path, titles, title="Scripts") -> tuple[PdfReader, str]:
    journey = make_map(title=title, stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): titles})
    reader = export_pdf(journey, tmp_path)
    return reader, page_texts(reader)[1]  # the map page


# pypdf reads right-to-left glyphs back into reading order, as a viewer's copy and search do: text
# drawn in stored (logical) order, as before, reads back reversed.
def test_hebrew_prints_right_to_left(tmp_path):
    _, text = map_text(tmp_path, [HEBREW])
    assert HEBREW in text and "םלוע םולש" not in text


def test_arabic_prints_joined_and_right_to_left(tmp_path):
    import arabic_reshaper

    _, text = map_text(tmp_path, [ARABIC])
    joined = arabic_reshaper.reshape(ARABIC)
    assert joined in text
    # Joined letters are their contextual forms (initial, medial, final), never the bare letters.
    assert all("FORM" in unicodedata.name(char) for char in joined if char != " ")


def test_cjk_in_a_bold_place_is_drawn_bold(tmp_path):
    reader, text = map_text(tmp_path, ["顾客旅程地图"])
    assert "顾客旅程地图" in text
    content = reader.pages[1].get_contents().get_data()
    assert b"2 Tr" in content  # fill and stroke: Droid Sans Fallback has no bold face


def test_emoji_print_as_their_names_and_metadata_keeps_them(tmp_path):
    reader, text = map_text(tmp_path, ["Pay 💳 then 👍🏽", "Team 🧑‍🤝‍🧑 talk", "Made in 🇫🇷"], title="😀 journey")
    everything = " ".join(" ".join(page_texts(reader)).split())
    assert "\ufffd" not in everything
    for name in ("[credit card]", "[thumbs up sign]", "[adult]", "[flag FR]", "[grinning face] journey"):
        assert name in everything, name
    assert reader.metadata.title == "😀 journey"
    assert all("\ufffd" not in str(value) for value in reader.metadata.values())


def shown_text(page) -> list[tuple[str, float, int]]:
    """(BaseFont, font size, text render mode) of every string a page shows, in stream order."""
    fonts = {name: str(font.get_object()["/BaseFont"]) for name, font in page["/Resources"]["/Font"].items()}
    shown, font, size, mode, saved = [], "", 0.0, 0, []
    for operands, operator in page.get_contents().operations:
        if operator == b"Tf":
            font, size = fonts[operands[0]], float(operands[1])
        elif operator == b"Tr":
            mode = int(operands[0])
        elif operator == b"q":  # the render mode is graphics state: Q restores it
            saved.append(mode)
        elif operator == b"Q":
            mode = saved.pop()
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            shown.append((font, size, mode))
    return shown


def test_cjk_headings_are_bold_and_cjk_body_text_is_not(tmp_path):
    journey = make_map(title="顾客旅程地图", stages=("认知",), lanes=("Web",), cards={("认知", "Web"): ["看到广告"]})
    journey.set_info(description="顾客的描述")
    reader = export_pdf(journey, tmp_path)
    title_page = [(size, mode) for font, size, mode in shown_text(reader.pages[0]) if "Droid" in font]
    headings = {mode for size, mode in title_page if size >= 18}  # the map's title, 28 pt
    body = {mode for size, mode in title_page if size <= 10}  # the description, 10 pt
    assert headings == {2}  # fill and stroke, as the map's card titles
    assert body == {0}
    appendix = [mode for font, size, mode in shown_text(reader.pages[-1]) if "Droid" in font]
    assert appendix.count(2) == 2  # the map's title in the running header, the touchpoint's in its cell


def test_a_right_to_left_paragraph_keeps_its_lines_in_reading_order(tmp_path):
    words = "אחת שתיים שלוש ארבע חמש שש שבע שמונה תשע עשר".split()
    journey = make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["Card"]})
    journey.update_touchpoint("card", description=" ".join(words * 4))  # wraps in its appendix cell
    reader = export_pdf(journey, tmp_path)
    appendix = page_texts(reader)[-1]
    read = [word for word in appendix.split() if word in words]
    assert len(read) == len(words) * 4
    assert read == words * 4  # each line right to left, the first line on top


def test_right_to_left_stage_names_under_the_stage_chart_read_right_to_left(tmp_path):
    journey = make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["Card"]})
    journey.update_stage("aware", name=HEBREW)
    journey.update_touchpoint("card", emotion=1)
    summary = next(page for page in page_texts(export_pdf(journey, tmp_path)) if "Stage by stage" in page)
    assert summary.count(HEBREW) >= 3  # under both charts and in the table
    assert HEBREW[::-1] not in summary


def test_a_right_to_left_client_keeps_the_footer_date_in_order(tmp_path):
    from datetime import date

    from app.pdf.title_page import long_date

    journey = make_map(stages=("Aware",), lanes=("Web",), cards={("Aware", "Web"): ["Card"]})
    journey.set_info(client=HEBREW)
    for page in page_texts(export_pdf(journey, tmp_path)):
        assert long_date(date.today()) in page  # not "November 2026 30", which a right-to-left line makes of it
        assert HEBREW in page


def test_brackets_round_latin_text_in_hebrew_stay_a_pair(tmp_path):
    _, text = map_text(tmp_path, ["נשלח SMS (code) לך"])
    assert "SMS (code)" in text and "(code " not in text  # not "(SMS (code", each bracket on its own


def test_bracket_pairs_are_resolved_and_mirrored_by_the_bidirectional_algorithm():
    from app.pdf.text import visual

    # Drawn left to right; a bracket in right-to-left text is drawn mirrored, one round Latin text is not.
    assert visual("נשלח SMS (code) לך") == "ךל SMS (code) חלשנ"
    assert visual("א SMS (text).") == ".SMS (text) א"
    assert visual("נשלח קוד (SMS)") == "(SMS) דוק חלשנ"
    assert visual("הלקוח שולח SMS (הודעה)") == "(העדוה) SMS חלוש חוקלה"
    assert "(call us)" in visual("اتصل بنا (call us) الآن")


def _ink_rows(image_path):
    """(leftmost, rightmost) inked column of each run of inked pixel rows: one per printed line."""
    from PIL import Image

    image = Image.open(image_path).convert("L")
    width, height = image.size
    pixels = image.load()
    lines, current = [], None
    for y in range(height):
        inked = [x for x in range(width) if pixels[x, y] < 160]
        if inked:
            current = (min(inked + [current[0]] if current else inked),
                       max(inked + [current[1]] if current else inked))
        elif current:
            lines.append(current)
            current = None
    return lines


@pytest.mark.skipif(not HAVE_PDFTOPPM, reason="needs pdftoppm (poppler-utils)")
def test_a_right_to_left_paragraph_of_several_lines_is_right_aligned(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    from app.pdf.styles import para, styles

    width = 200
    for name, words in (("hebrew", "הלקוח רואה מודעה, שואל חבר (SMS) ומשלם בקופה"),
                        ("arabic", "يرى العميل الإعلان ثم يقرأ المراجعات (reviews) ويقارن الأسعار")):
        canvas = Canvas(str(tmp_path / f"{name}.pdf"), pagesize=(width + 20, 200))
        paragraph = para(f"{words} {words}", styles().body)
        _, height = paragraph.wrap(width, 200)
        paragraph.drawOn(canvas, 10, 190 - height)
        canvas.save()
        subprocess.run(["pdftoppm", "-r", "144", "-png", "-singlefile", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        lines = [(left, right) for left, right in _ink_rows(tmp_path / f"{name}.png") if right - left > 20]  # not dots
        assert len(lines) >= 2, name
        rights = [right for _, right in lines]
        assert max(rights) - min(rights) <= 3, (name, lines)  # every line ends at the right edge
        assert max(right for right in rights) > (width + 10) * 2 - 6  # which is the frame's
