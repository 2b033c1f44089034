"""The `.journey` file format as a versioned pydantic document, and its conversion to a map.

The document is the map written out in a canonical order: stages and lanes in their order,
touchpoints in reading order (stage, lane, place in cell), connections by their source's and
then their target's place. The order of touchpoints within a cell is carried by that order.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .conflict import Conflict
from .entities import Connection, Lane, MapInfo, Persona, Stage, Touchpoint
from .errors import InvalidChange
from .journey_map import JourneyMap
from .room import BlueprintLine, ParkingItem, Vote, Voter

FORMAT_MARKER = "wayfinder.journey"
FORMAT_VERSION = 6


class JourneyDocument(BaseModel):
    """A Wayfinder journey map file (`.journey`): UTF-8 JSON, pretty-printed, canonical order."""

    model_config = ConfigDict(
        extra="forbid",
        title="Wayfinder journey map",
        json_schema_extra={"$id": f"https://wayfinder.example/schema/journey-v{FORMAT_VERSION}.json"},
    )

    format: Literal["wayfinder.journey"] = Field(description="Marks the file as a Wayfinder map.")
    version: Literal[6] = Field(description="Format version; Wayfinder refuses versions newer than its own.")
    info: MapInfo = Field(default_factory=MapInfo)
    personas: list[Persona] = Field(
        default_factory=list, description="The personas whose journeys the map follows, in the legend's order.")
    stages: list[Stage] = Field(default_factory=list, description="Columns, left to right.")
    lanes: list[Lane] = Field(default_factory=list, description="Rows, top to bottom.")
    touchpoints: list[Touchpoint] = Field(
        default_factory=list,
        description="Cards in reading order: by stage, then lane, then their order within the cell.",
    )
    connections: list[Connection] = Field(
        default_factory=list, description="Transitions between touchpoints; at most one per ordered pair."
    )
    blueprint_lines: list[BlueprintLine] = Field(
        default_factory=list, description="Service-blueprint lines, each along the top of a lane.")
    voters: list[Voter] = Field(default_factory=list, description="Who places dots, in the order the room named them.")
    voting_round: int = Field(1, ge=1, le=999, description="The current round of dot voting.")
    votes: list[Vote] = Field(default_factory=list, description="Dots in the order they were placed.")
    parking_lot: list[ParkingItem] = Field(
        default_factory=list, description="Questions and ideas parked during a workshop, in the order raised.")
    conflicts: list[Conflict] = Field(
        default_factory=list, description="Merge conflicts not resolved yet; the map holds our side of each."
    )


def to_document(journey: JourneyMap) -> JourneyDocument:
    """The map as a document in canonical order, so one map always gives the same file."""
    return JourneyDocument.model_construct(
        format=FORMAT_MARKER,
        version=FORMAT_VERSION,
        info=journey.info,
        personas=list(journey.personas),
        stages=list(journey.stages),
        lanes=list(journey.lanes),
        touchpoints=journey.touchpoints(),
        connections=journey.connections(),
        blueprint_lines=list(journey.blueprint_lines),
        voters=list(journey.voters),
        voting_round=journey.voting_round,
        votes=journey.votes(),
        parking_lot=list(journey.parking_lot),
        conflicts=list(journey.conflicts),
    )


def to_map(document: JourneyDocument) -> JourneyMap:
    """Build a map from a validated document; `InvalidChange.place` says where a reference is wrong."""
    journey = JourneyMap(document.info)
    for name, items, insert in (
        ("personas", document.personas, journey.insert_persona),
        ("stages", document.stages, lambda s: journey.add_stage(s.name, s.goal, id=s.id, kpis=s.kpis)),
        ("lanes", document.lanes, lambda l: journey.add_lane(l.name, l.kind, id=l.id, persona=l.persona)),
        ("touchpoints", document.touchpoints, journey.insert_touchpoint),
        ("connections", document.connections, journey.insert_connection),
        ("voters", document.voters, lambda v: journey.add_voter(v.name, v.budget, id=v.id)),
        ("votes", document.votes, journey.insert_vote),
        ("parking_lot", document.parking_lot,
         lambda p: journey.add_parking_item(p.text, p.owner, id=p.id, closed=p.closed)),
    ):
        for i, item in enumerate(items):
            try:
                insert(item)
            except InvalidChange as error:
                raise error.at(f"{name}[{i}]") from None
    journey.set_blueprint_lines(document.blueprint_lines)
    journey.set_voting_round(document.voting_round)
    if document.conflicts:
        journey.set_conflicts(document.conflicts)
    return journey


def json_schema() -> dict:
    """The JSON Schema of the current file format."""
    return JourneyDocument.model_json_schema()
