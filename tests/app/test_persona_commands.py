"""Every change to personas, evidence, to-be marks and stage metrics is one undo step that restores the map exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from app import commands as cmd
from app import persona_commands as pc
from model.entities import Evidence, Kpi, Source
from model.stage_metrics import plan_refresh
from tests.app.undo_check import assert_undoable
from tests.factories import make_map


@pytest.fixture
def journey():
    journey = make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"]})
    journey.add_persona("Maya", id="maya")
    journey.add_persona("Sam", id="sam")
    journey.update_touchpoint("ad", personas=("sam",))
    journey.update_lane("web", persona="sam")
    journey.add_pain_point("ad", "Too loud", id="loud")
    journey.update_stage("buy", kpis=(Kpi(name="NPS", target=20),))
    return journey


def commands(journey):
    yield lambda: pc.add_persona(journey, "Lee", colour="#445566")
    yield lambda: pc.RemovePersona(journey, "sam")
    yield lambda: pc.edit_persona_of(journey, "sam", expectations=("Quick answers",))
    yield lambda: pc.set_membership(journey, "ad", "maya", True)
    yield lambda: pc.set_membership(journey, "checkout", "sam", False)
    yield lambda: pc.set_experience(journey, "checkout", "sam", emotion=-2, value=1)
    yield lambda: cmd.edit_touchpoint(journey, "ad", evidence=Evidence(
        level="anecdote", sources=(Source(quote="Too loud", who="Interview 3", date=dt.date(2026, 1, 5)),)))
    yield lambda: cmd.edit_pain_point(journey, "ad", "loud", evidence=Evidence(level="research"))
    yield lambda: cmd.edit_touchpoint(journey, "checkout", to_be="changed")
    yield lambda: cmd.edit_lane(journey, "web", persona="maya")
    yield lambda: pc.RefreshMetrics(journey, plan_refresh(journey, [(2, ["Buy", "NPS", "2026-02-01", "14"])], "m.csv"))


@pytest.mark.parametrize("index", range(11))
def test_each_command_changes_the_map_and_undo_and_redo_restore_it(journey, index, qapp):
    assert_undoable(journey, list(commands(journey))[index]())


def test_listing_every_persona_again_makes_a_touchpoint_everyones(journey, qapp):
    pc.set_membership(journey, "ad", "maya", True).do_first()
    assert journey.touchpoint("ad").personas is None
    pc.set_membership(journey, "ad", "maya", False).do_first()
    assert journey.touchpoint("ad").personas == ("sam",)


def test_clearing_a_personas_own_values_drops_their_experience(journey, qapp):
    pc.set_experience(journey, "checkout", "sam", emotion=1).do_first()
    assert journey.touchpoint("checkout").experience("sam").emotion == 1
    pc.set_experience(journey, "checkout", "sam", emotion=None).do_first()
    assert journey.touchpoint("checkout").experiences == ()
