"""Overlays on the canvas: cards coloured by a score or by pain, problem cards marked, a path drawn bold.

What to show is an `OverlayChoice`; `apply_overlays` paints it onto the scene's items from
an `Insights` the app computed (nothing here analyses the map), and `OverlayLegend` explains
the colours in a corner of the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from model import theme
from model.analysis import Insights
from model.entities import Touchpoint
from model.vocabulary import EMOTION_NAMES, signed

COLOUR_BY = {"none": "Nothing", "meaning": "Meaning", "value": "Value", "accommodation": "Accommodation",
             "emotion": "Emotion", "pain": "Pain Severity"}
PATHS = {"none": "No Path", "easiest": "Easiest Path Between Selected",
         "painful": "Most Painful Path Between Selected", "happy": "Happy Path, First Stage to Last"}


@dataclass(frozen=True)
class OverlayChoice:
    colour_by: str = "none"
    problems: bool = True  # on by default: a dead end is what a new user should see first
    path: str = "none"
    target_curve: bool = False


def card_fill(touchpoint: Touchpoint, colour_by: str) -> Optional[str]:
    """The fill a card gets when cards are coloured by `colour_by`; None keeps its own colour."""
    if colour_by == "none":
        return None
    if colour_by == "pain":
        return theme.PAIN_FILLS[touchpoint.worst_severity]
    if colour_by == "emotion":  # −2..+2 on the same five steps as a score
        value = None if touchpoint.emotion is None else touchpoint.emotion + 3
    else:
        value = getattr(touchpoint.scores, colour_by)
    return theme.SCALE_FILL_UNSET if value is None else theme.SCALE_FILLS[value]


def legend_entries(colour_by: str) -> list[tuple[str, str]]:
    """(colour, words) for each fill the overlay uses, worst first."""
    if colour_by == "pain":
        return [(theme.PAIN_FILLS[3], "Critical pain"), (theme.PAIN_FILLS[2], "Serious pain"),
                (theme.PAIN_FILLS[1], "Minor pain"), (theme.PAIN_FILLS[0], "No pain")]
    if colour_by == "emotion":
        words = {e + 3: f"{signed(e)} {EMOTION_NAMES[e]}" for e in EMOTION_NAMES}
    else:
        words = {1: "1 Poor", 2: "2", 3: "3", 4: "4", 5: "5 Excellent"}
    return [(theme.SCALE_FILLS[v], words[v]) for v in range(1, 6)] + [(theme.SCALE_FILL_UNSET, "Not recorded")]


def apply_overlays(scene, choice: OverlayChoice, insights: Insights, path: Sequence[str] = (),
                   review: Mapping[str, str] = {}, journey=None) -> None:
    """Paint `choice` onto the scene's cards, connections and emotion curve; `review` (touchpoint id ->
    a key of `theme.REVIEW_MARKS`) marks what a comparison or a merge points at, above problem marks.
    `journey` is the map the insights answer for (a persona's, see `model.projection`); cards not on
    it keep their own colour."""
    journey = scene.journey if journey is None else journey
    for view in scene.views():  # a card drag's picture of the still map (widgets.drag_backdrop) would hide them
        if (backdrop := getattr(view, "backdrop", None)) is not None:
            backdrop.lower()
    marks = {tp_id: theme.PROBLEM_MARKS[kind] for tp_id, kind in insights.problems().items()} \
        if choice.problems else {}
    marks.update((tp_id, theme.REVIEW_MARKS[kind]) for tp_id, kind in review.items())
    path_colour = theme.PATH_COLOURS.get(choice.path)
    on_path = set(path)
    for tp_id, card in scene.cards.items():
        highlight, badge = marks.get(tp_id, (None, ""))
        if tp_id in on_path and not badge:
            highlight = path_colour
        fill = card_fill(journey.touchpoint(tp_id), choice.colour_by) if journey.has_touchpoint(tp_id) else None
        card.set_overlay(highlight, fill, badge)
    steps = set(zip(path, path[1:]))
    for key, item in scene.connection_items.items():
        item.set_emphasis(path_colour if key in steps else None)
    scene.curve.set_show_target(choice.target_curve)


class OverlayLegend(QFrame):
    """A one-line key along the view's bottom edge; hidden when cards keep their own colours."""

    MARGIN = 12

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("overlay-legend")
        self.setStyleSheet(f"#overlay-legend {{ background: white; border: 1px solid {theme.GRID_LINE};"
                           " border-radius: 6px; }")
        self.frame_layout = QVBoxLayout(self)
        self.frame_layout.setContentsMargins(10, 8, 10, 8)
        self.body: QWidget | None = None
        self.shown = "none"
        parent.installEventFilter(self)  # to stay in the corner when the view is resized
        self.hide()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def show_for(self, colour_by: str) -> None:
        if colour_by != self.shown:
            self.shown = colour_by
            if self.body is not None:
                self.body.deleteLater()
                self.body = None
            if colour_by != "none":
                self.body = self._key(colour_by)
                self.frame_layout.addWidget(self.body)
        if colour_by == "none":
            self.hide()
            return
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()

    @staticmethod
    def _key(colour_by: str) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.addWidget(QLabel(f"<b>Cards coloured by {COLOUR_BY[colour_by].lower()}:</b>"), 0, 0)
        for i, (colour, words) in enumerate(legend_entries(colour_by)):
            swatch = QLabel()
            swatch.setFixedSize(18, 12)
            swatch.setStyleSheet(f"background: {colour}; border: 1px solid {theme.CARD_BORDER};")
            grid.addWidget(swatch, 0, 1 + 2 * i, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(words), 0, 2 + 2 * i)
        return body

    def place(self) -> None:
        parent = self.parentWidget()
        self.move(self.MARGIN, parent.height() - self.height() - self.MARGIN - 16)
