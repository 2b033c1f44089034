"""Three-way merge of maps by entity and field, for people who edit copies of one map at once.

Ids are stable, so a card two people both kept is the same card however its lines moved in the
file. Each field merges on its own: a side that left it as the base was takes the other side's
value. Where both sides changed a field differently, or one deleted what the other edited, the
merge keeps our value (the edited entity, for a deletion) and records a `Conflict` holding all
three, which the map file carries until someone resolves it. The result always builds a valid map.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .conflict import Conflict, new_conflict
from .document import FORMAT_MARKER, FORMAT_VERSION, JourneyDocument, to_map
from .entity_tree import MISSING, ORDER_WITHIN, Collection, Path, aligned, map_tree, plain
from .journey_map import JourneyMap

# Which top-level collection a touchpoint field refers into; a merge may not leave a reference dangling.
_REFERENCES = {"stage": "stages", "lane": "lanes"}


@dataclass
class Merge:
    """The merged map (conflicts included in `journey.conflicts`)."""

    journey: JourneyMap

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self.journey.conflicts


def merge(base: JourneyMap, ours: JourneyMap, theirs: JourneyMap) -> Merge:
    """Merge the changes `ours` and `theirs` each made to `base`."""
    merged, conflicts = merge_trees(*(map_tree(side) for side in (base, ours, theirs)))
    document = {"format": FORMAT_MARKER, "version": FORMAT_VERSION, **plain(merged),
                "conflicts": [conflict.model_dump(mode="json") for conflict in
                              (*ours.conflicts, *theirs.conflicts, *conflicts)]}
    return Merge(to_map(JourneyDocument.model_validate(_numbered(document))))


def merge_trees(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[dict[str, Any], list[Conflict]]:
    """The merged entity tree of three map trees (see `entity_tree.map_tree`), and the conflicts found."""
    merger = _Merger()
    merged = merger.node(base, ours, theirs, ())
    merger.keep_references(merged, [base, ours, theirs])
    return merged, merger.conflicts


def _numbered(document: dict) -> dict:
    """Conflict ids numbered in order, so merging the same files gives the same bytes."""
    conflicts = [{**conflict, "id": f"conflict-{i}"} for i, conflict in enumerate(document["conflicts"], 1)]
    return {**document, "conflicts": conflicts}


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []

    def node(self, base: Any, ours: Any, theirs: Any, path: Path) -> Any:
        base, ours, theirs = aligned(base, ours, theirs)
        if ours == theirs or theirs == base:
            return ours
        if ours == base:
            return theirs
        if isinstance(ours, Collection) and isinstance(theirs, Collection):
            return self.collection(base if isinstance(base, Collection) else Collection([]), ours, theirs, path)
        if _record(ours) and _record(theirs) and (base is MISSING or _record(base)):
            record_base = {} if base is MISSING else base
            merged = {}
            for key in dict.fromkeys([*ours, *theirs]):
                value = self.node(record_base.get(key, MISSING), ours.get(key, MISSING),
                                  theirs.get(key, MISSING), path + (key,))
                if value is not MISSING:
                    merged[key] = value
            return merged
        self.conflicts.append(new_conflict(path, *(plain(side) for side in (base, ours, theirs))))
        return ours if ours is not MISSING else theirs

    def collection(self, base: Collection, ours: Collection, theirs: Collection, path: Path) -> Collection:
        merged: dict[str, Any] = {}
        for key in dict.fromkeys([*ours, *theirs]):
            old = base.get(key, MISSING)
            mine, yours = ours.get(key, MISSING), theirs.get(key, MISSING)
            if mine is not MISSING and yours is not MISSING:
                merged[key] = self.node(old, mine, yours, path + (key,))
            elif old is MISSING:  # added on one side
                merged[key] = mine if mine is not MISSING else yours
            elif (mine if mine is not MISSING else yours) != old:  # deleted on one side, edited on the other
                kept = mine if mine is not MISSING else yours
                self.conflicts.append(new_conflict(path + (key,), *(plain(side) for side in (old, mine, yours))))
                merged[key] = kept
        result = Collection([])
        for key in _grouped_order(path, base, ours, theirs, merged):
            result[key] = merged[key]
        return result

    def keep_references(self, merged: dict[str, Any], trees: list[dict[str, Any]]) -> None:
        """Put back a stage or lane one side deleted while the other placed a card in it, and drop
        a connection whose end one side deleted; each as a conflict, so nothing is lost unseen."""
        for key in ("touchpoints", "connections", *_REFERENCES.values()):
            if not isinstance(merged.get(key), Collection):
                merged[key] = Collection([])
        touchpoints = merged["touchpoints"]
        for field, axis in _REFERENCES.items():
            for card in touchpoints.values():
                missing = card[field]
                if missing in merged[axis]:
                    continue
                kept = next(tree[axis][missing] for tree in (*trees[1:], trees[0]) if missing in tree[axis])
                sides = [tree[axis].get(missing, MISSING) if tree[axis] else MISSING for tree in trees]
                self.conflicts.append(new_conflict((axis, missing), *(plain(side) for side in sides)))
                merged[axis][missing] = kept
        connections = merged["connections"]
        for key, connection in list(connections.items()):
            if connection["source"] not in touchpoints or connection["target"] not in touchpoints:
                sides = [tree["connections"].get(key, MISSING) if tree["connections"] else MISSING for tree in trees]
                self.conflicts.append(new_conflict(("connections", key), *(plain(side) for side in sides)))
                del connections[key]


def _record(node: Any) -> bool:
    return isinstance(node, dict) and not isinstance(node, Collection)


def _grouped_order(path: Path, base: Collection, ours: Collection, theirs: Collection,
                   merged: dict[str, Any]) -> list[str]:
    """The merged members in order. Where order counts only within groups (cards within a cell), each
    group is ordered on its own from the members each side had in it, so a card one side moved into a
    cell takes the place that side gave it there."""
    fields = ORDER_WITHIN.get(path[-1] if path else "", ())

    def group(entity: dict) -> tuple:
        return tuple(entity.get(field) for field in fields)

    def by_group(side: dict[str, Any]) -> dict[tuple, list[str]]:
        grouped: dict[tuple, list[str]] = {}
        for key, entity in side.items():
            grouped.setdefault(group(entity), []).append(key)
        return grouped

    final = by_group(merged)
    sides = [by_group(side) for side in (base, ours, theirs)]
    order: list[str] = []
    for peers, keys in final.items():
        wanted = set(keys)
        members = [key for key in _order(*(side.get(peers, []) for side in sides)) if key in wanted]
        placed = set(members)
        order += members + [key for key in keys if key not in placed]
    return order


def _order(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Our order, or theirs where only they reordered, with the other side's additions after the member
    that precedes them on that side; where both added at one spot, ours come first."""

    def reordered(side: list[str]) -> bool:
        kept = set(side) & set(base)
        return [key for key in base if key in kept] != [key for key in side if key in kept]

    skeleton, other = (theirs, ours) if reordered(theirs) and not reordered(ours) else (ours, theirs)
    order = list(skeleton)
    others = set(other)
    for index, key in enumerate(other):
        if key in order:
            continue
        before = next((other[i] for i in range(index - 1, -1, -1) if other[i] in order), None)
        place = 0 if before is None else order.index(before) + 1
        while skeleton is ours and place < len(order) and order[place] not in others:
            place += 1
        order.insert(place, key)
    return order
