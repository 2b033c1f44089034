"""One touchpoint card, drawn as the canvas's card item draws it, from the same theme sizes.

Title (two lines at most, ellipsis), channel · owner line, emotion face, evidence mark, M / V / A
bars and the pain marker all sit where they sit on screen, so a printed card reads like the card on
the canvas. All text is fitted to the card: nothing spills out of it. The parts every card
shares in few variants (frame, face, bars, pain marker) are stamps (see `stamps`).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from model import theme
from model.card_parts import CardParts, card_parts
from model.entities import Touchpoint

from . import marks, text
from .fonts import ascent, centred_baseline, string_width
from .stamps import stamp

PARTS = card_parts()  # what every card shares, whatever its title's length
_BOX = (-2, -theme.CARD_HEIGHT - 2, theme.CARD_WIDTH + 2, 2)  # the card and its border, y up from its top


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
    face = PARTS.face
    stamp(canvas, ("card face", emotion), _BOX,
          lambda c: marks.emotion_face(c, face.center.x, -face.center.y, face.width, emotion))
    level = touchpoint.evidence.level.value
    mark = PARTS.evidence
    stamp(canvas, ("card evidence", level), _BOX,
          lambda c: marks.evidence_mark(c, mark.center.x, -mark.center.y, mark.width, level))
    for i, (bar, score) in enumerate(zip(PARTS.bars, touchpoint.scores.values())):
        stamp(canvas, ("card bar", i, bar.name, score), _BOX, lambda c: _score_bar(c, bar.track, bar.name, score))
    if touchpoint.pain_points:
        count, severity = min(len(touchpoint.pain_points), 10), touchpoint.worst_severity  # 10 or more show "9+"
        marker = PARTS.pain_marker
        stamp(canvas, ("card pains", count, severity), _BOX, lambda c: marks.pain_marker(
            c, marker.right, -marker.bottom, marker.width, count, severity))

    title = PARTS.title
    canvas.setFillColor(marks.colour(theme.TEXT))
    lines = text.fit_lines(touchpoint.title or "Untitled", title.size, title.box.width, title.max_lines,
                           bold=True)
    for i, line in enumerate(lines):
        text.draw_line(canvas, title.box.x, -(title.line_top(i) + ascent(title.size)), line, title.size, bold=True)
    meta = meta_line(touchpoint)
    if meta:
        slot = card_parts(len(lines)).meta
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        text.draw_fitted(canvas, slot.box.x, -(slot.box.y + ascent(slot.size)), meta, slot.size, slot.box.width)
    canvas.restoreState()


def problem_mark(canvas: Canvas, problem: str) -> None:
    """A border in the problem's colour and a tab on the card's top edge naming it ("Dead end")."""
    canvas.setStrokeColor(marks.colour(theme.PROBLEM_MARKS[problem][0]))
    canvas.setLineWidth(theme.CARD_SELECTED_BORDER_WIDTH)
    canvas.roundRect(0, -theme.CARD_HEIGHT, theme.CARD_WIDTH, theme.CARD_HEIGHT, theme.CARD_CORNER_RADIUS,
                     stroke=1, fill=0)
    problem_tab(canvas, problem)


def problem_tab(canvas: Canvas, problem: str, parts: CardParts = PARTS) -> None:
    """The tab alone, where `CardParts.badge` puts it (its bottom over the card's top edge)."""
    colour, label = theme.PROBLEM_MARKS[problem]
    size = theme.CARD_META_SIZE
    tab = parts.badge(string_width(label, size, bold=True))
    canvas.setFillColor(marks.colour(colour))
    canvas.roundRect(tab.x, -tab.bottom, tab.width, tab.height, 4, stroke=0, fill=1)
    canvas.setFillColor(marks.colour("#ffffff"))
    text.draw_line(canvas, tab.center.x, centred_baseline(-tab.center.y, size), label, size, bold=True,
                   align="center")


def _frame(canvas: Canvas, background: str) -> None:
    """The card's rounded box in `background`, and the M / V / A labels of its bars."""
    canvas.setStrokeColor(marks.colour(theme.CARD_BORDER))
    canvas.setLineWidth(theme.CARD_BORDER_WIDTH)
    canvas.setFillColor(marks.colour(background))
    frame = PARTS.frame
    canvas.roundRect(frame.x, -frame.bottom, frame.width, frame.height, theme.CARD_CORNER_RADIUS, stroke=1, fill=1)
    canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
    for bar in PARTS.bars:
        label = bar.label
        text.draw_line(canvas, label.box.x, centred_baseline(-label.box.center.y, label.size),
                       theme.SCORE_LABELS[bar.name], label.size, bold=True)


def _score_bar(canvas: Canvas, track, name: str, score: int | None) -> None:
    """The bar of score `name` in its track; an unset score shows an empty track."""
    marks.score_bar(canvas, track.x, -track.bottom, track.width, track.height, name, score)
