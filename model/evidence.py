"""How sure the team is of its map: evidence coverage, and the assumptions worth testing first.

A card or note resting on an assumption is a risk in proportion to what hangs on it: the pain it
holds and the dots the room gave it. Research-backed ones are not risks; an anecdote is half one.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Optional

from .entities import NO_EVIDENCE, EvidenceLevel
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
    return any(item.evidence != NO_EVIDENCE for tp in journey.touchpoints()
               for item in (tp, *tp.pain_points, *tp.opportunities))


@dataclass(frozen=True)
class Assumption:
    """A card or note worth checking: what it rests on and what hangs on it."""

    touchpoint_id: str
    note_id: Optional[str]  # a pain point's or opportunity's id; None: the card itself
    text: str
    level: EvidenceLevel
    risk: int  # doubt x (pain severity + dots); higher is more worth testing


def evidence_coverage(journey: JourneyMap) -> EvidenceCoverage:
    return review_evidence(journey, 0)[0]


def assumptions_to_test(journey: JourneyMap, limit: int = 5) -> list[Assumption]:
    """Cards, pain points and opportunities with little evidence and much at stake, riskiest first
    (ties in reading order). Risk is the level's doubt times (pain severity + the current round's dots)."""
    return review_evidence(journey, limit)[1]


def review_evidence(journey: JourneyMap, limit: int = 5) -> tuple[EvidenceCoverage, list[Assumption]]:
    """Coverage and the `limit` assumptions worth testing first, in one pass over the touchpoints.

    Analysis runs whenever typing pauses, so this pass is kept lean: a card with neither pain nor
    dots costs a count, and levels are told apart by identity (hashing an enum member is a Python
    call; this runs for every card and note).
    """
    dots: dict[tuple[str, Optional[str]], int] = {}
    for vote in journey.votes(journey.voting_round):
        dots[vote.target] = dots.get(vote.target, 0) + 1
    assumption, anecdote = EvidenceLevel.assumption, EvidenceLevel.anecdote
    assumed = anecdotal = critical = 0
    # The `limit` riskiest so far, as a heap of (risk, -place, touchpoint id, note id): entries come
    # in reading order, so a later one must be riskier than the least of them to take its place.
    riskiest: list[tuple[int, float, str, Optional[str]]] = []

    def consider(risk: int, place: float, tp_id: str, note_id: Optional[str]) -> None:
        if len(riskiest) < limit:
            heapq.heappush(riskiest, (risk, -place, tp_id, note_id))
        elif risk > riskiest[0][0]:
            heapq.heapreplace(riskiest, (risk, -place, tp_id, note_id))
    touchpoints = journey.touchpoints()
    saturated = False
    for place, tp in enumerate(touchpoints):
        evidence = tp.evidence
        if evidence is NO_EVIDENCE:  # most cards: an identity check instead of two lookups
            level = assumption
            assumed += 1
        else:
            level = evidence.level
            if level is assumption:
                assumed += 1
            elif level is anecdote:
                anecdotal += 1
        pains = tp.pain_points
        if not pains and not dots:
            continue
        if saturated:  # nothing later can enter the riskiest few: only critical pain is left to count
            if level is assumption:
                for pain in pains:  # a plain loop: a generator per card costs more than the test
                    if pain.severity >= CRITICAL:
                        critical += 1
                        break
            continue
        worst = 0
        pain_risks = []
        for pain in pains:
            severity = pain.severity
            worst = max(worst, severity)
            pain_level = pain.evidence.level
            doubt = 2 if pain_level is assumption else 1 if pain_level is anecdote else 0
            risk = doubt * (severity + dots.get((tp.id, pain.id), 0)) if dots else doubt * severity
            if risk:
                pain_risks.append((risk, pain.id))
        critical += level is assumption and worst >= CRITICAL
        doubt = 2 if level is assumption else 1 if level is anecdote else 0
        risk = doubt * (worst + dots.get((tp.id, None), 0))
        # The card before its notes (its place is the lower), so that ties keep reading order.
        if risk and (len(riskiest) < limit or riskiest and risk > riskiest[0][0]):
            consider(risk, place, tp.id, None)
        for risk, pain_id in pain_risks:
            if len(riskiest) < limit or riskiest and risk > riskiest[0][0]:
                consider(risk, place + 0.5, tp.id, pain_id)
        for idea in tp.opportunities if dots else ():
            risk = DOUBT[idea.evidence.level] * dots.get((tp.id, idea.id), 0)
            if risk and (len(riskiest) < limit or riskiest and risk > riskiest[0][0]):
                consider(risk, place + 0.5, tp.id, idea.id)
        # Without dots no risk exceeds an assumption's doubt times critical pain.
        saturated = not dots and len(riskiest) == limit > 0 and riskiest[0][0] >= DOUBT[assumption] * CRITICAL
    counts = {assumption: assumed, anecdote: anecdotal,
              EvidenceLevel.research: len(touchpoints) - assumed - anecdotal}
    chosen = [_assumption(journey, risk, tp_id, note_id)
              for risk, _, tp_id, note_id in sorted(riskiest, reverse=True)]
    return EvidenceCoverage(len(touchpoints), counts, critical), chosen


def _assumption(journey: JourneyMap, risk: int, tp_id: str, note_id: Optional[str]) -> Assumption:
    tp = journey.touchpoint(tp_id)
    note = None if note_id is None else next(n for n in (*tp.pain_points, *tp.opportunities) if n.id == note_id)
    item = tp if note is None else note
    return Assumption(tp_id, note_id, tp.title if note is None else note.text, item.evidence.level, risk)
