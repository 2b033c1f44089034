"""The inspector's pages, one per kind of thing it shows: the map, a touchpoint, a stage, a lane,
a connection.

A page holds the map and the ids of what it shows, reads the model to fill its fields, and
turns the user's edits into requests (signals) carrying ids and new values in the model's
types. A request is sent only when the value differs from the model's.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, get_args

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from model import theme
from model.entities import (
    EMOTION_RANGE,
    SCORE_NAMES,
    SCORE_RANGE,
    ConnectionKind,
    LaneKind,
    Metrics,
    Motivator,
    Name,
    Persona,
    Tag,
    Text,
    ToBeChange,
    Touchpoint,
)
from model.journey_map import JourneyMap
from model.vocabulary import EMOTION_NAMES, SCORE_EXPLANATIONS, signed
from widgets.inspector_fields import (
    ChoiceField,
    ColourField,
    ComboField,
    Field,
    FlagsField,
    TextField,
    format_number,
    items,
    muted_label,
    number,
    number_validator,
    same,
    stripped,
    verbatim,
)
from widgets.inspector_notes import NoteList, OpportunityRow, PainPointRow
from widgets.inspector_personas import KpiList, PersonaPicker, PersonaRows, evidence_fields


def _max_length(annotated: Any) -> int:
    return next(m.max_length for m in get_args(annotated)[1:] if getattr(m, "max_length", None))


NAME_MAX, TEXT_MAX, TAG_MAX = _max_length(Name), _max_length(Text), _max_length(Tag)

NOT_SET = (None, "Not set", "Not set")


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


def _score_field(what: str, colour: str) -> ChoiceField:
    low, high = SCORE_RANGE
    choices = [NOT_SET] + [(n, str(n), f"{n} of {high}") for n in range(low, high + 1)]
    return ChoiceField(choices, f"{what}, {low} (poor) to {high} (excellent), or not set.",
                       colours={n: colour for n in range(low, high + 1)})


def _emotion_field(hint: str) -> ChoiceField:
    low, high = EMOTION_RANGE
    emotions = [NOT_SET] + [(v, signed(v), EMOTION_NAMES[v])
                            for v in range(low, high + 1)]
    return ChoiceField(emotions, hint, colours=theme.EMOTION_COLOURS, caption=True)


def _name_field(hint: str, placeholder: str) -> TextField:
    return TextField.line(hint, stripped(NAME_MAX), placeholder=placeholder, max_length=NAME_MAX)


def _text_field(hint: str, placeholder: str, lines: int = 4) -> TextField:
    return TextField.block(hint, verbatim(TEXT_MAX), placeholder=placeholder, lines=lines)


def _list_field(hint: str, placeholder: str) -> TextField:
    return TextField.block(hint, items("\n", NAME_MAX, "line"), "\n".join, placeholder, lines=3)


class Page(QScrollArea):
    """A form for one kind of entity, in its own scroll area."""

    heading = ""
    editFinished = Signal()

    def __init__(self):
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(6, 4, 6, 8)
        self._column.setSpacing(10)
        self.setWidget(body)
        self.journey: Optional[JourneyMap] = None
        self.ids: tuple[str, ...] = ()
        self.fields: dict[str, Field] = {}

    # ----------------------------------------------------------------- building
    def section(self, title: str) -> QFormLayout:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setContentsMargins(8, 8, 8, 8)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self._column.addWidget(group)
        return form

    def add(self, form: QFormLayout, key: str, label: str, field: Field, on_edit: Callable[[Any], None],
            explanation: str = "") -> Field:
        """Put `field` into `form`; the user's edits go to `on_edit(value)`."""
        if explanation:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field.widget)
            column.addWidget(muted_label(explanation))
            form.addRow(label, box)
        else:
            form.addRow(label, field.widget)
        field.widget.setObjectName(key)
        self.fields[key] = field
        field.edited.connect(lambda value: self.exists() and on_edit(value))
        field.finished.connect(self.editFinished)
        return field

    def end(self) -> None:
        self._column.addStretch(1)

    # ----------------------------------------------------------------- showing
    def show_entity(self, journey: JourneyMap, *ids: str, force: bool) -> None:
        self.journey, self.ids = journey, ids
        self.refresh(force)

    def shows(self, journey: JourneyMap, *ids: str) -> bool:
        return self.journey is journey and self.ids == ids

    def exists(self) -> bool:
        return self.journey is not None

    def refresh(self, force: bool = False) -> None:
        """Show the model's values; `force` also drops the user's unfinished, invalid input."""
        raise NotImplementedError

    def subheading(self) -> str:
        return ""

    def focus_field(self, key: str) -> None:
        self.reveal(self.fields[key].widget)
        self.fields[key].focus()

    def reveal(self, widget: QWidget) -> None:
        self.ensureWidgetVisible(widget)
        # A row added a moment ago has its place only once the layout has run.
        QTimer.singleShot(0, lambda: widget.isVisible() and self.ensureWidgetVisible(widget))


