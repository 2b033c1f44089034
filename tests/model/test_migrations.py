"""Older formats load as the current one; reading never rewrites the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.document import FORMAT_VERSION
from model.journey_file import read, save, to_bytes
from model.migrations import STEPS

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_there_is_a_fixture_for_every_old_version():
    assert sorted(STEPS) == list(range(1, FORMAT_VERSION))
    for version in STEPS:
        assert json.loads((FIXTURES / f"format-v{version}.journey").read_text())["version"] == version


@pytest.mark.parametrize("version", sorted(STEPS))
def test_an_old_file_is_migrated_on_load_and_untouched_until_saved(version, tmp_path):
    path = tmp_path / "old.journey"
    original = (FIXTURES / f"format-v{version}.journey").read_bytes()
    path.write_bytes(original)
    journey, read_version = read(path)
    assert read_version == version
    assert path.read_bytes() == original
    old = json.loads(original)
    assert [tp.title for tp in journey.touchpoints()] == [tp["title"] for tp in old["touchpoints"]]
    assert len(journey.connections()) == len(old["connections"])
    save(journey, path)
    assert json.loads(path.read_bytes())["version"] == FORMAT_VERSION
    assert read(path)[1] == FORMAT_VERSION and to_bytes(read(path)[0]) == path.read_bytes()


def test_version_1_maps_have_no_motivators_expectations_or_targets():
    journey, _ = read(FIXTURES / "format-v1.journey")
    for touchpoint in journey.touchpoints():
        assert touchpoint.motivators == () and touchpoint.expected is None and touchpoint.experienced is None
        assert touchpoint.target.emotion is None and touchpoint.target.meaning is None


def test_a_version_5_persona_becomes_the_first_persona_and_everyone_passes_everywhere():
    old = json.loads((FIXTURES / "format-v5.journey").read_text())
    journey, _ = read(FIXTURES / "format-v5.journey")
    assert len(journey.personas) == 1 and journey.persona.name == old["persona"]["name"]
    assert journey.persona.goals == tuple(old["persona"]["goals"])
    assert all(tp.personas is None and tp.evidence.level.value == "assumption" for tp in journey.touchpoints())


def test_a_version_5_map_without_a_persona_has_none():
    from model.journey_file import map_from_bytes

    raw = json.loads((FIXTURES / "format-v5.journey").read_text())
    raw["persona"] = {"name": "", "purpose": "", "goals": [], "expectations": []}
    assert map_from_bytes(json.dumps(raw).encode()).personas == ()


def test_version_2_maps_have_no_merge_conflicts():
    journey, version = read(FIXTURES / "format-v2.journey")
    assert version == 2 and journey.conflicts == ()


@pytest.mark.parametrize("version", [2, 3, 4])
def test_maps_before_version_5_have_no_brand_kit(version):
    journey, _ = read(FIXTURES / f"format-v{version}.journey")
    info = journey.info
    assert (info.logo, info.accent, info.cover_note) == ("", None, "")
    assert info.client == "Lindqvist Home"  # what version 2 already had is kept
