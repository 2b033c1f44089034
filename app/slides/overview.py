"""The overview slide: the whole map as native shapes a consultant can edit in PowerPoint.

Everything is placed from `model.layout`'s geometry, scaled to fit under the slide's title, so
the slide is the canvas in miniature: stage and lane headers as labelled bands (a lane a persona
owns in the canvas's parts: their colour, badge and name), cards as rounded
rectangles holding their text, connections as connectors glued to the cards (they follow a card
that is moved), and the emotion curve as one freeform line.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pptx.enum.dml import MSO_LINE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from app.badge_photos import BadgePhotos
from model import theme
from model.analysis import Insights
from model.card_parts import badge_initials_size, badge_ring_width, lane_header_parts
from model.entities import ConnectionKind, Lane, Persona
from model.journey_map import JourneyMap
from model.layout import MapGeometry, Point, Rect, bezier_point, layout, smooth_curve
from model.personas import lane_caption, lane_owner, persona_colour
from model.vocabulary import SEVERITY_NAMES

from .drawing import box, connector, emu, rgb, send_behind, without_shadow, write
from .style import DeckStyle
from .text_fit import Paragraph

CURVE_STEPS = 8
MAX_STRETCH = 1.8
# Text starts this much larger than the map's own proportions and the fit rule shrinks it to the
# box: a scaled-down map has room to spare around its text, and small text is what slides must avoid.
TEXT_GROWTH = 2.0
LARGEST_TEXT = 14.0
MARKER_GROWTH = 1.5  # the curve's point markers, a little larger than scale: they are dots, not text  # straight pieces per Bézier segment of the emotion curve
DASHES = {ConnectionKind.main: None, ConnectionKind.alternative: MSO_LINE.DASH,
          ConnectionKind.fallback: MSO_LINE.ROUND_DOT}


def _sites(source: Rect, target: Rect) -> tuple[int, int]:
    """Which connection sites a connection leaves and enters by, as `layout.route` routes it."""
    if target.x > source.x:
        return 3, 1  # right to left
    if target.x < source.x:
        return 0, 0  # a loop back, over the top
    return (2, 0) if target.y > source.y else (0, 2)


class _Placement:
    """Layout units to slide points. A map taller than the slide's shape is widened, up to
    `MAX_STRETCH` times, rather than shrunk into a narrow strip: the cards get room for larger text."""

    def __init__(self, geometry: MapGeometry, x: float, y: float, width: float, height: float):
        self.scale = min(width / geometry.width, height / geometry.height)  # vertical, and for sizes
        self.scale_x = min(width / geometry.width, self.scale * MAX_STRETCH)
        self.x = x + (width - geometry.width * self.scale_x) / 2
        self.y = y + (height - geometry.height * self.scale) / 2

    def rect(self, rect: Rect) -> tuple[float, float, float, float]:
        return (self.x + rect.x * self.scale_x, self.y + rect.y * self.scale,
                rect.width * self.scale_x, rect.height * self.scale)

    def xy(self, point: Point) -> tuple[float, float]:
        return self.x + point.x * self.scale_x, self.y + point.y * self.scale

    def point(self, point: Point) -> tuple[int, int]:
        x, y = self.xy(point)
        return emu(x), emu(y)


def draw_map(slide, journey: JourneyMap, insights: Insights, style: DeckStyle,
             x: float, y: float, width: float, height: float, folder: Path | None = None) -> None:
    """The whole map in the box (x, y, width, height); `folder` is the map's, where persona photos are found."""
    geometry = layout(journey)
    at = _Placement(geometry, x, y, width, height)
    scale = at.scale
    text_scale = scale * TEXT_GROWTH

    def label(rect: Rect, text: str, fill: str, size: float, bold: bool = True, align: str = "ctr"):
        item = box(slide, *at.rect(rect), fill=fill, outline=theme.GRID_LINE, outline_width=0.5)
        write(item, [Paragraph(text, bold)], style, min(size * text_scale, LARGEST_TEXT), style.map_floor, theme.HEADER_TEXT,
              align=align, anchor=MSO_ANCHOR.MIDDLE, inset=2)
        return item

    photos = BadgePhotos(folder)
    for lane in journey.lanes:
        box(slide, *at.rect(geometry.lane_rows[lane.id]), outline=theme.GRID_LINE, outline_width=0.5)
        owner = lane_owner(journey, lane)
        if owner is None:
            label(geometry.lane_headers[lane.id], lane.name, theme.LANE_HEADER_BACKGROUND, theme.HEADER_SIZE)
        else:
            _persona_lane_header(slide, journey, lane, owner, geometry.lane_headers[lane.id], at, style, photos)
    for stage in journey.stages:
        label(geometry.stage_headers[stage.id], stage.name, theme.STAGE_HEADER_BACKGROUND, theme.HEADER_SIZE)
    if journey.stages:
        band = geometry.emotion_band
        box(slide, *at.rect(band), fill=theme.EMOTION_BAND_BACKGROUND, outline=theme.GRID_LINE, outline_width=0.5)
        label(geometry.emotion_header, "Emotion", theme.BAND_HEADER_BACKGROUND, theme.BAND_LABEL_SIZE)
        label(geometry.scores_header, "M · V · A", theme.BAND_HEADER_BACKGROUND,
              theme.BAND_LABEL_SIZE)
        zero = without_shadow(slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT,
                                                         *at.point(Point(band.x, geometry.emotion_zero_y)),
                                                         *at.point(Point(band.right, geometry.emotion_zero_y))))
        zero.line.color.rgb = rgb(theme.EMOTION_ZERO_LINE)
        zero.line.width = Pt(0.5)
        zero.line.dash_style = MSO_LINE.DASH
        _curve(slide, geometry.emotion_curve, at, theme.BLUE, theme.EMOTION_CURVE_WIDTH * scale)
        scores = {entry.stage_id: entry for entry in insights.stage_scores}
        for stage in journey.stages:
            entry = scores[stage.id]
            text = " · ".join(f"{letter} {'–' if value is None else f'{value:.1f}'}" for letter, value
                              in (("M", entry.meaning), ("V", entry.value), ("A", entry.accommodation)))
            label(geometry.scores_band[stage.id], text, theme.SCORES_BAND_BACKGROUND, theme.BAND_LABEL_SIZE,
                  bold=False)

    problems = insights.problems()
    cards = {}
    for tp in journey.touchpoints():
        mark = theme.PROBLEM_MARKS.get(problems.get(tp.id, ""))
        item = box(slide, *at.rect(geometry.cards[tp.id]), fill=tp.colour or theme.CARD_BACKGROUND,
                   outline=mark[0] if mark else theme.CARD_BORDER, outline_width=2 if mark else 0.75,
                   shape=MSO_SHAPE.ROUNDED_RECTANGLE)
        item.adjustments[0] = theme.CARD_CORNER_RADIUS / min(theme.CARD_WIDTH, theme.CARD_HEIGHT)
        item.name = f"Touchpoint: {tp.title}"[:250]
        paragraphs = [Paragraph(tp.title, bold=True)]
        meta = " · ".join(part for part in (tp.channel, tp.owner) if part)
        if mark:
            meta = " · ".join(part for part in (mark[1], meta) if part)
        if meta:
            paragraphs.append(Paragraph(meta, scale=theme.CARD_META_SIZE / theme.CARD_TITLE_SIZE, max_lines=1))
        if tp.pain_points:
            count = len(tp.pain_points)
            worst = SEVERITY_NAMES[tp.worst_severity].lower()
            paragraphs.append(Paragraph(f"{count} pain point{'s' * (count != 1)}, {worst}", bold=True,
                                        scale=theme.CARD_META_SIZE / theme.CARD_TITLE_SIZE, colour=style.alarm,
                                        max_lines=1))
        write(item, paragraphs, style, min(theme.CARD_TITLE_SIZE * text_scale, LARGEST_TEXT), style.map_floor, theme.TEXT,
              inset=theme.CARD_PADDING * scale)
        cards[tp.id] = item

    lines = []
    for connection in journey.connections():
        source, target = geometry.cards[connection.source], geometry.cards[connection.target]
        begin, end = _sites(source, target)
        lines.append(connector(slide, cards[connection.source], begin, cards[connection.target], end,
                               theme.TEXT_MUTED, max(theme.CONNECTION_WIDTH * scale, 0.75),
                               DASHES[connection.kind]))
    if cards and lines:
        send_behind(slide, lines, next(iter(cards.values())))


