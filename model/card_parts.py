"""Where the parts of a card, a stage or lane header and a scores-band slot go.

`model.layout` says where a card is; this module says where, inside it, the title, the
channel line, the emotion face, the evidence mark, the M / V / A bars and the pain marker go,
and where a stage's metrics go in the metrics lane. The canvas items
(widgets/) and the PDF (app/pdf/) both paint from these parts, so the two cannot drift.
Parts are rectangles in layout units with y growing down, relative to the card's (or
header's, or band slot's) top-left corner for cards and to the map for headers and slots.

Text goes into a `TextSlot`: a box, a font size and the most lines it holds. Each painter
wraps text into the slot with its own font metrics (Qt's or reportlab's); both use the same
line height, `line_height`, so the lines sit in the same places.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import theme
from .entities import SCORE_NAMES
from .layout import Rect

# DejaVu Sans's vertical metrics in ems, from its hhea table as Qt reads them; bold shares them.
ASCENT_EM = 0.928
DESCENT_EM = 0.236
CAP_HEIGHT_EM = 0.729
HEADER_PAD = 10
BAR_STEP = theme.SCORE_BAR_HEIGHT + 5


def line_height(size: float) -> float:
    """Baseline-to-baseline distance of the theme's font at `size`."""
    return (ASCENT_EM + DESCENT_EM) * size


@dataclass(frozen=True, slots=True)
class TextSlot:
    """A box text is fitted into: at most `max_lines` lines of `size`, `line_height` apart."""

    box: Rect
    size: float
    max_lines: int = 1
    bold: bool = False

    @property
    def line_height(self) -> float:
        return line_height(self.size)

    def line_top(self, index: int) -> float:
        """The top of line `index` (from 0): a top-aligned line's ascent starts here."""
        return self.box.y + index * self.line_height


@dataclass(frozen=True, slots=True)
class ScoreBar:
    """One labelled bar: the "M", "V" or "A" and the track the score fills."""

    name: str
    label: TextSlot
    track: Rect


@dataclass(frozen=True, slots=True)
class CardParts:
    """The parts of one card, relative to its top-left corner."""

    frame: Rect
    title: TextSlot
    meta: TextSlot
    face: Rect
    bars: tuple[ScoreBar, ...]
    pain_marker: Rect
    evidence: Rect  # the badge saying how sure the team is of the card, under the face
    badge_height: float  # the "Dead end" tab's height; its width follows its text (`badge`)

    def badge(self, text_width: float) -> Rect:
        """The tab above the card that names a problem, for a label `text_width` wide."""
        return Rect(0, theme.PROBLEM_TAB_OVERLAP - theme.PROBLEM_TAB_HEIGHT, text_width + 12, self.badge_height)


@lru_cache(maxsize=None)
def card_parts(title_lines: int = theme.CARD_TITLE_MAX_LINES) -> CardParts:
    """The parts of a card whose title takes `title_lines` lines: the channel line follows the title."""
    pad, face = theme.CARD_PADDING, theme.EMOTION_FACE_SIZE
    title = TextSlot(Rect(pad, pad, theme.CARD_WIDTH - 3 * pad - face,
                          theme.CARD_TITLE_MAX_LINES * line_height(theme.CARD_TITLE_SIZE)),
                     theme.CARD_TITLE_SIZE, theme.CARD_TITLE_MAX_LINES, bold=True)
    meta_top = pad + max(title_lines, 1) * title.line_height + 2
    meta = TextSlot(Rect(pad, meta_top, theme.CARD_WIDTH - 2 * pad, line_height(theme.CARD_META_SIZE)),
                    theme.CARD_META_SIZE)
    bar_left = pad + theme.SCORE_BAR_LABEL_WIDTH
    bar_width = theme.CARD_WIDTH - bar_left - pad - theme.PAIN_MARKER_SIZE - 6
    bars_top = theme.CARD_HEIGHT - pad - len(SCORE_NAMES) * BAR_STEP + 5
    bars = tuple(
        ScoreBar(name,
                 TextSlot(Rect(pad, bars_top + i * BAR_STEP + theme.SCORE_BAR_HEIGHT / 2 - BAR_STEP / 2,
                               theme.SCORE_BAR_LABEL_WIDTH, BAR_STEP), theme.SCORE_LABEL_SIZE, bold=True),
                 Rect(bar_left, bars_top + i * BAR_STEP, bar_width, theme.SCORE_BAR_HEIGHT))
        for i, name in enumerate(SCORE_NAMES))
    marker = theme.PAIN_MARKER_SIZE
    return CardParts(
        frame=Rect(0, 0, theme.CARD_WIDTH, theme.CARD_HEIGHT),
        title=title,
        meta=meta,
        face=Rect(theme.CARD_WIDTH - pad - face, pad, face, face),
        bars=bars,
        pain_marker=Rect(theme.CARD_WIDTH - pad - marker, theme.CARD_HEIGHT - pad - marker, marker, marker),
        evidence=Rect(theme.CARD_WIDTH - pad - face / 2 - theme.EVIDENCE_MARK_SIZE / 2, pad + face + 3,
                      theme.EVIDENCE_MARK_SIZE, theme.EVIDENCE_MARK_SIZE),
        badge_height=theme.PROBLEM_TAB_HEIGHT,
    )


