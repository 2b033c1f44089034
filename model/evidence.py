"""How sure the team is of its map: evidence coverage, and the assumptions worth testing first.

A card or note resting on an assumption is a risk in proportion to what hangs on it: the pain it
holds and the dots the room gave it. Research-backed ones are not risks; an anecdote is half one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .entities import Evidence, EvidenceLevel
from .journey_map import JourneyMap

CRITICAL = 3  # the pain severity a coverage report calls critical
# How much doubt each level leaves: an assumption all of it, an anecdote half, research none.
DOUBT = {EvidenceLevel.assumption: 2, EvidenceLevel.anecdote: 1, EvidenceLevel.research: 0}
# The one-letter marks cards, the PDF and reports use for each level: they survive greyscale print.
EVIDENCE_MARKS = {EvidenceLevel.assumption: "?", EvidenceLevel.anecdote: "A", EvidenceLevel.research: "R"}
EVIDENCE_LABELS = {EvidenceLevel.assumption: "Assumption", EvidenceLevel.anecdote: "Anecdote (one source)",
                   EvidenceLevel.research: "Research-backed"}


@dataclass(frozen=True)
class EvidenceCoverage:
    """How many touchpoints rest on each level, and how many assumptions hold critical pain."""

    touchpoints: int
    by_level: dict[EvidenceLevel, int]
    assumptions_with_critical_pain: int

    def sentence(self) -> str:
        """'9 of 23 touchpoints rest on assumptions; 3 of them hold critical pain.'"""
        if not self.touchpoints:
            return "No touchpoints yet."
        assumed = self.by_level[EvidenceLevel.assumption]
        noun = "touchpoint rests" if self.touchpoints == 1 else "touchpoints rest"
        text = f"{assumed} of {self.touchpoints} {noun} on assumptions"
        if assumed and self.assumptions_with_critical_pain:
            text += f"; {self.assumptions_with_critical_pain} of them hold critical pain"
        return text + "."


def records_evidence(journey: JourneyMap) -> bool:
    """Whether the team has said anything about evidence: a level or a source on any card or note."""
    untouched = Evidence()
    return any(item.evidence != untouched for tp in journey.touchpoints()
               for item in (tp, *tp.pain_points, *tp.opportunities))


def evidence_coverage(journey: JourneyMap) -> EvidenceCoverage:
    counts = dict.fromkeys(EvidenceLevel, 0)
    critical = 0
    for tp in journey.touchpoints():
        counts[tp.evidence.level] += 1
        if tp.evidence.level == EvidenceLevel.assumption and tp.worst_severity >= CRITICAL:
            critical += 1
    return EvidenceCoverage(len(journey), counts, critical)


@dataclass(frozen=True)
class Assumption:
    """A card or note worth checking: what it rests on and what hangs on it."""

    touchpoint_id: str
    note_id: Optional[str]  # a pain point's or opportunity's id; None: the card itself
    text: str
    level: EvidenceLevel
    risk: int  # doubt x (pain severity + dots); higher is more worth testing


def assumptions_to_test(journey: JourneyMap, limit: int = 5) -> list[Assumption]:
    """Cards, pain points and opportunities with little evidence and much at stake, riskiest first
    (ties in reading order). Risk is the level's doubt times (pain severity + the current round's dots)."""
    dots: dict[tuple[str, Optional[str]], int] = {}
    for vote in journey.votes(journey.voting_round):
        dots[vote.target] = dots.get(vote.target, 0) + 1
    found: list[tuple[int, int, Assumption]] = []
    for tp in journey.touchpoints():
        entries = [(None, tp.title, tp.evidence.level, tp.worst_severity)]
        entries += [(p.id, p.text, p.evidence.level, p.severity) for p in tp.pain_points]
        entries += [(o.id, o.text, o.evidence.level, 0) for o in tp.opportunities]
        for note_id, text, level, severity in entries:
            risk = DOUBT[level] * (severity + dots.get((tp.id, note_id), 0))
            if risk > 0:
                found.append((-risk, len(found), Assumption(tp.id, note_id, text, level, risk)))
    return [entry for _, _, entry in sorted(found)[:limit]]
