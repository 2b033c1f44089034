"""The title block: what the map is, for whom, by whom, when, and the persona whose journey it is.

Everything here can grow long (a persona may list dozens of goals), so it is built from
paragraphs and row-by-row tables that split across pages instead of one box that might not fit.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Spacer, Table

from model import theme
from model.journey_map import JourneyMap

from . import marks
from .styles import layout_style, para, styles, table_style

LOGO_BOX = (160, 72)  # the largest a logo is drawn, in points; it keeps its proportions


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def logo_image(path: str | Path) -> Image:
    """The logo as a flowable fitted into `LOGO_BOX`; raises what the image reader raises."""
    width, height = ImageReader(str(path)).getSize()
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    image = Image(str(path), width * scale, height * scale)
    image.hAlign = "RIGHT"
    return image


def title_block(journey: JourneyMap, client: str, author: str, logo: Image | None, today: date,
                width: float) -> list[Flowable]:
    s = styles()
    info = journey.info
    heading = [para("CUSTOMER JOURNEY MAP", s.label), para(info.title or "Untitled journey", s.title)]
    if info.description:
        heading.append(para(info.description, s.muted, limit=1500))
    logo_width = LOGO_BOX[0] + 12 if logo is not None else 0
    top = Table([[heading, logo or ""]], colWidths=[width - logo_width, logo_width])
    top.setStyle(layout_style())

    facts = [("Client", client), ("Prepared by", author), ("Date", long_date(today)),
             ("Scope", f"{len(journey.stages)} stages · {len(journey.lanes)} lanes · {len(journey)} touchpoints")]
    facts = [(label, value) for label, value in facts if value]
    fact_table = Table([[para(label.upper(), s.label) for label, _ in facts],
                        [para(value, s.body) for _, value in facts]],
                       colWidths=[width / len(facts)] * len(facts), hAlign="LEFT")
    fact_table.setStyle(layout_style(("TOPPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                     ("LINEABOVE", (0, 0), (-1, 0), 0.8, marks.colour(theme.CARD_BORDER)),
                                     ("TOPPADDING", (0, 0), (-1, 0), 8)))
    return [top, Spacer(1, 18), fact_table, Spacer(1, 22), *persona_block(journey, width)]


def persona_block(journey: JourneyMap, width: float) -> list[Flowable]:
    """Who the customer is, why they set out, what they want and what they expect."""
    s = styles()
    persona = journey.persona
    if not (persona.name or persona.purpose or persona.goals or persona.expectations):
        return [para("No persona has been described for this map yet.", s.muted)]
    flowables: list[Flowable] = [para("PERSONA", s.label), para(persona.name or "Unnamed persona", s.heading)]
    if persona.purpose:
        flowables.append(para(persona.purpose, s.body, limit=3000))
    if persona.goals or persona.expectations:
        rows = [[para("Goals", s.cell_header), para("Expectations", s.cell_header)]]
        for i in range(max(len(persona.goals), len(persona.expectations))):
            rows.append([para(f"• {items[i]}" if i < len(items) else "", s.body)
                         for items in (persona.goals, persona.expectations)])
        table = Table(rows, colWidths=[width / 2] * 2, repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(("LINEBELOW", (0, 1), (-1, -1), 0, marks.WHITE),
                                   ("BACKGROUND", (0, 0), (-1, 0), marks.WHITE),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)))
        flowables += [Spacer(1, 10), table]
    return flowables
