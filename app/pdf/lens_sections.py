"""The summary's lenses: who owns the pain, what kind it is, what is unscored, where motivation
fades, and where experience parts from expectations and from the to-be target.

Each section reads its answer from `Insights` (motivators per stage from `model.lenses`, as the
panel does). A section is left out when the map records nothing it could speak about (no pain
points, no motivators, no expected and experienced pair, no targets); a section that applies but
finds nothing prints one muted line.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from model import theme
from model.analysis import Insights
from model.entities import Motivator, Target, Touchpoint
from model.journey_map import JourneyMap
from model.lenses import motivators_by_stage

from . import marks
from .sections import listed, nothing, place, section, table
from .styles import MUTED_MARKUP, bold_column, cell_text, para, rich, styles
from model.vocabulary import PAIN_KIND_NAMES, SCORE_TITLES, signed

NO_OWNER = "No owner"
TICK = "\u2713"
GAP_NAMES = {"emotion": "Emotion", **SCORE_TITLES}
NARROW = 520  # tables of a name and a few numbers: wider only spreads the numbers away from the names
NO_TARGET = Target()


def lens_sections(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    touchpoints = journey.touchpoints()
    flowables: list[Flowable] = []
    if insights.pains.total:
        flowables += _pain_by_team(insights, width) + _pain_by_kind(insights, width)
    if touchpoints:
        flowables += section("Not scored yet", "Touchpoints with no Meaning, Value or Accommodation score.", listed(
            journey, insights.unscored, width, "None: every touchpoint has at least one score."))
    flowables += _motivation(journey, insights, width)
    if any(tp.expected is not None and tp.experienced is not None for tp in touchpoints):
        flowables += _expectation_gaps(journey, insights, width)
    if records_targets(touchpoints):
        flowables += _target_gaps(journey, insights, width)
    return flowables


def records_targets(touchpoints: list[Touchpoint]) -> bool:
    """Whether any touchpoint has a to-be target (which the appendix then explains too)."""
    return any(tp.target != NO_TARGET for tp in touchpoints)


def _pain_by_team(insights: Insights, width: float) -> list[Flowable]:
    number = 90
    widths = [min(width, NARROW) - 3 * number] + [number] * 3
    no_owner = rich(MUTED_MARKUP.format(NO_OWNER), styles().cell_bold)
    rows = [[cell_text(owner.owner, widths[0], bold=True) if owner.owner else no_owner, str(owner.pain_points),
             str(owner.severity), str(len(owner.touchpoint_ids))] for owner in insights.pains.by_owner]
    return section("Pain by team", "The teams that own the touchpoints where it hurts; severities add up "
                   "(minor 1, serious 2, critical 3).", [table(
                       ["Team", "Pain points", "Severity total", "Touchpoints"], rows, widths, bold_column(0),
                       numbers_from=1)])


def _pain_by_kind(insights: Insights, width: float) -> list[Flowable]:
    number = 90
    rows = [[PAIN_KIND_NAMES[kind], str(count)] for kind, count in insights.pains.by_kind]
    return section("Pain by kind", "What sort of pain customers meet, most frequent first.", [table(
        ["Kind", "Pain points"], rows, [min(width, NARROW) - 3 * number, number],  # under Pain by team's columns
        numbers_from=1)])


def _motivation(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    served = motivators_by_stage(journey)
    if not any(served.values()):
        return []
    s = styles()
    faded = set(insights.stages_without_motivators)
    column = 90
    stage_width = min(width, NARROW) - 3 * column
    rows, style = [], []
    for row, (stage_id, motivators) in enumerate(served.items(), 1):
        name = cell_text(journey.stage(stage_id).name, stage_width)
        if stage_id in faded:
            rows.append([name, rich(f'<font color="{theme.PROBLEM_HIGHLIGHT}">None: motivation fades here</font>',
                                    s.cell_bold), "", ""])
            style += [("SPAN", (1, row), (3, row)), ("BACKGROUND", (0, row), (-1, row), marks.colour(theme.PAIN_FILLS[1]))]
        else:
            rows.append([name, *(TICK if motivator in motivators else "\u2013" for motivator in Motivator)])
    style.append(("ALIGN", (1, 1), (-1, -1), "CENTER"))
    return section("Motivation by stage", "Which motivators each stage's touchpoints serve: purpose (the customer's "
                   "own goal moves on), mastery (visible progress), autonomy (options and control).", [table(
                       ["Stage", *(m.value.capitalize() for m in Motivator)], rows,
                       [stage_width] + [column] * 3, *style)])


def _expectation_gaps(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    title, explanation = "Expectation gaps", "What customers expected (1–5) against what they got, widest gap first."
    if not insights.expectation_gaps:
        return section(title, explanation, nothing("None: experience met expectations wherever both are noted."))
    number = 80
    rest = width - 3 * number
    widths = [rest * 0.6, rest * 0.4] + [number] * 3
    rows = []
    for gap in insights.expectation_gaps:
        _, expected, experienced = gap.details[0]  # an expectation gap has the one detail
        rows.append([*place(journey, gap.touchpoint_id, widths[:2]), str(expected), str(experienced),
                     signed(experienced - expected)])
    return section(title, explanation, [table(
        ["Touchpoint", "Stage", "Expected", "Experienced", "Gap"], rows, widths, bold_column(0), numbers_from=2)])


def _show(what: str, value: int) -> str:
    return signed(value) if what == "emotion" else str(value)


def _target_gaps(journey: JourneyMap, insights: Insights, width: float) -> list[Flowable]:
    title = "Furthest from target"
    explanation = "Where today's emotion and scores are furthest from the to-be target, summed over what differs."
    if not insights.target_gaps:
        return section(title, explanation, nothing("None: every touchpoint meets its target."))
    number = 70
    rest = width - number
    widths = [rest * 0.3, rest * 0.2, rest * 0.5, number]
    rows = [[*place(journey, gap.touchpoint_id, widths[:2]),
             para(" · ".join(f"{GAP_NAMES[what]} {_show(what, have)} \u2192 {_show(what, want)}"
                             for what, want, have in gap.details), styles().cell),
             str(gap.distance)] for gap in insights.target_gaps]
    return section(title, explanation, [table(
        ["Touchpoint", "Stage", "Today \u2192 target", "Distance"], rows, widths, bold_column(0), numbers_from=3)])
