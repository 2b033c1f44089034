"""Dot voting: who is voting now, what their dots can go on, and the round's controls.

It reads the map and the selected card, and emits requests; app/workshop.py turns them into
undo commands. The vote target is the selected card, or one of its pain points or opportunities
picked in the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from model.journey_map import JourneyMap
from model.room import DEFAULT_BUDGET

TARGET = Qt.ItemDataRole.UserRole


class VotingPanel(QWidget):
    """The current voter, the targets on the selected card with their dots, and the round."""

    voterAdded = Signal(str, int)  # name ("" for the next number), budget
    voterChosen = Signal(str)
    clearRoundRequested = Signal()
    nextRoundRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.voter = QComboBox()
        self.voter.activated.connect(lambda i: self.voterChosen.emit(self.voter.itemData(i)))
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name (empty: numbered)")
        self.name.returnPressed.connect(self._add_voter)
        self.budget = QSpinBox()
        self.budget.setRange(1, 99)
        self.budget.setValue(DEFAULT_BUDGET)
        self.budget.setSuffix(" dots")
        add = QPushButton("Add Voter")
        add.clicked.connect(self._add_voter)
        self.round = QLabel()
        self.targets = QListWidget()
        self.targets.setWordWrap(True)
        self.targets.setToolTip("D places a dot on the highlighted line, Shift+D takes one back")
        clear = QPushButton("Clear Round")
        clear.clicked.connect(self.clearRoundRequested)
        next_round = QPushButton("Next Round")
        next_round.clicked.connect(self.nextRoundRequested)
        adding = QHBoxLayout()
        for widget in (self.name, self.budget, add):
            adding.addWidget(widget)
        rounds = QHBoxLayout()
        for widget in (self.round, clear, next_round):
            rounds.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.voter)
        layout.addLayout(adding)
        layout.addWidget(self.targets, 1)
        layout.addLayout(rounds)

    def show_voting(self, journey: JourneyMap, current_voter: str | None, touchpoint_id: str | None) -> None:
        self.voter.clear()
        for voter in journey.voters:
            self.voter.addItem(f"{voter.name} — {journey.dots_left(voter.id)} of {voter.budget} dots left", voter.id)
        if current_voter is not None:
            self.voter.setCurrentIndex(max(0, self.voter.findData(current_voter)))
        if not journey.voters:
            self.voter.addItem("No voters yet: add one below")
        self.round.setText(f"Round {journey.voting_round}")
        chosen = self.target()
        self.targets.clear()
        if touchpoint_id is None or not journey.has_touchpoint(touchpoint_id):
            self.targets.addItem("Select a card to vote on it")
            return
        tp = journey.touchpoint(touchpoint_id)
        counts: dict = {}
        for vote in journey.votes(journey.voting_round):
            counts[vote.target] = counts.get(vote.target, 0) + 1
        lines = [(None, f"Card: {tp.title or 'Untitled'}")]
        lines += [(p.id, f"Pain point: {p.text}") for p in tp.pain_points]
        lines += [(o.id, f"Opportunity: {o.text}") for o in tp.opportunities]
        for note_id, text in lines:
            dots = counts.get((tp.id, note_id), 0)
            entry = QListWidgetItem(("●" * dots + "  " if dots else "") + text)
            entry.setData(TARGET, (tp.id, note_id))
            self.targets.addItem(entry)
            if chosen == (tp.id, note_id):
                self.targets.setCurrentItem(entry)
        if self.targets.currentItem() is None:
            self.targets.setCurrentRow(0)

    def target(self) -> tuple[str, str | None] | None:
        """(touchpoint id, note id or None) the next dot goes on, or None with no card selected."""
        entry = self.targets.currentItem()
        return entry.data(TARGET) if entry is not None else None

    def _add_voter(self) -> None:
        self.voterAdded.emit(self.name.text().strip(), self.budget.value())
        self.name.clear()
