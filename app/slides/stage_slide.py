"""A stage's slide: its goal, its averages, and a table of its touchpoints with their emotion,
scores and pain points; the speaker notes carry every detail the table leaves out."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR

from model.analysis import Insights
from model.journey_map import JourneyMap
from model.vocabulary import PAIN_KIND_NAMES, SCORE_TITLES, SEVERITY_NAMES, signed

from .drawing import emu, fill_frame, rgb, text_box, xml_safe
from .outline import CELL_INSET, COLUMNS, TABLE_TOP, Slide, column_widths, touchpoint_cells
from .style import DeckStyle
from .text_fit import LINE_HEIGHT, Paragraph, fit


def averages(insights: Insights, stage_id: str) -> str:
    entry = next(s for s in insights.stage_scores if s.stage_id == stage_id)
    parts = [f"{SCORE_TITLES[name]} {'–' if value is None else f'{value:.1f}'}"
             for name, value in (("meaning", entry.meaning), ("value", entry.value),
                                 ("accommodation", entry.accommodation))]
    parts.append(f"Emotion {'–' if entry.emotion is None else signed(entry.emotion, 1)}")
    return f"{entry.touchpoints} touchpoint{'s' * (entry.touchpoints != 1)} · averages: " + " · ".join(parts)


def draw_stage(slide, journey: JourneyMap, insights: Insights, page: Slide, style: DeckStyle,
               width: float, height: float) -> None:
    stage = journey.stage(page.stage_id)
    lines = [Paragraph(averages(insights, stage.id))]
    if stage.goal:
        lines.insert(0, Paragraph(f"Goal: {stage.goal}"))
    text_box(slide, style.margin, 70, width - 2 * style.margin, TABLE_TOP - 74, lines, style,
             style.small_size + 1, style.body_floor, style.muted)
    slide.notes_slide.notes_text_frame.text = xml_safe(stage_notes(journey, insights, page))
    if not page.touchpoint_ids:
        text_box(slide, style.margin, TABLE_TOP, width - 2 * style.margin, 40,
                 [Paragraph("No touchpoints in this stage yet.")], style, style.body_size, style.body_floor, style.muted)
        return
    widths = column_widths(style, width)
    header_height = style.small_size * LINE_HEIGHT + 2 * CELL_INSET
    rows = [header_height, *page.row_heights]
    frame = slide.shapes.add_table(len(rows), len(COLUMNS), emu(style.margin), emu(TABLE_TOP),
                                   emu(sum(widths)), emu(sum(rows)))
    frame.name = f"Touchpoints of {stage.name}"[:250]
    table = frame.table
    for index, column_width in enumerate(widths):
        table.columns[index].width = emu(column_width)
    for index, row_height in enumerate(rows):
        table.rows[index].height = emu(row_height)
    contents = [[[Paragraph(heading, bold=True)] for heading, _ in COLUMNS]]
    contents += [touchpoint_cells(journey, journey.touchpoint(tp_id)) for tp_id in page.touchpoint_ids]
    painful = [False] + [bool(journey.touchpoint(tp_id).pain_points) for tp_id in page.touchpoint_ids]
    for r, (row, row_height) in enumerate(zip(contents, rows)):
        for c, (paragraphs, column_width) in enumerate(zip(row, widths)):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = emu(CELL_INSET)
            cell.vertical_anchor = MSO_ANCHOR.TOP
            fitted = fit(paragraphs, column_width - 2 * CELL_INSET, row_height - 2 * CELL_INSET,
                         style.small_size, style.small_size)
            colour = style.alarm if painful[r] and c == len(COLUMNS) - 1 else style.text
            fill_frame(cell.text_frame, fitted, style, colour, "l" if c in (0, 5) else "ctr")
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(style.panel)


def stage_notes(journey: JourneyMap, insights: Insights, page: Slide) -> str:
    """The speaker notes of a stage's slide: the goal, the averages, then each touchpoint in full."""
    stage = journey.stage(page.stage_id)
    lines = [stage.name, f"Goal: {stage.goal}" if stage.goal else "No goal noted for this stage.",
             averages(insights, stage.id)]
    for tp_id in page.touchpoint_ids:
        tp = journey.touchpoint(tp_id)
        lines += ["", f"{tp.title} ({journey.lane(tp.lane).name})"]
        if tp.description:
            lines.append(tp.description)
        lines += [f"Pain, {SEVERITY_NAMES[p.severity].lower()} {PAIN_KIND_NAMES[p.kind].lower()}: {p.text}"
                  for p in tp.pain_points]
        lines += [f"Opportunity: {o.text}" for o in tp.opportunities]
    return "\n".join(lines)
