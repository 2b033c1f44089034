"""Presentation mode on real screen sizes: one 1920×1080 screen, and a laptop with a projector.

Each case runs Wayfinder in a child process whose offscreen Qt has the screens configured
(`tests/app/room_probe.py`), so the rest of the suite keeps its own single screen.
"""

from __future__ import annotations

from tests.app.room_probe import run_with_screens

PROJECTOR = {"name": "projector", "x": 0, "width": 1920, "height": 1080}


def test_at_1920_by_1080_card_titles_are_at_least_22_pixels_and_meta_text_at_least_14():
    found = run_with_screens([PROJECTOR])
    assert found["full_screen"] and found["room_size"] == [1920, 1080]
    assert found["title_pixels"] >= 22  # 1080 / 50 = 21.6, the projector rule
    assert found["meta_pixels"] is None or found["meta_pixels"] >= 14
    assert found["stages_in_view"] >= 3


def test_on_a_small_screen_meta_text_below_14_pixels_is_left_out():
    found = run_with_screens([{"name": "small", "x": 0, "width": 1024, "height": 600}])
    assert found["title_pixels"] >= 600 / 50
    assert found["meta_pixels"] is None  # 10 units at this scale would be under 14 px


def test_with_two_screens_the_room_gets_the_other_screen_and_the_laptop_the_presenter_view():
    laptop = {"name": "laptop", "x": 0, "width": 1440, "height": 900}
    found = run_with_screens([laptop, {**PROJECTOR, "x": 1440}])
    assert found["window_screen"] == "laptop" and found["room_screen"] == "projector"
    assert found["room_size"] == [1920, 1080] and found["title_pixels"] >= 22
    assert found["presenter_visible"] and "Stage 1 of 5: Awareness" in found["presenter_now"]
