"""What changed between two maps, in journey terms: entities added, removed, moved, and fields changed.

`diff` compares the maps' entity trees (see `entity_tree`) by id and field, so a retitled card is
one change however many lines of the file moved, and fields added to the format later are
compared without changes here. `describe` says each change as a sentence a person reads.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterator

from .entity_tree import MISSING, ORDER_WITHIN, UNORDERED, Collection, Path, aligned, label, map_tree
from .journey_map import JourneyMap

# Singular names of the collections a person reads about; others are named by their key.
ENTITY_NAMES = {"info": "Map", "personas": "Persona", "stages": "Stage", "lanes": "Lane", "touchpoints": "Touchpoint",
                "connections": "Connection", "pain_points": "pain point", "opportunities": "opportunity"}


@dataclass(frozen=True)
class Change:
    """One difference. `kind` is added, removed, changed or moved; `path` names the entity or field.

    For added and removed, `old`/`new` is the entity (the other is `MISSING`); for changed, the
    field's values; for moved, the entity's position in its list before and after.
    """

    kind: str
    path: Path
    old: Any
    new: Any

    def as_json(self) -> dict[str, Any]:
        record = {"kind": self.kind, "path": list(self.path)}
        if self.old is not MISSING:
            record["old"] = self.old
        if self.new is not MISSING:
            record["new"] = self.new
        return record


def diff(old: JourneyMap, new: JourneyMap) -> list[Change]:
    """Every difference from `old` to `new`, in the order of the file; empty when they are the same map."""
    return list(tree_changes(map_tree(old), map_tree(new)))


def tree_changes(old: Any, new: Any, path: Path = ()) -> Iterator[Change]:
    """The differences between two entity trees (or any two nodes of them) below `path`."""
    old, new = aligned(old, new)
    if isinstance(old, Collection) and isinstance(new, Collection):
        yield from _collection_changes(old, new, path)
    elif isinstance(old, dict) and isinstance(new, dict) and not isinstance(old, Collection) \
            and not isinstance(new, Collection):
        for key in dict.fromkeys([*old, *new]):
            yield from tree_changes(old.get(key, MISSING), new.get(key, MISSING), path + (key,))
    elif old != new:
        yield Change("changed", path, old, new)


def _collection_changes(old: Collection, new: Collection, path: Path) -> Iterator[Change]:
    for key, entity in old.items():
        if key not in new:
            yield Change("removed", path + (key,), entity, MISSING)
    for key, entity in new.items():
        if key not in old:
            yield Change("added", path + (key,), MISSING, entity)
        else:
            yield from tree_changes(old[key], entity, path + (key,))
    if path and path[-1] not in UNORDERED:
        moved = moved_members(old, new, path)
        if moved:
            was, now = ({key: i for i, key in enumerate(side)} for side in (old, new))
            for key in moved:
                yield Change("moved", path + (key,), was[key], now[key])


def moved_members(old: Collection, new: Collection, path: Path) -> list[str]:
    """Members kept in both whose order among their peers changed (the fewest that explain it)."""
    group_fields = ORDER_WITHIN.get(path[-1], ())

    def group(entity: dict) -> tuple:
        return tuple(entity.get(field) for field in group_fields)

    peers: dict[tuple, list[str]] = {}
    for key, entity in old.items():
        if key in new and group(entity) == group(new[key]):
            peers.setdefault(group(entity), []).append(key)
    place = {key: i for i, key in enumerate(new)}
    moved: list[str] = []
    for before in peers.values():
        after = sorted(before, key=place.__getitem__)
        if after == before:
            continue
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        unmoved = {key for block in matcher.get_matching_blocks() for key in before[block.a:block.a + block.size]}
        moved += [key for key in after if key not in unmoved]
    return moved


# ----------------------------------------------------------------- for people
def describe(changes: list[Change], old: JourneyMap, new: JourneyMap) -> list[str]:
    """One line per change, naming entities by their titles and cells as the maps show them."""
    trees = (map_tree(old), map_tree(new))
    lines = [_capitalised(_sentence(change, trees)) for change in changes]
    return list(dict.fromkeys(lines))  # a card moved to another stage and lane is one move, not two


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _entity(trees: tuple[dict, dict], path: Path) -> Any:
    for root in reversed(trees):
        node: Any = root
        for key in path:
            node = node.get(key, MISSING) if isinstance(node, dict) else MISSING
        if node is not MISSING:
            return node
    return MISSING


def _kind(key: str) -> str:
    return ENTITY_NAMES.get(key, key.replace("_", " "))


def entity_name(journey: JourneyMap, path: Path) -> str:
    """What a person calls the entity at `path` of the map, e.g. `Touchpoint "Checkout"`."""
    return _name((map_tree(journey),), path)


def _name(trees: tuple[dict, ...], path: Path) -> str:
    """`Touchpoint "Checkout"`, `pain point "Slow page" of touchpoint "Checkout"`, `info`."""
    if len(path) == 1:
        return path[0]
    kind = _kind(path[0])
    entity = _entity(trees, path[:2])
    if path[0] == "connections":
        source, target = path[1].split("->", 1)
        titles = [label(_entity(trees, ("touchpoints", end))) or end for end in (source, target)]
        name = f'{kind} "{titles[0]}" → "{titles[1]}"'
    else:
        name = f'{kind} "{label(entity) or path[1]}"' if isinstance(entity, dict) else kind
    if len(path) > 3 and path[2] in ENTITY_NAMES:
        note = _entity(trees, path[:4])
        name = f'{_kind(path[2])} "{label(note) or path[3]}" of {name[0].lower()}{name[1:]}'
    return name


def _cell(trees: tuple[dict, dict], index: int, entity: dict) -> str:
    names = [label(_entity((trees[index],), (axis, entity.get(field)))) or str(entity.get(field))
             for axis, field in (("stages", "stage"), ("lanes", "lane"))]
    return " / ".join(names)


def _value(value: Any) -> str:
    if value is MISSING:
        return "(none)"
    if value is None:
        return "unset"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}…"'
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return str(value)


def _sentence(change: Change, trees: tuple[dict, dict]) -> str:
    path = change.path
    entity_depth = 4 if len(path) > 3 and path[2] in ENTITY_NAMES else 2
    name = _name(trees, path[:entity_depth + 1] if change.kind == "changed" else path)
    if change.kind == "added":
        where = f" in {_cell(trees, 1, change.new)}" if path[0] == "touchpoints" and len(path) == 2 else ""
        return f"{name} added{where}"
    if change.kind == "removed":
        where = f" from {_cell(trees, 0, change.old)}" if path[0] == "touchpoints" and len(path) == 2 else ""
        return f"{name} removed{where}"
    if change.kind == "moved":
        return f"{name} moved from position {change.old + 1} to {change.new + 1}"
    field = ".".join(path[entity_depth:]) or path[-1]
    if path[0] == "touchpoints" and len(path) == 3 and path[2] in ("stage", "lane"):
        old_cell = _cell(trees, 0, _entity((trees[0],), path[:2]))
        new_cell = _cell(trees, 1, _entity((trees[1],), path[:2]))
        return f"{name} moved from {old_cell} to {new_cell}"
    if path[-1] in ("name", "title") and len(path) == entity_depth + 1:
        kind = "renamed to" if path[-1] == "name" else "retitled to"
        return f"{_kind(path[0])} {_value(change.old)} {kind} {_value(change.new)}"
    return f"{name}: {field} {_value(change.old)} → {_value(change.new)}"
