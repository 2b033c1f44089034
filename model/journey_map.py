"""`JourneyMap`: the in-memory map and its one mutation API.

Touchpoints are the nodes and connections the edges of a `networkx.DiGraph`; stages and
lanes are ordered lists; each cell (stage x lane) keeps the order of its cards. Every change
goes through a method here, is validated, and is announced to subscribers as one typed event.

Removing a stage or a lane removes the touchpoints in it and their connections. The
`Removal` it returns holds everything that went, and `restore(removal)` puts it all back
where it was, so the editor can undo it in one step.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence, TypeVar

import networkx as nx
from pydantic import BaseModel, ValidationError

from . import events as ev
from .entities import (
    Connection,
    Lane,
    MapInfo,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)
from .errors import InvalidChange, invalid_change
from .ordering import Axis, position
from .personas import PersonaRecord
from .room import RoomRecord

if TYPE_CHECKING:
    from .conflict import Conflict

Subscriber = Callable[[ev.MapEvent], None]
E = TypeVar("E", bound=BaseModel)
Cell = tuple[str, str]

# Fields a touchpoint changes only by moving (move_touchpoint) or never (id).
_PLACED_FIELDS = frozenset({"id", "stage", "lane"})
# Touchpoint fields that hold notes, each edited through its own add/update/remove methods.
_NOTE_TYPES: dict[str, type[BaseModel]] = {"pain_points": PainPoint, "opportunities": Opportunity}


def new_id(prefix: str, taken: Callable[[str], bool]) -> str:
    """A short random id such as `tp-3f9a61c2` that `taken` does not know yet."""
    while True:
        candidate = f"{prefix}-{secrets.token_hex(4)}"
        if not taken(candidate):
            return candidate


def _validated(cls: type[E], data: dict[str, Any]) -> E:
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        raise invalid_change(error) from None


def _changed(entity: E, changes: dict[str, Any], fixed: Iterable[str] = ("id",)) -> E:
    """`entity` with `changes` applied and validated; fields in `fixed` may not change."""
    for name in changes:
        if name in fixed:
            raise InvalidChange("cannot be changed here", name)
        if name not in type(entity).model_fields:
            raise InvalidChange(f"is not a field of {type(entity).__name__.lower()}", name)
    return _validated(type(entity), {**entity.model_dump(), **changes})


@dataclass
class Removal:
    """Everything one removal took out of the map, with the places to put it back."""

    stages: list[tuple[int, Stage]] = field(default_factory=list)
    lanes: list[tuple[int, Lane]] = field(default_factory=list)
    touchpoints: list[tuple[int, Touchpoint]] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)


class JourneyMap(PersonaRecord, RoomRecord):
    """A customer journey: stages x lanes, touchpoints in cells, connections between them."""

    def __init__(self, info: MapInfo | None = None, persona: Persona | None = None,
                 personas: Iterable[Persona] = ()):
        self._info = info or MapInfo()
        self._stages = Axis("stage", ev.StageAdded, ev.StageChanged, ev.StageRemoved, ev.StagesReordered)
        self._lanes = Axis("lane", ev.LaneAdded, ev.LaneChanged, ev.LaneRemoved, ev.LanesReordered)
        self._graph = nx.DiGraph()
        self._cells: dict[Cell, list[str]] = {}
        self._subscribers: list[Subscriber] = []
        self._reading: tuple[Touchpoint, ...] | None = None
        self._init_room()
        self._init_personas([persona, *personas] if persona else personas)
        self._conflicts: tuple[Conflict, ...] = ()

    # ----------------------------------------------------------------- subscribers
    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call `subscriber(event)` after every change; returns a function that unsubscribes."""
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def _emit(self, event: ev.MapEvent) -> None:
        self._reading = None  # every change emits, so this is where the cached reading order goes stale
        for subscriber in list(self._subscribers):
            subscriber(event)

    # ----------------------------------------------------------------- reading
    @property
    def info(self) -> MapInfo:
        return self._info

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Merge conflicts not resolved yet (see `model.conflict`)."""
        return self._conflicts

    @property
    def stages(self) -> tuple[Stage, ...]:
        return tuple(self._stages.items)

    @property
    def lanes(self) -> tuple[Lane, ...]:
        return tuple(self._lanes.items)

    @property
    def graph(self) -> nx.DiGraph:
        """The touchpoint graph, for analysis. Read it; change the map only through this class."""
        return self._graph

    def stage(self, stage_id: str) -> Stage:
        return self._stages.get(stage_id)

    def lane(self, lane_id: str) -> Lane:
        return self._lanes.get(lane_id)

    def stage_index(self, stage_id: str) -> int:
        self._stages.get(stage_id)
        return self._stages.index_of[stage_id]

    def lane_index(self, lane_id: str) -> int:
        self._lanes.get(lane_id)
        return self._lanes.index_of[lane_id]

    def has_touchpoint(self, touchpoint_id: str) -> bool:
        return touchpoint_id in self._graph

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        try:
            return self._graph.nodes[touchpoint_id]["touchpoint"]
        except KeyError:
            raise InvalidChange(f"there is no touchpoint with id {touchpoint_id!r}") from None

    def cell(self, stage_id: str, lane_id: str) -> tuple[str, ...]:
        """Ids of the touchpoints in one cell, in their order."""
        return tuple(self._cells.get((stage_id, lane_id), ()))

    def cell_index(self, touchpoint_id: str) -> int:
        """The touchpoint's place within its cell."""
        tp = self.touchpoint(touchpoint_id)
        return self._cells[(tp.stage, tp.lane)].index(touchpoint_id)

    def touchpoint_ids(self) -> Iterator[str]:
        """Every touchpoint id in reading order: stage by stage, lane by lane, then cell order."""
        for stage in self._stages.items:
            for lane in self._lanes.items:
                yield from self._cells.get((stage.id, lane.id), ())

    def touchpoints(self) -> list[Touchpoint]:
        """Every touchpoint in reading order (a fresh list; analysis asks for it many times per edit)."""
        if self._reading is None:
            nodes = self._graph.nodes
            self._reading = tuple(nodes[tp_id]["touchpoint"] for tp_id in self.touchpoint_ids())
        return list(self._reading)

    def touchpoints_in_stage(self, stage_id: str) -> list[str]:
        return [tp_id for lane in self._lanes.items for tp_id in self._cells.get((stage_id, lane.id), ())]

    def connection(self, source: str, target: str) -> Connection:
        try:
            return self._graph.edges[source, target]["connection"]
        except KeyError:
            raise InvalidChange(f"there is no connection from {source!r} to {target!r}") from None

    def has_connection(self, source: str, target: str) -> bool:
        return self._graph.has_edge(source, target)

    def connections(self) -> list[Connection]:
        """Every connection, ordered by its source's then its target's reading order."""
        order = {tp_id: i for i, tp_id in enumerate(self.touchpoint_ids())}
        edges = sorted(self._graph.edges, key=lambda e: (order[e[0]], order[e[1]]))
        return [self._graph.edges[e]["connection"] for e in edges]

    def connections_of(self, touchpoint_id: str) -> list[Connection]:
        """Connections into and out of one touchpoint."""
        self.touchpoint(touchpoint_id)
        edges = list(self._graph.in_edges(touchpoint_id)) + list(self._graph.out_edges(touchpoint_id))
        return [self._graph.edges[e]["connection"] for e in edges]

    def __len__(self) -> int:
        return self._graph.number_of_nodes()

    # ----------------------------------------------------------------- map info
    def set_info(self, **changes: Any) -> MapInfo:
        """Change the map's title, description, client or author; returns the old info."""
        old = self._info
        self._info = _changed(old, changes, fixed=())
        self._emit(ev.InfoChanged())
        return old

    def set_conflicts(self, conflicts: Sequence[Conflict]) -> tuple[Conflict, ...]:
        """Replace the unresolved merge conflicts; returns the old ones."""
        old = self._conflicts
        self._conflicts = tuple(conflicts)
        self._emit(ev.ConflictsChanged())
        return old

    # ----------------------------------------------------------------- stages and lanes
    def add_stage(self, name: str, goal: str = "", index: int | None = None, id: str | None = None,
                  **fields: Any) -> Stage:
        """Insert a stage (at the end unless `index` says where)."""
        stage = _validated(Stage, {"id": id or new_id("stage", self._stages.index_of.__contains__),
                                   "name": name, "goal": goal, **fields})
        return self._insert_on(self._stages, stage, index)

    def add_lane(self, name: str, kind: str = "channel", index: int | None = None, id: str | None = None,
                 **fields: Any) -> Lane:
        """Insert a lane (at the bottom unless `index` says where)."""
        lane = _validated(Lane, {"id": id or new_id("lane", self._lanes.index_of.__contains__),
                                 "name": name, "kind": kind, **fields})
        self._check_lane_persona(lane)
        return self._insert_on(self._lanes, lane, index)

    def update_stage(self, stage_id: str, **changes: Any) -> Stage:
        """Change a stage's name, goal or metrics; returns the old stage."""
        return self._update_on(self._stages, stage_id, changes)

    def update_lane(self, lane_id: str, **changes: Any) -> Lane:
        """Change a lane's name, kind or persona; returns the old lane."""
        self._check_lane_persona(_changed(self.lane(lane_id), changes))
        return self._update_on(self._lanes, lane_id, changes)

    def move_stage(self, stage_id: str, index: int) -> None:
        if self._stages.move(stage_id, index):
            self._emit(ev.StagesReordered())

    def move_lane(self, lane_id: str, index: int) -> None:
        if self._lanes.move(lane_id, index):
            self._emit(ev.LanesReordered())

    def remove_stage(self, stage_id: str) -> Removal:
        """Remove a stage, its touchpoints and their connections; `restore` undoes it."""
        removal = self._remove_touchpoints(self.touchpoints_in_stage(self.stage(stage_id).id))
        removal.stages.append((self._stages.index_of[stage_id], self.stage(stage_id)))
        self._stages.pop(stage_id)
        self._emit(ev.StageRemoved(stage_id))
        return removal

    def remove_lane(self, lane_id: str) -> Removal:
        """Remove a lane, its touchpoints and their connections; `restore` undoes it."""
        self.lane(lane_id)
        in_lane = [tp for stage in self._stages.items for tp in self._cells.get((stage.id, lane_id), ())]
        removal = self._remove_touchpoints(in_lane)
        removal.lanes.append((self._lanes.index_of[lane_id], self.lane(lane_id)))
        self._lanes.pop(lane_id)
        self._emit(ev.LaneRemoved(lane_id))
        return removal

    def _insert_on(self, axis: Axis, item, index: int | None):
        axis.insert(item, index)
        self._emit(axis.added(item.id))
        return item

    def _update_on(self, axis: Axis, item_id: str, changes: dict[str, Any]):
        old = axis.get(item_id)
        axis.replace(_changed(old, changes))
        self._emit(axis.changed(item_id))
        return old

    # ----------------------------------------------------------------- touchpoints
    def add_touchpoint(self, stage: str, lane: str, title: str, index: int | None = None,
                       id: str | None = None, **fields: Any) -> Touchpoint:
        """Put a new card into cell (stage, lane), at the end of the cell unless `index` says where."""
        return self.insert_touchpoint(self.new_touchpoint(stage, lane, title, id=id, **fields), index)

    def new_touchpoint(self, stage: str, lane: str, title: str, id: str | None = None,
                       **fields: Any) -> Touchpoint:
        """A validated touchpoint with an id unused on this map, not yet placed (for undo commands)."""
        data = {"id": id or new_id("tp", self._graph.__contains__), "title": title,
                "stage": stage, "lane": lane, **fields}
        return _validated(Touchpoint, data)

    def insert_touchpoint(self, touchpoint: Touchpoint, index: int | None = None) -> Touchpoint:
        """Put a complete touchpoint (a pasted or restored one) into its cell."""
        if touchpoint.id in self._graph:
            raise InvalidChange(f"a touchpoint with id {touchpoint.id!r} exists already", "id")
        self._check_cell(touchpoint.stage, touchpoint.lane)
        self._check_note_ids(touchpoint)
        self._check_persona_refs(touchpoint)
        cell = self._cells.get((touchpoint.stage, touchpoint.lane), [])
        cell.insert(position(index, len(cell)), touchpoint.id)
        self._cells[touchpoint.stage, touchpoint.lane] = cell
        self._graph.add_node(touchpoint.id, touchpoint=touchpoint)
        self._emit(ev.TouchpointAdded(touchpoint.id))
        return touchpoint

    def update_touchpoint(self, touchpoint_id: str, **changes: Any) -> Touchpoint:
        """Change fields of a touchpoint (not its cell: see `move_touchpoint`); returns the old one."""
        old = self.touchpoint(touchpoint_id)
        new = _changed(old, changes, fixed=_PLACED_FIELDS)
        self._check_note_ids(new)
        self._check_persona_refs(new)
        self._replace_touchpoint(new, frozenset(changes))
        return old

    def _replace_touchpoint(self, touchpoint: Touchpoint, fields: frozenset[str]) -> None:
        self._graph.nodes[touchpoint.id]["touchpoint"] = touchpoint
        self._emit(ev.TouchpointChanged(touchpoint.id, fields))

    def move_touchpoint(self, touchpoint_id: str, stage: str, lane: str, index: int | None = None) -> tuple[str, str, int]:
        """Move a card to cell (stage, lane) at `index` (end of cell if None).

        Returns where it was, as (stage, lane, index), which is what undo needs.
        """
        old = self.touchpoint(touchpoint_id)
        self._check_cell(stage, lane)
        source = self._cells[(old.stage, old.lane)]
        was = (old.stage, old.lane, source.index(touchpoint_id))
        target = self._cells.setdefault((stage, lane), [])
        source.remove(touchpoint_id)
        try:
            target.insert(position(index, len(target)), touchpoint_id)
        except InvalidChange:
            source.insert(was[2], touchpoint_id)
            raise
        if (stage, lane) != (old.stage, old.lane):
            self._graph.nodes[touchpoint_id]["touchpoint"] = old.model_copy(update={"stage": stage, "lane": lane})
        self._emit(ev.TouchpointMoved(touchpoint_id))
        return was

    def remove_touchpoint(self, touchpoint_id: str) -> Removal:
        """Remove a card and its connections; `restore` undoes it."""
        self.touchpoint(touchpoint_id)
        return self._remove_touchpoints([touchpoint_id])

    def remove_touchpoints(self, touchpoint_ids: Sequence[str]) -> Removal:
        """Remove several cards and every connection touching them, as one `Removal`."""
        for tp_id in touchpoint_ids:
            self.touchpoint(tp_id)
        return self._remove_touchpoints(list(dict.fromkeys(touchpoint_ids)))

    def _remove_touchpoints(self, touchpoint_ids: list[str]) -> Removal:
        removal = Removal()
        gone = set(touchpoint_ids)
        touching = {edge for tp_id in gone for edge in (*self._graph.in_edges(tp_id), *self._graph.out_edges(tp_id))}
        for connection in self.connections():
            if connection.key in touching:
                removal.connections.append(self.remove_connection(*connection.key))
        # Cell indices are recorded in reading order, so restoring in that order rebuilds each cell.
        for tp_id in [tp for tp in self.touchpoint_ids() if tp in gone]:
            tp = self.touchpoint(tp_id)
            cell = self._cells[(tp.stage, tp.lane)]
            removal.touchpoints.append((cell.index(tp_id), tp))
        for _, tp in reversed(removal.touchpoints):
            self._cells[(tp.stage, tp.lane)].remove(tp.id)
            self._graph.remove_node(tp.id)
            self._emit(ev.TouchpointRemoved(tp.id))
        return removal

    def restore(self, removal: Removal) -> None:
        """Put back everything a removal took out, where it was."""
        for index, stage in removal.stages:
            self._insert_on(self._stages, stage, index)
        for index, lane in removal.lanes:
            self._insert_on(self._lanes, lane, index)
        for index, tp in removal.touchpoints:
            self.insert_touchpoint(tp, index)
        for connection in removal.connections:
            self.insert_connection(connection)

    def _check_cell(self, stage: str, lane: str) -> None:
        if stage not in self._stages.index_of:
            raise InvalidChange(f"there is no stage with id {stage!r}", "stage")
        if lane not in self._lanes.index_of:
            raise InvalidChange(f"there is no lane with id {lane!r}", "lane")

    @staticmethod
    def _check_note_ids(touchpoint: Touchpoint) -> None:
        for name in _NOTE_TYPES:
            seen: set[str] = set()
            for i, note in enumerate(getattr(touchpoint, name)):
                if note.id in seen:
                    raise InvalidChange(f"id {note.id!r} is used twice in this touchpoint", f"{name}[{i}].id")
                seen.add(note.id)

    # ----------------------------------------------------------------- connections
    def add_connection(self, source: str, target: str, kind: str = "main", label: str = "") -> Connection:
        """Connect two touchpoints: customers go from `source` to `target`."""
        return self.insert_connection(_validated(Connection, {"source": source, "target": target,
                                                              "kind": kind, "label": label}))

    def insert_connection(self, connection: Connection) -> Connection:
        source, target = connection.key
        if source not in self._graph:
            raise InvalidChange(f"there is no touchpoint with id {source!r}", "source")
        if target not in self._graph:
            raise InvalidChange(f"there is no touchpoint with id {target!r}", "target")
        if source == target:
            raise InvalidChange("a touchpoint cannot connect to itself", "target")
        if self._graph.has_edge(source, target):
            raise InvalidChange(f"{source!r} is already connected to {target!r}", "target")
        self._graph.add_edge(source, target, connection=connection)
        self._emit(ev.ConnectionAdded(source, target))
        return connection

    def update_connection(self, source: str, target: str, **changes: Any) -> Connection:
        """Change a connection's kind or label; returns the old connection."""
        old = self.connection(source, target)
        self._graph.edges[source, target]["connection"] = _changed(old, changes, fixed=("source", "target"))
        self._emit(ev.ConnectionChanged(source, target))
        return old

    def remove_connection(self, source: str, target: str) -> Connection:
        """Remove a connection; returns it, so that `insert_connection` can put it back."""
        old = self.connection(source, target)
        self._graph.remove_edge(source, target)
        self._emit(ev.ConnectionRemoved(source, target))
        return old

    # ----------------------------------------------------------------- pain points and opportunities
    def add_pain_point(self, touchpoint_id: str, text: str, severity: int = 2, kind: str = "frustration",
                       index: int | None = None, id: str | None = None, **fields: Any) -> PainPoint:
        """Note a pain point on a touchpoint (`fields`: its evidence)."""
        return self._add_note(touchpoint_id, "pain_points", index,
                              {"id": id, "text": text, "severity": severity, "kind": kind, **fields})

    def update_pain_point(self, touchpoint_id: str, pain_id: str, **changes: Any) -> PainPoint:
        """Change a pain point's text, severity or kind; returns the old one."""
        return self._update_note(touchpoint_id, "pain_points", pain_id, changes)

    def remove_pain_point(self, touchpoint_id: str, pain_id: str) -> tuple[int, PainPoint]:
        """Remove a pain point; returns (index, pain point) so that undo can put it back."""
        return self._remove_note(touchpoint_id, "pain_points", pain_id)

    def add_opportunity(self, touchpoint_id: str, text: str, index: int | None = None,
                        id: str | None = None, **fields: Any) -> Opportunity:
        """Note an improvement idea on a touchpoint (`fields`: its evidence)."""
        return self._add_note(touchpoint_id, "opportunities", index, {"id": id, "text": text, **fields})

    def update_opportunity(self, touchpoint_id: str, opportunity_id: str, **changes: Any) -> Opportunity:
        return self._update_note(touchpoint_id, "opportunities", opportunity_id, changes)

    def remove_opportunity(self, touchpoint_id: str, opportunity_id: str) -> tuple[int, Opportunity]:
        return self._remove_note(touchpoint_id, "opportunities", opportunity_id)

    def _notes(self, touchpoint_id: str, name: str) -> list:
        return list(getattr(self.touchpoint(touchpoint_id), name))

    def _note_index(self, notes: list, name: str, note_id: str) -> int:
        for i, note in enumerate(notes):
            if note.id == note_id:
                return i
        noun = "pain point" if name == "pain_points" else "opportunity"
        raise InvalidChange(f"there is no {noun} with id {note_id!r} on this touchpoint")

    def _add_note(self, touchpoint_id: str, name: str, index: int | None, data: dict[str, Any]):
        notes = self._notes(touchpoint_id, name)
        prefix = "pain" if name == "pain_points" else "idea"
        data["id"] = data["id"] or new_id(prefix, {n.id for n in notes}.__contains__)
        note = _validated(_NOTE_TYPES[name], data)
        notes.insert(position(index, len(notes)), note)
        self.update_touchpoint(touchpoint_id, **{name: notes})
        return note

    def _update_note(self, touchpoint_id: str, name: str, note_id: str, changes: dict[str, Any]):
        notes = self._notes(touchpoint_id, name)
        i = self._note_index(notes, name, note_id)
        old = notes[i]
        notes[i] = _changed(old, changes)
        self.update_touchpoint(touchpoint_id, **{name: notes})
        return old

    def _remove_note(self, touchpoint_id: str, name: str, note_id: str):
        notes = self._notes(touchpoint_id, name)
        i = self._note_index(notes, name, note_id)
        old = notes.pop(i)
        self.update_touchpoint(touchpoint_id, **{name: notes})
        return i, old
