"""Images never carry text XML cannot hold: a map with control characters (which the file
format accepts) still gives an SVG that parses, from the command line as from the window."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from model.journey_file import load, save, to_bytes
from model.xml_text import xml_safe_map
from tests.command_line import wayfinder
from tests.factories import make_map

BELL, ESCAPE, NUL = "\x07", "\x1b", "\x00"


def map_with_control_characters():
    journey = make_map(title=f"Ring{BELL} the{ESCAPE} bell{NUL}", cards={("Aware", "Web"): ["Ad"]})
    ad = journey.cell("aware", "web")[0]
    journey.update_touchpoint(ad, title=f"Bell{BELL}card", description=f"tab\tstays{ESCAPE}",
                              owner=f"Ops{NUL}team")
    return journey


def svg_text(root) -> str:
    return " ".join(" ".join(element.itertext()) for element in root.iter())


def test_an_svg_of_a_control_character_title_parses_as_xml(tmp_path):
    path = tmp_path / "bell.journey"
    save(map_with_control_characters(), path)
    assert load(path).info.title == f"Ring{BELL} the{ESCAPE} bell{NUL}"  # the file keeps them
    out = tmp_path / "bell.svg"
    result = wayfinder("export", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    root = ElementTree.fromstring(out.read_bytes())  # raised "not well-formed" before
    text = svg_text(root)
    assert "Ring the bell" in text and "Bellcard" in text
    assert not any(character in text for character in (BELL, ESCAPE, NUL))


def test_a_png_of_the_same_map_is_made_and_the_map_itself_is_left_alone(tmp_path):
    from app.image_export import render_png

    journey = map_with_control_characters()
    before = to_bytes(journey)
    assert render_png(journey, scale=1).startswith(b"\x89PNG")
    assert to_bytes(journey) == before


def test_only_a_map_with_such_characters_is_copied():
    clean = make_map()
    assert xml_safe_map(clean) is clean
    copy = xml_safe_map(map_with_control_characters())
    assert copy.info.title == "Ring the bell"
    ad = copy.touchpoint(copy.cell("aware", "web")[0])
    assert (ad.title, ad.description, ad.owner) == ("Bellcard", "tab\tstays", "Opsteam")
