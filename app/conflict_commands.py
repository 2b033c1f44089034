"""Resolving a merge conflict is one undo step: the chosen side's value goes into the map, the conflict goes."""

from __future__ import annotations

from typing import Callable

from app.commands import Step
from model.conflict import Conflict, Side, put
from model.journey_map import JourneyMap


class ResolveConflict(Step):
    """Make the map hold `side`'s value of one conflict (for a side that deleted the entity: remove it)
    and drop the conflict."""

    def __init__(self, journey: JourneyMap, conflict: Conflict, side: Side, text: str):
        super().__init__(text)
        self.journey, self.conflict, self.side = journey, conflict, side
        self._undo_value: Callable[[], None] = lambda: None
        self._before: tuple[Conflict, ...] = ()

    def do(self) -> None:
        self._before = self.journey.conflicts
        self._undo_value = put(self.journey, self.conflict.path, self.conflict.value(self.side))
        self.journey.set_conflicts([c for c in self._before if c.id != self.conflict.id])

    def undo(self) -> None:
        self._undo_value()
        self._undo_value = lambda: None
        self.journey.set_conflicts(self._before)
