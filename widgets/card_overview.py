"""Every card's face in one pass, for scales at which no card can be read.

Zoomed out, the scene turns the cards' own painting off (they are still selected, hovered,
clicked and dragged) and this item draws their faces instead, grouped by look: a few Qt calls
a frame instead of one Python call per card, and nothing to work out again until a card moves,
changes colour, or is selected or marked. Cards do not report their own moves (that was two Python
calls per card moved by a layout): the scene and the drag gesture, which move them, call `refresh`.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from model import theme
from widgets.detail import ZoomedOutLayer


class CardOverview(ZoomedOutLayer):
    """The faces of all the scene's cards; shown only while the scene is zoomed out. The scene and
    the drag gesture, which move the cards, call `refresh`."""

    def __init__(self):
        super().__init__(z=2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        for pen, fill, opacity, rects in self.gathered():
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.setOpacity(opacity)  # cards a chosen persona never meets fade here too
            # Square corners: at this scale the rounding is under a pixel, and rects go in one call.
            painter.drawRects(rects)
        painter.setOpacity(1.0)

    def _gather(self) -> list[tuple[QPen, QColor, float, list[QRectF]]]:
        scene = self.scene()
        journey = scene.journey
        groups: dict[tuple[str, float, str, float], list[QRectF]] = defaultdict(list)
        for tp_id, card in scene.cards.items():
            pos = card.scenePos()
            groups[(*card.face(journey.touchpoint(tp_id)), card.opacity())].append(
                QRectF(pos.x(), pos.y(), theme.CARD_WIDTH, theme.CARD_HEIGHT))
        return [(_pen(border, width), QColor(fill), opacity, rects)
                for (border, width, fill, opacity), rects in groups.items()]


def _pen(colour: str, width: float) -> QPen:
    """A border in screen pixels: scaled down with the cards, a selection or a problem mark would
    thin to nothing, so a bold border (selected, marked) stays two pixels wide and a plain one one."""
    pen = QPen(QColor(colour), 2 if width > theme.CARD_BORDER_WIDTH else 1)
    pen.setCosmetic(True)
    return pen
