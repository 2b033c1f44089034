"""Lenses on a map's annotations: who owns the pain, what goes unscored, where motivation,
expectations and the to-be target part from today's experience.

Pure functions over a `JourneyMap`, each one pass over the touchpoints, so that the insights
panel can recompute all of them on every edit of a large map.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .entities import SCORE_NAMES, Motivator, PainKind
from .journey_map import JourneyMap

NO_OWNER = ""


@dataclass(frozen=True)
class OwnerPain:
    """The pain points on the touchpoints one team owns (`owner` "" for touchpoints nobody owns)."""

    owner: str
    pain_points: int
    severity: int  # the sum of their severities: three minor pains weigh as one critical
    touchpoint_ids: tuple[str, ...]


@dataclass(frozen=True)
class PainTally:
    by_severity: dict[int, int]  # 3 critical, 2 serious, 1 minor -> how many
    by_kind: list[tuple[PainKind, int]]  # most frequent first
    by_owner: list[OwnerPain]  # most pain first
    # The touchpoints behind each count, in reading order, for the panel to select.
    touchpoints_by_severity: dict[int, tuple[str, ...]]
    touchpoints_by_kind: dict[PainKind, tuple[str, ...]]

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


def pain_tally(journey: JourneyMap) -> PainTally:
    """Pain points counted by severity, by kind and by the team that owns the touchpoint."""
    severity: Counter[int] = Counter({3: 0, 2: 0, 1: 0})
    kinds: Counter[PainKind] = Counter()
    owners: dict[str, list] = {}
    at_severity: dict[int, dict[str, None]] = {3: {}, 2: {}, 1: {}}  # dicts keep order and drop repeats
    of_kind: dict[PainKind, dict[str, None]] = {}
    for tp in journey.touchpoints():
        if not tp.pain_points:
            continue
        owned = owners.setdefault(tp.owner.strip(), [0, 0, []])
        owned[2].append(tp.id)
        for pain in tp.pain_points:
            severity[pain.severity] += 1
            kinds[pain.kind] += 1
            owned[0] += 1
            owned[1] += pain.severity
            at_severity[pain.severity][tp.id] = None
            of_kind.setdefault(pain.kind, {})[tp.id] = None
    kind_order = list(PainKind)
    by_owner = [OwnerPain(owner, count, weight, tuple(ids)) for owner, (count, weight, ids) in owners.items()]
    return PainTally(
        by_severity={level: severity[level] for level in (3, 2, 1)},
        by_kind=sorted(kinds.items(), key=lambda item: (-item[1], kind_order.index(item[0]))),
        by_owner=sorted(by_owner, key=lambda o: (-o.severity, -o.pain_points, o.owner == NO_OWNER, o.owner)),
        touchpoints_by_severity={level: tuple(ids) for level, ids in at_severity.items()},
        touchpoints_by_kind={kind: tuple(ids) for kind, ids in of_kind.items()},
    )


def unscored(journey: JourneyMap) -> list[str]:
    """Touchpoints with no Meaning, Value or Accommodation score yet, in reading order."""
    return [tp.id for tp in journey.touchpoints()
            if tp.scores.meaning is None and tp.scores.value is None and tp.scores.accommodation is None]


def stages_without_motivators(journey: JourneyMap) -> list[str]:
    """Stages none of whose touchpoints serves purpose, mastery or autonomy: where motivation fades."""
    return [stage for stage, served in motivators_by_stage(journey).items() if not served]


def motivators_by_stage(journey: JourneyMap) -> dict[str, tuple[Motivator, ...]]:
    """For each stage, the motivators its touchpoints serve, in the order purpose, mastery, autonomy."""
    served: dict[str, set[Motivator]] = {stage.id: set() for stage in journey.stages}
    for tp in journey.touchpoints():
        served[tp.stage].update(tp.motivators)
    return {stage: tuple(m for m in Motivator if m in found) for stage, found in served.items()}


@dataclass(frozen=True)
class Gap:
    """How far one touchpoint is from where it should be, summed over what differs."""

    touchpoint_id: str
    distance: int
    details: tuple[tuple[str, int, int], ...]  # (what, should be, is): is - should be < 0 falls short

    @property
    def falls_short(self) -> bool:
        return sum(have - want for _, want, have in self.details) < 0


def expectation_gaps(journey: JourneyMap, limit: int = 10) -> list[Gap]:
    """The widest gaps between what customers expected and what they experienced, widest first."""
    gaps = [Gap(tp.id, abs(tp.experienced - tp.expected), (("experience", tp.expected, tp.experienced),))
            for tp in journey.touchpoints()
            if tp.expected is not None and tp.experienced is not None and tp.experienced != tp.expected]
    return _widest(gaps, limit)


def target_gaps(journey: JourneyMap, limit: int = 10) -> list[Gap]:
    """The touchpoints furthest from their to-be target (emotion and scores, where both are set)."""
    gaps = []
    for tp in journey.touchpoints():
        target = tp.target
        if target.emotion is None and target.meaning is None and target.value is None and target.accommodation is None:
            continue  # most touchpoints have no target: skip them cheaply
        pairs = [("emotion", target.emotion, tp.emotion)]
        pairs += [(name, getattr(target, name), getattr(tp.scores, name)) for name in SCORE_NAMES]
        details = tuple((name, want, have) for name, want, have in pairs
                        if want is not None and have is not None and want != have)
        if details:
            gaps.append(Gap(tp.id, sum(abs(have - want) for _, want, have in details), details))
    return _widest(gaps, limit)


def _widest(gaps: list[Gap], limit: Optional[int]) -> list[Gap]:
    # Stable sort: equal gaps stay in reading order; shortfalls come before overshoots.
    return sorted(gaps, key=lambda g: (-g.distance, not g.falls_short))[:limit]
