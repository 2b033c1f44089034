"""The things a journey map is made of, as small immutable pydantic models.

Entities are frozen: a change is a new entity made by `JourneyMap`'s mutation API,
so no widget can edit a touchpoint behind the model's back. Every field carries a
description; the file format's JSON Schema is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, StringConstraints, field_validator

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
    """One kind of customer whose journey the map follows; a map may follow several."""

    id: Id = Field("persona-1", description="Identifier the touchpoints and lanes refer to.")
    name: Name = Field("", description="Who the customer is, e.g. 'First-time buyer'.")
    purpose: Text = Field("", description="Why they set out on this journey.")
    goals: tuple[Name, ...] = Field((), description="What they want to achieve.")
    expectations: tuple[Name, ...] = Field((), description="What they expect from us on the way.")
    colour: Optional[Colour] = Field(None, description="Colour of their emotion curve as #rrggbb; null: the theme's.")
    initials: Annotated[str, StringConstraints(max_length=3)] = Field(
        "", description="Up to three letters for their badge; empty: taken from the name.")
    photo: Name = Field("", description="Path of a photo, relative to the map's file; empty: the initials badge.")

    @property
    def badge(self) -> str:
        """The letters on the persona's badge: their initials, or the first letters of their name
        (before any comma: "Maya, first-time buyer" is M)."""
        if self.initials:
            return self.initials
        return "".join(word[0] for word in self.name.split(",")[0].split()[:2]).upper() or "?"


class KpiDirection(str, Enum):
    """Which way a stage metric should move."""

    higher_is_better = "higher_is_better"
    lower_is_better = "lower_is_better"


class KpiReading(Entity):
    """One dated value of a stage metric."""

    date: dt.date = Field(description="When the value was measured (YYYY-MM-DD).")
    value: float = Field(description="The measured value, in the metric's unit.")


class Kpi(Entity):
    """A stage metric: what is measured, where it is now, where it should be, and how it went."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=60)] = Field(
        description="What is measured: Time to task, Completion rate, Drop-off, NPS, CSAT or a custom name.")
    unit: Annotated[str, StringConstraints(max_length=20)] = Field("", description="Unit shown after values: %, min, ...")
    direction: KpiDirection = Field(KpiDirection.higher_is_better,
                                    description="higher_is_better or lower_is_better.")
    current: Optional[float] = Field(None, description="The value now; null: not measured yet.")
    target: Optional[float] = Field(None, description="The value the team aims for; null: no target.")
    history: tuple[KpiReading, ...] = Field((), description="Earlier values, oldest first.")

    @field_validator("history")
    @classmethod
    def _history_by_date(cls, history: tuple[KpiReading, ...]) -> tuple[KpiReading, ...]:
        return tuple(sorted(history, key=lambda reading: reading.date))


class Stage(Entity):
    """A column of the map: one step of the journey (Awareness, Purchase, ...)."""

    id: Id
    name: Name = Field(description="Shown in the stage header.")
    goal: Text = Field("", description="What does this person need from us to move forward?")
    kpis: tuple[Kpi, ...] = Field((), description="Metrics of this stage, each named once.")

    @field_validator("kpis")
    @classmethod
    def _kpis_named_once(cls, kpis: tuple[Kpi, ...]) -> tuple[Kpi, ...]:
        names = [kpi.name.casefold() for kpi in kpis]
        if len(set(names)) != len(names):
            raise ValueError("each metric may be named once per stage")
        return kpis


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
    persona: Optional[Id] = Field(None, description="Id of the persona this lane belongs to; null: everyone's.")


class PainKind(str, Enum):
    """Kinds of pain point; the file accepts only these, new kinds come with a format version."""

    dead_end = "dead_end"
    frustration = "frustration"
    delay = "delay"
    confusion = "confusion"
    effort = "effort"


class EvidenceLevel(str, Enum):
    """How sure the team is of a card or note, from guess to data."""

    assumption = "assumption"  # nobody has checked
    anecdote = "anecdote"  # one source says so
    research = "research"  # several sources, or data


class Source(Entity):
    """Where a piece of evidence comes from."""

    quote: Text = Field("", description="A short quote, in the source's words.")
    who: Name = Field("", description="Who said it, or where it comes from.")
    date: Optional[dt.date] = Field(None, description="When (YYYY-MM-DD); null: unknown.")
    link: Text = Field("", description="A web link, or a file path relative to the map's file.")


