"""Older `.journey` formats, brought up to the current one as they are read.

Each step turns the raw JSON of one version into the next. Reading never writes: a map opened
from an older file is saved in the current version only when the user saves it. Keep a
fixture per old version in tests/fixtures/ so that every step stays tested.
"""

from __future__ import annotations

from typing import Any, Callable


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds motivators, expected and experienced scores and a to-be target to
    touchpoints; a version 1 map has none of them, which is what their defaults say."""
    return {**raw, "version": 2}


def _v2_to_v3(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds a workshop's record (voters, votes and the voting round, the parking lot)
    and service-blueprint lines; a version 2 map has none, which is what their defaults say."""
    return {**raw, "version": 3}


STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(raw: dict[str, Any], to_version: int) -> dict[str, Any]:
    """`raw` (whose integer version is at most `to_version`) as a document of `to_version`."""
    while raw["version"] < to_version:
        raw = STEPS[raw["version"]](raw)
    return raw
