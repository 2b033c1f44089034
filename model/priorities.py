"""What the room prioritised: the dots of one voting round, counted and ranked.

One ranking feeds the Insights dock and the PDF summary, so they always agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .journey_map import JourneyMap


@dataclass(frozen=True)
class Priority:
    """One target the room voted for and how many dots it got."""

    touchpoint_id: str
    note_id: Optional[str]  # a pain point's or opportunity's id; None: the card itself
    kind: str  # "touchpoint", "pain point" or "opportunity"
    text: str
    dots: int


def room_priorities(journey: JourneyMap, round: int | None = None) -> list[Priority]:
    """Every target with dots in a round (the current one by default), most dots first;
    ties keep the map's reading order, so the ranking is stable."""
    round = journey.voting_round if round is None else round
    counts = Counter(vote.target for vote in journey.votes(round))
    ranked = []
    for tp in journey.touchpoints():
        targets = [(None, "touchpoint", tp.title or "Untitled")]
        targets += [(p.id, "pain point", p.text) for p in tp.pain_points]
        targets += [(o.id, "opportunity", o.text) for o in tp.opportunities]
        for note_id, kind, text in targets:
            if counts[tp.id, note_id]:
                ranked.append(Priority(tp.id, note_id, kind, text, counts[tp.id, note_id]))
    return sorted(ranked, key=lambda p: -p.dots)
