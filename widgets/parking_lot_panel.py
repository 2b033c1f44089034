"""The parking lot: questions and ideas the room parks, typed in one line, ticked off when dealt with.

It shows the map's parking lot and emits requests; app/workshop.py turns them into undo commands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from model.journey_map import JourneyMap

ITEM_ID = Qt.ItemDataRole.UserRole


class _ParkedList(QListWidget):
    removeRequested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem() is not None:
            self.removeRequested.emit(self.currentItem().data(ITEM_ID))
            return
        super().keyPressEvent(event)


class ParkingLotPanel(QWidget):
    """A line to park a question (Enter parks it), an optional owner, and the list with a tick per item."""

    parkRequested = Signal(str, str)  # text, owner
    closeRequested = Signal(str, bool)  # item id, closed
    removeRequested = Signal(str)
    finished = Signal()  # the user parked an item or pressed Escape: give the keyboard back

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel("<b>Parking lot</b> — Enter parks, tick when dealt with, L hides")
        self.heading.hide()  # the dock has a title; the presentation's strip needs one
        self.text = QLineEdit()
        self.text.setPlaceholderText("Park a question or idea, then Enter")
        self.owner = QLineEdit()
        self.owner.setPlaceholderText("Owner (optional)")
        self.owner.setMaximumWidth(160)
        self.items = _ParkedList()
        self.items.setWordWrap(True)
        self.items.removeRequested.connect(self.removeRequested)
        self.items.itemChanged.connect(self._ticked)
        for line in (self.text, self.owner):
            line.returnPressed.connect(self._park)
        entry = QHBoxLayout()
        entry.addWidget(self.text, 1)
        entry.addWidget(self.owner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(entry)
        layout.addWidget(self.items, 1)

    def show_lot(self, journey: JourneyMap) -> None:
        blocked = self.items.blockSignals(True)
        self.items.clear()
        for parked in journey.parking_lot:
            entry = QListWidgetItem(parked.text + (f" — {parked.owner}" if parked.owner else ""))
            entry.setData(ITEM_ID, parked.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if parked.closed else Qt.CheckState.Unchecked)
            entry.setToolTip("Ticked: dealt with. Delete removes it.")
            font = entry.font()
            font.setStrikeOut(parked.closed)
            entry.setFont(font)
            self.items.addItem(entry)
        self.items.blockSignals(blocked)

    def start_entry(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def _park(self) -> None:
        text = self.text.text().strip()
        if text:
            self.parkRequested.emit(text, self.owner.text().strip())
            self.text.clear()
            self.owner.clear()
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys the fields leave (Return after parking, Escape) stop here: in presentation the
        # strip's parent is the canvas, where Return would add a card.
        if event.key() == Qt.Key.Key_Escape:
            self.finished.emit()
        event.accept()

    def _ticked(self, entry: QListWidgetItem) -> None:
        self.closeRequested.emit(entry.data(ITEM_ID), entry.checkState() == Qt.CheckState.Checked)
