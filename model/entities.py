"""The things a journey map is made of, as small immutable pydantic models.

Entities are frozen: a change is a new entity made by `JourneyMap`'s mutation API,
so no widget can edit a touchpoint behind the model's back. Every field carries a
description; the file format's JSON Schema is generated from these models.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"),
    Field(description="Identifier, unique among entities of its kind: letters, digits, '_', '.', '-'."),
]
Name = Annotated[str, StringConstraints(max_length=200)]
Text = Annotated[str, StringConstraints(max_length=20_000)]
Score = Annotated[int, Field(ge=1, le=5)]
Emotion = Annotated[int, Field(ge=-2, le=2)]
Severity = Annotated[int, Field(ge=1, le=3)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=60)]

EMOTION_RANGE = (-2, 2)
SCORE_RANGE = (1, 5)
SEVERITY_RANGE = (1, 3)


class Entity(BaseModel):
    """Base of every map entity: frozen, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class MapInfo(Entity):
    """What the map is and who it is for (title block of the PDF)."""

    title: Name = Field("Untitled journey", description="The map's title.")
    accessible_title: Name = Field("", description=(
        "A title for screen readers, where it should differ from the title (Mermaid's accTitle)."))
    description: Text = Field("", description="What the journey covers and why it was mapped.")
    client: Name = Field("", description="Who the map is made for.")
    author: Name = Field("", description="Who made the map (the PDF's 'Prepared by').")
    logo: Annotated[str, StringConstraints(max_length=1000)] = Field(
        "", description="The logo on the PDF's title page: a PNG, JPEG or SVG file, as a path relative to the "
                        "map's folder (or absolute). Kept as a path, not the image, so the file stays small and "
                        "diffable; a missing file is an export error naming it.")
    accent: Optional[Colour] = Field(None, description="The brand colour of the PDF's title page and headings; "
                                                       "none for Wayfinder's own.")
    cover_note: Text = Field("", description="A note to the reader on the PDF's title page.")


class Persona(Entity):
    """The customer whose journey this is."""

    name: Name = Field("", description="Who the customer is, e.g. 'First-time buyer'.")
    purpose: Text = Field("", description="Why they set out on this journey.")
    goals: tuple[Name, ...] = Field((), description="What they want to achieve.")
    expectations: tuple[Name, ...] = Field((), description="What they expect from us on the way.")


class Stage(Entity):
    """A column of the map: one step of the journey (Awareness, Purchase, ...)."""

    id: Id
    name: Name = Field(description="Shown in the stage header.")
    goal: Text = Field("", description="What does this person need from us to move forward?")


class LaneKind(str, Enum):
    """What a row of the map stands for."""

    channel = "channel"
    actor = "actor"
    backstage = "backstage"


class Lane(Entity):
    """A row of the map: a channel, an actor, or a backstage team."""

    id: Id
    name: Name = Field(description="Shown in the lane header.")
    kind: LaneKind = Field(LaneKind.channel, description="channel, actor or backstage.")


class PainKind(str, Enum):
    """Kinds of pain point; the file accepts only these, new kinds come with a format version."""

    dead_end = "dead_end"
    frustration = "frustration"
    delay = "delay"
    confusion = "confusion"
    effort = "effort"


class PainPoint(Entity):
    """Something that hurts the customer at a touchpoint."""

    id: Id
    text: Text = Field(description="What goes wrong, in the customer's words if possible.")
    severity: Severity = Field(2, description="1 minor, 2 serious, 3 critical.")
    kind: PainKind = Field(PainKind.frustration, description="dead_end, frustration, delay, confusion or effort.")


class Opportunity(Entity):
    """An improvement idea at a touchpoint."""

    id: Id
    text: Text = Field(description="The idea.")


