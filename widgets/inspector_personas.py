"""The inspector's controls for personas, evidence and stage metrics.

Like every inspector control they read the model through the page that shows them and leave as
requests (signals) carrying ids and new values; app/ turns each into an undo command. Rows are
kept while the list they show keeps its length, so a refresh never takes the focus from a row
being typed in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSizePolicy, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from model import theme
from model.entities import EMOTION_RANGE, SCORE_NAMES, EvidenceLevel, Kpi, KpiDirection, KpiReading, Persona, Source, Touchpoint
from model.evidence import EVIDENCE_LABELS, EVIDENCE_MARKS
from model.map_files import relative_to_map
from model.personas import persona_colour
from model.stage_metrics import KPI_PRESETS
from model.vocabulary import signed
from widgets.persona_badge import PersonaPhotos, badge_icon
from widgets.inspector_fields import (
    ComboField,
    Invalid,
    TextField,
    format_number,
    muted_label,
    number,
    number_validator,
    stripped,
)

EVIDENCE_CHOICES = [(level, f"{EVIDENCE_MARKS[level]}  {EVIDENCE_LABELS[level]}") for level in EvidenceLevel]
SOURCE_SEPARATOR = " | "
MapFolder = Callable[[], Optional[Path]]  # the folder of the map's file; None for a map never saved
SOURCES_HINT = ("One source per line: who or where | date (YYYY-MM-DD) | link or file | quote. "
                "Leave a part empty if unknown; a file path is kept relative to the map.")


def format_sources(sources: Sequence[Source]) -> str:
    return "\n".join(SOURCE_SEPARATOR.join((s.who, s.date.isoformat() if s.date else "", s.link, s.quote))
                     for s in sources)


def parse_sources(text: str, folder: Optional[Path] = None) -> tuple[Source, ...]:
    """Sources typed one per line as `who | date | link | quote` (the quote may hold '|' itself).
    A file given by its full path is kept relative to the map's `folder`, so the two move together."""
    sources = []
    for number_, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        who, date, link, quote = ([part.strip() for part in line.split("|", 3)] + ["", "", ""])[:4]
        try:
            day = dt.date.fromisoformat(date) if date else None
        except ValueError:
            raise Invalid(f"Line {number_}: “{date}” is not a date; write it as YYYY-MM-DD.") from None
        if len(who) > 200:
            raise Invalid(f"Line {number_}: who or where has at most 200 characters.")
        if folder is not None and Path(link).is_absolute():
            link = relative_to_map(Path(link), folder)
        sources.append(Source(who=who, date=day, link=link, quote=quote))
    return tuple(sources)


def sources_field(folder: MapFolder) -> TextField:
    """The sources of a card's or a note's evidence, one per line; `folder()` is the map's folder."""
    return TextField.block(SOURCES_HINT, lambda text: parse_sources(text, folder()), format_sources,
                           "Interview 3 | 2026-01-05 | notes/interview-3.md | “It took ages”", lines=3)


def evidence_level_field() -> ComboField:
    """How sure the team is of a card or a note."""
    return ComboField(EVIDENCE_CHOICES, "How sure the team is: an assumption nobody checked, an anecdote "
                                        "(one source), or research (several sources or data).")


# ----------------------------------------------------------------- who passes where
NAME_WIDTH = 150  # pixels: a long persona name is cut short, so the dock keeps its width
OWN_EMOTION = [(None, "Card's")] + [(v, signed(v)) for v in range(EMOTION_RANGE[0], EMOTION_RANGE[1] + 1)]