class MapPage(Page):
    """Nothing selected: the map's details and its personas, one at a time (the picker says which)."""

    heading = "Journey map"
    infoEdited = Signal(dict)
    personaEdited = Signal(str, dict)  # persona id ("" on a map of none: the first is made), field -> value
    personaAdded = Signal()
    personaRemoved = Signal(str)

    INFO = ("title", "accessible_title", "description", "client", "author")
    PERSONA = ("name", "purpose", "goals", "expectations", "colour", "initials")

    def __init__(self):
        super().__init__()
        info = self.section("Map")
        self._info(info, "title", "Title", _name_field("The map's title.", "The journey's name"))
        self._info(info, "accessible_title", "Accessible title",
                   _name_field("A title for screen readers where it should differ (Mermaid's accTitle).",
                               "For screen readers, if different"))
        self._info(info, "description", "Description",
                   _text_field("What the journey covers and why it was mapped.", "What this map covers, and why"))
        self._info(info, "client", "Client", _name_field("Who the map is made for.", "Who the map is for"))
        self._info(info, "author", "Author", _name_field("Who made the map.", "Who made it"))
        persona = self.section("Personas")
        self.picker = PersonaPicker()
        persona.addRow("Persona", self.picker)
        self.persona_id: str | None = None
        self.picker.picked.connect(self._pick)
        self.picker.addClicked.connect(self.personaAdded)
        self.picker.removeClicked.connect(self.personaRemoved)
        self._persona(persona, "name", "Name",
                      _name_field("Who the customer is.", "e.g. First-time buyer"))
        self._persona(persona, "purpose", "Purpose",
                      _text_field("Why they set out on this journey.", "Why they set out on this journey", 3))
        self._persona(persona, "goals", "Goals", _list_field("What they want to achieve, one per line.",
                                                             "One goal per line"))
        self._persona(persona, "expectations", "Expectations",
                      _list_field("What they expect from us on the way, one per line.", "One expectation per line"))
        self._persona(persona, "colour", "Curve colour", ColourField("The colour of their emotion curve."))
        self._persona(persona, "initials", "Initials",
                      TextField.line("Up to three letters for their badge; empty: from the name.", stripped(3),
                                     placeholder="from the name", max_length=3))
        self.end()

    @property
    def persona(self) -> Persona:
        """The persona the fields show: the picked one, or the first (an empty one on a map of none)."""
        if self.persona_id and self.journey.has_persona(self.persona_id):
            return self.journey.persona_by_id(self.persona_id)
        return self.journey.persona

    def pick(self, persona_id: str) -> None:
        """Show and edit this persona (after adding one, the app picks it)."""
        self._pick(persona_id)

    def _pick(self, persona_id: str) -> None:
        self.persona_id = persona_id
        self.refresh(force=True)

    def _info(self, form, name: str, label: str, field: Field) -> None:
        self.add(form, name, label, field,
                 lambda value: same(getattr(self.journey.info, name), value) or self.infoEdited.emit({name: value}))

    def _persona(self, form, name: str, label: str, field: Field) -> None:
        self.add(form, f"persona.{name}", label, field,
                 lambda value: same(getattr(self.persona, name), value)
                 or self.personaEdited.emit(self.persona.id if self.journey.personas else "", {name: value}))

    def refresh(self, force: bool = False) -> None:
        for name in self.INFO:
            self.fields[name].show_value(getattr(self.journey.info, name), force)
        persona = self.persona
        self.persona_id = persona.id if self.journey.personas else None
        self.picker.show_personas(self.journey.personas, self.persona_id)
        for name in self.PERSONA:
            self.fields[f"persona.{name}"].show_value(getattr(persona, name), force)

    def subheading(self) -> str:
        return "Nothing selected: the map's details and its personas."


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
        self._plain(form, "title", "Title", _name_field("Shown on the card.", "What happens, in a few words"))
        self._plain(form, "description", "Description",
                    _text_field("What happens here.", "What happens here, in the customer's words"))
        self._plain(form, "channel", "Channel", _name_field("Where it happens.", "Web, app, store, phone…"))
        self._plain(form, "owner", "Owner", _name_field("The team that owns this moment.", "The team that owns it"))
        self._plain(form, "emotion", "Emotion", _emotion_field("How the customer feels here: −2 awful … +2 delighted."))
        self._plain(form, "tags", "Tags", TextField.line("Words to find and group cards by, separated by commas.",
                                                         items(",", TAG_MAX, "tag"), ", ".join,
                                                         "e.g. online, first visit"))
        self._plain(form, "colour", "Colour", ColourField("The card's colour on the map."))

        scores = self.section("Scores")
        for name in SCORE_NAMES:
            self.add(scores, name, name.title(), _score_field(name.title(), theme.SCORE_COLOURS[name]),
                     lambda value, name=name: self._edit_part("scores", name, value), SCORE_EXPLANATIONS[name])

        motivation = self.section("Motivation and expectation")
        self.add(motivation, "motivators", "Motivators",
                 FlagsField([(m, m.value.capitalize(), MOTIVATOR_EXPLANATIONS[m]) for m in Motivator],
                            "Which motivators this moment serves; stages with none lose customers."),
                 lambda value: self._edit("motivators", value), "Purpose: their own goal. Mastery: visible "
                 "progress. Autonomy: options and control.")
        for name, label, hint in (("expected", "Expected", "What the customer expected here"),
                                  ("experienced", "Experienced", "What the customer got here")):
            self._plain(motivation, name, label, _score_field(hint, theme.SELECTION))

        self.personas = PersonaRows()
        self.section("Personas").addRow(self.personas)
        self.personas.membershipRequested.connect(
            lambda persona, on: self.exists() and self.membershipRequested.emit(self.touchpoint_id, persona, on))
        self.personas.experienceRequested.connect(self._persona_experience)
        self.personas.finished.connect(self.editFinished)

        evidence = self.section("Evidence")
        level, sources = evidence_fields()
        self.add(evidence, "evidence.level", "Level", level, lambda value: self._edit_evidence(level=value))
        self.add(evidence, "evidence.sources", "Sources", sources, lambda value: self._edit_evidence(sources=value),
                 "who or where | date | link or file | quote")

        target = self.section("To-be target")
        self._plain(target, "to_be", "In the to-be", ComboField(TO_BE_CHOICES, "What the to-be journey does to "
                                                                               "this touchpoint."))
        self.add(target, "target.emotion", "Emotion", _emotion_field("The emotion we want customers to feel here."),
                 lambda value: self._edit_part("target", "emotion", value),
                 "Shown as a dashed second curve (View → Overlays).")
        for name in SCORE_NAMES:
            self.add(target, f"target.{name}", name.title(),
                     _score_field(f"Target {name}", theme.SCORE_COLOURS[name]),
                     lambda value, name=name: self._edit_part("target", name, value))

        metrics = self.section("Metrics")
        for name, label, kind, placeholder, allowed in METRICS:
            low, high = _metric_range(name)
            field = TextField.line(allowed, number(kind, low, high, allowed), format_number, placeholder)
            field.widget.setValidator(number_validator(kind, low, high, field.widget))
            self.add(metrics, name, label, field, lambda value, name=name: self._edit_part("metrics", name, value))

        self.pain_points = self._notes("Pain points", PainPointRow, "Add pain point", "No pain points noted.",
                                       self.painPointAdded, self.painPointEdited, self.painPointRemoved)
        self.opportunities = self._notes("Opportunities", OpportunityRow, "Add opportunity",
                                         "No opportunities noted.", self.opportunityAdded,
                                         self.opportunityEdited, self.opportunityRemoved)
        self.end()

    def _plain(self, form, name: str, label: str, field: Field) -> None:
        self.add(form, name, label, field, lambda value: self._edit(name, value))

    def _notes(self, title: str, make_row, add_text: str, empty_text: str, added, edited, removed) -> NoteList:
        notes = NoteList(make_row, add_text, empty_text)
        self.section(title).addRow(notes)
        attribute = "pain_points" if make_row is PainPointRow else "opportunities"

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


