"""As-is against to-be: per stage and per persona, how emotion and each score change, the pain
removed, and the touchpoints added or retired.

Both states are projections of one map (see projection.py): today's leaves out touchpoints new in
the to-be; the to-be leaves out retired ones and takes each touchpoint's targets. Pain removed is
the pain of retired touchpoints, the only pain a map says is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .analysis import stage_scores
from .entities import ToBeChange
from .journey_map import JourneyMap
from .projection import as_is_journey, persona_journey, to_be_journey

MEASURES = ("emotion", "meaning", "value", "accommodation")


@dataclass(frozen=True)
class StageChange:
    """One stage for one persona (None: everyone), today and in the to-be."""

    persona_id: Optional[str]
    stage_id: str
    before: dict[str, Optional[float]]  # measure -> average today
    after: dict[str, Optional[float]]  # measure -> average in the to-be
    pain_removed: int  # summed severity of the pain on retired touchpoints
    added: list[str]  # ids of touchpoints new in the to-be, reading order
    retired: list[str]  # ids of touchpoints removed in the to-be, reading order

    def change(self, measure: str) -> Optional[float]:
        before, after = self.before[measure], self.after[measure]
        return None if before is None or after is None else after - before

    @property
    def changed(self) -> bool:
        return bool(self.added or self.retired or self.pain_removed
                    or any(self.change(m) for m in MEASURES))


def compare(journey: JourneyMap) -> list[StageChange]:
    """Every stage for everyone, then for each persona in turn (on a map with several)."""
    personas: list[Optional[str]] = [None]
    if len(journey.personas) > 1:
        personas += [p.id for p in journey.personas]
    return [change for persona_id in personas for change in _compare_for(journey, persona_id)]


def _compare_for(journey: JourneyMap, persona_id: Optional[str]) -> list[StageChange]:
    lived = persona_journey(journey, persona_id)
    today, target = stage_scores(as_is_journey(lived)), stage_scores(to_be_journey(lived))
    changes = []
    for before, after in zip(today, target):
        cards = [lived.touchpoint(tp_id) for tp_id in lived.touchpoints_in_stage(before.stage_id)]
        retired = [tp for tp in cards if tp.to_be == ToBeChange.removed]
        changes.append(StageChange(
            persona_id, before.stage_id,
            {m: getattr(before, m) for m in MEASURES}, {m: getattr(after, m) for m in MEASURES},
            sum(p.severity for tp in retired for p in tp.pain_points),
            [tp.id for tp in cards if tp.to_be == ToBeChange.new], [tp.id for tp in retired]))
    return changes
