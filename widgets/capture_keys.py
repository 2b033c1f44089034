"""Live-capture keys: build and score a map without the mouse.

With a card selected, Enter adds the next card, Tab and the arrows move around the grid,
M / V / A then a digit score it, + and - change the emotion, P and O add notes. With no
card selected the keys work on the keyboard's current cell, which may be empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from widgets.band_items import qrect

SCORE_KEYS = {Qt.Key.Key_M: "meaning", Qt.Key.Key_V: "value", Qt.Key.Key_A: "accommodation"}


class CaptureKeys:
    """Handles the canvas's single keys; returns False for keys it leaves to Qt."""

    def __init__(self, scene):
        self.scene = scene
        self.pending_score: str | None = None

    @property
    def journey(self):
        return self.scene.journey

    def _card(self) -> str | None:
        selected = self.scene.selected_touchpoints()
        return selected[-1] if len(selected) == 1 else None

    def handle(self, event: QKeyEvent) -> bool:
        key, card = event.key(), self._card()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                        | Qt.KeyboardModifier.MetaModifier):
            return False
        pending, self.pending_score = self.pending_score, None
        if pending and card and Qt.Key.Key_0 <= key <= Qt.Key.Key_5:
            value = key - Qt.Key.Key_0
            self.scene.scoreRequested.emit(card, pending, value or None)
            return True
        s = self.scene
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._add_after(card)
        if key == Qt.Key.Key_F2:
            return self._rename(card)
        if key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and modifiers & Qt.KeyboardModifier.ShiftModifier):
            return self._go_stage(-1)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Right):
            return self._go_stage(+1)
        if key == Qt.Key.Key_Left:
            return self._go_stage(-1)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return self._go_vertical(-1 if key == Qt.Key.Key_Up else +1)
        if key == Qt.Key.Key_Escape:
            s.clearSelection()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            s.deleteRequested.emit()
            return True
        if card is None:
            return False
        if key in SCORE_KEYS and not modifiers:
            self.pending_score = SCORE_KEYS[key]
            return True
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            s.emotionStepRequested.emit(card, +1 if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) else -1)
            return True
        if key == Qt.Key.Key_P:
            s.painPointRequested.emit(card)
            return True
        if key == Qt.Key.Key_O:
            s.opportunityRequested.emit(card)
            return True
        return False

    def _add_after(self, card: str | None) -> bool:
        if card is not None:
            tp = self.journey.touchpoint(card)
            self.scene.addTouchpointRequested.emit(tp.stage, tp.lane, self.journey.cell_index(card) + 1)
            return True
        cell = self.scene.current_cell()
        if cell is None:
            return False
        self.scene.addTouchpointRequested.emit(*cell, -1)
        return True

    def _rename(self, card: str | None) -> bool:
        if card is not None:
            self.scene.edit_title(card)
            return True
        header = self.scene.selected_header()
        if header is not None:
            self.scene.edit_header(*header)
            return True
        return False

    def _go_to_cell(self, stage: str, lane: str, pick_last: bool = False) -> None:
        """Select the first (or last) card of a cell, or make the empty cell current."""
        cards = self.journey.cell(stage, lane)
        if cards:
            self.scene.select_touchpoints([cards[-1] if pick_last else cards[0]])
        else:
            self.scene.clearSelection()
            self.scene.set_cursor_cell((stage, lane))
            self.scene.ensure_layout()
            self.scene.revealRequested.emit(qrect(self.scene.geometry.cells[stage, lane]))

    def _go_stage(self, step: int) -> bool:
        cell = self.scene.current_cell()
        if cell is None:
            return False
        index = self.journey.stage_index(cell[0]) + step
        if 0 <= index < len(self.journey.stages):
            self._go_to_cell(self.journey.stages[index].id, cell[1])
        return True

    def _go_vertical(self, step: int) -> bool:
        """Up and Down walk through the cell's cards, then on to the lane above or below."""
        cell = self.scene.current_cell()
        if cell is None:
            return False
        card = self._card()
        cards = self.journey.cell(*cell)
        if card is not None and 0 <= cards.index(card) + step < len(cards):
            self.scene.select_touchpoints([cards[cards.index(card) + step]])
            return True
        lane_index = self.journey.lane_index(cell[1]) + step
        if 0 <= lane_index < len(self.journey.lanes):
            self._go_to_cell(cell[0], self.journey.lanes[lane_index].id, pick_last=step < 0)
        return True