class _AxisPage(Page):
    """A stage or a lane: a few fields of one entity on the map's stage or lane axis."""

    edited = Signal(str, dict)  # stage or lane id, field -> new value
    axis = "stage"
    FIELDS: tuple[str, ...] = ()
    place = "Column"

    def _field(self, form, name: str, label: str, field: Field) -> None:
        self.add(form, name, label, field, lambda value: same(getattr(self.entity, name), value)
                 or self.edited.emit(self.ids[0], {name: value}))

    @property
    def entity(self):
        return getattr(self.journey, self.axis)(self.ids[0])

    def _all(self) -> tuple:
        return getattr(self.journey, f"{self.axis}s")

    def exists(self) -> bool:
        return super().exists() and any(item.id == self.ids[0] for item in self._all())

    def refresh(self, force: bool = False) -> None:
        for name in self.FIELDS:
            self.fields[name].show_value(getattr(self.entity, name), force)

    def subheading(self) -> str:
        index = getattr(self.journey, f"{self.axis}_index")(self.ids[0])
        return f"{self.place} {index + 1} of {len(self._all())}"


class StagePage(_AxisPage):
    heading = "Stage"
    FIELDS = ("name", "goal")

    def __init__(self):
        super().__init__()
        form = self.section("Stage")
        self._field(form, "name", "Name", _name_field("Shown in the stage header.", "e.g. Awareness"))
        goal = "What does this person need from us to move forward?"
        self._field(form, "goal", "Customer goal", _text_field(goal, goal))
        self.kpis = KpiList()
        self.section("Stage metrics").addRow(self.kpis)
        self.kpis.kpisEdited.connect(lambda kpis: self.exists() and self.edited.emit(self.ids[0], {"kpis": kpis}))
        self.kpis.finished.connect(self.editFinished)
        self.end()

    def refresh(self, force: bool = False) -> None:
        super().refresh(force)
        self.kpis.show_kpis(self.entity.kpis, force)


