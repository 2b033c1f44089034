"""The deck's slides, decided before any is drawn: title, overview, each stage's pages, findings.

A stage's touchpoints go into table rows whose heights are measured here; a stage with more rows
than one slide holds continues on the next. The deck writes exactly these slides, so the outline
is what the deck promises (`len(outline(...))` slides, with these titles).
"""

from __future__ import annotations

from dataclasses import dataclass

from model.entities import Touchpoint
from model.journey_map import JourneyMap
from model.vocabulary import SEVERITY_NAMES, signed

from .style import DeckStyle
from .text_fit import LINE_HEIGHT, Paragraph, fit, wrap

# Stage table columns: (heading, share of the width)
COLUMNS = (("Touchpoint", 0.34), ("Emotion", 0.09), ("M", 0.06), ("V", 0.06), ("A", 0.06), ("Pain points", 0.39))
CELL_INSET = 4.0
MAX_ROW_HEIGHT = 110.0  # a touchpoint with a long list of pains is cut, not given a slide of its own
TABLE_TOP = 118.0  # below the title and the stage's averages


@dataclass(frozen=True)
class Slide:
    kind: str  # "title", "overview", "stage" or "findings"
    title: str
    stage_id: str = ""
    touchpoint_ids: tuple[str, ...] = ()
    row_heights: tuple[float, ...] = ()


def touchpoint_cells(journey: JourneyMap, tp: Touchpoint) -> list[list[Paragraph]]:
    """The stage table's cells for one touchpoint, in `COLUMNS` order."""
    where = " · ".join(part for part in dict.fromkeys((journey.lane(tp.lane).name, tp.channel, tp.owner)) if part)
    pains = [Paragraph(f"{SEVERITY_NAMES[p.severity]}: {p.text}") for p in tp.pain_points] or [Paragraph("–")]
    scores = [Paragraph("–" if v is None else str(v)) for v in tp.scores.values()]
    return [[Paragraph(tp.title, bold=True), Paragraph(where, scale=0.85)],
            [Paragraph("–" if tp.emotion is None else signed(tp.emotion))],
            *[[score] for score in scores], pains]


def column_widths(style: DeckStyle, slide_width: float) -> list[float]:
    usable = slide_width - 2 * style.margin
    return [usable * share for _, share in COLUMNS]


def cell_height(paragraphs: list[Paragraph], width: float, size: float) -> float:
    """The height a table cell needs for `paragraphs` at `size`, at most `MAX_ROW_HEIGHT`."""
    fitted = fit(paragraphs, width - 2 * CELL_INSET, MAX_ROW_HEIGHT - 2 * CELL_INSET, size, size)
    lines = sum(len(wrap(p.text, (width - 2 * CELL_INSET) * 0.94, size * p.scale, p.bold)) * p.scale
                for p in fitted.paragraphs)
    return min(lines * size * LINE_HEIGHT + 2 * CELL_INSET, MAX_ROW_HEIGHT)


def outline(journey: JourneyMap, style: DeckStyle, slide_size: tuple[float, float]) -> list[Slide]:
    width, height = slide_size
    slides = [Slide("title", journey.info.title or "Untitled journey"), Slide("overview", "The journey at a glance")]
    widths = column_widths(style, width)
    header = style.small_size * LINE_HEIGHT + 2 * CELL_INSET
    room = height - TABLE_TOP - style.margin - header
    for stage in journey.stages:
        pages: list[tuple[list[str], list[float]]] = [([], [])]
        for tp_id in journey.touchpoints_in_stage(stage.id):
            cells = touchpoint_cells(journey, journey.touchpoint(tp_id))
            row = max(cell_height(cell, w, style.small_size) for cell, w in zip(cells, widths))
            ids, heights = pages[-1]
            if ids and sum(heights) + row > room:
                pages.append(([], []))
                ids, heights = pages[-1]
            ids.append(tp_id)
            heights.append(row)
        for number, (ids, heights) in enumerate(pages, 1):
            title = stage.name if len(pages) == 1 else f"{stage.name} ({number} of {len(pages)})"
            slides.append(Slide("stage", title, stage.id, tuple(ids), tuple(heights)))
    slides.append(Slide("findings", "Findings"))
    return slides
