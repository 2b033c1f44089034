"""Properties of the file format over generated maps and damaged files."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import JourneyFileError
from model.journey_file import map_from_bytes, to_bytes
from tests.factories import journey_maps

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(journey_maps(room=True, personas=True))
def test_every_map_saves_loads_and_saves_to_the_same_bytes(journey):
    """Any map, with a workshop's record and several personas, evidence and stage metrics."""
    data = to_bytes(journey)
    again = map_from_bytes(data)
    assert to_bytes(again) == data
    assert [tp.id for tp in again.touchpoints()] == [tp.id for tp in journey.touchpoints()]
    assert again.votes() == journey.votes() and again.voting_round == journey.voting_round
    assert again.parking_lot == journey.parking_lot and again.blueprint_lines == journey.blueprint_lines
    assert again.personas == journey.personas and again.touchpoints() == journey.touchpoints()
    assert again.stages == journey.stages and again.lanes == journey.lanes


@SETTINGS
@given(journey_maps(max_touchpoints=4), st.data())
def test_a_damaged_file_gives_only_a_journey_file_error(journey, data):
    original = bytearray(to_bytes(journey))
    damage = data.draw(st.sampled_from(("flip", "cut", "insert")))
    at = data.draw(st.integers(0, len(original) - 1))
    if damage == "flip":
        original[at] = data.draw(st.integers(0, 255))
    elif damage == "cut":
        del original[at:]
    else:
        original[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    try:
        map_from_bytes(bytes(original), "damaged.journey")
    except JourneyFileError as error:
        assert str(error).startswith("damaged.journey")


@SETTINGS
@given(journey_maps(max_touchpoints=4), st.data())
def test_a_wrong_value_anywhere_is_named_by_its_place(journey, data):
    document = json.loads(to_bytes(journey))
    if not document["touchpoints"]:
        return
    index = data.draw(st.integers(0, len(document["touchpoints"]) - 1))
    field = data.draw(st.sampled_from(("meaning", "value", "accommodation")))
    document["touchpoints"][index]["scores"][field] = data.draw(st.sampled_from((0, 6, "high", 2.5, [])))
    try:
        map_from_bytes(json.dumps(document).encode(), "bad.journey")
    except JourneyFileError as error:
        assert f"touchpoints[{index}].scores.{field}" in str(error)
    else:
        raise AssertionError("a bad score was accepted")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_only_a_journey_file_error(data):
    try:
        map_from_bytes(data, "noise.journey")
    except JourneyFileError:
        pass