class Evidence(Entity):
    """What a card or note rests on: its level and its sources."""

    level: EvidenceLevel = Field(EvidenceLevel.assumption, description="assumption, anecdote or research.")
    sources: tuple[Source, ...] = Field((), description="The sources, in the order the team added them.")


NO_EVIDENCE = Evidence()
# A card's or note's evidence. The file writes null for an assumption without sources (what nearly
# every card of a fresh map rests on), which keeps files small and quick to read; in memory it is
# always an `Evidence`, so no reader has to ask whether there is one.
EvidenceOf = Annotated[
    Optional[Evidence],
    # Every evidence equal to none is this one object, so writing it is an identity check (saving is timed).
    AfterValidator(lambda evidence: NO_EVIDENCE if evidence is None or evidence == NO_EVIDENCE else evidence),
    PlainSerializer(lambda evidence, info: None if evidence is NO_EVIDENCE else evidence.model_dump(mode=info.mode),
                    return_type=Optional[dict], when_used="always"),
    Field(description="What it rests on: level and sources; null: an assumption without sources.",
          validate_default=True),
]


class PainPoint(Entity):
    """Something that hurts the customer at a touchpoint."""

    id: Id
    text: Text = Field(description="What goes wrong, in the customer's words if possible.")
    severity: Severity = Field(2, description="1 minor, 2 serious, 3 critical.")
    kind: PainKind = Field(PainKind.frustration, description="dead_end, frustration, delay, confusion or effort.")
    evidence: EvidenceOf = None


class Opportunity(Entity):
    """An improvement idea at a touchpoint."""

    id: Id
    text: Text = Field(description="The idea.")
    evidence: EvidenceOf = None


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


class Experience(Entity):
    """How one persona lives a touchpoint, where it differs from what the card says for everyone."""

    persona: Id = Field(description="Id of the persona.")
    emotion: Optional[Emotion] = Field(None, description="Their emotion, -2..+2; null: the card's.")
    scores: Scores = Field(default_factory=Scores, description="Their scores; unset ones are the card's.")


class ToBeChange(str, Enum):
    """What the to-be journey does to a touchpoint of today's."""

    new = "new"
    changed = "changed"
    removed = "removed"


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
    personas: Optional[tuple[Id, ...]] = Field(
        None, description="Ids of the personas who pass through here; null: every persona.")
    experiences: tuple[Experience, ...] = Field(
        (), description="Per persona, the emotion and scores where they differ from the card's.")
    evidence: EvidenceOf = None
    to_be: Optional[ToBeChange] = Field(
        None, description="new, changed or removed in the to-be journey; null: stays as it is.")

    @field_validator("personas")
    @classmethod
    def _personas_once(cls, personas: Optional[tuple[str, ...]]) -> Optional[tuple[str, ...]]:
        if personas is not None and len(set(personas)) != len(personas):
            raise ValueError("each persona may be listed once")
        return personas

    @field_validator("experiences")
    @classmethod
    def _experience_once(cls, experiences: tuple[Experience, ...]) -> tuple[Experience, ...]:
        if len({e.persona for e in experiences}) != len(experiences):
            raise ValueError("each persona may have one experience here")
        return experiences

    def meets(self, persona_id: str | None) -> bool:
        """Whether the persona passes through here; None stands for every persona."""
        return persona_id is None or self.personas is None or persona_id in self.personas

    def experience(self, persona_id: str | None) -> Optional[Experience]:
        for experience in self.experiences:
            if experience.persona == persona_id:
                return experience
        return None

    def emotion_of(self, persona_id: str | None) -> Optional[int]:
        """The persona's emotion here: their own if recorded, else the card's."""
        experience = self.experience(persona_id)
        if experience is not None and experience.emotion is not None:
            return experience.emotion
        return self.emotion

    def scores_of(self, persona_id: str | None) -> Scores:
        """The persona's scores here: each of their own that is set, else the card's."""
        experience = self.experience(persona_id)
        if experience is None:
            return self.scores
        own = experience.scores
        return Scores(meaning=own.meaning if own.meaning is not None else self.scores.meaning,
                      value=own.value if own.value is not None else self.scores.value,
                      accommodation=own.accommodation if own.accommodation is not None
                      else self.scores.accommodation)

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
