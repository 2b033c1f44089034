"""The legend: every mark the map uses, drawn with the very functions that draw the map.

Sections (card, scores, emotion, pain points, connections, curve and averages) sit in a
table of two or three columns depending on the page's width, so the legend fits one page in
either orientation.
"""

from __future__ import annotations

from typing import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table

from model import theme
from model.entities import SCORE_NAMES, ConnectionKind, PainPoint, Scores, Touchpoint
from model.layout import Point, Route

from . import marks, text
from .card import PARTS, draw_card, problem_tab
from .fonts import centred_baseline, string_width
from .styles import layout_style, para, rich, styles
from model.vocabulary import (CONNECTION_NAMES, EMOTION_NAMES, SCORE_EXPLANATIONS, SCORE_TITLES, SEVERITY_NAMES,
                         signed)

Draw = Callable[[Canvas, float, float], None]
SWATCH_WIDTH = 46


class Swatch(Flowable):
    """A small drawing in a box of its own, for a legend row."""

    def __init__(self, width: float, height: float, draw: Draw):
        super().__init__()
        self.width, self.height, self._draw = width, height, draw

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self._draw(self.canv, self.width, self.height)


EXAMPLE_CARD = Touchpoint(
    id="example", title="Compare delivery options", stage="s", lane="l", channel="Website", owner="E-commerce",
    emotion=-1, scores=Scores(meaning=4, value=3, accommodation=2),
    pain_points=(PainPoint(id="p1", text="", severity=3), PainPoint(id="p2", text="", severity=1)),
)
# Callout numbers beside the parts of the example card, as (x, y down from the card's top).
_CALLOUTS = ((-11, PARTS.title.box.y + 8), (-11, PARTS.meta.box.center.y), (theme.CARD_WIDTH + 11, PARTS.face.center.y),
             (-11, PARTS.bars[1].track.center.y), (theme.CARD_WIDTH + 11, PARTS.pain_marker.bottom - 6),
             (theme.CARD_WIDTH + 11, PARTS.evidence.center.y + 2))
_CALLOUT_TEXT = ("Title: three lines at most; the appendix has every title in full.",
                 "Channel · owner: where the moment happens and the team that owns it.",
                 "Emotion: how the customer feels here (see Emotion).",
                 "Meaning, Value and Accommodation scores (see Scores).",
                 "Pain points: how many, in the colour of the worst (see Pain points).",
                 "Evidence: ? an assumption nobody checked (dashed), A an anecdote from one source, "
                 "R research-backed: several sources or data (filled).")


def _number(canvas: Canvas, x: float, y: float, number: int) -> None:
    canvas.setFillColor(marks.colour(theme.SELECTION))
    canvas.circle(x, y, 6.5, stroke=0, fill=1)
    canvas.setFillColor(marks.WHITE)
    text.draw_line(canvas, x, centred_baseline(y, 8), str(number), 8, bold=True, align="center")


def _example_card(canvas: Canvas, width: float, height: float) -> None:
    left, top = 18, height - 2
    draw_card(canvas, EXAMPLE_CARD, left, top)
    for number, (x, y) in enumerate(_CALLOUTS, 1):
        _number(canvas, left + x, top - y, number)


def _score(name: str) -> Draw:
    def draw(canvas: Canvas, width: float, height: float) -> None:
        canvas.setFillColor(marks.colour(theme.TEXT_MUTED))
        size = theme.SCORE_LABEL_SIZE
        text.draw_line(canvas, 0, centred_baseline(height / 2, size), theme.SCORE_LABELS[name], size, bold=True)
        bar = PARTS.bars[0]
        indent = bar.track.x - bar.label.box.x  # the label's room, as on a card
        marks.score_bar(canvas, indent, height / 2 - bar.track.height / 2, width - indent, bar.track.height, name, 4)
    return draw


def _face(emotion: int | None) -> Draw:
    face = PARTS.face.width
    return lambda canvas, width, height: marks.emotion_face(canvas, face / 2, height / 2, face, emotion)


def _pain(severity: int) -> Draw:
    size = theme.PAIN_MARKER_SIZE
    return lambda canvas, width, height: marks.pain_marker(canvas, size, height / 2 - size / 2, size, 1, severity)


def _connection(kind: ConnectionKind) -> Draw:
    def draw(canvas: Canvas, width: float, height: float) -> None:
        start, end = Point(0, height / 2), Point(width - 2, height / 2)
        marks.connections(canvas, [Route((start.x, start.y, end.x, end.y))], kind.value)
    return draw


def _loop(canvas: Canvas, width: float, height: float) -> None:
    """A connection back to an earlier card leaves the card's top and runs above, as layout routes it."""
    stub = 10
    canvas.setStrokeColor(marks.colour(theme.CARD_BORDER))
    canvas.setLineWidth(theme.CARD_BORDER_WIDTH)
    for x in (0, width - 2 * stub):
        canvas.roundRect(x, 0, 2 * stub, 6, 2, stroke=1, fill=0)
    start, end = Point(width - stub, 6), Point(stub, 6)
    marks.connections(canvas, [Route((start.x, start.y, start.x, height, end.x, height, end.x, end.y))],
                      ConnectionKind.main.value)


def _curve(target: bool) -> Draw:
    ys = (0.75, 0.9, 0.65, 0.85) if target else (0.3, 0.8, 0.15, 0.6)

    def draw(canvas: Canvas, width: float, height: float) -> None:
        marks.zero_line(canvas, 0, width, height / 2)
        points = [Point(6 + i * (width - 12) / (len(ys) - 1), height * y) for i, y in enumerate(ys)]
        marks.emotion_curve(canvas, points, target)
    return draw


