"""The ordered stages or lanes of a map, indexed by id, and where an insertion lands in a list."""

from __future__ import annotations

from typing import Optional

from .errors import InvalidChange


class Axis:
    """The ordered stages, or the ordered lanes: the two share every operation."""

    def __init__(self, noun: str, added, changed, removed, reordered):
        self.noun = noun
        self.added, self.changed, self.removed, self.reordered = added, changed, removed, reordered
        self.items: list = []
        self.index_of: dict[str, int] = {}

    def _reindex(self) -> None:
        self.index_of = {item.id: i for i, item in enumerate(self.items)}

    def get(self, item_id: str):
        try:
            return self.items[self.index_of[item_id]]
        except KeyError:
            raise InvalidChange(f"there is no {self.noun} with id {item_id!r}") from None

    def insert(self, item, index: Optional[int]) -> None:
        if item.id in self.index_of:
            raise InvalidChange(f"a {self.noun} with id {item.id!r} exists already", "id")
        self.items.insert(position(index, len(self.items)), item)
        self._reindex()

    def replace(self, item) -> None:
        self.items[self.index_of[item.id]] = item

    def move(self, item_id: str, index: int) -> bool:
        """Move an item to `index`; False when it is there already."""
        item = self.get(item_id)
        position(index, len(self.items) - 1)
        if self.index_of[item_id] == index:
            return False
        self.items.remove(item)
        self.items.insert(index, item)
        self._reindex()
        return True

    def pop(self, item_id: str) -> int:
        index = self.index_of[item_id]
        del self.items[index]
        self._reindex()
        return index


def position(index: Optional[int], length: int) -> int:
    """Where an insertion at `index` goes in a list of `length` (None: at the end); refuses places outside it."""
    if index is None:
        return length
    if not 0 <= index <= length:
        raise InvalidChange(f"position {index} is outside 0..{length}", "index")
    return index
