"""Questions the window asks with buttons of its own (lock, changed on disk, recovery, read-only)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def ask(box: QMessageBox):
    """Show a question box and return the button clicked (tests replace this)."""
    box.exec()
    return box.clickedButton()


def choose(parent, icon: QMessageBox.Icon, title: str, text: str,
           options: list[tuple[str, QMessageBox.ButtonRole]], default: str, cancel: bool = False) -> str | None:
    """Ask a question with buttons named by `options` ((label, role), in order); returns the
    label clicked, or None for Cancel or closing the box."""
    box = QMessageBox(icon, title, text, parent=parent)
    labels = {}
    for label, role in options:
        button = box.addButton(label, role)
        labels[button] = label
        if label == default:
            box.setDefaultButton(button)
    if cancel:
        box.addButton(QMessageBox.StandardButton.Cancel)
    return labels.get(ask(box))
