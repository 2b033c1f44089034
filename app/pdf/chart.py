"""The summary's chart: each stage's average Meaning, Value and Accommodation, and its emotion.

Two vector charts side by side (reportlab.graphics): grouped bars on the 1-5 scale in the
score colours, and diverging emotion bars on -2..+2 in the emotion colours, sharing the stages
along the bottom. A chart label is one string in one font, so a stage name that needs two
fonts is labelled by its number (the table under the chart gives every name in full).
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String

from model import theme
from model.analysis import StageScores
from model.entities import SCORE_NAMES
from model.journey_map import JourneyMap

from . import fonts, marks, text
from model.vocabulary import SCORE_TITLES, signed

HEIGHT = 220
VERTICAL_MOST = 8  # stages a column chart labels legibly; more get horizontal bars, one row per stage
ROW = 15  # points per stage in a horizontal chart
ROWS_PER_CHART = 20  # stages per horizontal chart, so that the first fits under the summary's heading on A4
_LABEL_SIZE = 8
_PLOT_BOTTOM = 46  # room for the stage names under the bars
_PLOT_HEIGHT = 130


def stage_label(number: int, name: str, width: float) -> tuple[str, str]:
    """(label, font) for a stage under the chart: its name fitted to `width`, or its number; in
    display order (`text.visual`), as reportlab's chart labels draw their string as given."""
    runs = fonts.runs(fonts.clean(name))
    if len(runs) != 1:
        return str(number), fonts.SANS
    label = text.elide(runs[0][1], _LABEL_SIZE, width)
    return (text.visual(label), runs[0][0]) if label else (str(number), fonts.SANS)


def _axes(chart: BarChart, labels: list[tuple[str, str]], angle: float) -> None:
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


def stage_charts(journey: JourneyMap, scores: list[StageScores], width: float) -> list[Drawing]:
    """The chart, `width` points wide: columns for up to `VERTICAL_MOST` stages, else horizontal
    bars with every stage's name on its own row, in parts of `ROWS_PER_CHART` stages."""
    if len(scores) <= VERTICAL_MOST:
        return [stage_chart(journey, scores, width)]
    return [_horizontal_chart(journey, scores[i:i + ROWS_PER_CHART], i, width)
            for i in range(0, len(scores), ROWS_PER_CHART)]


def _horizontal_chart(journey: JourneyMap, scores: list[StageScores], first: int, width: float) -> Drawing:
    """Stages down the left (first at the top), M / V / A bars and the emotion bar across."""
    fonts.register_base_fonts()
    label_width = min(180, width * 0.22)
    plot_height = ROW * len(scores)
    height = plot_height + 64
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.SANS
    names = [journey.stage(entry.stage_id).name for entry in scores]
    labels = [stage_label(first + i, name, label_width - 8) for i, name in enumerate(names, 1)][::-1]
    rows = scores[::-1]  # a horizontal chart counts categories from the bottom
    score_width = (width - label_width) * 0.62 - 20
    bars = HorizontalBarChart()
    bars.x, bars.y, bars.width, bars.height = label_width, 20, score_width, plot_height
    bars.data = [[getattr(entry, name) for entry in rows] for name in SCORE_NAMES[::-1]]
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, 5
    bars.barSpacing, bars.groupSpacing = 0, 3
    for i, name in enumerate(SCORE_NAMES[::-1]):
        bars.bars[i].fillColor = marks.colour(theme.SCORE_COLOURS[name])
        bars.bars[i].strokeColor = None
    _axes(bars, labels, 0)
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx, bars.categoryAxis.labels.dy = -4, 0
    drawing.add(bars)
    _title(drawing, 0, height - 12, "Meaning, Value and Accommodation (stage average, 1\u20135)")
    _key(drawing, label_width, height - 24)

    emotion_left = label_width + score_width + 40
    emotion = _emotion_bars(HorizontalBarChart(), rows, 3)
    emotion.x, emotion.y, emotion.width, emotion.height = emotion_left, 20, width - emotion_left - 4, plot_height
    _axes(emotion, [("", fonts.SANS)] * len(rows), 0)  # the names are on the left chart's rows
    emotion.valueAxis.labelTextFormat = signed
    drawing.add(emotion)
    _title(drawing, emotion_left, height - 12, "Emotion (stage average, \u22122 to +2)")
    return drawing


def _emotion_bars(chart: BarChart, scores: list[StageScores], spacing: float) -> BarChart:
    """`chart` with each stage's average emotion as a bar on -2..+2 in the emotion's colour."""
    chart.data = [[entry.emotion for entry in scores]]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = -2, 2
    chart.groupSpacing = spacing
    chart.bars[0].strokeColor = None
    for i, entry in enumerate(scores):
        if entry.emotion is not None:
            chart.bars[(0, i)].fillColor = marks.colour(theme.emotion_colour(round(entry.emotion)))
    return chart


def _key(drawing: Drawing, x: float, y: float) -> None:
    """The legend of the three score colours."""
    key = Legend()
    key.x, key.y = x, y
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


def stage_chart(journey: JourneyMap, scores: list[StageScores], width: float) -> Drawing:
    """The column chart, `width` points wide."""
    fonts.register_base_fonts()
    drawing = Drawing(width, HEIGHT)
    drawing.initialFontName = fonts.SANS  # the renderer's starting font; its default is Helvetica, not embedded
    score_width = width * 0.62 - 40
    emotion_width = width - score_width - 100
    count = max(1, len(scores))
    angle = 30 if count > 6 else 0  # 7 or 8 stages: names slanted
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

    _key(drawing, 4, HEIGHT - 24)

    emotion_left = width - emotion_width
    emotion = _emotion_bars(VerticalBarChart(), scores, 10)
    emotion.x, emotion.y, emotion.width, emotion.height = emotion_left, _PLOT_BOTTOM, emotion_width, _PLOT_HEIGHT
    emotion_labels = [stage_label(i, name, 70 if angle else emotion_width / count - 4)
                      for i, name in enumerate(names, 1)]
    _axes(emotion, emotion_labels, angle)
    emotion.valueAxis.labelTextFormat = signed
    drawing.add(emotion)
    _title(drawing, emotion_left - 28, HEIGHT - 12, "Emotion (stage average, \u22122 to +2)")
    return drawing
