"""What every inspector page shares: a scrolling form of sections, fields that send the user's
edits on as requests, and the builders for the fields several pages use.

A page holds the map and the ids of what it shows, reads the model to fill its fields, and
turns the user's edits into requests (signals) carrying ids and new values in the model's
types. A request is sent only when the value differs from the model's.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, get_args

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from model import theme
from model.entities import EMOTION_RANGE, SCORE_RANGE, Name, Tag, Text
from model.journey_map import JourneyMap
from model.vocabulary import EMOTION_NAMES, signed
from widgets.inspector_fields import ChoiceField, Field, TextField, items, muted_label, stripped, verbatim


def _max_length(annotated: Any) -> int:
    return next(m.max_length for m in get_args(annotated)[1:] if getattr(m, "max_length", None))


NAME_MAX, TEXT_MAX, TAG_MAX = _max_length(Name), _max_length(Text), _max_length(Tag)

NOT_SET = (None, "Not set", "Not set")


def score_field(what: str, colour: str) -> ChoiceField:
    low, high = SCORE_RANGE
    choices = [NOT_SET] + [(n, str(n), f"{n} of {high}") for n in range(low, high + 1)]
    return ChoiceField(choices, f"{what}, {low} (poor) to {high} (excellent), or not set.",
                       colours={n: colour for n in range(low, high + 1)})


def emotion_field(hint: str) -> ChoiceField:
    low, high = EMOTION_RANGE
    emotions = [NOT_SET] + [(v, signed(v), EMOTION_NAMES[v])
                            for v in range(low, high + 1)]
    return ChoiceField(emotions, hint, colours=theme.EMOTION_COLOURS, caption=True)


def name_field(hint: str, placeholder: str) -> TextField:
    return TextField.line(hint, stripped(NAME_MAX), placeholder=placeholder, max_length=NAME_MAX)


def text_field(hint: str, placeholder: str, lines: int = 4) -> TextField:
    return TextField.block(hint, verbatim(TEXT_MAX), placeholder=placeholder, lines=lines)


def list_field(hint: str, placeholder: str) -> TextField:
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
