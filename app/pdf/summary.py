"""The summary pages: what `model.analysis.analyse` found, for a reader who will not study the map.

Stage-by-stage scores (chart and table), the weakest
touchpoints, dead ends, unreachable touchpoints, loops, pain points by severity, evidence and the
as-is against the to-be (see `evidence_sections`), then the lenses (see `lens_sections`). Every answer comes from the `Insights` passed in, the very object the
insights panel shows; nothing here analyses the map itself, so new insights arrive in one place.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from model.analysis import Insights
from model.journey_map import JourneyMap

from .chart import stage_charts
from .evidence_sections import comparison_sections, evidence_sections
from .lens_sections import lens_sections
from .sections import LIST_LIMIT, listed, more, nothing, place, section, table
from .styles import bold_column, cell_text, para, rich, severity_mark, styles
from model.vocabulary import PAIN_KIND_NAMES, average_label, signed

PAIN_LIST_LIMIT = 40  # pain points listed here; the appendix has every one


def summary(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    s = styles()
    pains = insights.pains
    overview = (f"{len(journey)} touchpoints in {len(journey.stages)} stages and {len(journey.lanes)} lanes, "
                f"{journey.graph.number_of_edges()} connections, {pains.total} pain points "
                f"({pains.by_severity[3]} critical).")
    flowables: list[Flowable] = [para("Summary", s.heading), para(overview, s.body), Spacer(1, 8)]
    flowables += _stages(journey, insights, width)
    flowables += _weakest(journey, insights, width)
    flowables += _problems(journey, insights, width)
    flowables += _pains(journey, width)
    flowables += evidence_sections(journey, insights, width) + comparison_sections(journey, width)
    flowables += lens_sections(journey, insights, width)
    return flowables


def _stages(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    s = styles()
    if not insights.stage_scores:
        return section("Stage by stage", "The map has no stages yet.", [])
    rows = [[para(f"{i}. {journey.stage(entry.stage_id).name}", s.cell_bold), str(entry.touchpoints),
             average_label(entry.meaning), average_label(entry.value), average_label(entry.accommodation),
             "\u2013" if entry.emotion is None else signed(entry.emotion, 1)]
            for i, entry in enumerate(insights.stage_scores, 1)]
    number = (width - 260) / 5
    stage_table = table(["Stage", "Touchpoints", "Meaning", "Value", "Accommodation", "Emotion"], rows,
                        [260] + [number] * 5, numbers_from=1)
    charts = stage_charts(journey, insights.stage_scores, width)
    return section("Stage by stage", "Averages over each stage's scored touchpoints (1–5), and how customers feel "
                   "there (−2 to +2).", [*charts, Spacer(1, 6), stage_table])


def _weakest(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    title, explanation = "Weakest touchpoints", ("Ranked by how far their scores fall short of 5 plus the severity "
                                                 "of their pain points.")
    if not insights.weakest:
        return section(title, explanation, nothing("None: every scored touchpoint is at 5 with no pain points."))
    rest = width - 24 - 70 - 80
    widths = [24, rest * 0.44, rest * 0.28, rest * 0.28, 70, 80]
    rows = [[str(i), *place(journey, weak.touchpoint_id, widths[1:4]), average_label(weak.mean_score),
             str(weak.pain_severity)] for i, weak in enumerate(insights.weakest, 1)]
    return section(title, explanation, [table(
        ["#", "Touchpoint", "Stage", "Lane", "Mean score", "Pain severity"], rows, widths, bold_column(1),
        numbers_from=4)])


def _problems(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    s = styles()
    flowables = section("Dead ends", "Touchpoints from which no path leads on to the last stage.", listed(
        journey, insights.dead_ends, width, "None: every touchpoint leads on to the last stage."))
    flowables += section("Unreachable touchpoints", "Touchpoints no path reaches from the first stage.", listed(
        journey, insights.unreachable, width, "None: every touchpoint can be reached from the first stage."))
    if insights.loops:
        rows = [[para(" → ".join(journey.touchpoint(tp_id).title for tp_id in group), s.cell, limit=800)]
                for group in insights.loops[:LIST_LIMIT]]
        flowables += section("Loops", "Groups of touchpoints customers can circle between.",
                             [table(["Touchpoints in the loop"], rows, [width])]
                             + more(len(insights.loops), LIST_LIMIT))
    return flowables


def _pains(journey: JourneyMap, width: float) -> list[Flowable]:
    s = styles()
    title = "Pain points by severity"
    counts = {(stage.id, severity): 0 for stage in journey.stages for severity in (1, 2, 3)}
    pain_list = []
    for position, tp in enumerate(journey.touchpoints()):
        for pain in tp.pain_points:
            counts[tp.stage, pain.severity] += 1
            pain_list.append((-pain.severity, position, tp, pain))
    if not pain_list:
        return section(title, "What hurts customers, worst first.", nothing("No pain points are noted yet."))
    count_rows = [[para(stage.name, s.cell_bold), *(str(counts[stage.id, severity]) for severity in (3, 2, 1)),
                   str(sum(counts[stage.id, severity] for severity in (1, 2, 3)))] for stage in journey.stages]
    number = 80
    severity_headers = [rich(severity_mark(severity), s.cell_header_right) for severity in (3, 2, 1)]
    count_table = table(["Stage", *severity_headers, "Total"], count_rows,
                        [width - 4 * number] + [number] * 4, numbers_from=1)
    pain_list.sort(key=lambda entry: entry[:2])
    rest = width * 0.58 - 70 - 75
    widths = [70, width * 0.42, 75, rest * 0.6, rest * 0.4]
    rows = [[rich(severity_mark(pain.severity), s.cell), cell_text(pain.text, widths[1], limit=600),
             PAIN_KIND_NAMES[pain.kind], *place(journey, tp.id, widths[3:])]
            for _, _, tp, pain in pain_list[:PAIN_LIST_LIMIT]]
    pain_table = table(["Severity", "Pain point", "Kind", "Touchpoint", "Stage"], rows, widths, bold_column(3))
    return section(title, "What hurts customers, worst first; the appendix lists them with their touchpoints.",
                   [count_table, Spacer(1, 10), pain_table]
                   + more(len(pain_list), PAIN_LIST_LIMIT, " in the appendix"))
