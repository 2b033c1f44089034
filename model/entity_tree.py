"""A map file as a tree of entities keyed by id, the common ground of `diff` and `merge`.

Both compare maps entity by entity and field by field, not line by line, and both must cover
fields and collections added to the format later without being taught about them. So they work
on the document's JSON form (`model_dump`), read generically:

- an object is a *record*: its fields are compared one by one (nested objects such as `scores`
  are records too);
- a list of objects is a *collection*: keyed by `id` where they have one (stages, lanes,
  touchpoints, pain points, any future list of entities), by `source->target` for connections,
  and otherwise by their whole content (records such as a dot vote, which are placed or taken
  back but never edited; the second of two equal ones is keyed with `#2`);
- anything else (text, numbers, lists of tags) is a *value*, compared whole.

A path names one place in the tree: `("touchpoints", "tp-1", "scores", "meaning")`.
"""

from __future__ import annotations

import json
from typing import Any

from .journey_map import JourneyMap

Path = tuple[str, ...]
# Top-level keys that say what the file is, not what the map holds.
FILE_KEYS = frozenset({"format", "version", "conflicts"})
# Collections whose order carries no meaning of its own (connections follow their touchpoints).
UNORDERED = frozenset({"connections"})
# Collections whose order matters only among members sharing these fields (cards within a cell).
ORDER_WITHIN = {"touchpoints": ("stage", "lane")}


class Collection(dict):
    """Entities of one kind by key, in the file's order; `items` keep the entities' full JSON."""

    def __init__(self, items: list[dict[str, Any]]):
        super().__init__(zip(member_keys(items), items))

    # Order is part of a collection (stages left to right, cards within a cell): equal means in the same order.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Collection) and list(self.items()) == list(other.items())

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]


def member_keys(items: list[dict[str, Any]]) -> list[str]:
    """The key of each object in a list, as `Collection` keys them."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for item in items:
        if "id" in item:
            keys.append(item["id"])
        elif "source" in item and "target" in item:
            keys.append(f"{item['source']}->{item['target']}")
        else:
            content = json.dumps(item, sort_keys=True, ensure_ascii=False)
            seen[content] = seen.get(content, 0) + 1
            keys.append(content if seen[content] == 1 else f"{content}#{seen[content]}")
    return keys


def _is_collection(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def tree(value: Any) -> Any:
    """`value` (JSON) with records as dicts of trees and lists of entities as `Collection`s."""
    if isinstance(value, dict):
        return {key: tree(item) for key, item in value.items()}
    if _is_collection(value):
        collection = Collection(value)
        for key, item in collection.items():
            collection[key] = tree(item)
        return collection
    return value


def plain(node: Any) -> Any:
    """The JSON form of a tree: collections back to lists."""
    if isinstance(node, Collection):
        return [plain(item) for item in node.values()]
    if isinstance(node, dict):
        return {key: plain(item) for key, item in node.items()}
    return node


def map_tree(journey: JourneyMap) -> dict[str, Any]:
    """The map's content as a tree, without the file's own keys."""
    from .document import to_document  # the document holds conflicts, which hold paths of this tree

    dump = to_document(journey).model_dump(mode="json")
    return {key: tree(value) for key, value in dump.items() if key not in FILE_KEYS}


def aligned(*nodes: Any) -> tuple[Any, ...]:
    """The nodes with an empty list (or a missing node) read as an empty collection when another
    of them is a collection: a map without touchpoints still has a collection of them."""
    if not any(isinstance(node, Collection) for node in nodes):
        return nodes
    return tuple(Collection([]) if node is MISSING or node == [] else node for node in nodes)


class _Missing:
    """Where a map has no entity or field at a path (it was removed, or never there)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def label(entity: Any) -> str:
    """What a person calls an entity: its title, name or text, else what its fields hold."""
    if isinstance(entity, dict):
        for field in ("title", "name", "text"):
            if isinstance(entity.get(field), str) and entity[field]:
                return entity[field]
        held = ", ".join(f"{key} {value}" for key, value in entity.items() if value not in (None, "", [], {}))
        return held if len(held) <= 60 else held[:59] + "…"
    return ""
