"""Merge conflicts a map file keeps until someone resolves them, and how a resolution changes the map.

A conflict names a place in the map (a path into its entity tree, see `entity_tree`) and holds
the three values the merge saw there: the common base, ours and theirs. The map holds our value
(for an entity one side deleted and the other edited, the edited entity), so the file is a valid
map as it is; resolving says which value stays.
"""

from __future__ import annotations

from typing import Any, Callable, Literal

from pydantic import Field, JsonValue

from .entities import Entity, Id
from .entity_tree import MISSING, Path, member_keys
from .errors import InvalidChange
from .journey_map import JourneyMap

Side = Literal["base", "ours", "theirs"]
SIDES: tuple[Side, ...] = ("base", "ours", "theirs")


class Conflict(Entity):
    """Both sides of a merge changed one place differently; the map holds `ours` until it is resolved."""

    id: Id
    path: tuple[str, ...] = Field(min_length=1, description=(
        "Where: a collection, an entity's id and its field path, e.g. [\"touchpoints\", \"tp-1\", \"title\"]; "
        "[collection, id] alone when one side deleted the entity; a top-level key alone for a map-wide value."))
    base: JsonValue = Field(None, description="The value in the common ancestor.")
    ours: JsonValue = Field(None, description="Our value: the one the map holds until the conflict is resolved.")
    theirs: JsonValue = Field(None, description="Their value.")
    absent: tuple[Side, ...] = Field((), description=(
        "The sides that did not have the entity or field at all (deleted it, or never had it)."))

    def value(self, side: Side) -> Any:
        """The side's value, or `MISSING` when that side has none."""
        return MISSING if side in self.absent else getattr(self, side)


def new_conflict(path: Path, base: Any, ours: Any, theirs: Any) -> Conflict:
    """A conflict at `path`; a `MISSING` side is recorded as absent. Its id is set when the merge numbers them."""
    values = dict(zip(SIDES, (base, ours, theirs)))
    absent = tuple(side for side, value in values.items() if value is MISSING)
    return Conflict(id="conflict", path=path, absent=absent,
                    **{side: None if value is MISSING else value for side, value in values.items()})


# ----------------------------------------------------------------- resolving
_RECORDS = {"info": JourneyMap.set_info}
_ENTITIES = {"personas": (JourneyMap.persona_by_id, JourneyMap.update_persona),
             "stages": (JourneyMap.stage, JourneyMap.update_stage),
             "lanes": (JourneyMap.lane, JourneyMap.update_lane),
             "touchpoints": (JourneyMap.touchpoint, JourneyMap.update_touchpoint)}


def put(journey: JourneyMap, path: Path, value: Any) -> Callable[[], None]:
    """Make the map hold `value` at `path` (`MISSING` removes what is there); returns what undoes it.

    Works on any field below an entity of a known collection, through the map's mutation API.
    """
    if len(path) < 2:
        raise InvalidChange(f"Wayfinder cannot change {path[0]} here; edit it by hand, then keep ours")
    collection, key = path[0], path[1]
    if collection in _RECORDS:
        setter = _RECORDS[collection]
        current = getattr(journey, collection).model_dump(mode="json")
        setter(journey, **{key: _set_in(current[key], path[2:], value)})
        return lambda: setter(journey, **{key: current[key]})
    if collection == "connections":
        return _put_connection(journey, path, value)
    if collection not in _ENTITIES:
        raise InvalidChange(f"Wayfinder cannot change {collection} here; edit it by hand, then keep ours")
    read, update = _ENTITIES[collection]
    if len(path) == 2:
        return _put_entity(journey, collection, key, value)
    field = path[2]
    current = read(journey, key).model_dump(mode="json")
    if collection == "touchpoints" and field in ("stage", "lane"):
        cell = {"stage": current["stage"], "lane": current["lane"], field: value}
        stage, lane, index = journey.move_touchpoint(key, cell["stage"], cell["lane"])
        return lambda: journey.move_touchpoint(key, stage, lane, index)
    update(journey, key, **{field: _set_in(current[field], path[3:], value)})
    return lambda: update(journey, key, **{field: current[field]})


def _put_entity(journey: JourneyMap, collection: str, key: str, value: Any) -> Callable[[], None]:
    """Only removal: the merge keeps every entity a conflict is about, so keeping it changes nothing."""
    if value is not MISSING:
        return lambda: None
    if collection == "personas":
        removed = journey.remove_persona(key)
        return lambda: journey.restore_persona(removed)
    remove = {"stages": journey.remove_stage, "lanes": journey.remove_lane,
              "touchpoints": journey.remove_touchpoint}[collection]
    removal = remove(key)
    return lambda: journey.restore(removal)


def _put_connection(journey: JourneyMap, path: Path, value: Any) -> Callable[[], None]:
    source, target = path[1].split("->", 1)
    if len(path) == 2:
        if value is MISSING:
            if not journey.has_connection(source, target):
                return lambda: None
            old = journey.remove_connection(source, target)
            return lambda: journey.insert_connection(old)
        if journey.has_connection(source, target) or not (journey.has_touchpoint(source)
                                                          and journey.has_touchpoint(target)):
            return lambda: None
        journey.add_connection(source, target, value.get("kind", "main"), value.get("label", ""))
        return lambda: journey.remove_connection(source, target)
    field = path[2]
    old = journey.update_connection(source, target, **{field: value})
    return lambda: journey.update_connection(source, target, **{field: getattr(old, field)})


def _set_in(node: Any, path: Path, value: Any) -> Any:
    """JSON `node` with `value` at `path` (dict keys and entity keys in lists); `MISSING` deletes."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        updated = {**node, head: _set_in(node.get(head, MISSING), rest, value)}
        return {k: v for k, v in updated.items() if v is not MISSING}
    items = list(node) if isinstance(node, list) else []
    keys = member_keys(items)
    if head in keys:
        index = keys.index(head)
        items[index] = _set_in(items[index], rest, value)
    else:
        items.append(_set_in(MISSING, rest, value))
    return [item for item in items if item is not MISSING]
