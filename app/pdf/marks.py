"""The small marks of a map (emotion face, pain marker, score bar, connection line, arrow head,
emotion curve, persona badge), drawn the way the canvas draws them. The map and the legend both use these, so
the legend explains exactly the marks the map shows.

Coordinates are reportlab's: y grows upwards. Map drawing negates layout y before calling here.
"""

from __future__ import annotations

from functools import lru_cache
from math import log2
from typing import Optional, Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from model import theme
from model.entities import EvidenceLevel
from model.evidence import EVIDENCE_MARKS
from model.bundles import Piece
from model.card_parts import badge_initials_size, badge_ring_width
from model.layout import Point, Rect, Route, smooth_curve

from . import text
from .fonts import centred_baseline


@lru_cache(maxsize=None)
def colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


WHITE = colour("#ffffff")
DENSE_WIDTH, DENSE_ALPHA = 0.55, 0.7  # connections on a crowded page: one alone finer, all fainter
BUNDLE_HEAVIEST = 3.0  # the heaviest bundle, in widths of one connection


def emotion_face(canvas: Canvas, cx: float, cy: float, size: float, emotion: Optional[int]) -> None:
    """A face whose colour and mouth both say the emotion, so colour is never the only cue.

    An unset emotion is a pale disc without a face.
    """
    canvas.setFillColor(colour(theme.emotion_colour(emotion)))
    canvas.circle(cx, cy, size / 2, stroke=0, fill=1)
    if emotion is None:
        return
    ink = WHITE if abs(emotion) == 2 else colour(theme.TEXT)
    left, top = cx - size / 2, cy + size / 2
    canvas.setStrokeColor(ink)
    canvas.setLineCap(1)
    canvas.setLineWidth(size * 0.11)
    for eye_x in (0.35, 0.65):  # a round-capped stroke of no length is a dot
        eye = left + eye_x * size
        canvas.line(eye, top - 0.38 * size, eye, top - 0.38 * size)
    canvas.setLineWidth(size * 0.07)
    mouth_y = top - 0.64 * size
    bend = -2 * emotion * 0.09 * size  # the quadratic's control point, below the corners for a smile
    x0, x2 = left + 0.28 * size, left + 0.72 * size
    # The canvas draws a quadratic curve; a cubic with controls 2/3 of the way to its control point is the same.
    path = canvas.beginPath()
    path.moveTo(x0, mouth_y)
    path.curveTo(x0 + (cx - x0) * 2 / 3, mouth_y + bend * 2 / 3, x2 + (cx - x2) * 2 / 3, mouth_y + bend * 2 / 3,
                 x2, mouth_y)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setLineCap(0)


def pain_marker(canvas: Canvas, right: float, bottom: float, size: float, count: int, severity: int) -> None:
    """A warning triangle in the worst severity's colour, with the number of pain points."""
    canvas.setFillColor(colour(theme.severity_colour(severity)))
    path = canvas.beginPath()
    path.moveTo(right - size / 2, bottom + size)
    path.lineTo(right, bottom)
    path.lineTo(right - size, bottom)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    label = str(count) if count < 10 else "9+"
    label_size = theme.SCORE_LABEL_SIZE * size / theme.PAIN_MARKER_SIZE
    # Centred where the canvas centres it: in the triangle's lower part, 1.5 units below its middle.
    baseline = centred_baseline(bottom + size / 2 - 1.5 * size / theme.PAIN_MARKER_SIZE, label_size)
    text.draw_line(canvas, right - size / 2, baseline, label, label_size, bold=True, align="center")


def score_bar(canvas: Canvas, x: float, y: float, width: float, height: float, name: str,
              score: Optional[float]) -> None:
    """A rounded track with the score's share (of 5) filled in the score's colour; unset = empty.

    Drawn as round-capped strokes: the same pill shape as a rounded rectangle in a fifth of the
    PDF operators, which matters with three bars on each of thousands of cards.
    """
    middle = y + height / 2
    canvas.setLineWidth(height)
    canvas.setLineCap(1)
    canvas.setStrokeColor(colour(theme.SCORE_BAR_TRACK))
    canvas.line(x + height / 2, middle, x + width - height / 2, middle)
    if score is not None:
        canvas.setStrokeColor(colour(theme.SCORE_COLOURS[name]))
        canvas.line(x + height / 2, middle, x + max(height / 2, width * score / 5 - height / 2), middle)
    canvas.setLineCap(0)


