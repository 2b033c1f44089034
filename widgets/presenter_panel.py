"""The presenter's view on the laptop while the room's screen shows the map: where the session
is, what comes next, the time left, and the notes of the selected card."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from model import theme
from model.journey_map import JourneyMap


class PresenterPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.now, self.next, self.time, self.notes = QLabel(), QLabel(), QLabel(), QLabel()
        self.time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.now, self.next, self.notes):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for widget in (self.now, self.next, self.time):
            layout.addWidget(widget)
        layout.addWidget(self.notes, 1)
        self.show_time("", "", False)
        self.show_card(None, [])

    def show_steps(self, now: str, following: str) -> None:
        self.now.setText(f"<b>Now:</b> {escape(now) or '–'}")
        self.next.setText(f"<b>Next:</b> {escape(following) or 'the end'}")

    def show_time(self, text: str, name: str, over: bool) -> None:
        colour = theme.VERMILLION if over else theme.TEXT
        self.time.setText(f"{name}  {text}" if name and text else text or "No timer")
        self.time.setStyleSheet(f"font-size: 32px; font-weight: bold; color: {colour};")

    def show_card(self, journey: JourneyMap | None, selected: list[str]) -> None:
        if journey is None or len(selected) != 1 or not journey.has_touchpoint(selected[0]):
            self.notes.setText("<i>Select a card to see its notes here.</i>")
            return
        tp = journey.touchpoint(selected[0])
        parts = [f"<h3>{escape(tp.title or 'Untitled')}</h3>"]
        if tp.description:
            parts.append(f"<p>{escape(tp.description)}</p>")
        if tp.pain_points:
            parts.append("<b>Pain points</b><ul>" + "".join(f"<li>{escape(p.text)}</li>" for p in tp.pain_points)
                         + "</ul>")
        if tp.opportunities:
            parts.append("<b>Opportunities</b><ul>" + "".join(f"<li>{escape(o.text)}</li>" for o in tp.opportunities)
                         + "</ul>")
        self.notes.setText("".join(parts))
