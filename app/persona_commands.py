"""Undo commands for personas, who passes where and how they feel, evidence and stage metrics.

Like app/commands.py, each holds the map and the ids and values it needs, never a widget.
Evidence, to-be marks, lane owners and stage metrics are fields of their entities, so they
go through `commands.edit_touchpoint`, `edit_pain_point`, `edit_lane` and `edit_stage`; the
helpers here build the new values those edits carry.
"""

from __future__ import annotations

from typing import Any, Optional

from app.commands import Edit, Step, edit_touchpoint
from model.entities import Experience, Persona, Scores
from model.journey_map import JourneyMap
from model.personas import PersonaRemoval
from model.stage_metrics import MetricRefresh


class AddPersonas(Step):
    """Put complete personas on the map (new, pasted or imported from another map)."""

    def __init__(self, journey: JourneyMap, personas: list[Persona], text: str | None = None):
        names = ", ".join(f"“{p.name or 'Unnamed'}”" for p in personas)
        super().__init__(text or f"Add persona {names}")
        self.journey, self.personas = journey, personas

    def do(self) -> None:
        done = []
        try:
            for persona in self.personas:
                done.append(self.journey.insert_persona(persona).id)
        except Exception:
            for persona_id in done:
                self.journey.remove_persona(persona_id)
            raise

    def undo(self) -> None:
        for persona in reversed(self.personas):
            self.journey.remove_persona(persona.id)


def add_persona(journey: JourneyMap, name: str, **fields: Any) -> AddPersonas:
    """A command adding one new persona, validated now so that a bad one never reaches the stack."""
    persona = journey.new_persona(name, **fields)
    return AddPersonas(journey, [persona])


class RemovePersona(Step):
    """Remove a persona; undo puts them back on every touchpoint and lane that named them."""

    def __init__(self, journey: JourneyMap, persona_id: str):
        super().__init__(f"Remove persona “{journey.persona_by_id(persona_id).name or 'Unnamed'}”")
        self.journey, self.persona_id = journey, persona_id
        self.removal: Optional[PersonaRemoval] = None

    def do(self) -> None:
        self.removal = self.journey.remove_persona(self.persona_id)

    def undo(self) -> None:
        self.journey.restore_persona(self.removal)


def edit_persona_of(journey: JourneyMap, persona_id: str, **changes: Any) -> Edit:
    """Edit one persona of several (typing in a field merges into one step)."""
    return Edit("Edit persona", ("persona", persona_id),
                lambda **c: journey.update_persona(persona_id, **c), changes)


def set_membership(journey: JourneyMap, touchpoint_id: str, persona_id: str, meets: bool) -> Edit:
    """Say whether a persona passes through a touchpoint; everyone listed again becomes null (everyone)."""
    tp = journey.touchpoint(touchpoint_id)
    everyone = [p.id for p in journey.personas]
    members = [p for p in (tp.personas if tp.personas is not None else everyone) if p != persona_id]
    if meets:
        members.append(persona_id)
    ordered = tuple(p for p in everyone if p in members)
    text = "Persona passes here" if meets else "Persona skips this touchpoint"
    return edit_touchpoint(journey, touchpoint_id, text, merge=False,
                           personas=None if len(ordered) == len(everyone) else ordered)


def set_experience(journey: JourneyMap, touchpoint_id: str, persona_id: str, **changes: Any) -> Edit:
    """Set one persona's own emotion or scores here (`emotion=`, `meaning=`, `value=`, `accommodation=`)."""
    tp = journey.touchpoint(touchpoint_id)
    old = tp.experience(persona_id) or Experience(persona=persona_id)
    scores = {k: v for k, v in changes.items() if k != "emotion"}
    new = old.model_copy(update={"emotion": changes.get("emotion", old.emotion),
                                 "scores": Scores(**{**old.scores.model_dump(), **scores})})
    others = [e for e in tp.experiences if e.persona != persona_id]
    blank = new.emotion is None and not any(v is not None for v in new.scores.values())
    order = [p.id for p in journey.personas]
    experiences = sorted(others + ([] if blank else [new]), key=lambda e: order.index(e.persona))
    return edit_touchpoint(journey, touchpoint_id, "Edit persona's experience", experiences=tuple(experiences))


class RefreshMetrics(Step):
    """Write the refreshed metrics of every stage a metrics file named, as one undo step."""

    def __init__(self, journey: JourneyMap, refresh: MetricRefresh):
        super().__init__(f"Refresh metrics from {refresh.source}")
        self.journey, self.kpis = journey, refresh.kpis
        self.old: dict[str, tuple] = {}

    def do(self) -> None:
        self.old = {stage_id: self.journey.update_stage(stage_id, kpis=kpis).kpis
                    for stage_id, kpis in self.kpis.items()}

    def undo(self) -> None:
        for stage_id, kpis in self.old.items():
            self.journey.update_stage(stage_id, kpis=kpis)
