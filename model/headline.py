"""The three things to look at first: the dead ends, the weakest stage, the team with most pain.

The Insights dock's headline and the walk-through's closing callouts both say these, in these words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import NO_FLOW_HINT, NO_FLOW_YET, Insights
from .journey_map import JourneyMap

NAMED_DEAD_ENDS = 3


@dataclass(frozen=True)
class Finding:
    label: str  # "Dead ends", "Weakest stage", "Most pain"
    text: str
    problem: bool = False
    joint: str = ":"  # between label and text: "Dead end: “Hold queue”", "No flow drawn yet. Connect…"


def headline(journey: JourneyMap, insights: Insights) -> list[Finding]:
    """What a reader should look at first; empty for a map without touchpoints."""
    if not len(journey):
        return []
    findings = []
    if not insights.flow_drawn:
        findings.append(Finding(NO_FLOW_YET, NO_FLOW_HINT, joint="."))
    elif insights.dead_ends:
        names = ", ".join(f"“{journey.touchpoint(t).title}”" for t in insights.dead_ends[:NAMED_DEAD_ENDS])
        extra = len(insights.dead_ends) - NAMED_DEAD_ENDS
        findings.append(Finding(f"Dead end{'s' * (len(insights.dead_ends) > 1)}",
                                names + (f" and {extra} more" if extra > 0 else ""), problem=True))
    else:
        findings.append(Finding("No dead ends", "every touchpoint leads on to the last stage."))
    weakest = insights.weakest_stage()
    if weakest is not None:
        findings.append(Finding("Weakest stage", f"{journey.stage(weakest.stage_id).name} "
                                                 f"(average score {weakest.average:.1f} of 5)"))
    if insights.pains.by_owner:
        top = insights.pains.by_owner[0]
        findings.append(Finding("Most pain", f"{top.owner or 'touchpoints with no owner'} "
                                             f"({top.pain_points} pain point{'s' * (top.pain_points != 1)}, "
                                             f"severity {top.severity})"))
    return findings
