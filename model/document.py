"""The `.journey` file format as a versioned pydantic document, and its conversion to a map.

The document is the map written out in a canonical order: stages and lanes in their order,
touchpoints in reading order (stage, lane, place in cell), connections by their source's and
then their target's place. The order of touchpoints within a cell is carried by that order.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .entities import Connection, Lane, MapInfo, Persona, Stage, Touchpoint
from .errors import InvalidChange
from .journey_map import JourneyMap

FORMAT_MARKER = "wayfinder.journey"
FORMAT_VERSION = 3


class JourneyDocument(BaseModel):
    """A Wayfinder journey map file (`.journey`): UTF-8 JSON, pretty-printed, canonical order."""

    model_config = ConfigDict(
        extra="forbid",
        title="Wayfinder journey map",
        json_schema_extra={"$id": f"https://wayfinder.example/schema/journey-v{FORMAT_VERSION}.json"},
    )

    format: Literal["wayfinder.journey"] = Field(description="Marks the file as a Wayfinder map.")
    version: Literal[3] = Field(description="Format version; Wayfinder refuses versions newer than its own.")
    info: MapInfo = Field(default_factory=MapInfo)
    persona: Persona = Field(default_factory=Persona)
    stages: list[Stage] = Field(default_factory=list, description="Columns, left to right.")
    lanes: list[Lane] = Field(default_factory=list, description="Rows, top to bottom.")
    touchpoints: list[Touchpoint] = Field(
        default_factory=list,
        description="Cards in reading order: by stage, then lane, then their order within the cell.",
    )
    connections: list[Connection] = Field(
        default_factory=list, description="Transitions between touchpoints; at most one per ordered pair."
    )


def to_document(journey: JourneyMap) -> JourneyDocument:
    """The map as a document in canonical order, so one map always gives the same file."""
    return JourneyDocument.model_construct(
        format=FORMAT_MARKER,
        version=FORMAT_VERSION,
        info=journey.info,
        persona=journey.persona,
        stages=list(journey.stages),
        lanes=list(journey.lanes),
        touchpoints=journey.touchpoints(),
        connections=journey.connections(),
    )


def to_map(document: JourneyDocument) -> JourneyMap:
    """Build a map from a validated document; `InvalidChange.place` says where a reference is wrong."""
    journey = JourneyMap(document.info, document.persona)
    for name, items, insert in (
        ("stages", document.stages, lambda s: journey.add_stage(s.name, s.goal, id=s.id)),
        ("lanes", document.lanes, lambda l: journey.add_lane(l.name, l.kind, id=l.id)),
        ("touchpoints", document.touchpoints, journey.insert_touchpoint),
        ("connections", document.connections, journey.insert_connection),
    ):
        for i, item in enumerate(items):
            try:
                insert(item)
            except InvalidChange as error:
                raise error.at(f"{name}[{i}]") from None
    return journey


def json_schema() -> dict:
    """The JSON Schema of the current file format."""
    return JourneyDocument.model_json_schema()
