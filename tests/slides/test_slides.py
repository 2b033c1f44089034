"""PowerPoint decks: read back with python-pptx, every card is a shape with its text, every connection
a connector glued to its two cards, the deck has the slides its outline promises, and no text leaves
its box or the slide; LibreOffice (where installed) opens and renders every slide."""

import shutil
import subprocess
from io import BytesIO

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.util import Emu
from pypdf import PdfReader

from app.slides import write_deck
from app.slides.drawing import rgb_hex
from app.slides.outline import outline
from app.slides.style import SLIDE_SIZES, deck_style
from model import theme
from model.journey_file import load, save
from tests.command_line import ROOT, wayfinder
from tests.factories import large_map, make_map, two_persona_map

RETAIL = ROOT / "resources/samples/retail-purchase.journey"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PHOTO_RED, PHOTO_GREEN = "#d01010", "#10a010"


def cards_of(slide) -> dict[str, object]:
    return {shape.name.removeprefix("Touchpoint: "): shape for shape in slide.shapes
            if shape.name.startswith("Touchpoint: ")}


def test_the_overview_has_a_shape_per_card_and_a_glued_connector_per_connection(tmp_path):
    journey = load(RETAIL)
    write_deck(journey, tmp_path / "deck.pptx")
    deck = Presentation(tmp_path / "deck.pptx")
    overview = deck.slides[1]
    cards = cards_of(overview)
    assert sorted(cards) == sorted(tp.title for tp in journey.touchpoints())
    for tp in journey.touchpoints():
        assert cards[tp.title].text_frame.paragraphs[0].text == tp.title
    assert cards["Hold queue 20 min"].text_frame.text.endswith("2 pain points, critical")
    ids = {shape.shape_id: name for name, shape in cards.items()}
    glued = []
    for shape in overview.shapes:
        if shape.shape_type is not None and shape._element.tag == f"{P}cxnSp":
            start = shape._element.find(f".//{A}stCxn")
            end = shape._element.find(f".//{A}endCxn")
            if start is not None:
                glued.append((ids[int(start.get("id"))], ids[int(end.get("id"))]))
    titles = {tp.id: tp.title for tp in journey.touchpoints()}
    assert sorted(glued) == sorted((titles[c.source], titles[c.target]) for c in journey.connections())
    assert any(shape.name == "Emotion curve" for shape in overview.shapes)
    notes = overview.notes_slide.notes_text_frame.text
    assert all(f"{titles[c.source]} → {titles[c.target]}: {c.label}" in notes for c in journey.connections() if c.label)


def test_the_deck_has_the_promised_slides_with_stage_details_in_the_notes(tmp_path):
    journey = load(RETAIL)
    write_deck(journey, tmp_path / "deck.pptx")
    deck = Presentation(tmp_path / "deck.pptx")
    promised = outline(journey, deck_style(journey), SLIDE_SIZES["16:9"])
    assert [p.kind for p in promised] == ["title", "overview"] + ["stage"] * len(journey.stages) + ["findings"]
    assert len(deck.slides) == len(promised)
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))
    titles = [next(s.text_frame.text for s in slide.shapes if s.name == "Title") for slide in deck.slides]
    assert titles == [page.title for page in promised]
    purchase = deck.slides[2 + [s.name for s in journey.stages].index("Purchase")]
    notes = purchase.notes_slide.notes_text_frame.text
    assert "Goal: Pay quickly" in notes and "Pain, critical" in notes
    findings = " ".join(shape.text_frame.text for shape in deck.slides[-1].shapes if shape.has_text_frame)
    assert "Dead ends: 1" in findings and "Hold queue 20 min" in findings and "Weakest stage: Consideration" in findings


def test_long_text_shrinks_then_is_cut_and_nothing_leaves_a_4_3_slide(tmp_path):
    long_title = "Wait for the courier who said he would call an hour before arriving " * 3
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Wait"], ("Buy", "Store"): [f"Step {i}" for i in range(40)]},
                       title=("A journey whose title goes on " * 6)[:200])
    tp = journey.update_touchpoint("wait", title=long_title[:200], description="More.\x01 " * 2000)
    for i in range(12):
        journey.add_pain_point(tp.id, f"Pain number {i} that goes on for a while to fill the table cell", severity=3)
    write_deck(journey, tmp_path / "deck.pptx", slide_size="4:3")
    deck = Presentation(tmp_path / "deck.pptx")
    assert (deck.slide_width, deck.slide_height) == (Emu(9144000), Emu(6858000))
    promised = outline(journey, deck_style(journey), SLIDE_SIZES["4:3"])
    assert [p.title for p in promised if p.kind == "stage"][1:] == [f"Buy ({n} of 4)" for n in range(1, 5)]
    assert len(deck.slides) == len(promised)
    cut = 0
    for slide in deck.slides:
        for shape in slide.shapes:
            assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width, shape.name
            assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height, shape.name
            if shape.has_table:
                assert shape.top + sum(row.height for row in shape.table.rows) <= deck.slide_height
            if shape.has_text_frame:
                for run in (r for p in shape.text_frame.paragraphs for r in p.runs):
                    assert run.font.size.pt >= 4
                cut += shape.text_frame.text.endswith("…")
    assert cut >= 1


