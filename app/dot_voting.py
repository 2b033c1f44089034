"""Dot voting in the room: who votes now, placing and taking back their dots, the rounds.

Part of the workshop controller (app/workshop.py), which owns the keys and menus; this keeps the
current voter (window state, not saved) and turns each request into an undo command.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from app import room_commands as rc
from widgets.voting_panel import VotingPanel


class DotVoting(QObject):
    def __init__(self, panel: VotingPanel, window: QMainWindow, say: Callable[[str], None],
                 show_panel: Callable[[], None]):
        super().__init__(window)
        self.panel, self.say, self.show_panel = panel, say, show_panel
        self.document, self.scene, self.editing = window.document, window.scene, window.editing
        self.voter_id: str | None = None
        panel.voterAdded.connect(self.add_voter)
        panel.voterChosen.connect(self.choose_voter)
        panel.clearRoundRequested.connect(self.clear_round)
        panel.nextRoundRequested.connect(self.next_round)

    @property
    def journey(self):
        return self.document.journey

    def add_voter(self, name: str, budget: int) -> None:
        """A named voter, or the next number ("Voter 3") for an empty name; dots now come from them."""
        command = rc.AddVoter(self.journey, name or f"Voter {len(self.journey.voters) + 1}", budget)
        if self.editing.push(command):
            self.voter_id = command.voter_id
            self.refresh()

    def choose_voter(self, voter_id: str) -> None:
        self.voter_id = voter_id
        self.refresh()
        voter = self.journey.voter(voter_id)
        self.say(f"Voting: {voter.name}, {self.journey.dots_left(voter_id)} of {voter.budget} dots left")

    def current_voter(self) -> str | None:
        ids = [v.id for v in self.journey.voters]
        if self.voter_id not in ids:
            self.voter_id = ids[0] if ids else None
        return self.voter_id

    def step_voter(self, step: int) -> None:
        ids = [v.id for v in self.journey.voters]
        if not ids:
            self._no_voters()
            return
        self.choose_voter(ids[(ids.index(self.current_voter()) + step) % len(ids)])

    def place_dot(self, take_back: bool = False) -> None:
        """A dot from the current voter on the selected card, or on the note picked in the panel."""
        voter = self.current_voter()
        if voter is None:
            self._no_voters()
            return
        self.refresh()
        target = self.panel.target()
        if target is None:
            self.say("Select a card to vote on (its pain points and opportunities are in the Voting panel).")
            return
        if self.editing.push((rc.RemoveVote if take_back else rc.AddVote)(self.journey, voter, *target)):
            v = self.journey.voter(voter)
            self.say(f"{v.name}: {self.journey.dots_left(voter)} of {v.budget} dots left")

    def clear_round(self) -> None:
        self.editing.push(rc.clear_round(self.journey))

    def next_round(self) -> None:
        self.editing.push(rc.next_round(self.journey))

    def _no_voters(self) -> None:
        self.show_panel()
        self.panel.name.setFocus()
        self.say("No voters yet: name one in the Voting panel and press Enter (empty gives a numbered voter).")

    def refresh(self) -> None:
        selected = self.scene.selected_touchpoints()
        self.panel.show_voting(self.journey, self.current_voter(), selected[-1] if selected else None)
