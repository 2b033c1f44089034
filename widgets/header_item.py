"""Stage and lane headers: the names across the top and down the left, and the `+` buttons."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from model import theme
from model.entities import Lane, Persona, Stage
from widgets.detail import readable
from model.card_parts import TextSlot, lane_header_parts, stage_header_parts
from model.layout import Rect
from model.personas import lane_caption, lane_owner, persona_colour
from widgets.persona_badge import paint_badge
from widgets.recording import Recording
from widgets.text import elided_lines, font


class HeaderItem(QGraphicsItem):
    """The header of one stage (`kind == "stage"`) or lane (`kind == "lane"`), by id."""

    def __init__(self, kind: str, item_id: str):
        super().__init__()
        self.kind, self.item_id = kind, item_id
        self._rect = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(3)
        self._drawing = Recording()

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def name_rect(self) -> QRectF:
        """Where the name is written: the in-place rename editor goes here."""
        if self.kind == "stage":
            return QRectF(self._rect.x() + 6, self._rect.y() + 6, self._rect.width() - 12, theme.HEADER_SIZE + 12)
        return self._rect.adjusted(6, 6, -6, -6)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        scene = self.scene()
        journey = scene.journey
        entity = journey.stage(self.item_id) if self.kind == "stage" else journey.lane(self.item_id)
        owner = lane_owner(journey, entity) if self.kind == "lane" else None
        colour = persona_colour(journey, owner.id) if owner is not None else None
        text = readable(option, painter)
        photo = scene.photos.image(owner) if owner is not None and text else None
        # Everything `_paint_header` reads; a stage, lane or persona is replaced, never changed.
        key = (entity, owner, colour, photo, text, self.isSelected(), self._rect)
        self._drawing.replay(painter, key, lambda recorder: self._paint_header(recorder, entity, owner, colour,
                                                                               photo, text))

    def _paint_header(self, painter: QPainter, entity: Stage | Lane, owner: Persona | None, colour: str | None,
                      photo, text: bool) -> None:
        background = theme.STAGE_HEADER_BACKGROUND if self.kind == "stage" else theme.LANE_HEADER_BACKGROUND
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(QPen(QColor(theme.SELECTION), 2) if selected else QPen(QColor(theme.GRID_LINE), 1))
        painter.setBrush(QColor(theme.SELECTION_FILL if selected else background))
        painter.drawRect(self._rect.adjusted(0.5, 0.5, -0.5, -0.5))
        if owner is not None:  # the persona's colour down the left edge, readable at any zoom
            stripe = lane_header_parts(self._box(), persona=True).stripe
            painter.fillRect(QRectF(stripe.x, stripe.y, stripe.width, stripe.height), QColor(colour))
        if text:
            self._paint_text(painter, entity, owner, colour, photo)

    def _box(self) -> Rect:
        return Rect(self._rect.x(), self._rect.y(), self._rect.width(), self._rect.height())

    def _paint_text(self, painter: QPainter, entity: Stage | Lane, owner: Persona | None, colour: str | None,
                    photo) -> None:
        """The name (and a stage's goal, a lane's kind and the persona who owns the lane, with their
        badge), fitted to the header's parts."""
        painter.setFont(font(theme.HEADER_SIZE, bold=True))
        painter.setPen(QColor(theme.HEADER_TEXT))
        box = self._box()
        if self.kind == "stage":
            parts = stage_header_parts(box)
            name_lines = elided_lines(entity.name, painter.font(), parts.name.box.width, parts.name.max_lines)
            detail = entity.goal
        else:
            name_slot = lane_header_parts(box, persona=owner is not None).name
            name_lines = elided_lines(entity.name, painter.font(), name_slot.box.width, name_slot.max_lines)
            parts = lane_header_parts(box, len(name_lines), owner is not None)
            detail = lane_caption(entity, owner)
            if owner is not None:
                b = parts.badge
                paint_badge(painter, QRectF(b.x, b.y, b.width, b.height), owner, colour, photo)
        _paint_lines(painter, parts.name, name_lines)
        if detail:
            painter.setFont(font(parts.detail.size))
            painter.setPen(QColor(theme.TEXT_MUTED))
            _paint_lines(painter, parts.detail,
                         elided_lines(detail, painter.font(), parts.detail.box.width, parts.detail.max_lines))


def _paint_lines(painter: QPainter, slot: TextSlot, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        painter.drawText(QRectF(slot.box.x, slot.line_top(i), slot.box.width, slot.line_height),
                         Qt.AlignmentFlag.AlignLeft, line)


class AddButtonItem(QGraphicsItem):
    """A round `+` that adds a stage (after the last) or a lane (below the last)."""

    SIZE = 26

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self.setAcceptHoverEvents(True)
        self.setToolTip("Add a stage" if kind == "stage" else "Add a lane")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(4)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.SIZE, self.SIZE)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.SELECTION), 1.5))
        painter.setBrush(QColor(theme.SELECTION_FILL if self.isUnderMouse() else theme.CARD_BACKGROUND))
        painter.drawEllipse(self.boundingRect().adjusted(1, 1, -1, -1))
        c = self.SIZE / 2
        painter.drawLine(c - 6, c, c + 6, c)
        painter.drawLine(c, c - 6, c, c + 6)