def connection_pen(canvas: Canvas, kind: str, width: float = theme.CONNECTION_WIDTH) -> None:
    """Stroke colour, width and dash of a connection kind."""
    canvas.setStrokeColor(colour(theme.connection_colour(kind)))
    canvas.setLineWidth(width)
    dash = theme.connection_dash(kind)
    canvas.setDash(list(dash) if dash else [], 0)


def connections(canvas: Canvas, routes: Sequence[Route], kind: str) -> None:
    """Connections of one kind: each route in the kind's pen, an arrow head at its end."""
    connection_lines(canvas, routes, kind)
    arrow_heads(canvas, routes, kind)


def connection_lines(canvas: Canvas, routes: Sequence[Route], kind: str) -> None:
    """The paths of connections of one kind, as one stroked path: a large map has thousands of
    connections, and two PDF operators per kind draw much faster than two per connection."""
    if not routes:
        return
    canvas.saveState()
    connection_pen(canvas, kind, theme.CONNECTION_WIDTH)
    curves = canvas.beginPath()
    for route in routes:
        curves.moveTo(route.points[0], route.points[1])
        c = route.curves()
        for i in range(0, len(c), 6):
            curves.curveTo(c[i], c[i + 1], c[i + 2], c[i + 3], c[i + 4], c[i + 5])
    canvas.drawPath(curves, stroke=1, fill=0)
    canvas.restoreState()


def bundled_lines(canvas: Canvas, pieces: Sequence[Piece], kind: str) -> None:
    """Connections of one kind bundled by channel (`model.bundles`): each piece once, finer than a
    single connection when one runs along it and heavier the more do, in one path per weight."""
    by_weight: dict[float, list[Piece]] = {}
    for piece in pieces:
        weight = min(BUNDLE_HEAVIEST, DENSE_WIDTH * (1 + log2(piece[4]) / 2))
        by_weight.setdefault(round(weight, 1), []).append(piece)
    canvas.saveState()
    canvas.setStrokeAlpha(DENSE_ALPHA)
    for weight, same in sorted(by_weight.items()):
        connection_pen(canvas, kind, theme.CONNECTION_WIDTH * weight)
        lines = canvas.beginPath()
        for x0, y0, x1, y1, _ in same:
            lines.moveTo(x0, y0)
            lines.lineTo(x1, y1)
        canvas.drawPath(lines, stroke=1, fill=0)
    canvas.restoreState()


def arrow_heads(canvas: Canvas, routes: Sequence[Route], kind: str) -> None:
    """The arrow heads of connections of one kind, as one filled path (drawn over the cards, so
    that none is hidden)."""
    if not routes:
        return
    canvas.setFillColor(colour(theme.connection_colour(kind)))
    heads = canvas.beginPath()
    for route in routes:
        x0, y0, x1, y1, x2, y2 = route.head()
        heads.moveTo(x0, y0)
        heads.lineTo(x1, y1)
        heads.lineTo(x2, y2)
        heads.close()
    # Non-zero winding: with the default even-odd rule, two heads on one spot (two connections into
    # one side of a card) cancel out and leave a hole where the arrow should be.
    canvas.drawPath(heads, stroke=0, fill=1, fillMode=FILL_NON_ZERO)


