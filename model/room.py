"""What a workshop room adds to a map: voters and their dots, the parking lot, blueprint lines.

`RoomRecord` is the part of `JourneyMap`'s mutation API that edits these; it is a mixin only so
that journey_map.py keeps one job. Votes name their target by touchpoint id (and pain point or
opportunity id), and deleting a card leaves its votes in place but no longer *live*: they stop
counting and are not saved, and undoing the delete brings them back with the card. That keeps a
card's removal one step without votes to carry along.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Optional

from pydantic import Field

from . import events as ev
from . import journey_map as _map  # partly imported when this loads: use it only inside methods
from .entities import Entity, Id, Name, Text
from .errors import InvalidChange
from .ordering import position

DEFAULT_BUDGET = 3


class Voter(Entity):
    """Someone in the room who places dots: named, or numbered ("Voter 3")."""

    id: Id
    name: Name = Field(description="Who votes, as the room calls them.")
    budget: int = Field(DEFAULT_BUDGET, ge=1, le=99, description="Dots this voter may place in one round.")


class Vote(Entity):
    """One dot: a voter's choice of a touchpoint, or of one of its pain points or opportunities."""

    voter: Id = Field(description="Id of the voter who placed the dot.")
    touchpoint: Id = Field(description="Id of the touchpoint voted for (or whose note is).")
    note: Optional[Id] = Field(None, description="Id of the pain point or opportunity voted for; null: the card.")
    round: int = Field(1, ge=1, le=999, description="The voting round the dot was placed in.")

    @property
    def target(self) -> tuple[str, Optional[str]]:
        return (self.touchpoint, self.note)


class ParkingItem(Entity):
    """A question or idea the room parks to come back to: text, who follows it up, open or closed."""

    id: Id
    text: Text = Field(description="The question or idea.")
    owner: Name = Field("", description="Who follows it up.")
    closed: bool = Field(False, description="Dealt with.")


class BlueprintLineKind(str, Enum):
    """The lines of a service blueprint."""

    interaction = "interaction"  # customer actions | frontstage
    visibility = "visibility"  # frontstage | backstage
    internal_interaction = "internal_interaction"  # backstage | support processes


BLUEPRINT_LINE_LABELS = {
    BlueprintLineKind.interaction: "Line of interaction",
    BlueprintLineKind.visibility: "Line of visibility",
    BlueprintLineKind.internal_interaction: "Line of internal interaction",
}


class BlueprintLine(Entity):
    """A line drawn across the map along the top edge of a lane."""

    kind: BlueprintLineKind = Field(description="interaction, visibility or internal_interaction.")
    above: Id = Field(description="Id of the lane the line runs above.")


