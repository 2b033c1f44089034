"""The inspector's lists of a touchpoint's pain points and opportunities: one row per note.

Rows are kept by note id, so a refresh after another note was added or removed keeps the
row the user is typing in (and its focus) instead of rebuilding the list.
"""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from model import theme
from model.entities import SEVERITY_RANGE, Evidence, Opportunity, PainPoint
from model.vocabulary import PAIN_KIND_NAMES, SEVERITY_NAMES
from widgets.capture_keys import key_code, key_table
from widgets.inspector_fields import ChoiceField, ComboField, TextField, muted_label, stripped
from widgets.inspector_personas import MapFolder, evidence_level_field, sources_field

NOTE_TEXT_MAX = 20_000


class NoteRow(QFrame):
    """One note: its fields, and a button that asks to remove it."""

    edited = Signal(dict)  # field -> new value
    removeClicked = Signal()
    finished = Signal()

    def __init__(self, note_id: str, noun: str, placeholder: str, folder: MapFolder):
        super().__init__()
        self.note_id = note_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 4, 4, 4)
        self.column.setSpacing(4)
        self.text = TextField.line(f"What the {noun} is.", stripped(NOTE_TEXT_MAX), placeholder=placeholder,
                                   max_length=NOTE_TEXT_MAX)
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(f"Remove this {noun}")
        self.remove_button.setAccessibleName(f"Remove {noun}")
        top = QHBoxLayout()
        top.addWidget(self.text.widget, 1)
        top.addWidget(self.remove_button)
        self.column.addLayout(top)
        self._connect("text", self.text)
        self.remove_button.clicked.connect(self.removeClicked)
        # What the note rests on: its level, and its sources in the card's "who | date | link | quote" lines.
        self._evidence = Evidence()
        self.evidence = evidence_level_field()
        self.sources = sources_field(folder)
        for name, field in (("level", self.evidence), ("sources", self.sources)):
            field.widget.setObjectName(f"evidence.{name}")
            field.edited.connect(lambda value, name=name: self.edited.emit(
                {"evidence": self._evidence.model_copy(update={name: value})}))
            field.finished.connect(self.finished)

    def _connect(self, name: str, field) -> None:
        field.edited.connect(lambda value: self.edited.emit({name: value}))
        field.finished.connect(self.finished)

    def show_note(self, note, force: bool) -> None:
        self.text.show_value(note.text, force)
        self._evidence = note.evidence
        self.evidence.show_value(note.evidence.level, force)
        self.sources.show_value(note.evidence.sources, force)

    def add_evidence(self) -> None:
        """The level, and the sources under it (after the note's own fields)."""
        self.column.addWidget(self.evidence.widget)
        self.sources.widget.setAccessibleName("Sources")
        self.column.addWidget(muted_label("Sources: who or where | date | link or file | quote"))
        self.column.addWidget(self.sources.widget)


class PainPointRow(NoteRow):
    """A pain point; while its text is typed, keys from the key map set its severity and kind."""

    key_commands: dict[str, str] = {}  # key -> "severity N" or "next kind", given by app/keymap.py

    def __init__(self, note_id: str, folder: MapFolder):
        super().__init__(note_id, "pain point", "What goes wrong for the customer?", folder)
        low, high = SEVERITY_RANGE
        self.severity = ChoiceField([(n, SEVERITY_NAMES[n], f"Severity {n}: {SEVERITY_NAMES[n].lower()}")
                                     for n in range(low, high + 1)],
                                    "How badly it hurts: 1 minor, 2 serious, 3 critical.",
                                    colours=theme.PAIN_SEVERITY_COLOURS)
        self.kind = ComboField(list(PAIN_KIND_NAMES.items()), "What kind of pain it is.")
        bottom = QHBoxLayout()
        bottom.addWidget(self.severity.widget, 3)
        bottom.addWidget(self.kind.widget, 2)
        self.column.addLayout(bottom)
        self.add_evidence()
        self._connect("severity", self.severity)
        self._connect("kind", self.kind)
        self.commands = key_table(self.key_commands)
        self.text.widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        command = self.commands.get(key_code(event))
        if command is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:  # ours, not a menu's
            event.accept()
            return True
        verb, _, argument = command.partition(" ")
        if verb == "severity":
            self.edited.emit({"severity": int(argument)})
        else:
            kinds = self.kind.values
            self.edited.emit({"kind": kinds[(kinds.index(self.kind.value) + 1) % len(kinds)]})
        return True

    def show_note(self, note: PainPoint, force: bool) -> None:
        super().show_note(note, force)
        self.severity.show_value(note.severity, force)
        self.kind.show_value(note.kind, force)


class OpportunityRow(NoteRow):
    def __init__(self, note_id: str, folder: MapFolder):
        super().__init__(note_id, "opportunity", "How could this moment be better?", folder)
        self.add_evidence()


class NoteList(QWidget):
    """The notes of one kind on one touchpoint, in the model's order, and an add button."""

    addClicked = Signal()
    editRequested = Signal(str, dict)  # note id, field -> new value
    removeRequested = Signal(str)  # note id
    finished = Signal()

    def __init__(self, make_row: Callable[[str], NoteRow], add_text: str, empty_text: str):
        super().__init__()
        self._make_row = make_row
        self._rows: dict[str, NoteRow] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(6)
        column.addLayout(self.rows_layout)
        self.empty_label = muted_label(empty_text)
        column.addWidget(self.empty_label)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.addClicked)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def row(self, note_id: str) -> NoteRow:
        return self._rows[note_id]

    @property
    def note_ids(self) -> list[str]:
        return list(self._rows)

    def clear(self) -> None:
        self._arrange([])

    def show_notes(self, notes: Sequence[PainPoint | Opportunity], force: bool) -> None:
        wanted = [note.id for note in notes]
        if wanted != list(self._rows):
            self._arrange(wanted)
        for note in notes:
            self._rows[note.id].show_note(note, force)
        self.empty_label.setVisible(not notes)

    def _arrange(self, wanted: list[str]) -> None:
        """Rows for exactly `wanted`, in that order; rows that stay keep their widgets and focus."""
        for note_id in [n for n in self._rows if n not in wanted]:
            # Deleted later: this may run inside the click of the row's own remove button.
            row = self._rows.pop(note_id)
            row.hide()
            row.deleteLater()
        while self.rows_layout.count():
            self.rows_layout.takeAt(0)
        rows = {}
        for note_id in wanted:
            rows[note_id] = self._rows.get(note_id) or self._new_row(note_id)
            self.rows_layout.addWidget(rows[note_id])
        self._rows = rows

    def _new_row(self, note_id: str) -> NoteRow:
        row = self._make_row(note_id)
        row.edited.connect(lambda changes: self.editRequested.emit(note_id, changes))
        row.removeClicked.connect(lambda: self.removeRequested.emit(note_id))
        row.finished.connect(self.finished)
        return row
