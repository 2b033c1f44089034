"""The title page: what the map is, for whom, by whom, when, in the client's brand, what to look
at first, and the persona whose journey it is.

Everything here can grow long (a persona may list dozens of goals), so long text is shortened
and long lists counted: the title page stays one page.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, KeepInFrame, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from model.analysis import Insights
from model.entities import MapInfo
from model.journey_map import JourneyMap

from . import marks
from .brand import LOGO_BOX, accent_colour
from .glance import at_a_glance
from .styles import layout_style, para, styles, table_style

DESCRIPTION_LIMIT, PURPOSE_LIMIT, NOTE_LIMIT = 300, 400, 400  # characters: the title page stays one page
PERSONA_ITEMS = 5  # goals or expectations listed; the rest are counted (the appendix is the map's detail)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def title_block(journey: JourneyMap, info: MapInfo, logo: Image | None, insights: Insights, today: date,
                width: float, height: float) -> list[Flowable]:
    """The title page, `width` by at most `height`: the brand's rule, what the map is, for whom and
    by whom, the cover note, the three headline findings and the persona. Long text is shortened,
    and what still does not fit is shrunk to fit: the title page is one page."""
    s = styles()
    accent = accent_colour(info)
    label = ParagraphStyle("accent label", parent=s.label, textColor=marks.colour(accent))
    heading = [para("CUSTOMER JOURNEY MAP", label), para(info.title or "Untitled journey", s.title)]
    if info.description:
        heading.append(para(info.description, s.muted, limit=DESCRIPTION_LIMIT))
    logo_width = LOGO_BOX[0] + 12 if logo is not None else 0
    top = Table([[heading, logo or ""]], colWidths=[width - logo_width, logo_width])
    top.setStyle(layout_style())

    facts = [("Client", info.client), ("Prepared by", info.author), ("Date", long_date(today)),
             ("Scope", f"{len(journey.stages)} stages · {len(journey.lanes)} lanes · {len(journey)} touchpoints")]
    facts = [(name, value) for name, value in facts if value]
    fact_table = Table([[para(name.upper(), s.label) for name, _ in facts],
                        [para(value, s.body) for _, value in facts]],
                       colWidths=[width / len(facts)] * len(facts), hAlign="LEFT")
    fact_table.setStyle(layout_style(("TOPPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                     ("LINEABOVE", (0, 0), (-1, 0), 0.8, marks.colour(accent)),
                                     ("TOPPADDING", (0, 0), (-1, 0), 8)))
    flowables: list[Flowable] = [HRFlowable(width="100%", thickness=4, color=marks.colour(accent), spaceAfter=14),
                                 top, Spacer(1, 16), fact_table]
    if info.cover_note:
        flowables += [Spacer(1, 14), para("NOTE", s.label), para(info.cover_note, s.body, limit=NOTE_LIMIT)]
    if len(journey):
        flowables += [Spacer(1, 18), *at_a_glance(journey, insights, width, accent)]
    return [KeepInFrame(width, height, [*flowables, Spacer(1, 18), *persona_block(journey, width)], mode="shrink")]


def _listed(items: tuple[str, ...]) -> list[str]:
    shown = [f"• {item}" for item in items[:PERSONA_ITEMS]]
    return shown + ([f"… and {len(items) - PERSONA_ITEMS} more"] if len(items) > PERSONA_ITEMS else [])


def persona_block(journey: JourneyMap, width: float) -> list[Flowable]:
    """Who the customer is, why they set out, what they want and what they expect; a list that
    is empty has no heading."""
    s = styles()
    persona = journey.persona
    if not (persona.name or persona.purpose or persona.goals or persona.expectations):
        return [para("No persona has been described for this map yet.", s.muted)]
    flowables: list[Flowable] = [para("PERSONA", s.label), para(persona.name or "Unnamed persona", s.heading)]
    if persona.purpose:
        flowables.append(para(persona.purpose, s.body, limit=PURPOSE_LIMIT))
    columns = [(name, _listed(items)) for name, items in (("Goals", persona.goals),
                                                           ("Expectations", persona.expectations)) if items]
    if columns:
        rows = [[para(name, s.cell_header) for name, _ in columns]]
        for i in range(max(len(items) for _, items in columns)):
            rows.append([para(items[i] if i < len(items) else "", s.cell, limit=160) for _, items in columns])
        table = Table(rows, colWidths=[width / 2] * len(columns), repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(("LINEBELOW", (0, 1), (-1, -1), 0, marks.WHITE),
                                   ("BACKGROUND", (0, 0), (-1, 0), marks.WHITE),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)))
        flowables += [Spacer(1, 10), table]
    return flowables