# ----------------------------------------------------------------- headers
@dataclass(frozen=True, slots=True)
class HeaderParts:
    """A header's name and the line under it (a stage's goal, a lane's kind), in map coordinates."""

    name: TextSlot
    detail: TextSlot
    badge: Rect | None = None  # a lane's persona badge, where the lane belongs to a persona
    stripe: Rect | None = None  # the persona's colour down that lane header's left edge


def stage_header_parts(header: Rect) -> HeaderParts:
    """The stage's name on one line, its goal on up to two lines below."""
    width = header.width - 2 * HEADER_PAD
    name = TextSlot(Rect(header.x + HEADER_PAD, header.y + 8 + (theme.HEADER_SIZE + 6 - line_height(
        theme.HEADER_SIZE)) / 2, width, line_height(theme.HEADER_SIZE)), theme.HEADER_SIZE, bold=True)
    goal_top = header.y + theme.HEADER_SIZE + 16
    goal = TextSlot(Rect(header.x + HEADER_PAD, goal_top, width, 2 * line_height(theme.STAGE_GOAL_SIZE)),
                    theme.STAGE_GOAL_SIZE, 2)
    return HeaderParts(name, goal)


def lane_header_parts(header: Rect, name_lines: int | None = None, persona: bool = False) -> HeaderParts:
    """The lane's name on as many lines as the row allows, its kind on the line after the
    `name_lines` it takes (all it may take, when not given); a lane of one `persona` keeps the
    bottom left corner for their badge."""
    width = header.width - 2 * HEADER_PAD
    spacing, kind_spacing = line_height(theme.HEADER_SIZE), line_height(theme.STAGE_GOAL_SIZE)
    size = theme.PERSONA_BADGE_SIZE
    room = header.height - (size + 6 if persona else 0)
    most = max(1, int((room - 16 - kind_spacing) // spacing))
    name = TextSlot(Rect(header.x + HEADER_PAD, header.y + 10, width, most * spacing), theme.HEADER_SIZE, most,
                    bold=True)
    used = most if name_lines is None else max(1, min(name_lines, most))
    kind = TextSlot(Rect(header.x + HEADER_PAD, header.y + 12 + used * spacing, width, kind_spacing),
                    theme.STAGE_GOAL_SIZE)
    if not persona:
        return HeaderParts(name, kind)
    return HeaderParts(name, kind, Rect(header.x + HEADER_PAD, header.bottom - 8 - size, size, size),
                       Rect(header.x + 1, header.y + 1, theme.PERSONA_LANE_STRIPE, header.height - 2))


def badge_ring_width(badge: Rect) -> float:
    """The ring in the persona's colour round their badge, so that a photo is told with its curve."""
    return max(1.0, badge.width / 12)


def badge_initials_size(badge: Rect) -> float:
    """The size of the initials on a badge with no photo."""
    return max(5.0, badge.height * 0.4)


def middle_square(width: int, height: int) -> tuple[int, int, int]:
    """The left, top and side of a photo's middle square: what a round badge shows of it."""
    side = min(width, height)
    return (width - side) // 2, (height - side) // 2, side


# ----------------------------------------------------------------- metrics lane
def metric_row(band: Rect, index: int) -> Rect:
    """Where a stage's `index`th metric goes in its part of the metrics lane (see `layout.metrics_band_height`)."""
    return Rect(band.x + theme.CELL_PADDING, band.y + theme.METRICS_BAND_PADDING + index * theme.METRIC_ROW_HEIGHT,
                band.width - 2 * theme.CELL_PADDING, theme.METRIC_ROW_HEIGHT)


# ----------------------------------------------------------------- scores band
@dataclass(frozen=True, slots=True)
class AverageSlot:
    """One of a stage's averages in the scores band: a value with a bar under it (M, V, A) or a
    face before it (emotion). `mark` is the bar's track or the face."""

    name: str  # "meaning", "value", "accommodation" or "emotion"
    value: TextSlot
    mark: Rect


BAND_AVERAGES = (*SCORE_NAMES, "emotion")
_BAND_FACE = 12


def score_slots(band: Rect) -> tuple[AverageSlot, ...]:
    """The four averages of one stage's part of the scores band, left to right."""
    size = theme.SCORE_LABEL_SIZE + 1
    slot = (band.width - 16) / len(BAND_AVERAGES)
    top = band.y + 6
    slots = []
    for i, name in enumerate(BAND_AVERAGES):
        x = band.x + 8 + i * slot
        if name == "emotion":
            face = Rect(x, top + ASCENT_EM * size / 2 + 1 - _BAND_FACE / 2, _BAND_FACE, _BAND_FACE)
            value = TextSlot(Rect(x + _BAND_FACE + 3, top, slot - _BAND_FACE - 9, line_height(size)), size, bold=True)
            slots.append(AverageSlot(name, value, face))
        else:
            slots.append(AverageSlot(name, TextSlot(Rect(x, top, slot - 6, line_height(size)), size, bold=True),
                                     Rect(x, band.y + 28, slot - 10, 5)))
    return tuple(slots)
