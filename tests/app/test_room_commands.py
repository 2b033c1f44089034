"""Every change to a workshop's record is one undo step that restores the map exactly."""

from __future__ import annotations

import pytest

from app import room_commands as rc
from model.room import BlueprintLine
from tests.app.undo_check import assert_undoable
from tests.factories import make_map


@pytest.fixture
def journey():
    journey = make_map(lanes=("Customer", "Frontstage"), cards={("Aware", "Customer"): ["Ad"]})
    journey.add_pain_point("ad", "Too loud", id="loud")
    journey.add_voter("Ana", id="ana")
    journey.add_vote("ana", "ad")
    journey.add_parking_item("Pricing?", id="q1")
    return journey


def commands(journey):
    yield lambda: rc.AddVote(journey, "ana", "ad", "loud")
    yield lambda: rc.RemoveVote(journey, "ana", "ad")
    yield lambda: rc.clear_round(journey)
    yield lambda: rc.next_round(journey)
    yield lambda: rc.set_blueprint_lines(journey, [BlueprintLine(kind="interaction", above="frontstage")])
    yield lambda: rc.AddVoter(journey, "Voter 2", 5)
    yield lambda: rc.RemoveVoter(journey, "ana")
    yield lambda: rc.edit_voter(journey, "ana", budget=1)
    yield lambda: rc.ParkItem(journey, "Who owns returns?", "Ops")
    yield lambda: rc.RemoveParkedItem(journey, "q1")
    yield lambda: rc.edit_parked_item(journey, "q1", closed=True)


@pytest.mark.parametrize("index", range(11))
def test_each_command_changes_the_map_and_undo_and_redo_restore_it(journey, index, qapp):
    assert_undoable(journey, list(commands(journey))[index]())