class Scores(Entity):
    """Meaning, Value and Accommodation, each 1..5 or unset (null)."""

    meaning: Optional[Score] = Field(None, description="The brand stands for something at this moment (1..5).")
    value: Optional[Score] = Field(None, description="A fair return for the customer's time and money (1..5).")
    accommodation: Optional[Score] = Field(
        None, description="Ease, convenience, being catered to (1..5)."
    )

    def values(self) -> tuple[Optional[int], Optional[int], Optional[int]]:
        return (self.meaning, self.value, self.accommodation)


SCORE_NAMES = ("meaning", "value", "accommodation")


class Metrics(Entity):
    """Optional measurements of a touchpoint."""

    time_to_task_minutes: Optional[Annotated[float, Field(ge=0, le=1_000_000)]] = Field(
        None, description="How long the customer spends here, in minutes."
    )
    completion_rate: Optional[Annotated[float, Field(ge=0, le=100)]] = Field(
        None, description="Share of customers who complete this step, in percent."
    )
    nps: Optional[Annotated[int, Field(ge=-100, le=100)]] = Field(
        None, description="Net Promoter Score measured here (-100..100)."
    )


class Motivator(str, Enum):
    """What a touchpoint offers the customer's motivation (self-determination theory)."""

    purpose = "purpose"  # the customer's own goal moves forward
    mastery = "mastery"  # visible progress, getting better at it
    autonomy = "autonomy"  # options and control


class Target(Entity):
    """The to-be: the emotion and scores we want this touchpoint to have; null where no target is set."""

    emotion: Optional[Emotion] = Field(None, description="Target emotion, -2..+2.")
    meaning: Optional[Score] = Field(None, description="Target Meaning (1..5).")
    value: Optional[Score] = Field(None, description="Target Value (1..5).")
    accommodation: Optional[Score] = Field(None, description="Target Accommodation (1..5).")


class Touchpoint(Entity):
    """A card in one cell (stage x lane): a moment where the customer meets the brand."""

    id: Id
    title: Name = Field(description="Shown on the card.")
    stage: Id = Field(description="Id of the stage (column) the card is in.")
    lane: Id = Field(description="Id of the lane (row) the card is in.")
    description: Text = Field("", description="What happens here.")
    channel: Name = Field("", description="Where it happens: web, app, store, phone...")
    owner: Name = Field("", description="The team that owns this moment.")
    emotion: Optional[Emotion] = Field(None, description="How the customer feels, -2 (awful) .. +2 (delighted).")
    scores: Scores = Field(default_factory=Scores)
    pain_points: tuple[PainPoint, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    metrics: Metrics = Field(default_factory=Metrics)
    tags: tuple[Tag, ...] = ()
    colour: Optional[Colour] = Field(None, description="Card colour as #rrggbb, or null for the theme's.")
    motivators: tuple[Motivator, ...] = Field(
        (), description="Which motivators this moment serves: purpose, mastery, autonomy (each at most once).")
    expected: Optional[Score] = Field(None, description="What the customer expected here (1..5).")
    experienced: Optional[Score] = Field(None, description="What the customer got here (1..5).")
    target: Target = Field(default_factory=Target, description="The to-be emotion and scores.")

    @field_validator("motivators")
    @classmethod
    def _motivators_once(cls, motivators: tuple[Motivator, ...]) -> tuple[Motivator, ...]:
        if len(set(motivators)) != len(motivators):
            raise ValueError("each motivator may be listed once")
        return tuple(sorted(motivators, key=list(Motivator).index))

    @property
    def worst_severity(self) -> int:
        return max((p.severity for p in self.pain_points), default=0)


class ConnectionKind(str, Enum):
    """How a transition relates to the journey's intended flow."""

    main = "main"
    alternative = "alternative"
    fallback = "fallback"


class Connection(Entity):
    """A directed transition: customers go from `source` to `target`."""

    source: Id = Field(description="Id of the touchpoint the customer leaves.")
    target: Id = Field(description="Id of the touchpoint the customer reaches.")
    kind: ConnectionKind = Field(ConnectionKind.main, description="main, alternative or fallback.")
    label: Name = Field("", description="Why or when customers take this path.")

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.target)
