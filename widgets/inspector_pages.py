"""The inspector's pages for the map (with its personas), a stage, a lane and a connection;
the touchpoint's page has a module of its own (inspector_touchpoint.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QPushButton

from model.entities import ConnectionKind, LaneKind, Persona
from model.map_files import relative_to_map
from widgets.inspector_fields import ColourField, ComboField, Field, TextField, same, stripped
from widgets.inspector_page import Page, list_field, name_field, text_field
from widgets.inspector_personas import KpiList, PersonaPicker
from widgets.persona_badge import PersonaPhotos

PHOTO_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)"


class MapPage(Page):
    """Nothing selected: the map's details and its personas, one at a time (the picker says which)."""

    heading = "Journey map"
    infoEdited = Signal(dict)
    personaEdited = Signal(str, dict)  # persona id ("" on a map of none: the first is made), field -> value
    personaAdded = Signal()
    personaRemoved = Signal(str)

    INFO = ("title", "accessible_title", "description", "client", "author")
    PERSONA = ("name", "purpose", "goals", "expectations", "colour", "initials", "photo")

    def __init__(self):
        super().__init__()
        info = self.section("Map")
        self._info(info, "title", "Title", name_field("The map's title.", "The journey's name"))
        self._info(info, "accessible_title", "Accessible title",
                   name_field("A title for screen readers where it should differ (Mermaid's accTitle).",
                               "For screen readers, if different"))
        self._info(info, "description", "Description",
                   text_field("What the journey covers and why it was mapped.", "What this map covers, and why"))
        self._info(info, "client", "Client", name_field("Who the map is made for.", "Who the map is for"))
        self._info(info, "author", "Author", name_field("Who made the map.", "Who made it"))
        persona = self.section("Personas")
        self.picker = PersonaPicker()
        persona.addRow("Persona", self.picker)
        self.persona_id: str | None = None
        self.picker.picked.connect(self._pick)
        self.picker.addClicked.connect(self.personaAdded)
        self.picker.removeClicked.connect(self.personaRemoved)
        self._persona(persona, "name", "Name",
                      name_field("Who the customer is.", "e.g. First-time buyer"))
        self._persona(persona, "purpose", "Purpose",
                      text_field("Why they set out on this journey.", "Why they set out on this journey", 3))
        self._persona(persona, "goals", "Goals", list_field("What they want to achieve, one per line.",
                                                             "One goal per line"))
        self._persona(persona, "expectations", "Expectations",
                      list_field("What they expect from us on the way, one per line.", "One expectation per line"))
        self._persona(persona, "colour", "Curve colour", ColourField("The colour of their emotion curve."))
        self._persona(persona, "initials", "Initials",
                      TextField.line("Up to three letters for their badge; empty: from the name.", stripped(3),
                                     placeholder="from the name", max_length=3))
        self._persona(persona, "photo", "Photo",
                      name_field("A photo for their badge, as a path relative to the map's folder; empty: "
                                 "the initials.", "e.g. photos/maya.jpg"))
        self.choose_photo = QPushButton("Choose Photo…")
        self.choose_photo.setObjectName("persona.choose_photo")
        self.choose_photo.clicked.connect(self._choose_photo)
        persona.addRow("", self.choose_photo)
        self.photos = PersonaPhotos(self)  # the window shares the canvas's, which knows the map's folder
        self.end()

    def use_photos(self, photos: PersonaPhotos) -> None:
        self.photos = self.picker.photos = photos

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
        self.add(form, f"persona.{name}", label, field, lambda value: self._edit_persona(name, value))

    def _edit_persona(self, name: str, value: Any) -> None:
        if not same(getattr(self.persona, name), value):
            self.personaEdited.emit(self.persona.id if self.journey.personas else "", {name: value})

    def _choose_photo(self) -> None:
        """Pick the photo file; it is kept relative to the map's folder, so the two move together."""
        if not self.exists():
            return
        start = str(self.photos.where(self.persona) or self.photos.folder or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Choose a photo", start, PHOTO_FILTER)
        if path:
            self._edit_persona("photo", relative_to_map(Path(path), self.photos.folder))
            self.editFinished.emit()

    def refresh(self, force: bool = False) -> None:
        for name in self.INFO:
            self.fields[name].show_value(getattr(self.journey.info, name), force)
        persona = self.persona
        self.persona_id = persona.id if self.journey.personas else None
        self.picker.show_personas(self.journey, self.persona_id)
        for name in self.PERSONA:
            self.fields[f"persona.{name}"].show_value(getattr(persona, name), force)

    def subheading(self) -> str:
        return "Nothing selected: the map's details and its personas."



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
        self._field(form, "name", "Name", name_field("Shown in the stage header.", "e.g. Awareness"))
        goal = "What does this person need from us to move forward?"
        self._field(form, "goal", "Customer goal", text_field(goal, goal))
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
        self._field(form, "name", "Name", name_field("Shown in the lane header.", "e.g. Web & social"))
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
        self._field(form, "label", "Label", name_field("Why or when customers take this path.",
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