class RoomRecord:
    """Voting, parking lot and blueprint lines of a `JourneyMap` (mixed into it)."""

    def _init_room(self) -> None:
        self._voters: list[Voter] = []
        self._votes: list[Vote] = []
        self._voting_round = 1
        self._parking_lot: list[ParkingItem] = []
        self._blueprint_lines: list[BlueprintLine] = []

    # ----------------------------------------------------------------- reading
    @property
    def voters(self) -> tuple[Voter, ...]:
        return tuple(self._voters)

    @property
    def voting_round(self) -> int:
        return self._voting_round

    @property
    def parking_lot(self) -> tuple[ParkingItem, ...]:
        return tuple(self._parking_lot)

    @property
    def blueprint_lines(self) -> tuple[BlueprintLine, ...]:
        """Lines above lanes that are on the map (a removed lane's line returns when the lane does)."""
        lanes = {lane.id for lane in self.lanes}
        return tuple(line for line in self._blueprint_lines if line.above in lanes)

    def voter(self, voter_id: str) -> Voter:
        for voter in self._voters:
            if voter.id == voter_id:
                return voter
        raise InvalidChange(f"there is no voter with id {voter_id!r}", "voter")

    def is_live(self, vote: Vote) -> bool:
        """Whether a vote's target is on the map (see the module's note on deleted cards)."""
        if not self.has_touchpoint(vote.touchpoint):
            return False
        if vote.note is None:
            return True
        tp = self.touchpoint(vote.touchpoint)
        return any(note.id == vote.note for note in (*tp.pain_points, *tp.opportunities))

    def votes(self, round: int | None = None) -> list[Vote]:
        """Live votes in order placed, of one round (all rounds when `round` is None)."""
        return [v for v in self._votes if (round is None or v.round == round) and self.is_live(v)]

    def dots_on(self, touchpoint_id: str) -> int:
        """Live dots of the current round on a card and its notes (what the card shows)."""
        return sum(1 for v in self._votes if v.touchpoint == touchpoint_id and v.round == self._voting_round
                   and self.is_live(v))

    def dots_left(self, voter_id: str) -> int:
        """How many dots the voter may still place this round."""
        used = sum(1 for v in self.votes(self._voting_round) if v.voter == voter_id)
        return self.voter(voter_id).budget - used

    def parking_item(self, item_id: str) -> ParkingItem:
        return self._parking_lot[self._parking_index(item_id)]

    # ----------------------------------------------------------------- voters
    def add_voter(self, name: str, budget: int = DEFAULT_BUDGET, index: int | None = None,
                  id: str | None = None) -> Voter:
        taken = {v.id for v in self._voters}
        if id in taken:
            raise InvalidChange(f"a voter with id {id!r} exists already", "id")
        voter = _map._validated(Voter, {"id": id or _map.new_id("voter", taken.__contains__), "name": name, "budget": budget})
        self._voters.insert(position(index, len(self._voters)), voter)
        self._emit(ev.VotersChanged())
        return voter

    def update_voter(self, voter_id: str, **changes: Any) -> Voter:
        """Rename a voter or change their budget; returns the old voter."""
        old = self.voter(voter_id)
        self._voters[self._voters.index(old)] = _map._changed(old, changes)
        self._emit(ev.VotersChanged())
        return old

    def remove_voter(self, voter_id: str) -> tuple[int, Voter, list[tuple[int, Vote]]]:
        """Remove a voter and their dots; returns what `restore_voter` needs to put them back."""
        voter = self.voter(voter_id)
        index = self._voters.index(voter)
        dots = [(i, v) for i, v in enumerate(self._votes) if v.voter == voter_id]
        self._voters.pop(index)
        self._votes = [v for v in self._votes if v.voter != voter_id]
        self._emit(ev.VotersChanged())
        self._emit(ev.VotesChanged(frozenset(v.touchpoint for _, v in dots)))
        return index, voter, dots

    def restore_voter(self, removed: tuple[int, Voter, list[tuple[int, Vote]]]) -> None:
        index, voter, dots = removed
        self._voters.insert(index, voter)
        for i, vote in dots:
            self._votes.insert(i, vote)
        self._emit(ev.VotersChanged())
        self._emit(ev.VotesChanged(frozenset(v.touchpoint for _, v in dots)))

    # ----------------------------------------------------------------- votes
    def add_vote(self, voter_id: str, touchpoint_id: str, note_id: str | None = None) -> Vote:
        """One more dot from a voter, in the current round, within their budget."""
        vote = Vote(voter=voter_id, touchpoint=touchpoint_id, note=note_id, round=self._voting_round)
        if not self.is_live(vote):
            what = f"touchpoint {touchpoint_id!r}" if note_id is None else f"note {note_id!r} on {touchpoint_id!r}"
            raise InvalidChange(f"there is no {what} to vote for", "touchpoint")
        voter = self.voter(voter_id)
        if self.dots_left(voter_id) <= 0:
            raise InvalidChange(f"{voter.name} has placed all {voter.budget} dots this round")
        self._votes.append(vote)
        self._emit(ev.VotesChanged(frozenset({touchpoint_id})))
        return vote

    def insert_vote(self, vote: Vote, index: int | None = None) -> None:
        """Put back a dot exactly as it was (undo, loading a file)."""
        self.voter(vote.voter)
        if not self.is_live(vote):
            raise InvalidChange(f"there is no touchpoint or note {vote.note or vote.touchpoint!r} to vote for",
                                "touchpoint")
        self._votes.insert(position(index, len(self._votes)), vote)
        self._emit(ev.VotesChanged(frozenset({vote.touchpoint})))

    def remove_vote(self, voter_id: str, touchpoint_id: str, note_id: str | None = None) -> tuple[int, Vote]:
        """Take back the voter's latest dot on the target this round; returns (index, vote) for undo."""
        for i in range(len(self._votes) - 1, -1, -1):
            vote = self._votes[i]
            if (vote.voter, vote.target, vote.round) == (voter_id, (touchpoint_id, note_id), self._voting_round):
                self._votes.pop(i)
                self._emit(ev.VotesChanged(frozenset({touchpoint_id})))
                return i, vote
        raise InvalidChange(f"{self.voter(voter_id).name} has no dot there this round")

    def set_votes(self, votes: list[Vote]) -> list[Vote]:
        """Replace every dot (clearing a round, undoing that); returns the old ones."""
        old = self._votes
        self._votes = list(votes)
        self._emit(ev.VotesChanged(frozenset(v.touchpoint for v in (*old, *self._votes))))
        return old

    def set_voting_round(self, round: int) -> int:
        """Start another round (dots of earlier rounds stay on record); returns the old round."""
        if not 1 <= round <= 999:
            raise InvalidChange(f"round {round} is outside 1..999", "voting_round")
        old, self._voting_round = self._voting_round, round
        self._emit(ev.VotesChanged(frozenset(v.touchpoint for v in self._votes)))
        return old

    # ----------------------------------------------------------------- parking lot
    def add_parking_item(self, text: str, owner: str = "", index: int | None = None, id: str | None = None,
                         closed: bool = False) -> ParkingItem:
        taken = {item.id for item in self._parking_lot}
        if id in taken:
            raise InvalidChange(f"a parking-lot item with id {id!r} exists already", "id")
        item = _map._validated(ParkingItem, {"id": id or _map.new_id("park", taken.__contains__), "text": text,
                                        "owner": owner, "closed": closed})
        self._parking_lot.insert(position(index, len(self._parking_lot)), item)
        self._emit(ev.ParkingLotChanged())
        return item

    def update_parking_item(self, item_id: str, **changes: Any) -> ParkingItem:
        """Change an item's text, owner or open/closed state; returns the old item."""
        i = self._parking_index(item_id)
        old = self._parking_lot[i]
        self._parking_lot[i] = _map._changed(old, changes)
        self._emit(ev.ParkingLotChanged())
        return old

    def remove_parking_item(self, item_id: str) -> tuple[int, ParkingItem]:
        i = self._parking_index(item_id)
        item = self._parking_lot.pop(i)
        self._emit(ev.ParkingLotChanged())
        return i, item

    def _parking_index(self, item_id: str) -> int:
        for i, item in enumerate(self._parking_lot):
            if item.id == item_id:
                return i
        raise InvalidChange(f"there is no parking-lot item with id {item_id!r}")

    # ----------------------------------------------------------------- blueprint lines
    def set_blueprint_lines(self, lines: list[BlueprintLine]) -> list[BlueprintLine]:
        """Replace the blueprint lines; each runs above a lane of this map. Returns the old lines."""
        for i, line in enumerate(lines):
            if line.above not in {lane.id for lane in self.lanes}:
                raise InvalidChange(f"there is no lane with id {line.above!r}", f"blueprint_lines[{i}].above")
        old, self._blueprint_lines = self._blueprint_lines, list(lines)
        self._emit(ev.BlueprintLinesChanged())
        return old
