"""The deck: the slides `outline` plans, drawn one by one into a python-pptx presentation."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR

from model.analysis import Insights, analyse
from model.journey_map import JourneyMap

from .drawing import box, emu, text_box, xml_safe
from .findings import findings
from .outline import outline
from .overview import draw_map
from .stage_slide import draw_stage
from .style import SLIDE_SIZES, DeckStyle, deck_style
from .text_fit import Paragraph

BLANK_LAYOUT = 6  # of python-pptx's default template
TITLE_HEIGHT = 54.0


def build_deck(journey: JourneyMap, slide_size: str = "16:9",
               progress: Callable[[int, int], None] | None = None, folder: Path | None = None) -> Presentation:
    """The map as a presentation of native, editable shapes (see `app.slides`); `folder` is the map's,
    where its persona photos are found."""
    width, height = SLIDE_SIZES[slide_size]
    style = deck_style(journey)
    insights = analyse(journey)
    deck = Presentation()
    deck.slide_width, deck.slide_height = emu(width), emu(height)
    slides = outline(journey, style, (width, height))
    for number, page in enumerate(slides):
        if progress:
            progress(number, len(slides))
        slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
        # Number shapes from a counter: python-pptx otherwise searches the slide for the highest id
        # before every shape it adds, which makes an overview of 2,000 cards take minutes.
        slide.shapes.turbo_add_enabled = True
        if page.kind == "title":
            _title_slide(slide, journey, style, width, height)
            continue
        _heading(slide, page.title, style, width)
        if page.kind == "overview":
            draw_map(slide, journey, insights, style, style.margin / 2, TITLE_HEIGHT + 12,
                     width - style.margin, height - TITLE_HEIGHT - 12 - style.margin / 2, folder)
            slide.notes_slide.notes_text_frame.text = xml_safe(_overview_notes(journey))
        elif page.kind == "stage":
            draw_stage(slide, journey, insights, page, style, width, height)
        else:
            _findings_slide(slide, journey, insights, style, width, height)
    if progress:
        progress(len(slides), len(slides))
    return deck


def _heading(slide, title: str, style: DeckStyle, width: float) -> None:
    item = text_box(slide, style.margin, 14, width - 2 * style.margin, TITLE_HEIGHT - 14,
                    [Paragraph(title, bold=True)], style, style.title_size, style.title_floor,
                    anchor=MSO_ANCHOR.MIDDLE)
    item.name = "Title"
    box(slide, style.margin, TITLE_HEIGHT + 2, 48, 3, fill=style.accent)


def _title_slide(slide, journey: JourneyMap, style: DeckStyle, width: float, height: float) -> None:
    info = journey.info
    usable = width - 2 * style.margin
    box(slide, 0, 0, 14, height, fill=style.accent)
    text_box(slide, style.margin, 120, usable, 24, [Paragraph("CUSTOMER JOURNEY MAP", bold=True)], style,
             style.small_size, style.small_size, style.muted)
    title = text_box(slide, style.margin, 148, usable, 130, [Paragraph(info.title or "Untitled journey", bold=True)],
                     style, 40, style.title_floor, anchor=MSO_ANCHOR.BOTTOM)
    title.name = "Title"
    if info.description:
        text_box(slide, style.margin, 290, usable, 110, [Paragraph(info.description)], style,
                 style.body_size + 2, style.body_floor, style.muted)
    facts = [("Client", info.client), ("Prepared by", info.author), ("Date", f"{date.today():%d %B %Y}".lstrip("0")),
             ("Scope", f"{len(journey.stages)} stages · {len(journey.lanes)} lanes · {len(journey)} touchpoints")]
    facts = [(label, value) for label, value in facts if value]
    column = usable / len(facts)
    for index, (label, value) in enumerate(facts):
        text_box(slide, style.margin + index * column, height - 110, column - 12, 64,
                 [Paragraph(label.upper(), bold=True, scale=0.8), Paragraph(value)], style,
                 style.body_size, style.body_floor)


def _findings_slide(slide, journey: JourneyMap, insights: Insights, style: DeckStyle,
                    width: float, height: float) -> None:
    entries = findings(journey, insights)
    columns = 2
    rows = -(-len(entries) // columns)
    gap = 18.0
    top = TITLE_HEIGHT + 24
    cell_width = (width - 2 * style.margin - gap) / columns
    cell_height = (height - top - style.margin - (rows - 1) * gap) / rows
    for index, entry in enumerate(entries):
        x = style.margin + (index % columns) * (cell_width + gap)
        y = top + (index // columns) * (cell_height + gap)
        panel = box(slide, x, y, cell_width, cell_height, fill=style.panel)
        panel.name = entry.heading[:250]
        box(slide, x, y, 4, cell_height, fill=style.alarm if entry.alarming else style.accent)
        text_box(slide, x + 12, y + 6, cell_width - 20, cell_height - 12,
                 [Paragraph(entry.heading, bold=True, scale=1.15), *(Paragraph(f"• {line}") for line in entry.lines)],
                 style, style.body_size, style.body_floor)


def _overview_notes(journey: JourneyMap) -> str:
    """What the overview shows, and the connections' labels, which a connector cannot carry."""
    stages = " → ".join(stage.name for stage in journey.stages)
    lines = [f"{journey.info.title}: {len(journey)} touchpoints in {len(journey.stages)} stages ({stages}) "
             f"and {len(journey.lanes)} lanes. Cards are editable shapes; connectors are glued to them and "
             "follow a card that is moved. The blue line is the customer's emotion, -2 to +2; the bottom "
             "row gives each stage's average Meaning, Value and Accommodation (1 to 5)."]
    labelled = [c for c in journey.connections() if c.label]
    if labelled:
        lines += ["", "Why customers take these paths:"]
        lines += [f"{journey.touchpoint(c.source).title} → {journey.touchpoint(c.target).title}: {c.label}"
                  for c in labelled]
    return "\n".join(lines)
