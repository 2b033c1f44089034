"""The room's marks on the printed map, as the canvas draws them: service-blueprint lines along
the top of their lanes, and each card's vote dots on its top edge (placed by `model.room_geometry`)."""

from __future__ import annotations

from typing import Callable

from reportlab.pdfgen.canvas import Canvas

from model import theme
from model.journey_map import JourneyMap
from model.layout import MapGeometry, Rect
from model.room import BLUEPRINT_LINE_LABELS
from model.room_geometry import blueprint_label_baseline, vote_dots

from . import marks, text
from .fonts import ascent, centred_baseline, line_height, string_width


def draw_blueprint_lines(canvas: Canvas, journey: JourneyMap, geometry: MapGeometry) -> None:
    """In layout coordinates with y negated, as the map's panes draw."""
    for line in journey.blueprint_lines:
        row = geometry.lane_rows[line.above]
        canvas.saveState()
        canvas.setStrokeColor(marks.colour(theme.BLUEPRINT_LINE))
        canvas.setLineWidth(theme.BLUEPRINT_LINE_WIDTH)
        canvas.setDash(6, 3)
        canvas.line(row.x, -row.y, row.right, -row.y)
        canvas.restoreState()
        canvas.setFillColor(marks.colour(theme.BLUEPRINT_LINE))
        size = theme.CARD_META_SIZE
        at = blueprint_label_baseline(row, line_height(size) - ascent(size))  # the font's descent
        text.draw_line(canvas, at.x, -at.y, BLUEPRINT_LINE_LABELS[line.kind], size, bold=True)


def draw_vote_dots(canvas: Canvas, journey: JourneyMap, geometry: MapGeometry,
                   visible: Callable[[Rect], bool]) -> None:
    """The current round's dots of every visible card."""
    size = theme.SCORE_LABEL_SIZE
    for tp_id, card in geometry.cards.items():
        dots = journey.dots_on(tp_id)
        if not dots or not visible(card):
            continue
        parts = vote_dots(dots, lambda label: string_width(label, size, bold=True))
        canvas.setStrokeColor(marks.colour(theme.CARD_BACKGROUND))
        canvas.setFillColor(marks.colour(theme.VOTE_DOT))
        for dot in parts.dots:
            canvas.circle(card.x + dot.x + dot.width / 2, -(card.y + dot.y + dot.height / 2), dot.width / 2,
                          stroke=1, fill=1)
        if parts.count_box is not None:
            box = parts.count_box
            canvas.setFillColor(marks.colour(theme.CARD_BACKGROUND))
            canvas.roundRect(card.x + box.x, -(card.y + box.bottom), box.width, box.height, 3, stroke=0, fill=1)
            canvas.setFillColor(marks.colour(theme.VOTE_DOT))
            text.draw_line(canvas, card.x + box.x + box.width / 2, centred_baseline(-(card.y + box.y + box.height / 2), size),
                           parts.count, size, bold=True, align="center")
