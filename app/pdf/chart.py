"""The summary's chart: each stage's average Meaning, Value and Accommodation, and its emotion.

Two vector charts side by side (reportlab.graphics): grouped bars on the 1-5 scale in the
score colours, and diverging emotion bars on -2..+2 in the emotion colours, sharing the stages
along the bottom. A chart label is one string in one font, so a stage name that needs two
fonts is labelled by its number (the table under the chart gives every name in full).
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String

from model import theme
from model.analysis import StageScores
from model.entities import SCORE_NAMES
from model.journey_map import JourneyMap

from . import fonts, marks, text
from model.vocabulary import SCORE_TITLES, signed

HEIGHT = 220
_LABEL_SIZE = 8
_PLOT_BOTTOM = 46  # room for the stage names under the bars
_PLOT_HEIGHT = 130


def stage_label(number: int, name: str, width: float) -> tuple[str, str]:
    """(label, font) for a stage under the chart: its name fitted to `width`, or its number."""
    runs = fonts.runs(fonts.clean(name))
    if len(runs) != 1:
        return str(number), fonts.SANS
    label = text.elide(runs[0][1], _LABEL_SIZE, width)
    return (label, runs[0][0]) if label else (str(number), fonts.SANS)


def _axes(chart: VerticalBarChart, labels: list[tuple[str, str]], angle: float) -> None:
    grid = marks.colour(theme.GRID_LINE)
    chart.strokeColor = None
    chart.valueAxis.labels.fontName = fonts.SANS
    chart.valueAxis.labels.fontSize = _LABEL_SIZE
    chart.valueAxis.labels.fillColor = marks.colour(theme.TEXT_MUTED)
    chart.valueAxis.strokeColor = grid
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = grid
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.valueStep = 1
    chart.categoryAxis.strokeColor = marks.colour(theme.CARD_BORDER)
    chart.categoryAxis.categoryNames = [label for label, _ in labels]
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.fillColor = marks.colour(theme.TEXT)
    chart.categoryAxis.labels.angle = angle
    chart.categoryAxis.labels.boxAnchor = "ne" if angle else "n"
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.labelAxisMode = "low"
    chart.categoryAxis.labels.fontName = fonts.SANS
    for i, (_, font_name) in enumerate(labels):
        chart.categoryAxis.labels[i].fontName = font_name


def _title(drawing: Drawing, x: float, y: float, title: str) -> None:
    drawing.add(String(x, y, title, fontName=fonts.SANS_BOLD, fontSize=9, fillColor=marks.colour(theme.TEXT)))


def stage_chart(journey: JourneyMap, scores: list[StageScores], width: float) -> Drawing:
    """The chart, `width` points wide."""
    fonts.register_base_fonts()
    drawing = Drawing(width, HEIGHT)
    drawing.initialFontName = fonts.SANS  # the renderer's starting font; its default is Helvetica, not embedded
    score_width = width * 0.62 - 40
    emotion_width = width - score_width - 100
    count = max(1, len(scores))
    angle = 30 if count > 6 else 0
    label_room = 70 if angle else score_width / count - 6
    names = [journey.stage(entry.stage_id).name for entry in scores]
    labels = [stage_label(i, name, label_room) for i, name in enumerate(names, 1)]

    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 28, _PLOT_BOTTOM, score_width, _PLOT_HEIGHT
    bars.data = [[getattr(entry, name) for entry in scores] for name in SCORE_NAMES]
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, 5
    bars.barSpacing, bars.groupSpacing = 1, 10
    for i, name in enumerate(SCORE_NAMES):
        bars.bars[i].fillColor = marks.colour(theme.SCORE_COLOURS[name])
        bars.bars[i].strokeColor = None
    _axes(bars, labels, angle)
    drawing.add(bars)
    _title(drawing, 0, HEIGHT - 12, "Meaning, Value and Accommodation (stage average, 1\u20135)")

    key = Legend()
    key.x, key.y = 4, HEIGHT - 24
    key.boxAnchor = "nw"
    key.alignment = "right"  # names to the right of their swatches
    key.columnMaximum = 1
    key.fontName, key.fontSize = fonts.SANS, _LABEL_SIZE
    key.fillColor = marks.colour(theme.TEXT)
    key.dx = key.dy = 7
    key.deltax = 100
    key.strokeColor = None
    key.colorNamePairs = [(marks.colour(theme.SCORE_COLOURS[name]), SCORE_TITLES[name]) for name in SCORE_NAMES]
    drawing.add(key)

    emotion = VerticalBarChart()
    emotion_left = width - emotion_width
    emotion.x, emotion.y, emotion.width, emotion.height = emotion_left, _PLOT_BOTTOM, emotion_width, _PLOT_HEIGHT
    emotion.data = [[entry.emotion for entry in scores]]
    emotion.valueAxis.valueMin, emotion.valueAxis.valueMax = -2, 2
    emotion.groupSpacing = 10
    emotion.bars[0].strokeColor = None
    for i, entry in enumerate(scores):
        if entry.emotion is not None:
            emotion.bars[(0, i)].fillColor = marks.colour(theme.emotion_colour(round(entry.emotion)))
    emotion_labels = [stage_label(i, name, 70 if angle else emotion_width / count - 4)
                      for i, name in enumerate(names, 1)]
    _axes(emotion, emotion_labels, angle)
    emotion.valueAxis.labelTextFormat = signed
    drawing.add(emotion)
    _title(drawing, emotion_left - 28, HEIGHT - 12, "Emotion (stage average, \u22122 to +2)")
    return drawing
