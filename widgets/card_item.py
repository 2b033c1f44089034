"""One touchpoint card on the canvas, drawn from the model by id at the place layout gives it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from model import theme
from model.entities import SCORE_NAMES, Touchpoint
from model.room_geometry import vote_dots
from widgets.band_items import qrect
from widgets.text import elided_lines, font

HANDLE_RADIUS = 6
BADGE_RISE = theme.PROBLEM_TAB_HEIGHT - theme.PROBLEM_TAB_OVERLAP  # how far the tab stands above the card
DOT_RISE = theme.VOTE_DOT_SIZE / 2 + 2  # how far vote dots stand above the card (model.room_geometry)
_CARD_RECT = QRectF(0, 0, theme.CARD_WIDTH, theme.CARD_HEIGHT)


def legible(size: float, painter: QPainter, floor: float) -> bool:
    """Whether text of `size` layout units comes out at least `floor` pixels high on screen."""
    return size * QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) >= floor


class CardItem(QGraphicsItem):
    """A touchpoint card. It holds only the touchpoint's id; what it shows is read from the map."""

    def __init__(self, touchpoint_id: str):
        super().__init__()
        self.touchpoint_id = touchpoint_id
        # What overlays (widgets/overlays.py) ask for: a border colour, a fill, and a label above the card.
        self.highlight: str | None = None
        self.fill: str | None = None
        self.badge: str = ""
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)

    @property
    def touchpoint(self) -> Touchpoint:
        return self.scene().journey.touchpoint(self.touchpoint_id)

    def boundingRect(self) -> QRectF:
        return _CARD_RECT.adjusted(-3, -(BADGE_RISE if self.badge else DOT_RISE), 3 + HANDLE_RADIUS, 3)

    def set_overlay(self, highlight: str | None = None, fill: str | None = None, badge: str = "") -> None:
        if (highlight, fill, badge) != (self.highlight, self.fill, self.badge):
            self.prepareGeometryChange()
            self.highlight, self.fill, self.badge = highlight, fill, badge
            self.update()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(_CARD_RECT, theme.CARD_CORNER_RADIUS, theme.CARD_CORNER_RADIUS)
        path.addEllipse(self.handle_center(), HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
        return path

    @staticmethod
    def handle_center() -> QPointF:
        return QPointF(theme.CARD_WIDTH, theme.CARD_HEIGHT / 2)

    def on_handle(self, local: QPointF) -> bool:
        """Whether a press at `local` grabs the connection handle on the card's right edge."""
        delta = local - self.handle_center()
        return (delta.x() ** 2 + delta.y() ** 2) <= (HANDLE_RADIUS + 3) ** 2

    # ----------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        tp = self.touchpoint
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        contrast = self.scene().high_contrast
        border = QColor(theme.SELECTION if selected else (self.highlight or (theme.TEXT if contrast else theme.CARD_BORDER)))
        width = theme.CARD_SELECTED_BORDER_WIDTH if selected or self.highlight or contrast else theme.CARD_BORDER_WIDTH
        painter.setPen(QPen(border, width))
        painter.setBrush(QColor(self.fill or tp.colour or theme.CARD_BACKGROUND))
        painter.drawRoundedRect(_CARD_RECT, theme.CARD_CORNER_RADIUS, theme.CARD_CORNER_RADIUS)
        if self.badge:
            self._paint_badge(painter)

        pad = theme.CARD_PADDING
        face = theme.EMOTION_FACE_SIZE
        self._paint_emotion(painter, QRectF(theme.CARD_WIDTH - pad - face, pad, face, face), tp.emotion)
        title_font = font(theme.CARD_TITLE_SIZE, bold=True)
        title_width = theme.CARD_WIDTH - 3 * pad - face
        painter.setFont(title_font)
        painter.setPen(QColor(theme.TEXT))
        line_height = QFontMetricsF(title_font).lineSpacing()
        y = pad
        for line in elided_lines(tp.title or "Untitled", title_font, title_width, theme.CARD_TITLE_MAX_LINES):
            painter.drawText(QRectF(pad, y, title_width, line_height), Qt.AlignmentFlag.AlignLeft, line)
            y += line_height
        meta = " · ".join(part for part in (tp.channel, tp.owner) if part)
        if meta and legible(theme.CARD_META_SIZE, painter, self.scene().text_floor):
            meta_font = font(theme.CARD_META_SIZE)
            painter.setFont(meta_font)
            painter.setPen(QColor(theme.TEXT if contrast else theme.TEXT_MUTED))
            meta_rect = QRectF(pad, pad + 2 * line_height + 2, theme.CARD_WIDTH - 2 * pad,
                               QFontMetricsF(meta_font).lineSpacing())
            painter.drawText(meta_rect, Qt.AlignmentFlag.AlignLeft,
                             elided_lines(meta, meta_font, meta_rect.width(), 1)[0])
        self._paint_scores(painter, tp)
        if tp.pain_points:
            self._paint_pain_marker(painter, len(tp.pain_points), tp.worst_severity)
        if dots := self.scene().journey.dots_on(self.touchpoint_id):
            self._paint_vote_dots(painter, dots)
        if self.isUnderMouse() or selected:
            painter.setPen(QPen(QColor(theme.SELECTION), 1.5))
            painter.setBrush(QColor(theme.CARD_BACKGROUND))
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)
            painter.drawLine(self.handle_center() + QPointF(-3, 0), self.handle_center() + QPointF(3, 0))
            painter.drawLine(self.handle_center() + QPointF(0, -3), self.handle_center() + QPointF(0, 3))

    @staticmethod
    def _paint_vote_dots(painter: QPainter, dots: int) -> None:
        """The room's dots on the card's top edge (see `model.room_geometry`)."""
        label_font = font(theme.SCORE_LABEL_SIZE, bold=True)
        parts = vote_dots(dots, QFontMetricsF(label_font).horizontalAdvance)
        painter.setPen(QPen(QColor("#ffffff"), 1))
        painter.setBrush(QColor(theme.VOTE_DOT))
        for dot in parts.dots:
            painter.drawEllipse(qrect(dot))
        if parts.count_box is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.CARD_BACKGROUND))
            painter.drawRoundedRect(qrect(parts.count_box), 3, 3)
            painter.setFont(label_font)
            painter.setPen(QColor(theme.VOTE_DOT))
            painter.drawText(qrect(parts.count_box), Qt.AlignmentFlag.AlignCenter, parts.count)

    def _paint_badge(self, painter: QPainter) -> None:
        """A label on a tab above the card, in the highlight's colour: "Dead end", "Unreachable"."""
        badge_font = font(theme.CARD_META_SIZE, bold=True)
        width = QFontMetricsF(badge_font).horizontalAdvance(self.badge) + 12
        tab = QRectF(0, -BADGE_RISE, width, theme.PROBLEM_TAB_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.highlight or theme.PROBLEM_HIGHLIGHT))
        painter.drawRoundedRect(tab, 4, 4)
        painter.setFont(badge_font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, self.badge)

    @staticmethod
    def _paint_emotion(painter: QPainter, rect: QRectF, emotion: int | None) -> None:
        """A face whose colour and mouth both say the emotion, so colour is never the only cue."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.emotion_colour(emotion)))
        painter.drawEllipse(rect)
        if emotion is None:
            return
        ink = QPen(QColor("#ffffff" if abs(emotion) == 2 else theme.TEXT), 1.4)
        ink.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(ink)
        w, h = rect.width(), rect.height()
        for eye_x in (0.35, 0.65):
            painter.drawPoint(QPointF(rect.x() + eye_x * w, rect.y() + 0.38 * h))
        mouth = QPainterPath(QPointF(rect.x() + 0.28 * w, rect.y() + 0.64 * h))
        bend = emotion * 0.09 * h
        mouth.quadTo(QPointF(rect.x() + 0.5 * w, rect.y() + 0.64 * h + 2 * bend),
                     QPointF(rect.x() + 0.72 * w, rect.y() + 0.64 * h))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mouth)

    @staticmethod
    def _paint_scores(painter: QPainter, tp: Touchpoint) -> None:
        """Three labelled bars, M, V and A; an unset score shows an empty track and a dash."""
        pad = theme.CARD_PADDING
        label_font = font(theme.SCORE_LABEL_SIZE, bold=True)
        painter.setFont(label_font)
        bar_left = pad + theme.SCORE_BAR_LABEL_WIDTH
        bar_width = theme.CARD_WIDTH - bar_left - pad - theme.PAIN_MARKER_SIZE - 6
        step = theme.SCORE_BAR_HEIGHT + 5
        top = theme.CARD_HEIGHT - pad - 3 * step + 5
        for i, (name, score) in enumerate(zip(SCORE_NAMES, tp.scores.values())):
            y = top + i * step
            painter.setPen(QColor(theme.TEXT_MUTED))
            painter.drawText(QRectF(pad, y - 4, theme.SCORE_BAR_LABEL_WIDTH, step + 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, theme.SCORE_LABELS[name])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.SCORE_BAR_TRACK))
            track = QRectF(bar_left, y, bar_width, theme.SCORE_BAR_HEIGHT)
            painter.drawRoundedRect(track, 2, 2)
            if score is not None:
                painter.setBrush(QColor(theme.SCORE_COLOURS[name]))
                painter.drawRoundedRect(QRectF(bar_left, y, bar_width * score / 5, theme.SCORE_BAR_HEIGHT), 2, 2)

    @staticmethod
    def _paint_pain_marker(painter: QPainter, count: int, severity: int) -> None:
        """A warning triangle in the worst severity's colour, with the number of pain points."""
        size = theme.PAIN_MARKER_SIZE
        right, bottom = theme.CARD_WIDTH - theme.CARD_PADDING, theme.CARD_HEIGHT - theme.CARD_PADDING
        triangle = QPainterPath(QPointF(right - size / 2, bottom - size))
        triangle.lineTo(right, bottom)
        triangle.lineTo(right - size, bottom)
        triangle.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(theme.severity_colour(severity))))
        painter.drawPath(triangle)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font(theme.SCORE_LABEL_SIZE, bold=True))
        painter.drawText(QRectF(right - size, bottom - size + 3, size, size - 3), Qt.AlignmentFlag.AlignCenter,
                         str(count) if count < 10 else "9+")
