"""At a glance: the three facts the insights panel's headline shows (dead ends, the weakest stage,
the team with the most pain), as three tiles on the title page, read from the same `Insights`."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table

from model import theme
from model.analysis import NO_FLOW_HINT, NO_FLOW_YET, Insights
from model.journey_map import JourneyMap

from . import marks, text
from .outline import Marker
from .styles import MUTED_MARKUP, layout_style, para, rich, styles

NAMED_DEAD_ENDS = 3  # as many as the panel's headline names
GAP = 10  # between tiles


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _tile(label: str, answer: str, detail: str, colour: str = theme.TEXT) -> list[Flowable]:
    """A tile's contents: `answer` is plain text, `detail` markup this package wrote."""
    s = styles()
    return [para(label.upper(), s.label), rich(f'<font color="{colour}">{text.markup(answer)}</font>', s.figure),
            rich(detail, s.cell)]


def _dead_ends(journey: JourneyMap, insights: Insights) -> list[Flowable]:
    ids = insights.dead_ends
    if not insights.flow_drawn:
        return _tile("Dead ends", NO_FLOW_YET, NO_FLOW_HINT)
    if not ids:
        return _tile("Dead ends", "No dead ends", "Every touchpoint leads on to the last stage.")
    names = ", ".join(f"“{text.markup(journey.touchpoint(tp_id).title, 120)}”" for tp_id in ids[:NAMED_DEAD_ENDS])
    rest = len(ids) - NAMED_DEAD_ENDS
    return _tile("Dead ends", _plural(len(ids), "dead end"), names + (f" and {rest} more" if rest > 0 else ""),
                 theme.PROBLEM_HIGHLIGHT)


def _weakest_stage(journey: JourneyMap, insights: Insights) -> list[Flowable]:
    weakest = insights.weakest_stage()
    if weakest is None:
        return _tile("Weakest stage", "Not scored yet", "Score touchpoints to compare the stages.")
    return _tile("Weakest stage", journey.stage(weakest.stage_id).name,
                 f"Average score {weakest.average:.1f} of 5 (Meaning, Value, Accommodation).")


def _most_pain(insights: Insights) -> list[Flowable]:
    if not insights.pains.by_owner:
        return _tile("Most pain", "No pain points", "None are noted yet.")
    top = insights.pains.by_owner[0]
    detail = f"{_plural(top.pain_points, 'pain point')}, severity {top.severity} in all"
    if not top.owner:
        detail += " " + MUTED_MARKUP.format("(touchpoints no team owns)")
    return _tile("Most pain", top.owner or "No owner", detail)


def at_a_glance(journey: JourneyMap, insights: Insights, width: float, accent: str = theme.CARD_BORDER) -> list[Flowable]:
    """The headline findings, with an outline entry under the title page; `accent` rules the tiles."""
    tile = (width - 2 * GAP) / 3
    tiles = Table([[_dead_ends(journey, insights), "", _weakest_stage(journey, insights), "", _most_pain(insights)]],
                  colWidths=[tile, GAP, tile, GAP, tile], hAlign="LEFT")
    fill, rule = marks.colour(theme.BAND_HEADER_BACKGROUND), marks.colour(accent)
    style = [("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
             ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]
    for column in (0, 2, 4):
        style += [("BACKGROUND", (column, 0), (column, 0), fill),
                  ("LINEABOVE", (column, 0), (column, 0), 2, rule)]
    tiles.setStyle(layout_style(*style))
    s = styles()
    return [Marker("", "At a glance", level=1), para("AT A GLANCE", s.label), Spacer(1, 4), tiles]
