"""What presentation mode draws over the map, in screen pixels: the sticky stage band and lane
strip, the dimming of a walk-through, and the insights step's callouts. `view` is the
`PresentationView`, which says how large the room's text is and where the scene lies."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from model import theme
from widgets.text import elided_lines, font

STAGE_NAME_SCALE = 1.5  # stage names this much larger than card titles on screen
LANE_NAME_SCALE = 1.2
DIM = QColor(255, 255, 255, 190)
DIM_HIGH_CONTRAST = QColor(0, 0, 0, 200)


def _colours(view) -> tuple[QColor, QColor, QColor]:
    """Band background, band text, and the line under the bands."""
    if view.high_contrast:
        return QColor("#000000"), QColor("#ffffff"), QColor("#000000")
    return QColor(theme.STAGE_HEADER_BACKGROUND), QColor(theme.HEADER_TEXT), QColor(theme.GRID_LINE)

def paint_sticky_stages(painter: QPainter, view, g) -> None:
    band = view.stage_band_height()
    background, ink, rule = _colours(view)
    painter.fillRect(QRectF(0, 0, view.viewport().width(), band), background)
    name_font = font(view.title_pixels() * STAGE_NAME_SCALE, bold=True)
    goal_font = font(max(view.title_pixels() * 0.8, theme.ROOM_MIN_TEXT_PIXELS))
    journey = view.scene().journey
    for stage_id in g.stage_ids:
        column = g.stage_columns[stage_id]
        left = view.mapFromScene(QPointF(column.x, 0)).x()
        right = view.mapFromScene(QPointF(column.right, 0)).x()
        if right < view.lane_strip_width() or left > view.viewport().width():
            continue
        box = QRectF(left + 12, 6, right - left - 24, band - 12)
        stage = journey.stage(stage_id)
        painter.setPen(ink)
        painter.setFont(name_font)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         elided_lines(stage.name, name_font, box.width(), 1)[0])
        if stage.goal and band > 2.2 * QFontMetricsF(name_font).lineSpacing():
            painter.setFont(goal_font)
            goal_box = box.adjusted(0, QFontMetricsF(name_font).lineSpacing(), 0, 0)
            painter.drawText(goal_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             elided_lines(stage.goal, goal_font, box.width(), 1)[0])
        painter.setPen(QPen(rule, 2))
        painter.drawLine(QPointF(left, 0), QPointF(left, band))
    painter.setPen(QPen(rule, 2))
    painter.drawLine(QPointF(0, band), QPointF(view.viewport().width(), band))

def paint_sticky_lanes(painter: QPainter, view, g) -> None:
    strip = view.lane_strip_width()
    background, ink, rule = _colours(view)
    if not view.high_contrast:
        background = QColor(theme.LANE_HEADER_BACKGROUND)
    painter.fillRect(QRectF(0, 0, strip, view.viewport().height()), background)
    name_font = font(view.title_pixels() * LANE_NAME_SCALE, bold=True)
    journey = view.scene().journey
    rows = [(g.lane_rows[l], journey.lane(l).name) for l in g.lane_ids]
    rows.append((g.emotion_band, "Emotion"))
    band = view.stage_band_height()
    line = QFontMetricsF(name_font).lineSpacing()
    for row, name in rows:
        top = view.mapFromScene(QPointF(0, row.y)).y()
        bottom = view.mapFromScene(QPointF(0, row.bottom)).y()
        painter.setPen(QPen(rule, 2))
        painter.drawLine(QPointF(0, top), QPointF(strip, top))
        # A lane scrolled partly under the stage band keeps its name in view, until its end pushes it out.
        box = QRectF(10, max(top, band) + 8, strip - 20, bottom - max(top, band) - 16)
        if box.height() < line:
            continue
        painter.setPen(ink)
        painter.setFont(name_font)
        lines = elided_lines(name, name_font, box.width(), max(1, min(3, int(box.height() // line))))
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "\n".join(lines))
    painter.setPen(QPen(rule, 2))
    painter.drawLine(QPointF(strip, 0), QPointF(strip, view.viewport().height()))

def dim_other_stages(painter: QPainter, view, g, height: int) -> None:
    current = None if view.on_insights_step() else view.current_stage()
    shade = DIM_HIGH_CONTRAST if view.high_contrast else DIM
    for stage_id in g.stage_ids:
        if stage_id == current:
            continue
        column = g.stage_columns[stage_id]
        left = view.mapFromScene(QPointF(column.x, 0)).x()
        right = view.mapFromScene(QPointF(column.right, 0)).x()
        painter.fillRect(QRectF(left, 0, right - left, height), shade)

def paint_callouts(painter: QPainter, view, width: int, height: int) -> None:
    """The insights step: each finding as a large card in the middle of the screen."""
    if not view.callouts:
        return
    label_font = font(view.title_pixels() * 1.3, bold=True)
    text_font = font(view.title_pixels() * 1.7, bold=True)
    box_width = width * 0.7
    label_height = QFontMetricsF(label_font).lineSpacing()
    line_height = QFontMetricsF(text_font).lineSpacing()
    boxes = []
    for callout in view.callouts:
        lines = elided_lines(callout.text, text_font, box_width - 56, 2)
        boxes.append((callout, lines, label_height + len(lines) * line_height + 40))
    gap = 24
    top = max(view.stage_band_height() + gap, (height - sum(b[2] + gap for b in boxes)) / 2)
    left = (width - box_width) / 2
    for callout, lines, box_height in boxes:
        box = QRectF(left, top, box_width, box_height)
        painter.setPen(QPen(QColor(theme.PROBLEM_HIGHLIGHT if callout.problem else theme.BLUE), 4))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(box, 14, 14)
        painter.setPen(QColor(theme.PROBLEM_HIGHLIGHT if callout.problem else theme.TEXT_MUTED))
        painter.setFont(label_font)
        painter.drawText(box.adjusted(28, 16, -28, 0), Qt.AlignmentFlag.AlignLeft, callout.label)
        painter.setPen(QColor(theme.TEXT))
        painter.setFont(text_font)
        painter.drawText(box.adjusted(28, 16 + label_height + 4, -28, 0), Qt.AlignmentFlag.AlignLeft,
                         "\n".join(lines))
        top += box_height + gap
