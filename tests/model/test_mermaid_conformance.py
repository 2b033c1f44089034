"""Mermaid's own journey diagrams (tests/fixtures/mermaid, sources in SOURCES.md) import, and come back
unchanged through export: the same map, and the same text on a second export."""

from pathlib import Path

import pytest

from model.interchange.mermaid import from_mermaid, to_mermaid
from model.journey_file import to_bytes

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures" / "mermaid").glob("*.mmd"))


def test_every_fixture_is_listed_with_its_source():
    listed = (FIXTURES[0].parent / "SOURCES.md").read_text(encoding="utf-8")
    assert len(FIXTURES) == 22 and all(f"| {path.name} | " in listed for path in FIXTURES)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_mermaids_own_journeys_import_and_round_trip_unchanged(path):
    journey, _ = from_mermaid(path.read_text(encoding="utf-8"), str(path))
    exported = to_mermaid(journey)
    again, _ = from_mermaid(exported)
    assert to_bytes(again) == to_bytes(journey)
    assert to_mermaid(again) == exported


def test_the_styling_tests_task_with_a_score_mermaid_draws_as_nan_is_kept_unset_with_a_warning():
    path = FIXTURES[0].parent / "journey-15.mmd"
    journey, warnings = from_mermaid(path.read_text(encoding="utf-8"), str(path))
    assert journey.touchpoints()[-1].title == "size" and journey.touchpoints()[-1].emotion is None
    assert 'line 21: the score of "size" is "2rem", which Mermaid draws as NaN' in warnings[0]


def test_the_parser_tests_tasks_keep_every_actor_and_the_accessibility_title():
    tasks = from_mermaid((FIXTURES[0].parent / "journey-07.mmd").read_text(encoding="utf-8"))[0]
    first = tasks.touchpoints()[0]
    assert (tasks.lane(first.lane).name, first.owner, first.tags) == ("Alice", "Bob", ("Charlie",))
    both = from_mermaid((FIXTURES[0].parent / "journey-03.mmd").read_text(encoding="utf-8"))[0]
    assert (both.info.title, both.info.accessible_title, both.info.description) == (
        "Adding journey diagram functionality to mermaid",
        "Adding acc journey diagram functionality to mermaid", "A user journey for\nfamily shopping")