def _persona_lane_header(slide, journey: JourneyMap, lane: Lane, owner: Persona, header: Rect, at: _Placement,
                         style: DeckStyle, photos: BadgePhotos) -> None:
    """A lane a persona owns, in the canvas's parts (`lane_header_parts`): their colour down the edge,
    the name and "for <name>" above their badge (their photo, or their initials on their colour)."""
    parts = lane_header_parts(header, persona=True)
    ink = persona_colour(journey, owner.id)
    box(slide, *at.rect(header), fill=theme.LANE_HEADER_BACKGROUND, outline=theme.GRID_LINE, outline_width=0.5)
    box(slide, *at.rect(parts.stripe), fill=ink).name = f"Persona colour: {owner.name or 'Unnamed persona'}"[:250]
    text = Rect(parts.name.box.x, header.y, parts.name.box.width, parts.badge.y - header.y)
    words = slide.shapes.add_textbox(*(emu(v) for v in at.rect(text)))
    words.name = f"Lane: {lane.name}"[:250]
    write(words, [Paragraph(lane.name, bold=True),
                  Paragraph(lane_caption(lane, owner), scale=theme.STAGE_GOAL_SIZE / theme.HEADER_SIZE,
                            colour=theme.TEXT_MUTED, max_lines=2)],
          style, min(theme.HEADER_SIZE * at.scale * TEXT_GROWTH, LARGEST_TEXT), style.map_floor, theme.HEADER_TEXT,
          anchor=MSO_ANCHOR.MIDDLE, inset=2)
    badge = at.rect(parts.badge)
    side = min(badge[2], badge[3])  # round on the slide too, where the map is stretched sideways
    x, y = badge[0], badge[1] + (badge[3] - side) / 2
    photo = photos.png(owner)
    if photo is not None:
        item = slide.shapes.add_picture(BytesIO(photo), emu(x), emu(y), emu(side), emu(side))
        item.auto_shape_type = MSO_SHAPE.OVAL
        item.line.color.rgb = rgb(ink)
        item.line.width = Pt(max(badge_ring_width(parts.badge) * at.scale, 0.5))
    else:
        item = box(slide, x, y, side, side, fill=ink, shape=MSO_SHAPE.OVAL)
        write(item, [Paragraph(owner.badge, bold=True)], style, badge_initials_size(parts.badge) * at.scale * TEXT_GROWTH,
              style.map_floor, theme.CARD_BACKGROUND, align="ctr", anchor=MSO_ANCHOR.MIDDLE, inset=0)
    item.name = f"Persona badge: {owner.name or 'Unnamed persona'}"[:250]


def _curve(slide, points: tuple[Point, ...], at: _Placement, colour: str, width: float) -> None:
    """The emotion curve as one open freeform, sampled from the same spline the canvas draws."""
    if len(points) < 2:
        return
    path = [points[0]]
    start = points[0]
    for control1, control2, end in smooth_curve(points):
        path += [bezier_point(start, control1, control2, end, step / CURVE_STEPS) for step in range(1, CURVE_STEPS + 1)]
        start = end
    first = at.point(path[0])
    builder = slide.shapes.build_freeform(*first, scale=1.0)
    builder.add_line_segments([at.point(p) for p in path[1:]], close=False)
    curve = without_shadow(builder.convert_to_shape())
    curve.name = "Emotion curve"
    curve.fill.background()
    curve.line.color.rgb = rgb(colour)
    curve.line.width = Pt(max(width, 1.0))
    size = max(theme.EMOTION_MARKER_SIZE * at.scale * MARKER_GROWTH, 3.0)
    for point in points:  # the measured points the curve passes through, as on the canvas
        x, y = at.xy(point)
        box(slide, x - size / 2, y - size / 2, size, size, fill=colour, shape=MSO_SHAPE.OVAL)
