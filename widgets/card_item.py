"""One touchpoint card on the canvas, drawn from the model by id at the place layout gives it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem

from model import theme
from model.card_parts import card_parts
from model.entities import EvidenceLevel, ToBeChange, Touchpoint
from model.evidence import EVIDENCE_MARKS
from model.room_geometry import vote_dots
from widgets.band_items import qrect
from widgets.detail import readable
from widgets.emotion_face import paint_face
from widgets.recording import Recording
from widgets.text import elided_lines, font

HANDLE_RADIUS = 6
BADGE_RISE = theme.PROBLEM_TAB_HEIGHT - theme.PROBLEM_TAB_OVERLAP  # how far the tab stands above the card
DOT_RISE = theme.VOTE_DOT_SIZE / 2 + 2  # how far vote dots stand above the card (model.room_geometry)
PARTS = card_parts()
_CARD_RECT = qrect(PARTS.frame)


def legible(size: float, painter: QPainter, floor: float) -> bool:
    """Whether text of `size` layout units comes out at least `floor` pixels high on screen."""
    return size * QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) >= floor


class CardItem(QGraphicsRectItem):
    """A touchpoint card. It holds only the touchpoint's id; what it shows is read from the map.

    A rect item only so that its bounds are Qt's: the view asks every card for them on every
    repaint, and 2,000 Python calls a frame were a third of a repaint. The rect is never drawn.
    """

    def __init__(self, touchpoint_id: str):
        super().__init__()
        self.touchpoint_id = touchpoint_id
        # What overlays (widgets/overlays.py) ask for: a border colour, a fill, and a label above the card.
        self.highlight: str | None = None
        self.fill: str | None = None
        self.badge: str = ""
        self._drawing = Recording()
        self.setPen(Qt.PenStyle.NoPen)
        self.setRect(self._outline())
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)

    @property
    def touchpoint(self) -> Touchpoint:
        return self.scene().journey.touchpoint(self.touchpoint_id)

    def _outline(self) -> QRectF:
        # Room above for a problem tab, a to-be tab or vote dots, whichever the card shows.
        return _CARD_RECT.adjusted(-3, -max(BADGE_RISE, DOT_RISE), 3 + HANDLE_RADIUS, 3)

    def set_overlay(self, highlight: str | None = None, fill: str | None = None, badge: str = "") -> None:
        if (highlight, fill, badge) != (self.highlight, self.fill, self.badge):
            self.highlight, self.fill, self.badge = highlight, fill, badge
            self.update()
            if self.scene() is not None:
                self.scene().overview.refresh()

    def shape(self) -> QPainterPath:
        return _SHAPE  # asked for on every paint (is the mouse over the card?) and every hit test

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
        if not readable(option, painter):
            self._paint_body(painter, tp)
            return
        scene = self.scene()
        meta = legible(theme.CARD_META_SIZE, painter, scene.text_floor)
        # Everything `_paint_card` reads; the touchpoint is replaced, never changed, when the map changes.
        key = (tp, meta, self.isSelected(), self.isUnderMouse(), self.highlight, self.fill, self.badge,
               scene.high_contrast, scene.to_be_view, scene.journey.dots_on(self.touchpoint_id))
        self._drawing.replay(painter, key, lambda recorder: self._paint_card(recorder, tp, meta))

    def face(self, tp: Touchpoint) -> tuple[str, float, str]:
        """(border colour, border width, fill) of the card's face: selection and problems show in the border."""
        selected = self.isSelected()
        contrast = self.scene().high_contrast  # presentation mode's option for a washed-out projector
        border = theme.SELECTION if selected else (self.highlight or (theme.TEXT if contrast else theme.CARD_BORDER))
        width = theme.CARD_SELECTED_BORDER_WIDTH if selected or self.highlight or contrast else theme.CARD_BORDER_WIDTH
        return border, width, self.fill or tp.colour or theme.CARD_BACKGROUND

    def _paint_body(self, painter: QPainter, tp: Touchpoint) -> None:
        """The card's face without its contents: all of a card that can be seen when it is too small to read."""
        border, width, fill = self.face(tp)
        painter.setPen(QPen(QColor(border), width))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(_CARD_RECT, theme.CARD_CORNER_RADIUS, theme.CARD_CORNER_RADIUS)

    def _paint_card(self, painter: QPainter, tp: Touchpoint, meta_legible: bool) -> None:
        """The whole card at a readable size: body, badge, face, title, meta line, scores, pain marker, handle."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        contrast = self.scene().high_contrast
        self._paint_body(painter, tp)
        if self.badge:
            self._paint_badge(painter)

        paint_face(painter, qrect(PARTS.face), tp.emotion)
        title = PARTS.title
        painter.setFont(font(title.size, bold=True))
        painter.setPen(QColor(theme.TEXT))
        lines = elided_lines(tp.title or "Untitled", painter.font(), title.box.width, title.max_lines)
        for i, line in enumerate(lines):
            painter.drawText(QRectF(title.box.x, title.line_top(i), title.box.width, title.line_height),
                             Qt.AlignmentFlag.AlignLeft, line)
        meta = " · ".join(part for part in (tp.channel, tp.owner) if part)
        if meta and meta_legible:
            slot = card_parts(len(lines)).meta
            painter.setFont(font(slot.size))
            painter.setPen(QColor(theme.TEXT if contrast else theme.TEXT_MUTED))
            painter.drawText(qrect(slot.box), Qt.AlignmentFlag.AlignLeft,
                             elided_lines(meta, painter.font(), slot.box.width, 1)[0])
        self._paint_scores(painter, tp)
        self._paint_evidence(painter, tp.evidence.level)
        if tp.to_be is not None and self.scene().to_be_view:
            self._paint_to_be(painter, tp.to_be)
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
        tab = qrect(PARTS.badge(QFontMetricsF(badge_font).horizontalAdvance(self.badge)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.highlight or theme.PROBLEM_HIGHLIGHT))
        painter.drawRoundedRect(tab, 4, 4)
        painter.setFont(badge_font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, self.badge)

    @staticmethod
    def _paint_evidence(painter: QPainter, level: EvidenceLevel) -> None:
        """The evidence level as a letter in a badge whose outline differs too: dashed for an
        assumption, thin for an anecdote, filled for research, so it survives greyscale print."""
        rect = qrect(PARTS.evidence)
        ink = QColor(theme.EVIDENCE_INK[level.value])
        filled = level == EvidenceLevel.research
        pen = QPen(ink, 1.3)
        if level == EvidenceLevel.assumption:
            pen.setDashPattern([2.0, 1.5])
        painter.setPen(pen)
        painter.setBrush(ink if filled else QColor(theme.CARD_BACKGROUND))
        painter.drawEllipse(rect)
        painter.setPen(QColor("#ffffff") if filled else ink)
        painter.setFont(font(theme.SCORE_LABEL_SIZE, bold=True))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, EVIDENCE_MARKS[level])

    @staticmethod
    def _paint_to_be(painter: QPainter, change: ToBeChange) -> None:
        """A tab above the card's right end saying what the to-be does to it: New, Changed, Retired."""
        label, colour = theme.TO_BE_MARKS[change.value]
        tab_font = font(theme.CARD_META_SIZE, bold=True)
        width = QFontMetricsF(tab_font).horizontalAdvance(label) + 12
        tab = QRectF(theme.CARD_WIDTH - width, -BADGE_RISE, width, theme.PROBLEM_TAB_HEIGHT)
        painter.setPen(QPen(QColor(colour), 1.2))
        painter.setBrush(QColor(theme.CARD_BACKGROUND) if change == ToBeChange.removed else QColor(colour))
        painter.drawRoundedRect(tab, 4, 4)
        painter.setFont(tab_font)
        painter.setPen(QColor(colour) if change == ToBeChange.removed else QColor("#ffffff"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, label)

    @staticmethod
    def _paint_scores(painter: QPainter, tp: Touchpoint) -> None:
        """Three labelled bars, M, V and A; an unset score shows an empty track."""
        painter.setFont(font(theme.SCORE_LABEL_SIZE, bold=True))
        for bar, score in zip(PARTS.bars, tp.scores.values()):
            painter.setPen(QColor(theme.TEXT_MUTED))
            painter.drawText(qrect(bar.label.box), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             theme.SCORE_LABELS[bar.name])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.SCORE_BAR_TRACK))
            track = qrect(bar.track)
            painter.drawRoundedRect(track, 2, 2)
            if score is not None:
                painter.setBrush(QColor(theme.SCORE_COLOURS[bar.name]))
                painter.drawRoundedRect(QRectF(track.x(), track.y(), track.width() * score / 5, track.height()), 2, 2)

    @staticmethod
    def _paint_pain_marker(painter: QPainter, count: int, severity: int) -> None:
        """A warning triangle in the worst severity's colour, with the number of pain points."""
        marker = PARTS.pain_marker
        size, right, bottom = marker.width, marker.right, marker.bottom
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


def _card_shape() -> QPainterPath:
    """What a click or the mouse finds of a card: its face and its connection handle."""
    path = QPainterPath()
    path.addRoundedRect(_CARD_RECT, theme.CARD_CORNER_RADIUS, theme.CARD_CORNER_RADIUS)
    path.addEllipse(CardItem.handle_center(), HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
    return path


_SHAPE = _card_shape()
