"""Undo commands: every change the editor makes to a map is one of these.

Each command holds the map, the ids and the old and new values it needs, never a widget.
Its redo calls the model's mutation API; its undo calls it back. A compound change (delete
a selection, paste) is one command whose children do the parts, so one undo restores all.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtGui import QUndoCommand

from model.entities import Connection, Touchpoint
from model.journey_map import JourneyMap, Removal

# Merge id for edits that coalesce while the user types (see `Edit.mergeWith`).
EDIT_MERGE_ID = 1
# Merge id for a new card and the title typed into it (see `AddTouchpoints.mergeWith`).
NAME_NEW_CARD_MERGE_ID = 2


class Step(QUndoCommand):
    """A command whose first `do` runs before it is pushed, so a refused change never reaches the stack.

    Qt calls `redo` from C++, where a Python exception cannot stop the push; `Document.push`
    therefore calls `do_first` (which may raise `InvalidChange` with the map untouched) and
    the stack's own first `redo` is skipped.
    """

    def __init__(self, text: str):
        super().__init__(text)
        self._done_already = False

    def do_first(self) -> None:
        self.do()
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self.do()

    def do(self) -> None:
        raise NotImplementedError


class Edit(Step):
    """Change some fields of one entity; consecutive edits of the same fields merge into one step.

    `apply(changes)` performs the change through the mutation API and returns the entity as it
    was, so undo can re-apply the old values of exactly the fields that changed.
    """

    def __init__(self, text: str, key: tuple, apply: Callable[..., Any], changes: dict[str, Any],
                 merge: bool = True):
        super().__init__(text)
        self.key = (key, frozenset(changes))
        self.apply = apply
        self.new = dict(changes)
        self.old: dict[str, Any] = {}
        self.merge = merge

    def do(self) -> None:
        previous = self.apply(**self.new)
        if not self.old:
            self.old = {name: getattr(previous, name) for name in self.new}
            # An edit that changes nothing (clearing an unset score, raising the highest emotion) is
            # no step: the stack drops it, so the map is not marked modified by it.
            self.setObsolete(type(previous).model_validate({**previous.model_dump(), **self.new}) == previous)

    def undo(self) -> None:
        self.apply(**self.old)

    def id(self) -> int:
        return EDIT_MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Edit) or not other.merge or other.key != self.key:
            return False
        self.new = other.new
        return True


def edit_touchpoint(journey: JourneyMap, touchpoint_id: str, text: str = "Edit touchpoint",
                    merge: bool = True, **changes: Any) -> Edit:
    return Edit(text, ("touchpoint", touchpoint_id),
                lambda **c: journey.update_touchpoint(touchpoint_id, **c), changes, merge)


def edit_stage(journey: JourneyMap, stage_id: str, text: str = "Edit stage", **changes: Any) -> Edit:
    return Edit(text, ("stage", stage_id), lambda **c: journey.update_stage(stage_id, **c), changes)


def edit_lane(journey: JourneyMap, lane_id: str, text: str = "Edit lane", **changes: Any) -> Edit:
    return Edit(text, ("lane", lane_id), lambda **c: journey.update_lane(lane_id, **c), changes)


def edit_info(journey: JourneyMap, text: str = "Edit map details", **changes: Any) -> Edit:
    return Edit(text, ("info",), journey.set_info, changes)


def edit_persona(journey: JourneyMap, text: str = "Edit persona", **changes: Any) -> Edit:
    return Edit(text, ("persona",), journey.set_persona, changes)


def edit_connection(journey: JourneyMap, source: str, target: str, text: str = "Edit connection",
                    **changes: Any) -> Edit:
    return Edit(text, ("connection", source, target),
                lambda **c: journey.update_connection(source, target, **c), changes)


def edit_pain_point(journey: JourneyMap, touchpoint_id: str, pain_id: str, **changes: Any) -> Edit:
    return Edit("Edit pain point", ("pain", touchpoint_id, pain_id),
                lambda **c: journey.update_pain_point(touchpoint_id, pain_id, **c), changes)


def edit_opportunity(journey: JourneyMap, touchpoint_id: str, opportunity_id: str, **changes: Any) -> Edit:
    return Edit("Edit opportunity", ("opportunity", touchpoint_id, opportunity_id),
                lambda **c: journey.update_opportunity(touchpoint_id, opportunity_id, **c), changes)


class Remove(Step):
    """Remove stages, lanes or touchpoints; undo restores them and their connections exactly."""

    def __init__(self, text: str, remove: Callable[[], Removal], journey: JourneyMap):
        super().__init__(text)
        self.remove, self.journey = remove, journey
        self.removal: Optional[Removal] = None

    def do(self) -> None:
        self.removal = self.remove()

    def undo(self) -> None:
        self.journey.restore(self.removal)


def remove_stage(journey: JourneyMap, stage_id: str) -> Remove:
    return Remove(f"Remove stage “{journey.stage(stage_id).name}”", lambda: journey.remove_stage(stage_id), journey)


def remove_lane(journey: JourneyMap, lane_id: str) -> Remove:
    return Remove(f"Remove lane “{journey.lane(lane_id).name}”", lambda: journey.remove_lane(lane_id), journey)


def remove_touchpoints(journey: JourneyMap, touchpoint_ids: list[str]) -> Remove:
    text = "Delete touchpoint" if len(touchpoint_ids) == 1 else f"Delete {len(touchpoint_ids)} touchpoints"
    return Remove(text, lambda: journey.remove_touchpoints(touchpoint_ids), journey)


class AddStage(Step):
    def __init__(self, journey: JourneyMap, name: str, index: int | None = None):
        super().__init__(f"Add stage “{name}”")
        self.journey, self.name, self.index = journey, name, index
        self.stage_id: str | None = None

    def do(self) -> None:
        self.stage_id = self.journey.add_stage(self.name, index=self.index, id=self.stage_id).id

    def undo(self) -> None:
        self.journey.remove_stage(self.stage_id)


class AddLane(Step):
    def __init__(self, journey: JourneyMap, name: str, index: int | None = None):
        super().__init__(f"Add lane “{name}”")
        self.journey, self.name, self.index = journey, name, index
        self.lane_id: str | None = None

    def do(self) -> None:
        self.lane_id = self.journey.add_lane(self.name, index=self.index, id=self.lane_id).id

    def undo(self) -> None:
        self.journey.remove_lane(self.lane_id)


class Reorder(Step):
    """Move a stage or a lane to another position."""

    def __init__(self, text: str, move: Callable[[str, int], None], index_of: Callable[[str], int],
                 item_id: str, index: int):
        super().__init__(text)
        self.move, self.item_id, self.index = move, item_id, index
        self.old_index = index_of(item_id)

    def do(self) -> None:
        self.move(self.item_id, self.index)

    def undo(self) -> None:
        self.move(self.item_id, self.old_index)


def move_stage(journey: JourneyMap, stage_id: str, index: int) -> Reorder:
    return Reorder("Move stage", journey.move_stage, journey.stage_index, stage_id, index)


def move_lane(journey: JourneyMap, lane_id: str, index: int) -> Reorder:
    return Reorder("Move lane", journey.move_lane, journey.lane_index, lane_id, index)


class AddTouchpoints(Step):
    """Insert complete touchpoints (new, pasted or duplicated) and the connections among them.

    A card the user is about to name (`awaiting_name`) takes the `NameNewTouchpoint` that
    follows into itself, so adding, connecting and naming a card is one undo step.
    """

    def __init__(self, journey: JourneyMap, touchpoints: list[tuple[Touchpoint, int | None]],
                 connections: list[Connection] = (), text: str | None = None):
        count = len(touchpoints)
        super().__init__(text or ("Add touchpoint" if count == 1 else f"Add {count} touchpoints"))
        self.journey, self.touchpoints, self.connections = journey, touchpoints, list(connections)
        self.awaiting_name = False

    def id(self) -> int:
        return NAME_NEW_CARD_MERGE_ID if self.awaiting_name else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (self.awaiting_name and isinstance(other, NameNewTouchpoint)
                and other.touchpoint_id == self.touchpoint_ids[0]):
            return False
        touchpoint, index = self.touchpoints[0]
        self.touchpoints[0] = (touchpoint.model_copy(update={"title": other.title}), index)
        self.awaiting_name = False
        self.setText(f"Add touchpoint “{other.title}”")
        return True

    @property
    def touchpoint_ids(self) -> list[str]:
        return [tp.id for tp, _ in self.touchpoints]

    def do(self) -> None:
        done = []
        try:
            for touchpoint, index in self.touchpoints:
                done.append(self.journey.insert_touchpoint(touchpoint, index).id)
            for connection in self.connections:
                self.journey.insert_connection(connection)
        except Exception:
            self.journey.remove_touchpoints(done)
            raise

    def undo(self) -> None:
        self.journey.remove_touchpoints(self.touchpoint_ids)


def add_touchpoint(journey: JourneyMap, stage: str, lane: str, title: str, index: int | None = None,
                   connect_from: str = "", **fields: Any) -> AddTouchpoints:
    """A command adding one new card (connected from `connect_from` if given), validated now so
    that a bad card never reaches the stack."""
    touchpoint = journey.new_touchpoint(stage, lane, title, **fields)
    connections = [Connection(source=connect_from, target=touchpoint.id)] if connect_from else []
    return AddTouchpoints(journey, [(touchpoint, index)], connections)


class NameNewTouchpoint(Step):
    """The title typed into a card just added; it merges into that card's `AddTouchpoints`."""

    def __init__(self, journey: JourneyMap, touchpoint_id: str, title: str):
        super().__init__("Name touchpoint")
        self.journey, self.touchpoint_id, self.title = journey, touchpoint_id, title
        self.old_title: str | None = None

    def id(self) -> int:
        return NAME_NEW_CARD_MERGE_ID

    def do(self) -> None:
        self.old_title = self.journey.update_touchpoint(self.touchpoint_id, title=self.title).title

    def undo(self) -> None:
        self.journey.update_touchpoint(self.touchpoint_id, title=self.old_title)