class LanePage(_AxisPage):
    heading = "Lane"
    axis = "lane"
    FIELDS = ("name", "kind", "persona")
    place = "Row"

    def __init__(self):
        super().__init__()
        form = self.section("Lane")
        self._field(form, "name", "Name", _name_field("Shown in the lane header.", "e.g. Web & social"))
        kinds = [(LaneKind.channel, "Channel"), (LaneKind.actor, "Actor"), (LaneKind.backstage, "Backstage")]
        self._field(form, "kind", "Kind", ComboField(kinds, "What the row stands for: a channel the customer "
                                                            "uses, an actor, or a backstage team."))
        self._field(form, "persona", "Persona", ComboField([(None, "Everyone's")], "Whose lane this is: one "
                                                           "persona's own, or everyone's. Reassign it at any time."))
        self.end()

    def refresh(self, force: bool = False) -> None:
        self.fields["persona"].set_choices([(None, "Everyone's")] + [
            (p.id, p.name or "Unnamed persona") for p in self.journey.personas])
        super().refresh(force)


class ConnectionPage(Page):
    heading = "Connection"
    connectionEdited = Signal(str, str, dict)

    def __init__(self):
        super().__init__()
        form = self.section("Connection")
        kinds = [(ConnectionKind.main, "Main flow"), (ConnectionKind.alternative, "Alternative"),
                 (ConnectionKind.fallback, "Fallback")]
        self._field(form, "kind", "Kind", ComboField(kinds, "How this path relates to the intended flow."))
        self._field(form, "label", "Label", _name_field("Why or when customers take this path.",
                                                        "Why or when customers go this way"))
        self.end()

    def _field(self, form, name: str, label: str, field: Field) -> None:
        self.add(form, name, label, field, lambda value: same(getattr(self.connection, name), value)
                 or self.connectionEdited.emit(*self.ids, {name: value}))

    @property
    def connection(self):
        return self.journey.connection(*self.ids)

    def exists(self) -> bool:
        return super().exists() and self.journey.has_connection(*self.ids)

    def refresh(self, force: bool = False) -> None:
        for name in ("kind", "label"):
            self.fields[name].show_value(getattr(self.connection, name), force)

    def subheading(self) -> str:
        source, target = (self.journey.touchpoint(tp_id).title for tp_id in self.ids)
        return f"From “{source}” to “{target}”"
