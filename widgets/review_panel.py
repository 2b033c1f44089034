"""The Review dock: a merge's conflicts to resolve one by one, and what changed since a compared file.

It shows rows the app gives it and says which the user picked; it never reads or changes the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from model import theme

_KEY = Qt.ItemDataRole.UserRole
_CARDS = Qt.ItemDataRole.UserRole + 1
_DETAIL = Qt.ItemDataRole.UserRole + 2


def _swatch(colour: str) -> QIcon:
    """A small square of a card mark's colour, so a row says which mark it put on the canvas."""
    pixmap = QPixmap(12, 12)  # a transparent one keeps rows without a mark aligned with the others
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


@dataclass(frozen=True)
class ReviewRow:
    """One line of the dock: its words, the touchpoints it is about, and (for a conflict) its id."""

    text: str
    touchpoint_ids: tuple[str, ...] = ()
    conflict_id: str = ""
    mark: str = ""  # added, changed, removed or conflict; those in theme.REVIEW_MARKS get the card mark's colour
    detail: str = ""  # shown under the list while the row is selected


class ReviewPanel(QWidget):
    touchpointsActivated = Signal(list)
    resolveRequested = Signal(str, str)  # conflict id, "ours" or "theirs"
    stopComparing = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_ours = QPushButton("Keep &Ours")
        self.take_theirs = QPushButton("Take &Theirs")
        self.stop = QPushButton("&Stop Comparing")
        self.keep_ours.setToolTip("Resolve the selected conflict with our value (the one the map shows)")
        self.take_theirs.setToolTip("Resolve the selected conflict with their value")
        buttons = QHBoxLayout()
        for button in (self.keep_ours, self.take_theirs):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.keep_ours.clicked.connect(lambda: self._resolve("ours"))
        self.take_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.stop.clicked.connect(self.stopComparing)
        self.tree.currentItemChanged.connect(self._enable)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self._enable()

    def show_rows(self, headline: str, conflicts: list[ReviewRow], changes: list[ReviewRow] | None,
                  compared_with: str = "") -> None:
        """Show the conflicts and, when comparing, the changes since `compared_with`."""
        current = self.current_conflict()
        self.tree.clear()
        self.headline.setText(headline)
        sections = [(f"Conflicts ({len(conflicts)})", conflicts)] if conflicts or changes is None else []
        if changes is not None:
            sections.append((f"Changes since {compared_with} ({len(changes)})", changes))
        for title, rows in sections:
            section = QTreeWidgetItem(self.tree, [title])
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for row in rows:
                item = QTreeWidgetItem(section, [row.text])
                item.setData(0, _KEY, row.conflict_id)
                item.setData(0, _CARDS, list(row.touchpoint_ids))
                item.setData(0, _DETAIL, row.detail)
                item.setToolTip(0, "\n".join(filter(None, (row.text, row.detail))))
                item.setIcon(0, _swatch(theme.REVIEW_MARKS[row.mark][0] if row.mark in theme.REVIEW_MARKS
                                        else "transparent"))
                if row.conflict_id and row.conflict_id == current:
                    self.tree.setCurrentItem(item)
            section.setExpanded(True)
        self.stop.setVisible(changes is not None)
        self.keep_ours.setVisible(bool(conflicts))
        self.take_theirs.setVisible(bool(conflicts))
        self._enable()

    def current_conflict(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, _KEY) or "" if item is not None else ""

    def select_first_conflict(self) -> None:
        section = self.tree.topLevelItem(0)
        if section is not None and section.childCount() and section.child(0).data(0, _KEY):
            self.tree.setCurrentItem(section.child(0))

    def select_conflict_of(self, touchpoint_ids: list[str]) -> None:
        """Make the first conflict about one of these cards the current one (a card picked on the canvas)."""
        section = self.tree.topLevelItem(0)
        for index in range(section.childCount() if section is not None else 0):
            item = section.child(index)
            if item.data(0, _KEY) and set(item.data(0, _CARDS) or ()) & set(touchpoint_ids):
                self.tree.setCurrentItem(item)
                return

    def _enable(self, *_) -> None:
        item = self.tree.currentItem()
        self.detail.setText(item.data(0, _DETAIL) or "" if item is not None else "")
        self.detail.setVisible(bool(self.detail.text()))
        chosen = bool(self.current_conflict())
        self.keep_ours.setEnabled(chosen)
        self.take_theirs.setEnabled(chosen)

    def _resolve(self, side: str) -> None:
        if self.current_conflict():
            self.resolveRequested.emit(self.current_conflict(), side)

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        cards = item.data(0, _CARDS)
        if cards:
            self.touchpointsActivated.emit(list(cards))