class MoveTouchpoint(Step):
    """Move one card to a cell and a place in it (a drag is one of these)."""

    def __init__(self, journey: JourneyMap, touchpoint_id: str, stage: str, lane: str, index: int | None):
        super().__init__("Move touchpoint")
        self.journey, self.touchpoint_id = journey, touchpoint_id
        self.target = (stage, lane, index)
        self.was: tuple[str, str, int] | None = None

    def do(self) -> None:
        self.was = self.journey.move_touchpoint(self.touchpoint_id, *self.target)

    def undo(self) -> None:
        self.journey.move_touchpoint(self.touchpoint_id, *self.was)


class AddConnection(Step):
    def __init__(self, journey: JourneyMap, source: str, target: str, kind: str = "main"):
        super().__init__("Connect touchpoints")
        self.journey, self.source, self.target, self.kind = journey, source, target, kind

    def do(self) -> None:
        self.journey.add_connection(self.source, self.target, self.kind)

    def undo(self) -> None:
        self.journey.remove_connection(self.source, self.target)


class RemoveConnection(Step):
    def __init__(self, journey: JourneyMap, source: str, target: str):
        super().__init__("Remove connection")
        self.journey, self.source, self.target = journey, source, target
        self.connection: Connection | None = None

    def do(self) -> None:
        self.connection = self.journey.remove_connection(self.source, self.target)

    def undo(self) -> None:
        self.journey.insert_connection(self.connection)