class PersonaRows(QWidget):
    """Per persona on one touchpoint: whether they pass here, and their own emotion and scores
    (each "card's" unless it differs from what the card says for everyone)."""

    membershipRequested = Signal(str, bool)  # persona id, passes here
    experienceRequested = Signal(str, dict)  # persona id, {"emotion" or a score name: value or None}
    finished = Signal()

    def __init__(self):
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.empty = muted_label("This map follows one persona or none: add personas on the map's page "
                                 "(click the canvas background) to say who passes here.")
        self.grid.addWidget(self.empty, 0, 0, 1, 3)
        for column in range(3):
            self.grid.setColumnStretch(column, 1)
        self.rows: dict[str, tuple[QToolButton, dict[str, ComboField]]] = {}
        self._shown: list[tuple[str, str]] = []  # (id, name) of the personas the rows are for

    def show_touchpoint(self, personas: Sequence[Persona], touchpoint: Touchpoint) -> None:
        if [(p.id, p.name) for p in personas] != self._shown:
            self._arrange(personas)
        for persona in personas if self.rows else ():  # no rows on a map of one persona
            button, fields = self.rows[persona.id]
            button.blockSignals(True)
            button.setChecked(touchpoint.meets(persona.id))
            button.blockSignals(False)
            experience = touchpoint.experience(persona.id)
            own = {"emotion": experience.emotion if experience else None,
                   **dict(zip(SCORE_NAMES, experience.scores.values() if experience else (None,) * 3))}
            for name, field in fields.items():
                field.show_value(own[name])
                field.widget.setEnabled(touchpoint.meets(persona.id))

    def _arrange(self, personas: Sequence[Persona]) -> None:
        for button, fields in self.rows.values():
            for widget in (button, *(field.widget for field in fields.values())):
                widget.hide()
                widget.deleteLater()
        self.rows = {}
        self._shown = [(p.id, p.name) for p in personas]
        self.empty.setVisible(len(personas) < 2)
        if len(personas) < 2:
            return
        for i, persona in enumerate(personas):
            name = persona.name or "Unnamed persona"
            button = QToolButton()
            button.setText(button.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, NAME_WIDTH))
            button.setAccessibleName(name)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"passes.{persona.id}")
            button.setToolTip(f"Does {name} pass through this touchpoint? Cards they never meet fade when "
                              "the canvas answers for them.")
            button.toggled.connect(lambda on, p=persona.id: self.membershipRequested.emit(p, on))
            fields = {"emotion": ComboField(OWN_EMOTION, f"How {name} feels here, where it differs from the "
                                                         "card's emotion.")}
            for score in SCORE_NAMES:
                letter = theme.SCORE_LABELS[score]
                fields[score] = ComboField([(None, f"{letter} –")] + [(n, f"{letter} {n}") for n in range(1, 6)],
                                           f"{name}'s own {score.title()} here, where it differs from the card's.")
            for field_name, field in fields.items():
                field.widget.setObjectName(f"{field_name}.{persona.id}")
                field.edited.connect(lambda value, p=persona.id, f=field_name: self.experienceRequested.emit(p, {f: value}))
                field.finished.connect(self.finished)
            self.grid.addWidget(button, 1 + 2 * i, 0, 1, 2)
            self.grid.addWidget(fields["emotion"].widget, 1 + 2 * i, 2)
            for column, score in enumerate(SCORE_NAMES):
                self.grid.addWidget(fields[score].widget, 2 + 2 * i, column)
            self.rows[persona.id] = (button, fields)


# ----------------------------------------------------------------- stage metrics
DIRECTIONS = [(KpiDirection.higher_is_better, "Higher is better"), (KpiDirection.lower_is_better, "Lower is better")]
VALUE_HINT = "A number, or empty if not measured."
VALUE_RANGE = (-1e12, 1e12)
HISTORY_HINT = ("Earlier values, one per line: date (YYYY-MM-DD) | value. Add, change or delete lines; "
                "they are kept oldest first and drawn as the metric's trend.")
KPI_FIELDS = ("name", "unit", "direction", "current", "target", "history")


