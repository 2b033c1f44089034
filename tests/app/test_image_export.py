"""PNG and SVG exports look like the canvas: sharp at the chosen scale, text kept as text in SVG."""

from __future__ import annotations

import html
import struct

import pytest

from app.samples import sample_paths
from model.journey_file import load
from model.layout import layout
from tests.command_line import wayfinder

RETAIL = next(path for path in sample_paths() if path.stem == "retail-purchase")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("scale", [None, "1", "3"])
def test_png_from_the_command_line_has_the_chosen_resolution(tmp_path, scale):
    out = tmp_path / "map.png"
    result = wayfinder("export", str(RETAIL), "-o", str(out), *(["--scale", scale] if scale else []))
    assert result.returncode == 0, result.stderr
    geometry = layout(load(RETAIL))
    factor = float(scale or 2)
    assert png_size(out.read_bytes()) == (round(geometry.width * factor), round(geometry.height * factor))


def test_svg_keeps_every_title_as_text_and_marks_the_dead_end(tmp_path):
    out = tmp_path / "map.svg"
    result = wayfinder("export", str(RETAIL), "-o", str(out))
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    text = html.unescape(svg)
    for touchpoint in load(RETAIL).touchpoints():
        assert touchpoint.title.split()[0] in text  # cards wrap titles, so the first word stands alone
    assert "Dead end" in svg and "Unreachable" in svg


def test_exporting_into_a_missing_folder_says_so_in_one_line(tmp_path):
    result = wayfinder("export", str(RETAIL), "-o", str(tmp_path / "nowhere" / "map.png"))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "nowhere" in result.stderr