def test_export_on_the_command_line_and_4_3_on_request(tmp_path):
    out = tmp_path / "deck.pptx"
    result = wayfinder("export", str(RETAIL), "-o", str(out), "--slides", "4:3")
    assert (result.returncode, result.stderr) == (0, "")
    assert Presentation(out).slide_width == Emu(9144000)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-impress")
def test_libreoffice_opens_the_deck_and_renders_every_slide(tmp_path):
    journey = large_map(touchpoints=100, stages=6, lanes=4, connections=120)
    write_deck(journey, tmp_path / "deck.pptx")
    result = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "deck.pptx")],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    pages = PdfReader(tmp_path / "deck.pdf").pages
    assert len(pages) == len(Presentation(tmp_path / "deck.pptx").slides)
    overview_text = pages[1].extract_text()
    assert "Step 0 of the" in overview_text and "Emotion" in overview_text


def test_a_deck_that_cannot_be_written_says_why_in_one_line(tmp_path):
    out = tmp_path / "gone" / "deck.pptx"
    result = wayfinder("export", str(RETAIL), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr == f"{out}: cannot be written: No such file or directory\n"


def test_a_lane_a_persona_owns_shows_their_colour_badge_and_name_on_the_overview(tmp_path):
    """Exported from the command line, which finds photos beside the map file: Maya's photo cut to its
    middle square in a circle; Sam's photo is missing, so his initials on his colour."""
    photo = Image.new("RGB", (120, 240), PHOTO_GREEN)
    photo.paste(Image.new("RGB", (120, 120), PHOTO_RED), (0, 60))
    (tmp_path / "photos").mkdir()
    photo.save(tmp_path / "photos" / "maya.png")
    journey = two_persona_map()
    journey.update_persona("maya", photo="photos/maya.png")
    journey.update_persona("sam", photo="photos/gone.png")
    journey.update_lane("web", persona="maya")
    journey.update_lane("shop", persona="sam")
    save(journey, tmp_path / "map.journey")
    result = wayfinder("export", str(tmp_path / "map.journey"), "-o", str(tmp_path / "deck.pptx"))
    assert (result.returncode, result.stderr) == (0, "")
    shapes = {shape.name: shape for shape in Presentation(tmp_path / "deck.pptx").slides[1].shapes}
    assert shapes["Lane: Web"].text_frame.text == "Web\nChannel · for Maya"
    assert shapes["Lane: Shop"].text_frame.text == "Shop\nChannel · for Sam"
    maya, sam = theme.PERSONA_CURVES[:2]
    assert str(shapes["Persona colour: Maya"].fill.fore_color.rgb) == rgb_hex(maya)
    assert str(shapes["Persona colour: Sam"].fill.fore_color.rgb) == rgb_hex(sam)
    badge = shapes["Persona badge: Maya"]
    assert badge.shape_type == MSO_SHAPE_TYPE.PICTURE and badge.auto_shape_type == MSO_SHAPE.OVAL
    assert str(badge.line.color.rgb) == rgb_hex(maya) and badge.width == badge.height
    shown = Image.open(BytesIO(badge.image.blob)).convert("RGB")
    assert shown.width == shown.height and set(shown.getcolors()) == {(shown.width * shown.height, (0xd0, 0x10, 0x10))}
    initials = shapes["Persona badge: Sam"]
    assert initials.auto_shape_type == MSO_SHAPE.OVAL and initials.text_frame.text == "S"
    assert str(initials.fill.fore_color.rgb) == rgb_hex(sam)
    for name in ("Maya", "Sam"):  # in the bottom left corner of the header, under its words
        words, badge = shapes[f"Lane: {'Web' if name == 'Maya' else 'Shop'}"], shapes[f"Persona badge: {name}"]
        assert badge.top >= words.top + words.height and abs(badge.left - words.left) < words.width / 10
