"""The persona filter in the toolbar, and the to-be view: what the canvas and the Insights dock answer for.

Choosing a persona fades the cards they never meet and makes the Insights dock, the overlays and
the paths answer for that persona (the analysis runs on the map as they live it, see
`model.projection`). The choice names a persona of the map on show: a new map, or removing that
persona, goes back to everyone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QToolBar

from model import events as ev
from model.personas import persona_colour
from widgets.persona_badge import badge_icon

EVERYONE = "Everyone"


class PersonaFilter(QObject):
    """A combo box of the map's personas; `changed(persona id or None)` when the choice changes."""

    changed = Signal(object)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.document = window.document
        self.photos = window.scene.photos
        self.photos.changed.connect(self._fill)
        self.combo = QComboBox()
        self.combo.setObjectName("persona-filter")
        self.combo.setToolTip("Answer for one persona: fade the touchpoints they never meet, and make the "
                              "Insights, overlays and paths theirs")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(12)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.persona_id: str | None = None
        self._unsubscribe = None
        self.document.journeyReplaced.connect(self._watch_journey)
        self._watch_journey()

    def add_to(self, toolbar: QToolBar) -> None:
        label = QLabel(" Persona: ")
        label.setBuddy(self.combo)
        toolbar.addWidget(label)
        toolbar.addWidget(self.combo)

    def choose(self, persona_id: str | None) -> None:
        """Answer for `persona_id` (None: everyone)."""
        index = self.combo.findData(persona_id) if persona_id is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def _watch_journey(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
        self._unsubscribe = self.document.journey.subscribe(self._on_event)
        self._fill()

    def _on_event(self, event: ev.MapEvent) -> None:
        if isinstance(event, ev.PersonaChanged):
            self._fill()

    def _fill(self) -> None:
        """List the map's personas again, keeping the choice while its persona is on the map."""
        journey = self.document.journey
        keep = self.persona_id if self.persona_id and journey.has_persona(self.persona_id) else None
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(EVERYONE, None)
        for persona in journey.personas:
            icon = badge_icon(persona, persona_colour(journey, persona.id), self.photos.image(persona))
            self.combo.addItem(icon, persona.name or "Unnamed persona", persona.id)
        self.combo.setCurrentIndex(max(self.combo.findData(keep), 0) if keep else 0)
        self.combo.setEnabled(len(journey.personas) > 1)
        self.combo.blockSignals(blocked)
        if keep != self.persona_id:
            self.persona_id = keep
            self.changed.emit(keep)

    def _chosen(self, index: int) -> None:
        persona_id = self.combo.itemData(index)
        if persona_id != self.persona_id:
            self.persona_id = persona_id
            self.changed.emit(persona_id)
