"""The summary's sections on how sure the map is and where it is going: evidence coverage, the
assumptions worth testing first, and the as-is against the to-be, per stage and per persona.

Coverage and assumptions come from the `Insights` the panel shows; the comparison from
`model.comparison.compare`, the one function that answers it. A section is left out when the map
holds nothing it could speak about (no evidence recorded anywhere; no to-be marks or targets).
"""

from __future__ import annotations

from typing import Optional

from reportlab.platypus import Flowable

from model.analysis import Insights
from model.comparison import MEASURES, StageChange, compare
from model.entities import Target
from model.evidence import EVIDENCE_LABELS, EVIDENCE_MARKS, records_evidence
from model.journey_map import JourneyMap
from model.vocabulary import signed

from .sections import nothing, section, table
from .styles import bold_column, cell_text, para, styles

MEASURE_TITLES = {"emotion": "Emotion", "meaning": "M", "value": "V", "accommodation": "A"}
NO_VALUE = "\u2013"


def evidence_sections(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    if not records_evidence(journey):
        return []
    s = styles()
    coverage = insights.evidence
    levels = table(["Evidence", "Touchpoints"], [[cell_text(f"{EVIDENCE_MARKS[level]}  {EVIDENCE_LABELS[level]}",
                                                            width * 0.4), str(count)]
                                                 for level, count in coverage.by_level.items()],
                   [width * 0.4, 80], numbers_from=1)
    flowables = section("Evidence", "How sure the team is of each touchpoint: the mark on a card says it.",
                        [para(coverage.sentence(), s.body), levels])
    widths = [width * 0.42, width * 0.2, width * 0.24, width * 0.14 - 2]
    rows = [[cell_text(a.text or "Untitled", widths[0], bold=True),
             cell_text("card" if a.note_id is None else f"note on {journey.touchpoint(a.touchpoint_id).title}",
                       widths[1]),
             cell_text(EVIDENCE_LABELS[a.level], widths[2]), str(a.risk)] for a in insights.assumptions]
    body = [table(["What the map assumes", "Where", "Rests on", "Risk"], rows, widths, bold_column(0),
                  numbers_from=3)] if rows else nothing("None: nothing with pain or dots rests on an assumption.")
    flowables += section("Assumptions to test first", "Cards and notes with little evidence and much at stake "
                         "(pain or the room's dots), riskiest first.", body)
    return flowables


def comparison_sections(journey: JourneyMap, width: float) -> list[Flowable]:
    """As-is against to-be, for everyone and, on a map of several personas, for each of them."""
    if not any(tp.to_be is not None or tp.target != Target() for tp in journey.touchpoints()):
        return []
    changes = compare(journey)
    flowables: list[Flowable] = []
    for persona_id in dict.fromkeys(change.persona_id for change in changes):
        whom = "everyone" if persona_id is None else journey.persona_by_id(persona_id).name or "Unnamed persona"
        rows = [change for change in changes if change.persona_id == persona_id]
        flowables += section(f"As-is and to-be: {whom}",
                             "Per stage, the average today → in the to-be (change); pain removed is the severity "
                             "of the pain on retired touchpoints.", [_comparison_table(journey, rows, width)])
    return flowables


def _comparison_table(journey: JourneyMap, rows: list[StageChange], width: float):
    widths = [width * 0.16] + [width * 0.12] * 4 + [width * 0.08, width * 0.2 - 2]
    body = []
    for change in rows:
        cells = [cell_text(journey.stage(change.stage_id).name, widths[0], bold=True)]
        cells += [_change(change.before[m], change.after[m], m == "emotion") for m in MEASURES]
        cells.append(str(change.pain_removed) if change.pain_removed else NO_VALUE)
        added = [f"+ {journey.touchpoint(t).title}" for t in change.added]
        retired = [f"− {journey.touchpoint(t).title}" for t in change.retired]
        cells.append(cell_text("; ".join(added + retired) or NO_VALUE, widths[6]))
        body.append(cells)
    header = ["Stage", *(MEASURE_TITLES[m] for m in MEASURES), "Pain removed", "Touchpoints"]
    return table(header, body, widths, bold_column(0))


def _change(before: Optional[float], after: Optional[float], emotion: bool) -> str:
    def show(value: Optional[float]) -> str:
        if value is None:
            return NO_VALUE
        return signed(value, 1) if emotion else f"{value:.1f}"
    text = f"{show(before)} → {show(after)}"
    if before is not None and after is not None and after != before:
        text += f" ({signed(after - before, 1)})"
    return text
