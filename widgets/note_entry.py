"""Typing a new pain point or opportunity on the room's screen, where the inspector is out of sight."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from model import theme


class _Line(QLineEdit):
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class NoteEntry(QWidget):
    """A caption ("Pain point on “Checkout”") over one line; Enter commits, Escape keeps the default."""

    committed = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget, pixel_size: int):
        super().__init__(parent)
        self.caption = QLabel()
        self.line = _Line()
        self.line.returnPressed.connect(self._commit)
        self.line.cancelled.connect(self._close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 14)
        layout.addWidget(self.caption)
        layout.addWidget(self.line)
        self.setObjectName("note-entry")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(f"#note-entry {{ background: #ffffff; border: 3px solid {theme.BLUE}; border-radius: 10px; }} "
                           f"QLabel, QLineEdit {{ font-size: {pixel_size}px; }}")
        self.hide()

    def start(self, caption: str, text: str) -> None:
        self.caption.setText(caption)
        self.line.setText(text)
        host = self.parentWidget()
        width = round(host.width() * 0.6)
        self.resize(width, self.sizeHint().height())
        self.move((host.width() - width) // 2, (host.height() - self.height()) // 2)
        self.show()
        self.raise_()
        self.line.setFocus()
        self.line.selectAll()

    def _commit(self) -> None:
        text = self.line.text().strip()
        if text:
            self.committed.emit(text)
        self._close()

    def _close(self) -> None:
        self.hide()
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # its parent is the canvas, where Return would add a card
