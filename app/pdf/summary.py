"""The summary pages: what `model.analysis.analyse` found, for a reader who will not study the map.

Stage-by-stage scores (chart and table), the weakest touchpoints, dead ends, unreachable
touchpoints, loops, and pain points by severity. Every answer comes from the `Insights`
passed in; nothing here analyses the map itself, so new insights arrive in one place.
"""

from __future__ import annotations

from typing import Optional

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, LongTable, Spacer

from model.analysis import Insights
from model.journey_map import JourneyMap

from .chart import stage_chart
from .styles import cell_text, para, rich, severity_mark, styles, table_style
from .vocabulary import PAIN_KIND_NAMES, signed

PAIN_LIST_LIMIT = 40  # pain points listed here; the appendix has every one
PROBLEM_LIST_LIMIT = 60  # dead ends, unreachable touchpoints, loops


def _average(value: Optional[float]) -> str:
    return "\u2013" if value is None else f"{value:.1f}"


def _place(journey: JourneyMap, tp_id: str, widths: list[float]) -> list:
    """A touchpoint's title, stage and lane as table cells for columns of `widths`."""
    tp = journey.touchpoint(tp_id)
    return [para(tp.title, styles().cell_bold), cell_text(journey.stage(tp.stage).name, widths[0]),
            cell_text(journey.lane(tp.lane).name, widths[1])]


def _table(header: list, rows: list[list], widths: list[float], *style: tuple, numbers_from: int = 0) -> LongTable:
    """A table whose header row (plain words, or paragraphs) repeats on every page it spans;
    columns from `numbers_from` on hold numbers and align right, headers included."""
    s = styles()
    titles = [title if not isinstance(title, str)
              else para(title, s.cell_header_right if numbers_from and i >= numbers_from else s.cell_header)
              for i, title in enumerate(header)]
    if numbers_from:
        style = (*style, ("ALIGN", (numbers_from, 1), (-1, -1), "RIGHT"))
    table = LongTable([titles, *rows], colWidths=widths,
                      repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(*style))
    return table


def _section(title: str, explanation: str, body: list[Flowable]) -> list[Flowable]:
    s = styles()
    # Keep a heading with the start of its content rather than alone at the foot of a page.
    return [CondPageBreak(90), para(title, s.subheading), para(explanation, s.muted), Spacer(1, 4), *body]


def _more(count: int, limit: int, where: str) -> list[Flowable]:
    if count <= limit:
        return []
    return [Spacer(1, 3), para(f"… and {count - limit} more{where}.", styles().muted)]


