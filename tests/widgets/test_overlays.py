"""The overlay fill rule and its legend agree for every way of colouring cards."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from model import theme  # noqa: E402
from tests.factories import make_map  # noqa: E402
from widgets.overlays import COLOUR_BY, card_fill, legend_entries  # noqa: E402


def test_each_fill_a_card_can_get_is_in_the_legend():
    journey = make_map(cards={("Aware", "Web"): ["Ad", "Blank"]})
    journey.update_touchpoint("ad", emotion=-2, scores={"meaning": 5, "value": 3, "accommodation": 1})
    journey.add_pain_point("ad", "Slow", severity=2)
    ad, blank = journey.touchpoint("ad"), journey.touchpoint("blank")
    expected = {"meaning": theme.SCALE_FILLS[5], "value": theme.SCALE_FILLS[3], "accommodation": theme.SCALE_FILLS[1],
                "emotion": theme.SCALE_FILLS[1], "pain": theme.PAIN_FILLS[2]}
    for colour_by in COLOUR_BY:
        if colour_by == "none":
            assert card_fill(ad, colour_by) is None
            continue
        legend = [colour for colour, _ in legend_entries(colour_by)]
        assert card_fill(ad, colour_by) == expected[colour_by] and expected[colour_by] in legend
        assert card_fill(blank, colour_by) in legend  # unscored, no emotion, no pain