class AddNote(Step):
    """Add a pain point or an opportunity to a touchpoint."""

    def __init__(self, journey: JourneyMap, touchpoint_id: str, kind: str, **fields: Any):
        super().__init__("Add pain point" if kind == "pain_point" else "Add opportunity")
        self.journey, self.touchpoint_id, self.kind, self.fields = journey, touchpoint_id, kind, fields
        self.note_id: str | None = None

    def do(self) -> None:
        add = self.journey.add_pain_point if self.kind == "pain_point" else self.journey.add_opportunity
        self.note_id = add(self.touchpoint_id, id=self.note_id, **self.fields).id

    def undo(self) -> None:
        remove = self.journey.remove_pain_point if self.kind == "pain_point" else self.journey.remove_opportunity
        remove(self.touchpoint_id, self.note_id)


class RemoveNote(Step):
    """Remove a pain point or an opportunity; undo puts it back in its place."""

    def __init__(self, journey: JourneyMap, touchpoint_id: str, kind: str, note_id: str):
        super().__init__("Remove pain point" if kind == "pain_point" else "Remove opportunity")
        self.journey, self.touchpoint_id, self.kind, self.note_id = journey, touchpoint_id, kind, note_id
        self.removed = None

    def do(self) -> None:
        remove = self.journey.remove_pain_point if self.kind == "pain_point" else self.journey.remove_opportunity
        self.removed = remove(self.touchpoint_id, self.note_id)

    def undo(self) -> None:
        index, note = self.removed
        add = self.journey.add_pain_point if self.kind == "pain_point" else self.journey.add_opportunity
        add(self.touchpoint_id, index=index, **note.model_dump())