def summary(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    s = styles()
    touchpoints = journey.touchpoints()
    pains = sum(len(tp.pain_points) for tp in touchpoints)
    critical = sum(1 for tp in touchpoints for pain in tp.pain_points if pain.severity == 3)
    overview = (f"{len(touchpoints)} touchpoints in {len(journey.stages)} stages and {len(journey.lanes)} lanes, "
                f"{journey.graph.number_of_edges()} connections, {pains} pain points ({critical} critical).")
    flowables: list[Flowable] = [para("Summary", s.heading), para(overview, s.body)]
    flowables += _stages(journey, insights, width)
    flowables += _weakest(journey, insights, width)
    flowables += _problems(journey, insights, width)
    flowables += _pains(journey, width)
    return flowables


def _stages(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    s = styles()
    if not insights.stage_scores:
        return _section("Stage by stage", "The map has no stages yet.", [])
    rows = [[para(f"{i}. {journey.stage(entry.stage_id).name}", s.cell_bold), str(entry.touchpoints),
             _average(entry.meaning), _average(entry.value), _average(entry.accommodation),
             "\u2013" if entry.emotion is None else signed(entry.emotion, 1)]
            for i, entry in enumerate(insights.stage_scores, 1)]
    number = (width - 260) / 5
    table = _table(["Stage", "Touchpoints", "Meaning", "Value", "Accommodation", "Emotion"], rows,
                   [260] + [number] * 5, numbers_from=1)
    chart = KeepTogether([stage_chart(journey, insights.stage_scores, width), Spacer(1, 6)])
    return _section("Stage by stage", "Averages over each stage's scored touchpoints (1–5), and how customers feel "
                    "there (−2 to +2).", [chart, table])


def _weakest(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    s = styles()
    title, explanation = "Weakest touchpoints", ("Ranked by how far their scores fall short of 5 plus the severity "
                                                 "of their pain points.")
    if not insights.weakest:
        return _section(title, explanation, [para("None: every scored touchpoint is at 5 with no pain points.",
                                                  s.body)])
    rest = width - 24 - 70 - 80
    widths = [24, rest * 0.44, rest * 0.28, rest * 0.28, 70, 80]
    rows = [[str(i), *_place(journey, weak.touchpoint_id, widths[2:4]), _average(weak.mean_score),
             str(weak.pain_severity)] for i, weak in enumerate(insights.weakest, 1)]
    return _section(title, explanation, [_table(
        ["#", "Touchpoint", "Stage", "Lane", "Mean score", "Pain severity"], rows, widths, numbers_from=4)])


def _problems(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    s = styles()
    widths = [width * 0.5, width * 0.25, width * 0.25]
    flowables: list[Flowable] = []
    for title, explanation, ids, none in (
        ("Dead ends", "Touchpoints from which no path leads on to the last stage.", insights.dead_ends,
         "None: every touchpoint leads on to the last stage."),
        ("Unreachable touchpoints", "Touchpoints no path reaches from the first stage.", insights.unreachable,
         "None: every touchpoint can be reached from the first stage."),
    ):
        rows = [_place(journey, tp_id, widths[1:]) for tp_id in ids[:PROBLEM_LIST_LIMIT]]
        body = ([_table(["Touchpoint", "Stage", "Lane"], rows, widths)] + _more(len(ids), PROBLEM_LIST_LIMIT, "")
                if ids else [para(none, s.body)])
        flowables += _section(title, explanation, body)
    if insights.loops:
        rows = [[para(" → ".join(journey.touchpoint(tp_id).title for tp_id in group), s.cell, limit=800)]
                for group in insights.loops[:PROBLEM_LIST_LIMIT]]
        flowables += _section("Loops", "Groups of touchpoints customers can circle between.",
                              [_table(["Touchpoints in the loop"], rows, [width])]
                              + _more(len(insights.loops), PROBLEM_LIST_LIMIT, ""))
    return flowables


def _pains(journey: JourneyMap, width: float) -> list[Flowable]:
    s = styles()
    title = "Pain points by severity"
    counts = {(stage.id, severity): 0 for stage in journey.stages for severity in (1, 2, 3)}
    listed = []
    for position, tp in enumerate(journey.touchpoints()):
        for pain in tp.pain_points:
            counts[tp.stage, pain.severity] += 1
            listed.append((-pain.severity, position, tp, pain))
    if not listed:
        return _section(title, "What hurts customers, worst first.", [para("No pain points are noted yet.", s.body)])
    count_rows = [[para(stage.name, s.cell_bold), *(str(counts[stage.id, severity]) for severity in (3, 2, 1)),
                   str(sum(counts[stage.id, severity] for severity in (1, 2, 3)))] for stage in journey.stages]
    number = 80
    severity_headers = [rich(severity_mark(severity), s.cell_header_right) for severity in (3, 2, 1)]
    count_table = _table(["Stage", *severity_headers, "Total"], count_rows,
                         [width - 4 * number] + [number] * 4, numbers_from=1)
    listed.sort(key=lambda entry: entry[:2])
    rest = width * 0.58 - 70 - 75
    widths = [70, width * 0.42, 75, rest * 0.6, rest * 0.4]
    rows = [[rich(severity_mark(pain.severity), s.cell), para(pain.text, s.cell, limit=600),
             PAIN_KIND_NAMES[pain.kind], para(tp.title, s.cell_bold), cell_text(journey.stage(tp.stage).name, widths[4])]
            for _, _, tp, pain in listed[:PAIN_LIST_LIMIT]]
    pain_table = _table(["Severity", "Pain point", "Kind", "Touchpoint", "Stage"], rows, widths)
    return _section(title, "What hurts customers, worst first; the appendix lists them with their touchpoints.",
                    [count_table, Spacer(1, 10), pain_table]
                    + _more(len(listed), PAIN_LIST_LIMIT, " in the appendix"))
