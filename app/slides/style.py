"""The deck's look in one place: slide sizes, fonts and colours, read by every slide.

The colours are the canvas's (`model.theme`), so the slides match the map on screen. A brand kit
will change the deck here and nowhere else: `deck_style` is where its fonts, colours and logo
take over from these defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from model import theme
from model.journey_map import JourneyMap

# Slide sizes in points (12,700 EMU each): PowerPoint's own 16:9 and 4:3, and how menus name them.
SLIDE_SIZES = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}
SLIDE_SIZE_NAMES = {"16:9": "16:9 (widescreen)", "4:3": "4:3 (standard)"}
DEFAULT_SLIDE_SIZE = "16:9"


@dataclass(frozen=True)
class DeckStyle:
    """Fonts, colours and sizes of one deck. Sizes are points."""

    # Arial is in every PowerPoint; LibreOffice sets it in Liberation Sans, whose letters are as wide.
    font: str = "Arial"
    text: str = theme.TEXT
    muted: str = theme.TEXT_MUTED
    accent: str = theme.BLUE
    alarm: str = theme.PROBLEM_HIGHLIGHT
    rule: str = theme.CARD_BORDER
    panel: str = theme.BAND_HEADER_BACKGROUND
    margin: float = 36.0
    title_size: float = 28.0
    title_floor: float = 16.0
    body_size: float = 14.0
    body_floor: float = 8.0
    small_size: float = 11.0
    # Text on the overview's cards and bands may shrink this far, then is cut short.
    map_floor: float = 4.0


def deck_style(journey: JourneyMap) -> DeckStyle:
    """The style a map's deck is drawn in (the house style until maps carry a brand kit)."""
    return DeckStyle()
