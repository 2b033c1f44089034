"""The inspector's touchpoint page: a card's fields, scores, personas, evidence, to-be target,
metrics, pain points and opportunities."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal

from model import theme
from model.entities import SCORE_NAMES, Metrics, Motivator, ToBeChange, Touchpoint
from model.vocabulary import SCORE_EXPLANATIONS
from widgets.inspector_fields import (ColourField, ComboField, Field, FlagsField, TextField, format_number, items,
                                      number, number_validator, same)
from widgets.inspector_notes import NoteList, OpportunityRow, PainPointRow
from widgets.inspector_page import TAG_MAX, Page, emotion_field, name_field, score_field, text_field
from widgets.inspector_personas import MapFolder, PersonaRows, evidence_level_field, sources_field


def _metric_range(name: str) -> tuple[float, float]:
    schema = Metrics.model_json_schema()["properties"][name]
    bounded = next(option for option in schema.get("anyOf", [schema]) if "minimum" in option)
    return bounded["minimum"], bounded["maximum"]


# (field, label, type, placeholder, what is allowed)
METRICS = (
    ("time_to_task_minutes", "Time to task", float, "minutes, e.g. 4.5",
     "Minutes the customer spends here: a number from 0, or empty if not measured."),
    ("completion_rate", "Completion rate", float, "% of customers, e.g. 82",
     "Percent of customers who complete this step: 0 to 100, or empty if not measured."),
    ("nps", "NPS", int, "−100 … 100",
     "Net Promoter Score measured here: a whole number from −100 to 100, or empty if not measured."),
)


MOTIVATOR_EXPLANATIONS = {
    Motivator.purpose: "Purpose: the customer's own goal moves forward here.",
    Motivator.mastery: "Mastery: the customer sees progress, gets better at it.",
    Motivator.autonomy: "Autonomy: the customer has options and control.",
}


TO_BE_CHOICES = [(None, "Stays as it is"), (ToBeChange.new, "New"), (ToBeChange.changed, "Changed"),
                 (ToBeChange.removed, "Retired")]


class TouchpointPage(Page):
    heading = "Touchpoint"
    touchpointEdited = Signal(str, dict)
    membershipRequested = Signal(str, str, bool)  # touchpoint, persona, passes here
    experienceRequested = Signal(str, str, dict)  # touchpoint, persona, their own values
    painPointAdded = Signal(str)
    painPointEdited = Signal(str, str, dict)
    painPointRemoved = Signal(str, str)
    opportunityAdded = Signal(str)
    opportunityEdited = Signal(str, str, dict)
    opportunityRemoved = Signal(str, str)

    FIELDS = ("title", "description", "channel", "owner", "emotion", "tags", "colour", "motivators", "expected",
              "experienced", "to_be")

    def __init__(self):
        super().__init__()
        form = self.section("Touchpoint")
        self._plain(form, "title", "Title", name_field("Shown on the card.", "What happens, in a few words"))
        self._plain(form, "description", "Description",
                    text_field("What happens here.", "What happens here, in the customer's words"))
        self._plain(form, "channel", "Channel", name_field("Where it happens.", "Web, app, store, phone…"))
        self._plain(form, "owner", "Owner", name_field("The team that owns this moment.", "The team that owns it"))
        self._plain(form, "emotion", "Emotion", emotion_field("How the customer feels here: −2 awful … +2 delighted."))
        self._plain(form, "tags", "Tags", TextField.line("Words to find and group cards by, separated by commas.",
                                                         items(",", TAG_MAX, "tag"), ", ".join,
                                                         "e.g. online, first visit"))
        self._plain(form, "colour", "Colour", ColourField("The card's colour on the map."))

        scores = self.section("Scores")
        for name in SCORE_NAMES:
            self.add(scores, name, name.title(), score_field(name.title(), theme.SCORE_COLOURS[name]),
                     lambda value, name=name: self._edit_part("scores", name, value), SCORE_EXPLANATIONS[name])

        motivation = self.section("Motivation and expectation")
        self.add(motivation, "motivators", "Motivators",
                 FlagsField([(m, m.value.capitalize(), MOTIVATOR_EXPLANATIONS[m]) for m in Motivator],
                            "Which motivators this moment serves; stages with none lose customers."),
                 lambda value: self._edit("motivators", value), "Purpose: their own goal. Mastery: visible "
                 "progress. Autonomy: options and control.")
        for name, label, hint in (("expected", "Expected", "What the customer expected here"),
                                  ("experienced", "Experienced", "What the customer got here")):
            self._plain(motivation, name, label, score_field(hint, theme.SELECTION))

        self.personas = PersonaRows()
        self.section("Personas").addRow(self.personas)
        self.personas.membershipRequested.connect(
            lambda persona, on: self.exists() and self.membershipRequested.emit(self.touchpoint_id, persona, on))
        self.personas.experienceRequested.connect(self._persona_experience)
        self.personas.finished.connect(self.editFinished)

        evidence = self.section("Evidence")
        self.map_folder: MapFolder = lambda: None  # the window's: where files named as sources are kept
        folder = lambda: self.map_folder()  # noqa: E731 (read when a source is typed, not now)
        self.add(evidence, "evidence.level", "Level", evidence_level_field(),
                 lambda value: self._edit_evidence(level=value))
        self.add(evidence, "evidence.sources", "Sources", sources_field(folder),
                 lambda value: self._edit_evidence(sources=value), "who or where | date | link or file | quote")

        target = self.section("To-be target")
        self._plain(target, "to_be", "In the to-be", ComboField(TO_BE_CHOICES, "What the to-be journey does to "
                                                                               "this touchpoint."))
        self.add(target, "target.emotion", "Emotion", emotion_field("The emotion we want customers to feel here."),
                 lambda value: self._edit_part("target", "emotion", value),
                 "Shown as a dashed second curve (View → Overlays).")
        for name in SCORE_NAMES:
            self.add(target, f"target.{name}", name.title(),
                     score_field(f"Target {name}", theme.SCORE_COLOURS[name]),
                     lambda value, name=name: self._edit_part("target", name, value))

        metrics = self.section("Metrics")
        for name, label, kind, placeholder, allowed in METRICS:
            low, high = _metric_range(name)
            field = TextField.line(allowed, number(kind, low, high, allowed), format_number, placeholder)
            field.widget.setValidator(number_validator(kind, low, high, field.widget))
            self.add(metrics, name, label, field, lambda value, name=name: self._edit_part("metrics", name, value))

        self.pain_points = self._notes("Pain points", lambda note: PainPointRow(note, folder), "Add pain point",
                                       "No pain points noted.", self.painPointAdded, self.painPointEdited,
                                       self.painPointRemoved, "pain_points")
        self.opportunities = self._notes("Opportunities", lambda note: OpportunityRow(note, folder),
                                         "Add opportunity", "No opportunities noted.", self.opportunityAdded,
                                         self.opportunityEdited, self.opportunityRemoved, "opportunities")
        self.end()

    def _plain(self, form, name: str, label: str, field: Field) -> None:
        self.add(form, name, label, field, lambda value: self._edit(name, value))

    def _notes(self, title: str, make_row, add_text: str, empty_text: str, added, edited, removed,
               attribute: str) -> NoteList:
        notes = NoteList(make_row, add_text, empty_text)
        self.section(title).addRow(notes)

        def edit(note_id: str, changes: dict) -> None:
            note = next(n for n in getattr(self.touchpoint, attribute) if n.id == note_id)
            if any(not same(getattr(note, name), value) for name, value in changes.items()):
                edited.emit(self.touchpoint_id, note_id, changes)

        notes.addClicked.connect(lambda: self.exists() and added.emit(self.touchpoint_id))
        notes.editRequested.connect(lambda note_id, changes: self.exists() and edit(note_id, changes))
        notes.removeRequested.connect(lambda note_id: self.exists() and removed.emit(self.touchpoint_id, note_id))
        notes.finished.connect(self.editFinished)
        return notes

    @property
    def touchpoint_id(self) -> str:
        return self.ids[0]

    @property
    def touchpoint(self) -> Touchpoint:
        return self.journey.touchpoint(self.touchpoint_id)

    def _edit(self, name: str, value: Any) -> None:
        if not same(getattr(self.touchpoint, name), value):
            self.touchpointEdited.emit(self.touchpoint_id, {name: value})

    def _edit_evidence(self, **changes: Any) -> None:
        self._edit("evidence", self.touchpoint.evidence.model_copy(update=changes))

    def _persona_experience(self, persona_id: str, changes: dict) -> None:
        if not self.exists():
            return
        experience = self.touchpoint.experience(persona_id)
        own = {"emotion": experience.emotion, **experience.scores.model_dump()} if experience else {}
        if any(not same(own.get(name), value) for name, value in changes.items()):
            self.experienceRequested.emit(self.touchpoint_id, persona_id, changes)

    def _edit_part(self, whole: str, name: str, value: Any) -> None:
        """Scores and metrics are sent whole, with one part changed."""
        current = getattr(self.touchpoint, whole).model_dump()
        if not same(current[name], value):
            self.touchpointEdited.emit(self.touchpoint_id, {whole: {**current, name: value}})

    def exists(self) -> bool:
        return super().exists() and self.journey.has_touchpoint(self.touchpoint_id)

    def refresh(self, force: bool = False) -> None:
        tp = self.touchpoint
        for name in self.FIELDS:
            self.fields[name].show_value(getattr(tp, name), force)
        for name in SCORE_NAMES:
            self.fields[name].show_value(getattr(tp.scores, name), force)
        for name, *_ in METRICS:
            self.fields[name].show_value(getattr(tp.metrics, name), force)
        for name in ("emotion", *SCORE_NAMES):
            self.fields[f"target.{name}"].show_value(getattr(tp.target, name), force)
        self.fields["evidence.level"].show_value(tp.evidence.level, force)
        self.fields["evidence.sources"].show_value(tp.evidence.sources, force)
        self.personas.show_touchpoint(self.journey.personas, tp)
        if force:  # note ids are unique only within a touchpoint: start afresh for another one
            self.pain_points.clear()
            self.opportunities.clear()
        self.pain_points.show_notes(tp.pain_points, force)
        self.opportunities.show_notes(tp.opportunities, force)

    def subheading(self) -> str:
        tp = self.touchpoint
        return f"{self.journey.stage(tp.stage).name} · {self.journey.lane(tp.lane).name}"

    def focus_note(self, kind: str, note_id: str) -> None:
        """Focus the text of a pain point (`kind` "pain_point") or an opportunity, ready to type over."""
        row = (self.pain_points if kind == "pain_point" else self.opportunities).row(note_id)
        self.reveal(row)
        row.text.focus()
