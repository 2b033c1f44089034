"""One touchpoint card, drawn as the canvas's card item draws it, from the same theme sizes.

Title (two lines at most, ellipsis), channel · owner line, emotion face, evidence mark, M / V / A
bars and the pain marker all sit where they sit on screen, so a printed card reads like the card on
the canvas. All text is fitted to the card: nothing spills out of it. The parts every card
shares in few variants (frame, face, bars, pain marker) are stamps (see `stamps`).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from model import theme
from model.entities import SCORE_NAMES, Touchpoint
from model.layout import Rect, evidence_mark

from . import marks, text
from .fonts import ascent, centred_baseline, line_height, string_width
from .stamps import stamp

PAD = theme.CARD_PADDING
FACE = theme.EMOTION_FACE_SIZE
TITLE_WIDTH = theme.CARD_WIDTH - 3 * PAD - FACE
BAR_LEFT = PAD + theme.SCORE_BAR_LABEL_WIDTH
BAR_WIDTH = theme.CARD_WIDTH - BAR_LEFT - PAD - theme.PAIN_MARKER_SIZE - 6
BAR_STEP = theme.SCORE_BAR_HEIGHT + 5
BARS_TOP = theme.CARD_HEIGHT - PAD - 3 * BAR_STEP + 5  # from the card's top, y down as on screen
_BOX = (-2, -theme.CARD_HEIGHT - 2, theme.CARD_WIDTH + 2, 2)
EVIDENCE_MARK = evidence_mark(Rect(0, 0, theme.CARD_WIDTH, theme.CARD_HEIGHT))  # y down from the card's top  # the card and its border, y up from its top


def meta_line(touchpoint: Touchpoint) -> str:
    """The card's second line: where it happens and who owns it."""
    return " · ".join(part for part in (touchpoint.channel, touchpoint.owner) if part)


def draw_card(canvas: Canvas, touchpoint: Touchpoint, x: float, top: float, problem: str | None = None) -> None:
    """Draw `touchpoint`'s card with its top-left corner at (x, top), y up; `problem` ("dead_end" or
    "unreachable") marks it as the canvas does."""
    canvas.saveState()
    canvas.translate(x, top)  # from here on, the card's own y-down offsets are negated
    background = touchpoint.colour or theme.CARD_BACKGROUND
    stamp(canvas, ("card", background), _BOX, lambda c: _frame(c, background))
    if problem:
        problem_mark(canvas, problem)
    emotion = touchpoint.emotion
    stamp(canvas, ("card face", emotion), _BOX,
          lambda c: marks.emotion_face(c, theme.CARD_WIDTH - PAD - FACE / 2, -PAD - FACE / 2, FACE, emotion))
    level = touchpoint.evidence.level.value
    stamp(canvas, ("card evidence", level), _BOX,
          lambda c: marks.evidence_mark(c, EVIDENCE_MARK.center.x, -EVIDENCE_MARK.center.y, EVIDENCE_MARK.width, level))
    for i, (name, score) in enumerate(zip(SCORE_NAMES, touchpoint.scores.values())):
        stamp(canvas, ("card bar", i, name, score), _BOX, lambda c: _score_bar(c, i, name, score))
    if touchpoint.pain_points:
        count, severity = min(len(touchpoint.pain_points), 10), touchpoint.worst_severity  # 10 or more show "9+"
        stamp(canvas, ("card pains", count, severity), _BOX, lambda c: marks.pain_marker(
            c, theme.CARD_WIDTH - PAD, -(theme.CARD_HEIGHT - PAD), theme.PAIN_MARKER_SIZE, count, severity))

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
    canvas.restoreState()


def problem_mark(canvas: Canvas, problem: str) -> None:
    """A border in the problem's colour and a tab on the card's top edge naming it ("Dead end")."""
    canvas.setStrokeColor(marks.colour(theme.PROBLEM_MARKS[problem][0]))
    canvas.setLineWidth(theme.CARD_SELECTED_BORDER_WIDTH)
    canvas.roundRect(0, -theme.CARD_HEIGHT, theme.CARD_WIDTH, theme.CARD_HEIGHT, theme.CARD_CORNER_RADIUS,
                     stroke=1, fill=0)
    problem_tab(canvas, problem)


def problem_tab(canvas: Canvas, problem: str) -> None:
    """The tab alone, its bottom `PROBLEM_TAB_OVERLAP` below y = 0."""
    colour, label = theme.PROBLEM_MARKS[problem]
    size = theme.CARD_META_SIZE
    height, bottom = theme.PROBLEM_TAB_HEIGHT, -theme.PROBLEM_TAB_OVERLAP
    canvas.setFillColor(marks.colour(colour))
    canvas.roundRect(0, bottom, string_width(label, size, bold=True) + 12, height, 4, stroke=0, fill=1)
    canvas.setFillColor(marks.colour("#ffffff"))
    text.draw_line(canvas, 6, centred_baseline(bottom + height / 2, size), label, size, bold=True)


def _frame(canvas: Canvas, background: str) -> None:
    """The card's rounded box in `background`, and the M / V / A labels of its bars."""
    canvas.setStrokeColor(marks.colour(theme.CARD_BORDER))
    canvas.setLineWidth(theme.CARD_BORDER_WIDTH)
    canvas.setFillColor(marks.colour(background))
    canvas.roundRect(0, -theme.CARD_HEIGHT, theme.CARD_WIDTH, theme.CARD_HEIGHT, theme.CARD_CORNER_RADIUS,
                     stroke=1, fill=1)
    size = theme.SCORE_LABEL_SIZE
    canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
    for i, name in enumerate(SCORE_NAMES):
        middle = -(BARS_TOP + i * BAR_STEP + theme.SCORE_BAR_HEIGHT / 2)
        text.draw_line(canvas, PAD, centred_baseline(middle, size), theme.SCORE_LABELS[name], size, bold=True)


def _score_bar(canvas: Canvas, row: int, name: str, score: int | None) -> None:
    """The bar of score `name` in row `row` (M, V, A from the top); an unset score shows an empty track."""
    bottom = -(BARS_TOP + row * BAR_STEP + theme.SCORE_BAR_HEIGHT)
    marks.score_bar(canvas, BAR_LEFT, bottom, BAR_WIDTH, theme.SCORE_BAR_HEIGHT, name, score)
