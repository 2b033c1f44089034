"""Every bundled template is a valid map a facilitator can start from."""

from __future__ import annotations

import pytest

from app.samples import template_paths
from model.journey_file import load, read, to_bytes
from model.analysis import analyse
from model.entities import LaneKind

TEMPLATES = template_paths()


def test_there_are_at_least_eight_templates_from_practice():
    assert {p.stem for p in TEMPLATES} >= {
        "retail-purchase", "saas-trial-to-paid", "b2b-onboarding", "patient-visit", "hotel-stay",
        "public-service-application", "employee-onboarding", "service-blueprint"}


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_a_template_validates_and_says_what_to_capture(path):
    journey, _ = read(path)
    assert to_bytes(journey) == path.read_bytes()  # saved by this Wayfinder, canonical
    assert journey.info.title and journey.persona.name
    assert len(journey.stages) >= 3 and all(stage.goal.endswith("?") for stage in journey.stages)
    assert any(lane.kind == LaneKind.actor for lane in journey.lanes)
    assert len(journey) >= 5 and all(tp.description for tp in journey.touchpoints())
    assert not journey.votes() and not journey.parking_lot
    insights = analyse(journey)
    assert insights.dead_ends == [] and insights.unreachable == []  # a fresh map carries no false alarms


def test_the_service_blueprint_draws_its_three_lines_between_the_right_lanes():
    journey = load(next(p for p in TEMPLATES if p.stem == "service-blueprint"))
    names = [lane.name for lane in journey.lanes]
    assert names == ["Physical evidence", "Customer actions", "Frontstage", "Backstage", "Support processes"]
    lines = {line.kind.value: journey.lane(line.above).name for line in journey.blueprint_lines}
    assert lines == {"interaction": "Frontstage", "visibility": "Backstage", "internal_interaction": "Support processes"}
