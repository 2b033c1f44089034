"""Rename in place: a line edit laid over a card title or a header name on the canvas."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsProxyWidget, QLineEdit

from model import theme
from widgets.text import font


class _TitleEdit(QLineEdit):
    committed = Signal(str)
    cancelled = Signal()
    tabbed = Signal(int)  # +1 for Tab, -1 for Shift+Tab: commit and go on to the next name

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus away; here it finishes this name and goes on, as in a table.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            step = -1 if event.key() == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier \
                else +1
            self.tabbed.emit(step)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.committed.emit(self.text())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.committed.emit(self.text())


class InlineEditor(QGraphicsProxyWidget):
    """One editor per scene, moved to whatever is being renamed; `committed` carries the target."""

    committed = Signal(object, str)  # (target, text) where target is e.g. ("touchpoint", id)
    cancelled = Signal(object)  # target: Escape left it as it was
    tabbed = Signal(object, int)  # (target, +1 or -1): committed with Tab or Shift+Tab, go on that way

    def __init__(self):
        super().__init__()
        self.edit = _TitleEdit()
        self.edit.setFont(font(theme.CARD_TITLE_SIZE, bold=True))
        self.setWidget(self.edit)
        self.setZValue(100)
        self.hide()
        self.target: tuple | None = None
        self.edit.committed.connect(self._commit)
        self.edit.cancelled.connect(self._cancel)
        self.edit.tabbed.connect(self._tab)

    @property
    def active(self) -> bool:
        return self.target is not None

    def start(self, target: tuple, text: str, rect: QRectF, placeholder: str = "") -> None:
        self.target = target
        self.edit.setText(text)
        self.edit.setPlaceholderText(placeholder)
        self.setGeometry(rect)
        self.show()
        self.edit.selectAll()
        self.setFocus()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit(self, text: str) -> None:
        target = self.finish()
        if target is not None:
            self.committed.emit(target, text.strip())

    def _tab(self, step: int) -> None:
        target = self.target
        self._commit(self.edit.text())
        if target is not None:
            self.tabbed.emit(target, step)

    def _cancel(self) -> None:
        target = self.finish()
        if target is not None:
            self.cancelled.emit(target)

    def finish(self) -> tuple | None:
        """Close the editor; returns what it was editing (None if it was not open)."""
        target, self.target = self.target, None
        if target is not None:
            self.hide()
            if self.scene() is not None:
                for view in self.scene().views():
                    view.setFocus()
        return target
