"""The personas a map follows: the part of `JourneyMap`'s mutation API that edits them.

A map may follow several personas. Touchpoints say which of them pass through (`personas`,
null for everyone) and how each lives the moment (`experiences`); lanes may belong to one.
`PersonaRecord` is a mixin only so that journey_map.py keeps one job. Removing a persona takes
it out of every touchpoint and lane that names it, and `restore_persona` puts all of it back,
so the editor can undo the removal in one step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from . import events as ev
from . import theme
from .entities import Lane, Persona, Touchpoint
from .errors import InvalidChange
from .ordering import position


@dataclass
class PersonaRemoval:
    """A removed persona, where it was, and the touchpoints and lanes as they named it."""

    index: int
    persona: Persona
    touchpoints: list[Touchpoint] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)


def persona_colour(journey, persona_id: str) -> str:
    """The persona's curve colour: their own, or the palette's by their place on the map."""
    persona = journey.persona_by_id(persona_id)
    if persona.colour:
        return persona.colour
    index = [p.id for p in journey.personas].index(persona_id)
    return theme.PERSONA_CURVES[index % len(theme.PERSONA_CURVES)]


def lane_owner(journey, lane: Lane) -> Persona | None:
    """The persona a lane belongs to, or None for everyone's lane."""
    return journey.persona_by_id(lane.persona) if lane.persona else None


def lane_caption(lane: Lane, owner: Persona | None) -> str:
    """The line under a lane's name: its kind, and whom it is for ("Channel · for Maya")."""
    kind = lane.kind.value.capitalize()
    return kind if owner is None else f"{kind} · for {owner.name or 'Unnamed persona'}"


def personas_to_import(journey, personas: Iterable[Persona]) -> list[Persona]:
    """Of `personas` (another map's, or the clipboard's), those `journey` lacks (the same name and
    purpose count as the same persona), with ids unused on `journey`."""
    from .journey_map import new_id  # it imports this module

    known = {(p.name, p.purpose) for p in journey.personas}
    taken = {p.id for p in journey.personas}
    imported = []
    for persona in personas:
        if (persona.name, persona.purpose) in known:
            continue
        persona_id = persona.id if persona.id not in taken else new_id("persona", taken.__contains__)
        taken.add(persona_id)
        known.add((persona.name, persona.purpose))
        imported.append(persona.model_copy(update={"id": persona_id}))
    return imported


class PersonaRecord:
    """Personas of a `JourneyMap` (mixed into it)."""

    def _init_personas(self, personas: Iterable[Persona]) -> None:
        self._personas: list[Persona] = []
        for persona in personas:
            self.insert_persona(persona)

    # ----------------------------------------------------------------- reading
    @property
    def personas(self) -> tuple[Persona, ...]:
        return tuple(self._personas)

    @property
    def persona(self) -> Persona:
        """The first persona (maps of one persona have just it), or an empty one on a map with none."""
        return self._personas[0] if self._personas else Persona()

    def persona_by_id(self, persona_id: str) -> Persona:
        for persona in self._personas:
            if persona.id == persona_id:
                return persona
        raise InvalidChange(f"there is no persona with id {persona_id!r}", "persona")

    def has_persona(self, persona_id: str) -> bool:
        return any(persona.id == persona_id for persona in self._personas)

    # ----------------------------------------------------------------- changes
    def set_persona(self, **changes: Any) -> Persona:
        """Change the first persona (adding it on a map with none); returns it as it was."""
        if not self._personas:
            self._personas.append(Persona())
        return self.update_persona(self._personas[0].id, **changes)

    def add_persona(self, name: str, index: int | None = None, id: str | None = None, **fields: Any) -> Persona:
        """A new persona (at the end unless `index` says where)."""
        return self.insert_persona(self.new_persona(name, id, **fields), index)

    def new_persona(self, name: str, id: str | None = None, **fields: Any) -> Persona:
        """A validated persona with an id unused on this map, not yet on it (for undo commands and paste)."""
        from . import journey_map as _map  # it imports this module

        taken = {p.id for p in self._personas}
        return _map._validated(Persona, {"id": id or _map.new_id("persona", taken.__contains__),
                                         "name": name, **fields})

    def insert_persona(self, persona: Persona, index: int | None = None) -> Persona:
        """Put a complete persona (a pasted, imported or restored one) on the map."""
        if self.has_persona(persona.id):
            raise InvalidChange(f"a persona with id {persona.id!r} exists already", "id")
        self._personas.insert(position(index, len(self._personas)), persona)
        self._emit(ev.PersonaChanged())
        return persona

    def update_persona(self, persona_id: str, **changes: Any) -> Persona:
        """Change a persona's name, purpose, goals, expectations, colour, initials or photo; returns the old one."""
        from .journey_map import _changed  # it imports this module

        old = self.persona_by_id(persona_id)
        self._personas[self._personas.index(old)] = _changed(old, changes)
        self._emit(ev.PersonaChanged())
        return old

    def move_persona(self, persona_id: str, index: int) -> int:
        """Move a persona to `index` in the list (their curve's colour follows); returns where it was."""
        persona = self.persona_by_id(persona_id)
        was = self._personas.index(persona)
        self._personas.pop(was)
        self._personas.insert(position(index, len(self._personas)), persona)
        self._emit(ev.PersonaChanged())
        return was

    def remove_persona(self, persona_id: str) -> PersonaRemoval:
        """Remove a persona and every mention of them on touchpoints and lanes; `restore_persona` undoes it.

        A touchpoint only they passed through becomes everyone's again, rather than no one's.
        """
        persona = self.persona_by_id(persona_id)
        removal = PersonaRemoval(self._personas.index(persona), persona)
        for tp in self.touchpoints():
            if tp.personas is not None and persona_id in tp.personas or tp.experience(persona_id):
                removal.touchpoints.append(tp)
                members = tuple(p for p in tp.personas or () if p != persona_id) or None
                self._replace_touchpoint(tp.model_copy(update={
                    "personas": members if tp.personas is not None else None,
                    "experiences": tuple(e for e in tp.experiences if e.persona != persona_id)}),
                    frozenset({"personas", "experiences"}))
        for lane in self.lanes:
            if lane.persona == persona_id:
                removal.lanes.append(lane)
                self._lanes.replace(lane.model_copy(update={"persona": None}))
                self._emit(ev.LaneChanged(lane.id))
        self._personas.remove(persona)
        self._emit(ev.PersonaChanged())
        return removal

    def restore_persona(self, removal: PersonaRemoval) -> None:
        self._personas.insert(removal.index, removal.persona)
        self._emit(ev.PersonaChanged())
        for tp in removal.touchpoints:
            self._replace_touchpoint(tp, frozenset({"personas", "experiences"}))
        for lane in removal.lanes:
            self._lanes.replace(lane)
            self._emit(ev.LaneChanged(lane.id))

    def _check_persona_refs(self, touchpoint: Touchpoint) -> None:
        for i, persona_id in enumerate(touchpoint.personas or ()):
            if not self.has_persona(persona_id):
                raise InvalidChange(f"there is no persona with id {persona_id!r}", f"personas[{i}]")
        for i, experience in enumerate(touchpoint.experiences):
            if not self.has_persona(experience.persona):
                raise InvalidChange(f"there is no persona with id {experience.persona!r}",
                                    f"experiences[{i}].persona")

    def _check_lane_persona(self, lane: Lane) -> None:
        if lane.persona is not None and not self.has_persona(lane.persona):
            raise InvalidChange(f"there is no persona with id {lane.persona!r}", "persona")