def label_halo(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
    """The white rounded box a connection label sits on (y up: `y` is its bottom)."""
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(colour(theme.GRID_LINE))
    canvas.setLineWidth(0.5)
    canvas.roundRect(x, y, width, height, height / 2, stroke=1, fill=1)


# Qt's DashLine, which the canvas draws the target curve with: 4 widths on, 2 off.
TARGET_DASH = (4 * theme.EMOTION_CURVE_WIDTH, 2 * theme.EMOTION_CURVE_WIDTH)


def emotion_curve(canvas: Canvas, points: Sequence[Point], target: bool = False, ink: str | None = None) -> None:
    """The smooth curve through `points` (the canvas's Catmull-Rom spline) and a dot on each:
    today's emotion, or (`target`) the to-be emotion, dashed; in its own colour unless `ink`
    (a persona's) says another."""
    if not points:
        return
    ink = colour(ink or (theme.TARGET_CURVE if target else theme.EMOTION_CURVE))
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(theme.EMOTION_CURVE_WIDTH)
    canvas.setLineJoin(1)
    canvas.setDash(list(TARGET_DASH) if target else [], 0)
    path = canvas.beginPath()
    path.moveTo(points[0].x, points[0].y)
    for control1, control2, end in smooth_curve(tuple(points)):
        path.curveTo(control1.x, control1.y, control2.x, control2.y, end.x, end.y)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setDash([], 0)
    canvas.setLineJoin(0)
    canvas.setStrokeColor(colour(theme.CARD_BACKGROUND))
    canvas.setFillColor(ink)
    canvas.setLineWidth(1.5)
    for point in points:
        canvas.circle(point.x, point.y, theme.EMOTION_MARKER_SIZE / 2, stroke=1, fill=1)


def zero_line(canvas: Canvas, x0: float, x1: float, y: float) -> None:
    """The dashed neutral line of the emotion band."""
    canvas.setStrokeColor(colour(theme.EMOTION_ZERO_LINE))
    canvas.setLineWidth(1)
    canvas.setDash([4, 3], 0)
    canvas.line(x0, y, x1, y)
    canvas.setDash([], 0)


def evidence_mark(canvas: Canvas, x: float, y: float, size: float, level: str) -> None:
    """The card's evidence badge centred on (x, y): a letter in a circle, dashed for an assumption,
    thin for an anecdote, filled for research, as the canvas draws it."""
    ink = colour(theme.EVIDENCE_INK[level])
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(1.3)
    canvas.setDash([2, 1.5] if level == "assumption" else [], 0)
    canvas.setFillColor(ink if level == "research" else colour(theme.CARD_BACKGROUND))
    canvas.circle(x, y, size / 2, stroke=1, fill=1)
    canvas.setDash([], 0)
    canvas.setFillColor(WHITE if level == "research" else ink)
    letter = EVIDENCE_MARKS[EvidenceLevel(level)]
    text.draw_line(canvas, x, centred_baseline(y, theme.SCORE_LABEL_SIZE), letter, theme.SCORE_LABEL_SIZE,
                   bold=True, align="center")


def kpi_status(canvas: Canvas, x: float, y: float, size: float, status: str) -> None:
    """A stage metric's status centred on (x, y): a tick in a disc (met), a cross (missed), a ring (unknown)."""
    ink = colour(theme.KPI_STATUS_COLOURS[status])
    if status == "unknown":
        canvas.setStrokeColor(ink)
        canvas.setLineWidth(1.5)
        canvas.circle(x, y, size / 2 - 1, stroke=1, fill=0)
        return
    canvas.setFillColor(ink)
    canvas.circle(x, y, size / 2, stroke=0, fill=1)
    canvas.setStrokeColor(WHITE)
    canvas.setLineWidth(1.8)
    canvas.setLineCap(1)
    h = size / 2
    if status == "met":
        path = canvas.beginPath()
        path.moveTo(x - 0.46 * h, y + 0.04 * h)
        path.lineTo(x - 0.12 * h, y - 0.4 * h)
        path.lineTo(x + 0.48 * h, y + 0.36 * h)
        canvas.drawPath(path, stroke=1, fill=0)
    else:
        canvas.line(x - 0.36 * h, y + 0.36 * h, x + 0.36 * h, y - 0.36 * h)
        canvas.line(x - 0.36 * h, y - 0.36 * h, x + 0.36 * h, y + 0.36 * h)
    canvas.setLineCap(0)


def persona_badge(canvas: Canvas, badge: Rect, letters: str, ink: str, photo: ImageReader | None) -> None:
    """A persona's badge, as the canvas paints it (`widgets.persona_badge.paint_badge`): their photo
    in a circle, or their initials on their colour; ringed in their colour either way. `badge` is in
    layout units, y down."""
    cx, cy, radius = badge.center.x, -badge.center.y, badge.width / 2
    canvas.saveState()
    if photo is not None:
        circle = canvas.beginPath()
        circle.circle(cx, cy, radius)
        canvas.clipPath(circle, stroke=0, fill=0)
        canvas.drawImage(photo, badge.x, -badge.bottom, badge.width, badge.height, mask="auto")
        canvas.restoreState()
        canvas.saveState()
    canvas.setStrokeColor(colour(ink))
    canvas.setFillColor(colour(ink))
    canvas.setLineWidth(badge_ring_width(badge))
    canvas.circle(cx, cy, radius - 0.5, stroke=1, fill=0 if photo is not None else 1)
    if photo is None:
        size = badge_initials_size(badge)
        canvas.setFillColor(colour(theme.CARD_BACKGROUND))
        text.draw_line(canvas, cx, centred_baseline(cy, size), letters, size, bold=True, align="center")
    canvas.restoreState()
