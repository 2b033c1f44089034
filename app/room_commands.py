"""Undo commands for a workshop's record: voters, dots, rounds, the parking lot, blueprint lines.

Like app/commands.py, each holds the map and the ids and values it needs, never a widget.
"""

from __future__ import annotations

from typing import Any, Callable

from app.commands import Edit, Step
from model.journey_map import JourneyMap
from model.room import BLUEPRINT_LINE_LABELS, DEFAULT_BUDGET, BlueprintLine, BlueprintLineKind


class Replace(Step):
    """Swap one of the map's records for another value; `replace(value)` returns the old one."""

    def __init__(self, text: str, replace: Callable[[Any], Any], value: Any):
        super().__init__(text)
        self.replace, self.value, self.old = replace, value, None

    def do(self) -> None:
        self.old = self.replace(self.value)

    def undo(self) -> None:
        self.replace(self.old)


def clear_round(journey: JourneyMap) -> Replace:
    """Take back every dot of the current round (earlier rounds stay on record)."""
    kept = [v for v in journey.votes() if v.round != journey.voting_round]
    return Replace(f"Clear voting round {journey.voting_round}", journey.set_votes, kept)


def next_round(journey: JourneyMap) -> Replace:
    return Replace(f"Start voting round {journey.voting_round + 1}", journey.set_voting_round,
                   journey.voting_round + 1)


def set_blueprint_lines(journey: JourneyMap, lines: list) -> Replace:
    return Replace("Change blueprint lines", journey.set_blueprint_lines, lines)


def set_blueprint_line(journey: JourneyMap, lane_id: str, kind: BlueprintLineKind | None) -> Replace:
    """Draw a line of `kind` above a lane, in place of any line there (None: no line)."""
    lines = [line for line in journey.blueprint_lines if line.above != lane_id]
    if kind is not None:
        lines.append(BlueprintLine(kind=kind, above=lane_id))
    lines.sort(key=lambda line: journey.lane_index(line.above))
    return Replace("Remove blueprint line" if kind is None else f"Draw {BLUEPRINT_LINE_LABELS[kind].lower()}",
                   journey.set_blueprint_lines, lines)


class AddVote(Step):
    """One dot from a voter on a card, a pain point or an opportunity."""

    def __init__(self, journey: JourneyMap, voter_id: str, touchpoint_id: str, note_id: str | None = None):
        super().__init__(f"Dot from {journey.voter(voter_id).name}")
        self.journey, self.target = journey, (voter_id, touchpoint_id, note_id)

    def do(self) -> None:
        self.journey.add_vote(*self.target)

    def undo(self) -> None:
        self.journey.remove_vote(*self.target)


class RemoveVote(Step):
    """Take back a voter's latest dot on a target; undo puts it back in its place."""

    def __init__(self, journey: JourneyMap, voter_id: str, touchpoint_id: str, note_id: str | None = None):
        super().__init__(f"Take back a dot from {journey.voter(voter_id).name}")
        self.journey, self.target = journey, (voter_id, touchpoint_id, note_id)
        self.removed = None

    def do(self) -> None:
        self.removed = self.journey.remove_vote(*self.target)

    def undo(self) -> None:
        index, vote = self.removed
        self.journey.insert_vote(vote, index)


class AddVoter(Step):
    def __init__(self, journey: JourneyMap, name: str, budget: int = DEFAULT_BUDGET):
        super().__init__(f"Add voter “{name}”")
        self.journey, self.name, self.budget = journey, name, budget
        self.voter_id: str | None = None

    def do(self) -> None:
        self.voter_id = self.journey.add_voter(self.name, self.budget, id=self.voter_id).id

    def undo(self) -> None:
        self.journey.remove_voter(self.voter_id)


class RemoveVoter(Step):
    """Remove a voter and their dots; undo restores both."""

    def __init__(self, journey: JourneyMap, voter_id: str):
        super().__init__(f"Remove voter “{journey.voter(voter_id).name}”")
        self.journey, self.voter_id, self.removed = journey, voter_id, None

    def do(self) -> None:
        self.removed = self.journey.remove_voter(self.voter_id)

    def undo(self) -> None:
        self.journey.restore_voter(self.removed)


def edit_voter(journey: JourneyMap, voter_id: str, **changes: Any) -> Edit:
    return Edit("Edit voter", ("voter", voter_id), lambda **c: journey.update_voter(voter_id, **c), changes)


class ParkItem(Step):
    """Put a question or idea on the parking lot."""

    def __init__(self, journey: JourneyMap, text: str, owner: str = ""):
        super().__init__("Park an item")
        self.journey, self.text, self.owner = journey, text, owner
        self.item_id: str | None = None

    def do(self) -> None:
        self.item_id = self.journey.add_parking_item(self.text, self.owner, id=self.item_id).id

    def undo(self) -> None:
        self.journey.remove_parking_item(self.item_id)


class RemoveParkedItem(Step):
    def __init__(self, journey: JourneyMap, item_id: str):
        super().__init__("Remove parked item")
        self.journey, self.item_id, self.removed = journey, item_id, None

    def do(self) -> None:
        self.removed = self.journey.remove_parking_item(self.item_id)

    def undo(self) -> None:
        index, item = self.removed
        self.journey.add_parking_item(item.text, item.owner, index, item.id, item.closed)


def edit_parked_item(journey: JourneyMap, item_id: str, text: str = "Edit parked item", **changes: Any) -> Edit:
    return Edit(text, ("parking", item_id), lambda **c: journey.update_parking_item(item_id, **c), changes)
