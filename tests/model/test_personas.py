"""Several personas on one map: who passes where, how each feels, and taking a persona off the map."""

from __future__ import annotations

import pytest

from model import events as ev
from model.entities import Experience
from model.errors import InvalidChange
from model import theme
from model.personas import persona_colour
from tests.factories import make_map


def two_persona_map():
    journey = make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"]})
    journey.add_persona("Maya", id="maya")
    journey.add_persona("Sam", id="sam", colour="#112233")
    return journey


def test_the_first_persona_is_the_persona_every_old_caller_knows():
    journey = make_map()
    assert journey.personas == () and journey.persona.name == ""
    old = journey.set_persona(name="Maya")
    assert old.name == "" and [p.name for p in journey.personas] == ["Maya"]
    journey.add_persona("Sam")
    journey.set_persona(purpose="Furnish a flat")
    assert journey.persona.purpose == "Furnish a flat" and journey.personas[1].purpose == ""


def test_each_change_to_personas_is_announced():
    journey = make_map()
    heard = []
    journey.subscribe(heard.append)
    journey.add_persona("Maya", id="maya")
    journey.update_persona("maya", goals=("A sofa",))
    journey.move_persona("maya", 0)
    assert heard == [ev.PersonaChanged()] * 3


def test_touchpoints_and_lanes_may_name_only_personas_on_the_map():
    journey = two_persona_map()
    with pytest.raises(InvalidChange, match="no persona with id 'ghost'") as error:
        journey.update_touchpoint("ad", personas=("maya", "ghost"))
    assert error.value.place == "personas[1]"
    with pytest.raises(InvalidChange, match="no persona"):
        journey.update_touchpoint("ad", experiences=(Experience(persona="ghost", emotion=1),))
    with pytest.raises(InvalidChange, match="no persona"):
        journey.update_lane("web", persona="ghost")
    with pytest.raises(InvalidChange, match="listed once"):
        journey.update_touchpoint("ad", personas=("maya", "maya"))
    assert journey.touchpoint("ad").personas is None and journey.lane("web").persona is None


def test_a_persona_feels_their_own_emotion_and_scores_where_recorded_and_the_cards_elsewhere():
    journey = two_persona_map()
    journey.update_touchpoint("ad", emotion=1, scores={"meaning": 4, "value": 2},
                              experiences=(Experience(persona="sam", emotion=-2, scores={"value": 5}),))
    ad = journey.touchpoint("ad")
    assert ad.emotion_of("maya") == 1 and ad.emotion_of("sam") == -2 and ad.emotion_of(None) == 1
    assert ad.scores_of("sam").values() == (4, 5, None) and ad.scores_of("maya").values() == (4, 2, None)


def test_removing_a_persona_clears_every_mention_and_restore_puts_it_all_back():
    journey = two_persona_map()
    journey.update_touchpoint("ad", personas=("sam",), experiences=(Experience(persona="sam", emotion=2),))
    journey.update_touchpoint("checkout", personas=("maya", "sam"))
    journey.update_lane("web", persona="sam")
    before = (journey.personas, journey.touchpoints(), journey.lanes)
    removal = journey.remove_persona("sam")
    assert [p.id for p in journey.personas] == ["maya"]
    assert journey.touchpoint("ad").personas is None and journey.touchpoint("ad").experiences == ()
    assert journey.touchpoint("checkout").personas == ("maya",) and journey.lane("web").persona is None
    journey.restore_persona(removal)
    assert (journey.personas, journey.touchpoints(), journey.lanes) == before


def test_a_persona_without_a_colour_takes_the_palettes_by_place():
    journey = two_persona_map()
    assert persona_colour(journey, "maya") == theme.PERSONA_CURVES[0]
    assert persona_colour(journey, "sam") == "#112233"
    assert journey.persona_by_id("maya").badge == "M"
    journey.update_persona("maya", name="maya ortiz, first-time buyer")
    assert journey.persona_by_id("maya").badge == "MO"