class KpiRow(QWidget):
    """One metric: name and unit, which way is better, the value now and the target."""

    edited = Signal(dict)  # field -> new value
    removeClicked = Signal()
    finished = Signal()

    def __init__(self, index: int):
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 8)
        self.name = TextField.line("What is measured.", _kpi_name, placeholder="Metric", max_length=60)
        self.unit = TextField.line("Unit shown after values: %, min…", stripped(20), placeholder="unit", max_length=20)
        self.direction = ComboField(DIRECTIONS, "Which way this metric should move.")
        self.current = self._number("The value now. " + VALUE_HINT, "now")
        self.target = self._number("The value the team aims for. " + VALUE_HINT, "target")
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip("Remove this metric")
        self.remove_button.setAccessibleName("Remove metric")
        self.remove_button.clicked.connect(self.removeClicked)
        grid.addWidget(self.name.widget, 0, 0, 1, 3)
        grid.addWidget(self.unit.widget, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        for column, (label, field) in enumerate((("Now", self.current), ("Target", self.target))):
            caption = QLabel(label)
            caption.setBuddy(field.widget)
            grid.addWidget(caption, 1, 2 * column, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(field.widget, 1, 2 * column + 1, 1, 2 if column else 1)
        grid.addWidget(self.direction.widget, 2, 0, 1, 5)
        self.history = TextField.block(HISTORY_HINT, parse_history, format_history, "2026-01-31 | 42", lines=3)
        self.history.widget.setAccessibleName("History")
        caption = QLabel("History")
        caption.setBuddy(self.history.widget)
        grid.addWidget(caption, 3, 0, 1, 5)
        grid.addWidget(self.history.widget, 4, 0, 1, 5)
        for name in KPI_FIELDS:
            field = getattr(self, name)
            field.widget.setObjectName(f"kpi{index}.{name}")
            field.edited.connect(lambda value, name=name: self.edited.emit({name: value}))
            field.finished.connect(self.finished)

    @staticmethod
    def _number(hint: str, placeholder: str) -> TextField:
        field = TextField.line(hint, number(float, *VALUE_RANGE, VALUE_HINT), format_number, placeholder)
        field.widget.setValidator(number_validator(float, *VALUE_RANGE, field.widget))
        return field

    def show_kpi(self, kpi: Kpi, force: bool) -> None:
        for name in KPI_FIELDS:
            getattr(self, name).show_value(getattr(kpi, name), force)


def parse_history(text: str) -> tuple[KpiReading, ...]:
    """Dated values typed one per line as `YYYY-MM-DD | value`, oldest first as the map keeps them (so a
    line typed out of order is not rewritten under the cursor)."""
    readings = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        date, _, value = (part.strip() for part in line.partition("|"))
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise Invalid(f"Line {line_number}: “{date}” is not a date; write it as YYYY-MM-DD.") from None
        measured = number(float, *VALUE_RANGE, f"Line {line_number}: after the date and | comes the value, "
                                               "a number.")(value)
        if measured is None:
            raise Invalid(f"Line {line_number}: after the date and | comes the value, a number.")
        readings.append(KpiReading(date=day, value=measured))
    return tuple(sorted(readings, key=lambda reading: reading.date))


def format_history(history: Sequence[KpiReading]) -> str:
    return "\n".join(f"{reading.date.isoformat()}{SOURCE_SEPARATOR}{format_number(reading.value)}"
                     for reading in history)


def _kpi_name(text: str) -> str:
    text = text.strip()
    if not text:
        raise Invalid("A metric needs a name.")
    if len(text) > 60:
        raise Invalid("At most 60 characters.")
    return text


class KpiList(QWidget):
    """A stage's metrics, one row each, and a way to add a usual or a custom one."""

    kpisEdited = Signal(tuple)  # the stage's metrics, whole
    finished = Signal()

    def __init__(self):
        super().__init__()
        self.kpis: tuple[Kpi, ...] = ()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.rows_layout = QVBoxLayout()
        column.addLayout(self.rows_layout)
        self.empty = muted_label("No metrics yet. They show in the metrics lane under the emotion curve; "
                                 "File → Refresh Metrics reads their values from a CSV or XLSX file.")
        column.addWidget(self.empty)
        adding = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.setObjectName("kpi.preset")
        self.preset.addItems([*KPI_PRESETS, "Custom metric"])
        self.preset.setToolTip("Which metric to add")
        self.add_button = QPushButton("Add metric")
        self.add_button.clicked.connect(self._add)
        adding.addWidget(self.preset, 1)
        adding.addWidget(self.add_button)
        column.addLayout(adding)
        self.rows: list[KpiRow] = []

    def show_kpis(self, kpis: Sequence[Kpi], force: bool) -> None:
        self.kpis = tuple(kpis)
        if len(self.rows) != len(kpis) or force:
            self._arrange(len(kpis))
        for row, kpi in zip(self.rows, kpis):
            row.show_kpi(kpi, force)
        self.empty.setVisible(not kpis)

    def _arrange(self, count: int) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        for index in range(count):
            row = KpiRow(index)
            row.edited.connect(lambda changes, i=index: self._edit(i, changes))
            row.removeClicked.connect(lambda i=index: self.kpisEdited.emit(self.kpis[:i] + self.kpis[i + 1:]))
            row.finished.connect(self.finished)
            self.rows_layout.addWidget(row)
            self.rows.append(row)

    def _edit(self, index: int, changes: dict[str, Any]) -> None:
        kpi = self.kpis[index]
        if any(getattr(kpi, name) != value for name, value in changes.items()):
            kpis = list(self.kpis)
            kpis[index] = kpi.model_copy(update=changes)
            self.kpisEdited.emit(tuple(kpis))

    def _add(self) -> None:
        name = self.preset.currentText()
        unit, direction = KPI_PRESETS.get(name, ("", KpiDirection.higher_is_better))
        taken = {kpi.name.casefold() for kpi in self.kpis}
        base, n = ("Metric" if name == "Custom metric" else name), 2
        candidate = base
        while candidate.casefold() in taken:
            candidate, n = f"{base} {n}", n + 1
        self.kpisEdited.emit(self.kpis + (Kpi(name=candidate, unit=unit, direction=direction),))
        self.finished.emit()

    def focus_last(self) -> None:
        if self.rows:
            self.rows[-1].name.focus()


# ----------------------------------------------------------------- choosing a persona to edit
class PersonaPicker(QWidget):
    """Which of the map's personas the map page edits, and buttons to add or remove one."""

    picked = Signal(str)
    addClicked = Signal()
    removeClicked = Signal(str)

    def __init__(self):
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setObjectName("persona.picker")
        self.combo.setToolTip("The persona the fields below edit")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        self.add_button = QToolButton()
        self.add_button.setText("Add")
        self.add_button.setToolTip("Add a persona to the map")
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove this persona from the map (undo brings them back)")
        row.addWidget(self.combo, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.combo.activated.connect(lambda i: self.picked.emit(self.combo.itemData(i)))
        self.photos = PersonaPhotos(self)  # replaced by the window's (see `MapPage.use_photos`)
        self.add_button.clicked.connect(self.addClicked)
        self.remove_button.clicked.connect(lambda: self.current and self.removeClicked.emit(self.current))

    @property
    def current(self) -> Optional[str]:
        return self.combo.currentData()

    def show_personas(self, journey, current: Optional[str]) -> None:
        """List the map's personas, each with their badge (photo or initials)."""
        personas = journey.personas
        self.combo.blockSignals(True)
        self.combo.clear()
        for persona in personas:
            icon = badge_icon(persona, persona_colour(journey, persona.id), self.photos.image(persona))
            self.combo.addItem(icon, f"{persona.badge} · {persona.name or 'Unnamed persona'}", persona.id)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.setEnabled(bool(personas))
        self.remove_button.setEnabled(bool(personas))
        self.combo.blockSignals(False)
