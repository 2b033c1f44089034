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


def _v3_to_v4(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 4 adds the merge conflicts a map keeps until they are resolved and the map's
    accessible title; a version 3 map has none, which is what their defaults say."""
    return {**raw, "version": 4}


def _v4_to_v5(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 5 adds the brand kit to the map's info (logo, accent colour, cover note); a
    version 4 map has none, which is what their defaults say."""
    return {**raw, "version": 5}


def _v5_to_v6(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 6 follows any number of personas, with evidence, to-be marks and stage metrics.
    A version 5 map's one persona becomes the first of the list (none, if it was never described);
    every touchpoint is everyone's, and the new fields' defaults say what a version 5 map holds."""
    upgraded = {key: value for key, value in raw.items() if key != "persona"}
    persona = raw.get("persona")
    described = isinstance(persona, dict) and any(persona.get(key) for key in persona)
    upgraded["personas"] = [{"id": "persona-1", **persona}] if described else []
    upgraded["version"] = 6
    return upgraded


STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6}


def migrate(raw: dict[str, Any], to_version: int) -> dict[str, Any]:
    """`raw` (whose integer version is at most `to_version`) as a document of `to_version`."""
    while raw["version"] < to_version:
        raw = STEPS[raw["version"]](raw)
    return raw
