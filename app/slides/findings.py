"""What the findings slide says: the answers `model.analysis` gives, as headed lists of lines.

The slide draws whatever `findings` returns, in order, so a new finding (what the room
prioritised, once maps carry votes) is one more entry here.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.analysis import Insights
from model.journey_map import JourneyMap

LISTED = 8  # lines a finding names before "and N more"


@dataclass(frozen=True)
class Finding:
    heading: str
    lines: tuple[str, ...]
    alarming: bool = False  # drawn in the alarm colour: something to fix


def _named(journey: JourneyMap, ids: list[str]) -> tuple[str, ...]:
    lines = [f"{journey.touchpoint(tp_id).title} ({journey.stage(journey.touchpoint(tp_id).stage).name})"
             for tp_id in ids[:LISTED]]
    if len(ids) > LISTED:
        lines.append(f"… and {len(ids) - LISTED} more")
    return tuple(lines)


def findings(journey: JourneyMap, insights: Insights) -> list[Finding]:
    dead = insights.dead_ends
    result = [Finding(f"Dead ends: {len(dead)}", _named(journey, dead) or ("Every touchpoint leads on to the last stage.",),
                      alarming=bool(dead))]
    if insights.unreachable:
        result.append(Finding(f"Unreachable: {len(insights.unreachable)}", _named(journey, insights.unreachable),
                              alarming=True))
    weakest = insights.weakest_stage()
    if weakest is None:
        result.append(Finding("Weakest stage", ("Not scored yet: score touchpoints to compare the stages.",)))
    else:
        ranked = sorted((s for s in insights.stage_scores if s.average is not None), key=lambda s: s.average)
        result.append(Finding(f"Weakest stage: {journey.stage(weakest.stage_id).name}",
                              tuple(f"{journey.stage(s.stage_id).name}: {s.average:.1f} of 5" for s in ranked[:LISTED])))
    owners = insights.pains.by_owner
    result.append(Finding("Pain by team", tuple(
        f"{o.owner or 'No owner'}: {o.pain_points} pain point{'s' * (o.pain_points != 1)}, severity {o.severity} in all"
        for o in owners[:LISTED]) or ("No pain points are noted yet.",)))
    return result
