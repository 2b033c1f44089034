"""One touchpoint card, drawn as the canvas's card item draws it, from the same theme sizes.

Title (two lines at most, ellipsis), channel · owner line, emotion face, M / V / A bars and
the pain marker all sit where they sit on screen, so a printed card reads like the card on
the canvas. All text is fitted to the card: nothing spills out of it.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from model import theme
from model.entities import SCORE_NAMES, Touchpoint

from . import marks, text
from .fonts import ascent, centred_baseline, line_height

PAD = theme.CARD_PADDING
FACE = theme.EMOTION_FACE_SIZE
TITLE_WIDTH = theme.CARD_WIDTH - 3 * PAD - FACE
BAR_LEFT = PAD + theme.SCORE_BAR_LABEL_WIDTH
BAR_WIDTH = theme.CARD_WIDTH - BAR_LEFT - PAD - theme.PAIN_MARKER_SIZE - 6
BAR_STEP = theme.SCORE_BAR_HEIGHT + 5
BARS_TOP = theme.CARD_HEIGHT - PAD - 3 * BAR_STEP + 5  # from the card's top, y down as on screen


def meta_line(touchpoint: Touchpoint) -> str:
    """The card's second line: where it happens and who owns it."""
    return " · ".join(part for part in (touchpoint.channel, touchpoint.owner) if part)


def draw_card(canvas: Canvas, touchpoint: Touchpoint, x: float, top: float) -> None:
    """Draw `touchpoint`'s card with its top-left corner at (x, top), y up."""
    canvas.saveState()
    canvas.translate(x, top)  # from here on, the card's own y-down offsets are negated
    canvas.setStrokeColor(marks.colour(theme.CARD_BORDER))
    canvas.setLineWidth(theme.CARD_BORDER_WIDTH)
    canvas.setFillColor(marks.colour(touchpoint.colour or theme.CARD_BACKGROUND))
    canvas.roundRect(0, -theme.CARD_HEIGHT, theme.CARD_WIDTH, theme.CARD_HEIGHT, theme.CARD_CORNER_RADIUS,
                     stroke=1, fill=1)
    marks.emotion_face(canvas, theme.CARD_WIDTH - PAD - FACE / 2, -PAD - FACE / 2, FACE, touchpoint.emotion)

    size = theme.CARD_TITLE_SIZE
    spacing = line_height(size)
    canvas.setFillColor(marks.colour(theme.TEXT))
    lines = text.fit_lines(touchpoint.title or "Untitled", size, TITLE_WIDTH, theme.CARD_TITLE_MAX_LINES, bold=True)
    for i, line in enumerate(lines):
        text.draw_line(canvas, PAD, -(PAD + i * spacing + ascent(size)), line, size, bold=True)
    meta = meta_line(touchpoint)
    if meta:
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        meta_top = PAD + 2 * spacing + 2
        text.draw_fitted(canvas, PAD, -(meta_top + ascent(theme.CARD_META_SIZE)), meta, theme.CARD_META_SIZE,
                         theme.CARD_WIDTH - 2 * PAD)
    _draw_scores(canvas, touchpoint)
    if touchpoint.pain_points:
        marks.pain_marker(canvas, theme.CARD_WIDTH - PAD, -(theme.CARD_HEIGHT - PAD), theme.PAIN_MARKER_SIZE,
                          len(touchpoint.pain_points), touchpoint.worst_severity)
    canvas.restoreState()


def _draw_scores(canvas: Canvas, touchpoint: Touchpoint) -> None:
    """Three labelled bars, M, V and A; an unset score shows an empty track."""
    size = theme.SCORE_LABEL_SIZE
    for i, (name, score) in enumerate(zip(SCORE_NAMES, touchpoint.scores.values())):
        bar_top = BARS_TOP + i * BAR_STEP
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        middle = -(bar_top + theme.SCORE_BAR_HEIGHT / 2)
        text.draw_line(canvas, PAD, centred_baseline(middle, size), theme.SCORE_LABELS[name], size, bold=True)
        marks.score_bar(canvas, BAR_LEFT, -(bar_top + theme.SCORE_BAR_HEIGHT), BAR_WIDTH, theme.SCORE_BAR_HEIGHT,
                        name, score)
