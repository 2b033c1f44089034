"""Votes, the parking lot and blueprint lines: the mutation API, its events, and the file."""

from __future__ import annotations

import json

import pytest

from model import events as ev
from model.errors import InvalidChange, JourneyFileError
from model.journey_file import map_from_bytes, to_bytes
from model.room import BlueprintLine, Vote
from tests.factories import make_map


def voting_map():
    journey = make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"]})
    journey.add_pain_point("checkout", "Card refused", id="refused")
    journey.add_voter("Ana", budget=2, id="ana")
    journey.add_voter("Voter 2", id="v2")
    return journey


def test_a_dot_counts_against_the_voters_budget_in_the_current_round():
    journey = voting_map()
    heard = []
    journey.subscribe(heard.append)
    journey.add_vote("ana", "ad")
    journey.add_vote("ana", "checkout", "refused")
    assert heard == [ev.VotesChanged(frozenset({"ad"})), ev.VotesChanged(frozenset({"checkout"}))]
    assert journey.dots_left("ana") == 0
    with pytest.raises(InvalidChange, match="Ana has placed all 2 dots this round"):
        journey.add_vote("ana", "ad")
    journey.set_voting_round(2)
    assert journey.dots_left("ana") == 2
    journey.add_vote("ana", "ad")
    assert [v.round for v in journey.votes()] == [1, 1, 2]


def test_a_dot_needs_a_voter_and_a_target_on_the_map():
    journey = voting_map()
    with pytest.raises(InvalidChange, match="no voter"):
        journey.add_vote("nobody", "ad")
    with pytest.raises(InvalidChange, match="no touchpoint 'gone'"):
        journey.add_vote("ana", "gone")
    with pytest.raises(InvalidChange, match="no note 'idea'"):
        journey.add_vote("ana", "ad", "idea")


def test_removing_a_dot_takes_back_the_latest_and_returns_where_it_was():
    journey = voting_map()
    journey.add_vote("ana", "ad")
    journey.add_vote("v2", "ad")
    index, vote = journey.remove_vote("ana", "ad")
    assert (index, vote.voter) == (0, "ana") and [v.voter for v in journey.votes()] == ["v2"]
    journey.insert_vote(vote, index)
    assert [v.voter for v in journey.votes()] == ["ana", "v2"]
    with pytest.raises(InvalidChange, match="Voter 2 has no dot there"):
        journey.remove_vote("v2", "checkout")


def test_a_deleted_cards_dots_stop_counting_and_come_back_with_it():
    journey = voting_map()
    journey.add_vote("ana", "checkout", "refused")
    journey.add_vote("ana", "checkout")
    removal = journey.remove_touchpoint("checkout")
    assert journey.votes() == [] and journey.dots_left("ana") == 2
    assert json.loads(to_bytes(journey))["votes"] == []
    journey.restore(removal)
    assert len(journey.votes()) == 2


def test_removing_a_voter_takes_their_dots_and_restoring_puts_them_back():
    journey = voting_map()
    journey.add_vote("v2", "ad")
    journey.add_vote("ana", "ad")
    removed = journey.remove_voter("v2")
    assert [v.voter for v in journey.votes()] == ["ana"] and [v.id for v in journey.voters] == ["ana"]
    journey.restore_voter(removed)
    assert [v.voter for v in journey.votes()] == ["v2", "ana"] and [v.id for v in journey.voters] == ["ana", "v2"]


def test_parking_lot_items_are_added_changed_and_removed():
    journey = make_map()
    heard = []
    journey.subscribe(heard.append)
    item = journey.add_parking_item("Who owns returns?", owner="Ops")
    old = journey.update_parking_item(item.id, closed=True)
    assert old.closed is False and journey.parking_item(item.id).closed
    assert journey.remove_parking_item(item.id) == (0, journey_item := old.model_copy(update={"closed": True}))
    assert journey_item.text == "Who owns returns?" and journey.parking_lot == ()
    assert heard == [ev.ParkingLotChanged()] * 3
    with pytest.raises(InvalidChange, match="no parking-lot item"):
        journey.update_parking_item("nope", text="x")


def test_blueprint_lines_run_above_lanes_of_the_map():
    journey = make_map(lanes=("Customer", "Frontstage"))
    journey.set_blueprint_lines([BlueprintLine(kind="interaction", above="frontstage")])
    with pytest.raises(InvalidChange, match="no lane with id 'nowhere'"):
        journey.set_blueprint_lines([BlueprintLine(kind="visibility", above="nowhere")])
    removal = journey.remove_lane("frontstage")
    assert journey.blueprint_lines == ()
    journey.restore(removal)
    assert [line.kind.value for line in journey.blueprint_lines] == ["interaction"]


def test_the_room_round_trips_through_the_file_byte_for_byte():
    journey = voting_map()
    journey.add_vote("ana", "checkout", "refused")
    journey.set_voting_round(2)
    journey.add_vote("v2", "ad")
    journey.add_parking_item("Gift cards?", owner="Sam", closed=True)
    journey.set_blueprint_lines([BlueprintLine(kind="visibility", above="web")])
    data = to_bytes(journey)
    again = map_from_bytes(data)
    assert to_bytes(again) == data
    assert again.votes() == journey.votes() and again.voting_round == 2
    assert again.voters == journey.voters and again.parking_lot == journey.parking_lot
    assert again.blueprint_lines == journey.blueprint_lines


@pytest.mark.parametrize("mutate, place, words", [
    (lambda d: d["votes"].append({"voter": "ana", "touchpoint": "nowhere"}), "votes[0].touchpoint",
     "no touchpoint or note 'nowhere'"),
    (lambda d: d["votes"].append({"voter": "bob", "touchpoint": "ad"}), "votes[0].voter", "no voter with id 'bob'"),
    (lambda d: d["blueprint_lines"].append({"kind": "visibility", "above": "x"}), "blueprint_lines[0].above",
     "no lane with id 'x'"),
    (lambda d: d["voters"].append({"id": "ana", "name": "Again"}), "voters[2].id", "exists already"),
    (lambda d: d["parking_lot"].append({"id": "p", "text": "t", "closed": "maybe"}), "parking_lot[0].closed",
     "boolean"),
])
def test_a_bad_room_record_in_a_file_names_the_place(mutate, place, words):
    document = json.loads(to_bytes(voting_map()))
    mutate(document)
    with pytest.raises(JourneyFileError) as error:
        map_from_bytes(json.dumps(document).encode())
    assert error.value.place == place and words in error.value.reason


def test_vote_is_an_entity_with_its_target():
    assert Vote(voter="a", touchpoint="t", note="n").target == ("t", "n")


def test_the_room_priorities_rank_the_current_rounds_targets_by_dots():
    from model.priorities import room_priorities

    journey = voting_map()
    journey.add_vote("ana", "ad")
    journey.add_vote("v2", "checkout", "refused")
    journey.add_vote("v2", "checkout", "refused")
    journey.add_vote("v2", "checkout")
    ranked = room_priorities(journey)
    assert [(p.kind, p.text, p.dots) for p in ranked] == [
        ("pain point", "Card refused", 2), ("touchpoint", "Ad", 1), ("touchpoint", "Checkout", 1)]
    assert (journey.dots_on("checkout"), journey.dots_on("ad")) == (3, 1)
    journey.set_voting_round(2)
    assert room_priorities(journey) == [] and len(room_priorities(journey, round=1)) == 3