def _average(canvas: Canvas, width: float, height: float) -> None:
    size = theme.SCORE_LABEL_SIZE + 1
    canvas.setFillColor(marks.colour(theme.TEXT))
    text.draw_line(canvas, 0, height - 11, "M 3.5", size, bold=True)
    marks.score_bar(canvas, 0, height - 22, width - 6, 5, "meaning", 3.5)


def _rows(entries: list[tuple[Flowable, str, str]], swatch_width: float = SWATCH_WIDTH) -> Table:
    s = styles()
    rows = [[swatch, para(title, s.cell_bold) if not body else [para(title, s.cell_bold), para(body, s.cell)]]
            for swatch, title, body in entries]
    table = Table(rows, colWidths=[swatch_width + 8, None], hAlign="LEFT")
    table.setStyle(layout_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 2)))
    return table


def _problem(problem: str) -> Draw:
    def draw(canvas: Canvas, width: float, height: float) -> None:
        canvas.saveState()
        canvas.translate(0, height / 2 - theme.PROBLEM_TAB_HEIGHT / 2 + theme.PROBLEM_TAB_OVERLAP)
        problem_tab(canvas, problem)
        canvas.restoreState()
    return draw


PROBLEM_EXPLANATIONS = {
    "dead_end": "No path leads on from here to the last stage.",
    "unreachable": "No path from the first stage leads here.",
}


def _persona_line(ink: str) -> Draw:
    def draw(canvas: Canvas, width: float, height: float) -> None:
        canvas.setStrokeColor(marks.colour(ink))
        canvas.setLineWidth(theme.EMOTION_CURVE_WIDTH)
        canvas.line(2, height / 2, width - 4, height / 2)
    return draw


def legend(width: float, target: bool, problems: set[str] = frozenset(),
           personas: list[tuple[str, str]] = ()) -> list[Flowable]:
    """The legend's flowables for a frame `width` points wide; `target`: the map draws a target
    emotion curve, `problems`: the kinds of problem marks it shows, which are then explained too;
    `personas`: (name, colour) of each persona's curve on a map of several."""
    s = styles()
    row_height = 22
    card = [para("Touchpoint card", s.subheading),
            Swatch(theme.CARD_WIDTH + 40, theme.CARD_HEIGHT + 4, _example_card),
            *[rich(f"<b>{i}</b>\u2002{text.markup(line)}", s.cell) for i, line in enumerate(_CALLOUT_TEXT, 1)]]
    scores = [para("Scores, 1 to 5", s.subheading), _rows(
        [(Swatch(SWATCH_WIDTH, row_height, _score(name)), SCORE_TITLES[name], SCORE_EXPLANATIONS[name])
         for name in SCORE_NAMES]),
        para("A longer bar is a higher score; an empty track is not scored yet.", s.cell)]
    emotion = [para("Emotion", s.subheading), _rows(
        [(Swatch(SWATCH_WIDTH, row_height, _face(value)), f"{signed(value)}  {EMOTION_NAMES[value]}", "")
         for value in (2, 1, 0, -1, -2)] + [(Swatch(SWATCH_WIDTH, row_height, _face(None)), "Not recorded", "")])]
    pains = [para("Pain points", s.subheading), _rows(
        [(Swatch(SWATCH_WIDTH, row_height, _pain(severity)), SEVERITY_NAMES[severity], "")
         for severity in (1, 2, 3)]),
        para("The number counts a card's pain points; the colour is the worst one's severity.", s.cell)]
    if problems:  # the tab itself names the problem; its row says what it means
        kinds = [kind for kind in theme.PROBLEM_MARKS if kind in problems]
        tab = max(string_width(theme.PROBLEM_MARKS[kind][1], theme.CARD_META_SIZE, bold=True) + 12 for kind in kinds)
        pains += [Spacer(1, 6), _rows([(Swatch(tab, 20, _problem(kind)), PROBLEM_EXPLANATIONS[kind], "")
                                       for kind in kinds], swatch_width=tab)]
    connections = [para("Connections", s.subheading), _rows(
        [(Swatch(SWATCH_WIDTH, row_height, _connection(kind)), *CONNECTION_NAMES[kind]) for kind in ConnectionKind]
        + [(Swatch(SWATCH_WIDTH, 34, _loop), "Loop back", "A line from the top of a card, over the cards, leads back to an earlier step.")])]
    curves = [(Swatch(SWATCH_WIDTH, 34, _curve(False)), "Emotion curve",
               "The average emotion of each column of cards, from −2 (bottom) to +2 (top); the dashed grey line "
               "is neutral.")]
    if personas:
        curves = [(Swatch(SWATCH_WIDTH, 16, _persona_line(ink)), name,
                   "Their emotion across the cards they meet; dashed: their to-be.") for name, ink in personas]
    if target and not personas:  # with personas, each one's to-be is dashed in their own colour
        curves.append((Swatch(SWATCH_WIDTH, 34, _curve(True)), "Target emotion",
                       "The to-be: the average target emotion of each column of cards that has targets."))
    bands = [para("Emotion curve and stage averages", s.subheading), _rows([
        *curves,
        (Swatch(SWATCH_WIDTH, 26, _average), "Stage averages",
         "Mean Meaning, Value, Accommodation and emotion of a stage's scored touchpoints; – where none is scored."),
    ])]
    sections = [card, scores, emotion, pains, connections, bands]
    columns = 3 if width >= 700 else 2
    rows = [sections[i:i + columns] for i in range(0, len(sections), columns)]
    for row in rows:
        row += [""] * (columns - len(row))
    grid = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    grid.setStyle(layout_style(("RIGHTPADDING", (0, 0), (-1, -1), 18), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)))
    return [para("Legend", s.heading), grid]
