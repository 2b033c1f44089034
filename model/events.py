"""Typed events `JourneyMap` sends to its subscribers: one change, one event.

Each event names what changed by id, so a view can update exactly those items.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MapEvent:
    """Base of all map events."""


@dataclass(frozen=True)
class InfoChanged(MapEvent):
    pass


@dataclass(frozen=True)
class PersonaChanged(MapEvent):
    pass


@dataclass(frozen=True)
class StageAdded(MapEvent):
    stage_id: str


@dataclass(frozen=True)
class StageChanged(MapEvent):
    stage_id: str


@dataclass(frozen=True)
class StageRemoved(MapEvent):
    stage_id: str


@dataclass(frozen=True)
class StagesReordered(MapEvent):
    pass


@dataclass(frozen=True)
class LaneAdded(MapEvent):
    lane_id: str


@dataclass(frozen=True)
class LaneChanged(MapEvent):
    lane_id: str


@dataclass(frozen=True)
class LaneRemoved(MapEvent):
    lane_id: str


@dataclass(frozen=True)
class LanesReordered(MapEvent):
    pass


@dataclass(frozen=True)
class TouchpointAdded(MapEvent):
    touchpoint_id: str


@dataclass(frozen=True)
class TouchpointChanged(MapEvent):
    """Fields of one touchpoint changed (pain points and opportunities included)."""

    touchpoint_id: str
    fields: frozenset[str]


@dataclass(frozen=True)
class TouchpointMoved(MapEvent):
    """A touchpoint changed cell, or its place within its cell."""

    touchpoint_id: str


@dataclass(frozen=True)
class TouchpointRemoved(MapEvent):
    touchpoint_id: str


@dataclass(frozen=True)
class ConnectionAdded(MapEvent):
    source: str
    target: str


@dataclass(frozen=True)
class ConnectionChanged(MapEvent):
    source: str
    target: str


@dataclass(frozen=True)
class ConnectionRemoved(MapEvent):
    source: str
    target: str


@dataclass(frozen=True)
class VotersChanged(MapEvent):
    """Voters were added, renamed, given another budget or removed."""


@dataclass(frozen=True)
class VotesChanged(MapEvent):
    """Dots were placed or taken back, or the round changed; names the touchpoints whose dots changed."""

    touchpoint_ids: frozenset[str]


@dataclass(frozen=True)
class ParkingLotChanged(MapEvent):
    pass


@dataclass(frozen=True)
class BlueprintLinesChanged(MapEvent):
    pass
