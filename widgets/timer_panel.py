"""Setting a time-box: its name and minutes (Enter starts it), and the time left in large digits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

DEFAULT_MINUTES = 10


class TimerPanel(QWidget):
    startRequested = Signal(int, str)  # minutes, name
    pauseRequested = Signal()
    addMinuteRequested = Signal()
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name, e.g. Capture: Awareness")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 180)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" min")
        self.display = QLabel("–")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.name.returnPressed.connect(self.start)
        self.minutes.lineEdit().returnPressed.connect(self.start)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.name, 0, 0, 1, 3)
        layout.addWidget(self.minutes, 0, 3)
        for column, (text, slot) in enumerate((("Start", self.start), ("Pause", self.pauseRequested.emit),
                                               ("+1 min", self.addMinuteRequested.emit),
                                               ("Stop", self.stopRequested.emit))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button, 1, column)
        layout.addWidget(self.display, 2, 0, 1, 4)
        layout.setRowStretch(3, 1)

    def start(self) -> None:
        """Ask for the countdown as set: these minutes, under this name (empty: the workshop names it)."""
        self.startRequested.emit(self.minutes.value(), self.name.text().strip())
