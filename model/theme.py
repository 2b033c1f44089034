"""Constants that shape the look of a map, shared by the canvas and the PDF.

The canvas (Qt) and the PDF (reportlab) both draw from these values and from the
geometry `model.layout` computes with them, so what is exported is what was on screen.
Sizes are layout units: 1 unit = 1 px at 100% zoom = 1 pt in the PDF. Colours are
"#rrggbb" strings, so either toolkit can parse them. Font sizes are in points.

Colours come from the Okabe-Ito palette (safe for the common colour-vision deficiencies)
and its tints. Colour is never the only cue: scores are labelled M/V/A, connection kinds
also differ by dash pattern, and emotion is also a number on the card and a height on the curve.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional, Union

# ----------------------------------------------------------------- cards
CARD_WIDTH = 184
# Room for a three-line title, the channel/owner line, the emotion, three M/V/A bars and a pain marker.
CARD_HEIGHT = 112
CARD_PADDING = 8
CARD_CORNER_RADIUS = 6
CARD_BORDER_WIDTH = 1
CARD_SELECTED_BORDER_WIDTH = 2.5
CARD_TITLE_MAX_LINES = 3
SCORE_BAR_HEIGHT = 5
SCORE_BAR_LABEL_WIDTH = 12  # the "M", "V" or "A" before each bar
PAIN_MARKER_SIZE = 16
# The emotion face in the card's top-right corner.
EMOTION_FACE_SIZE = 20

# ----------------------------------------------------------------- grid
CARD_GAP_X = 16  # between sub-columns of cards in one cell
CARD_STEP_X = CARD_WIDTH + CARD_GAP_X  # from one sub-column of cards to the next
CARD_GAP_Y = 12  # between cards stacked in one sub-column
CELL_PADDING = 12  # between a cell's edge and its cards; also keeps cards of neighbouring cells apart
# Cards stacked in one sub-column before the cell opens another sub-column to the right.
# Three keeps a lane row short enough to read the map without scrolling up and down.
MAX_STACK = 3
STAGE_HEADER_HEIGHT = 60
LANE_HEADER_WIDTH = 150
EMOTION_BAND_HEIGHT = 120
# Keeps the curve's +2 and -2 points (and their markers) off the band's edges.
EMOTION_BAND_PADDING = 14
SCORES_BAND_HEIGHT = 44
METRIC_ROW_HEIGHT = 32  # one stage metric in the metrics lane: name over value and target, a trend beside
METRICS_BAND_PADDING = 6
EVIDENCE_MARK_SIZE = 15  # the badge under a card's face saying how sure the team is of it
MARGIN = 24
GRID_LINE_WIDTH = 1

# ----------------------------------------------------------------- connections
CONNECTION_WIDTH = 1.5
ARROW_LENGTH = 9
ARROW_WIDTH = 7
# Routes run through the gutters with rounded corners (see `model.routing`); the lines of
# cards stacked in one sub-column run this far apart where they share a gutter or lane boundary.
ROUTE_CORNER_RADIUS = 6
ROUTE_TRACK = 3
EMOTION_CURVE_WIDTH = 2.5
EMOTION_MARKER_SIZE = 7

# ----------------------------------------------------------------- fonts
FONT_FAMILY = "DejaVu Sans"
# The PDF embeds these TTFs (from resources/fonts) so every script a map may use is printable.
FONT_FILE = "DejaVuSans.ttf"
FONT_FILE_BOLD = "DejaVuSans-Bold.ttf"
# Sizes are in layout units: pixels on the canvas at 100%, points in the PDF; large enough
# to read a card from the back of a workshop room at 100%.
MAP_TITLE_SIZE = 18
HEADER_SIZE = 14
STAGE_GOAL_SIZE = 10
CARD_TITLE_SIZE = 13
CARD_META_SIZE = 10  # channel / owner line
SCORE_LABEL_SIZE = 9
BAND_LABEL_SIZE = 11
CONNECTION_LABEL_SIZE = 10

# ----------------------------------------------------------------- Okabe-Ito palette
BLACK = "#000000"
ORANGE = "#e69f00"
SKY_BLUE = "#56b4e9"
BLUISH_GREEN = "#009e73"
YELLOW = "#f0e442"
BLUE = "#0072b2"
VERMILLION = "#d55e00"
REDDISH_PURPLE = "#cc79a7"

# ----------------------------------------------------------------- surfaces and text
CANVAS_BACKGROUND = "#fafafa"
STAGE_HEADER_BACKGROUND = "#e3ecf4"
LANE_HEADER_BACKGROUND = "#eeeeee"
BAND_HEADER_BACKGROUND = "#f3f0e8"
EMOTION_BAND_BACKGROUND = "#ffffff"
SCORES_BAND_BACKGROUND = "#ffffff"
GRID_LINE = "#c8c8c8"
EMOTION_ZERO_LINE = "#9a9a9a"
TEXT = "#1a1a1a"
TEXT_MUTED = "#5c5c5c"
HEADER_TEXT = "#1a1a1a"
CARD_BACKGROUND = "#ffffff"
CARD_BORDER = "#8c8c8c"
SCORE_BAR_TRACK = "#e6e6e6"
SELECTION = BLUE
SELECTION_FILL = "#cfe3f1"
DROP_INDICATOR = BLUE
PROBLEM_HIGHLIGHT = VERMILLION  # dead ends, unreachable cards found by analysis
UNREACHABLE_HIGHLIGHT = REDDISH_PURPLE
# How the canvas and the PDF mark what analysis finds: a border and a labelled tab above the card.
PROBLEM_MARKS = {"dead_end": (PROBLEM_HIGHLIGHT, "Dead end"), "unreachable": (UNREACHABLE_HIGHLIGHT, "Unreachable")}
# Cards a comparison or a merge points at; a conflict outranks every other mark.
REVIEW_MARKS = {"conflict": (ORANGE, "Conflict"), "added": (BLUISH_GREEN, "New"), "changed": (BLUE, "Changed")}
PROBLEM_TAB_HEIGHT = 16
PROBLEM_TAB_OVERLAP = 4  # the tab comes down over the card's edge and rises no higher than the cell's padding
TARGET_CURVE = BLUISH_GREEN  # the to-be emotion, dashed beside today's
# Curve colours for personas without one of their own, in the order personas are listed;
# distinct in hue and in lightness, so the curves stay apart in greyscale print.
PERSONA_BADGE_SIZE = 24  # a persona's photo or initials on a lane header they own
PERSONA_LANE_STRIPE = 5  # the band in the persona's colour down a lane header's left edge
PERSONA_PHOTO_PIXELS = 96  # photos are kept this big: badges are small, and a camera's photo is not
PERSONA_CURVES = ("#1f4e79", "#d55e00", "#009e73", "#7e2f8e", "#8a6d00")
DIMMED_OPACITY = 0.22  # cards the chosen persona never meets, and cards the to-be retires
# Evidence marks: a letter in a badge whose outline also differs (dashed, thin, filled), so the
# level reads without colour. Keys are `EvidenceLevel` values.
EVIDENCE_INK = {"assumption": VERMILLION, "anecdote": ORANGE, "research": BLUE}
TO_BE_MARKS = {"new": ("New", BLUISH_GREEN), "changed": ("Changed", BLUE), "removed": ("Retired", "#5c5c5c")}
KPI_STATUS_COLOURS = {"met": BLUISH_GREEN, "missed": VERMILLION, "unknown": "#9a9a9a"}
METRICS_BAND_BACKGROUND = "#ffffff"
PATH_COLOURS = {"easiest": BLUISH_GREEN, "painful": VERMILLION, "happy": BLUE}

# ----------------------------------------------------------------- room mode
BLUEPRINT_LINE = BLUE  # the service-blueprint lines between lanes
BLUEPRINT_LINE_WIDTH = 2
VOTE_DOT = VERMILLION  # dot voting: filled dots on the card, like the sticky dots on a wall
VOTE_DOT_SIZE = 9
VOTE_DOTS_SHOWN = 6  # more dots than this show as "●×12"
ROOM_MIN_TEXT_PIXELS = 14  # in presentation, text smaller than this on screen is left out
ROOM_TITLE_SHARE = 50  # card titles at least 1/50 of the screen's height (the projector "8H" rule)

# ----------------------------------------------------------------- overlay fills
# Light card fills, so that the card's text stays readable: the same vermillion-to-blue
# diverging scale as emotion, 1 (or -2) worst .. 5 (or +2) best.
SCALE_FILLS = {1: "#f7c1a6", 2: "#fbe0cc", 3: "#eeeeee", 4: "#d5e8f5", 5: "#a9cfe9"}
SCALE_FILL_UNSET = "#ffffff"
PAIN_FILLS = {0: "#ffffff", 1: "#fbe3d2", 2: "#f5b48c", 3: "#e07b4f"}

# ----------------------------------------------------------------- meaning colours
# Diverging around a neutral grey: vermillion for bad, blue for good, darker = stronger.
EMOTION_COLOURS = {
    -2: VERMILLION,
    -1: "#eea374",
    0: "#9a9a9a",
    1: "#7fb9dd",
    2: BLUE,
}
EMOTION_UNSET = "#d0d0d0"
EMOTION_CURVE = "#333333"

SCORE_COLOURS = {
    "meaning": REDDISH_PURPLE,
    "value": BLUISH_GREEN,
    "accommodation": ORANGE,
}
SCORE_LABELS = {"meaning": "M", "value": "V", "accommodation": "A"}

# Sequential in one hue: the worse the pain, the darker the marker.
PAIN_SEVERITY_COLOURS = {
    1: "#f2b48a",
    2: VERMILLION,
    3: "#8a3300",
}

CONNECTION_COLOURS = {
    "main": "#333333",
    "alternative": BLUE,
    "fallback": ORANGE,
}
# Dash patterns (on, off, ... in layout units); an empty pattern is a solid line.
CONNECTION_DASHES: dict[str, tuple[float, ...]] = {
    "main": (),
    "alternative": (6, 4),
    "fallback": (2, 3),
}


def emotion_colour(emotion: Optional[int]) -> str:
    """The colour of a card's emotion chip; unset emotion gets a pale grey, not neutral's grey."""
    if emotion is None:
        return EMOTION_UNSET
    return EMOTION_COLOURS[emotion]


def severity_colour(severity: int) -> str:
    """The colour of a pain marker for the worst severity (1..3) on a card."""
    return PAIN_SEVERITY_COLOURS[severity]


def _kind_name(kind: Union[str, Enum]) -> str:
    return kind.value if isinstance(kind, Enum) else kind


def connection_colour(kind: Union[str, Enum]) -> str:
    """The line colour of a connection kind (a `ConnectionKind` or its name)."""
    return CONNECTION_COLOURS[_kind_name(kind)]


def connection_dash(kind: Union[str, Enum]) -> tuple[float, ...]:
    """The dash pattern of a connection kind (a `ConnectionKind` or its name)."""
    return CONNECTION_DASHES[_kind_name(kind)]
