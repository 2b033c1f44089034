"""The inspector: the dock that shows and edits whatever is selected, or the map itself.

It never writes to the model. Every edit the user makes leaves as a signal carrying ids and
the new values in the model's types; app/ turns it into an undo command, and after the
model's event calls `refresh`, which re-reads the model without disturbing the field being
typed in. Text fields report every keystroke; `editFinished` says a typing run has ended
(focus left the field, Enter was pressed, or a choice was made), so the app can start a
new undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from model import theme
from model.journey_map import JourneyMap
from widgets.inspector_fields import Field
from widgets.inspector_page import Page
from widgets.inspector_pages import ConnectionPage, LanePage, MapPage, StagePage
from widgets.inspector_touchpoint import TouchpointPage
from widgets.persona_badge import PersonaPhotos

MINIMUM_WIDTH = 320


class Inspector(QWidget):
    """The dock's contents: one page per kind of thing shown, under a heading naming it."""

    touchpointEdited = Signal(str, dict)  # touchpoint id, field -> new value
    stageEdited = Signal(str, dict)
    laneEdited = Signal(str, dict)
    infoEdited = Signal(dict)
    personaEdited = Signal(str, dict)  # persona id ("" on a map of none), field -> new value
    personaAdded = Signal()
    personaRemoved = Signal(str)
    membershipRequested = Signal(str, str, bool)  # touchpoint, persona, passes here
    experienceRequested = Signal(str, str, dict)  # touchpoint, persona, their own emotion or scores
    connectionEdited = Signal(str, str, dict)  # source, target, field -> new value
    painPointAdded = Signal(str)  # touchpoint id
    painPointEdited = Signal(str, str, dict)  # touchpoint id, pain point id, field -> new value
    painPointRemoved = Signal(str, str)
    opportunityAdded = Signal(str)
    opportunityEdited = Signal(str, str, dict)
    opportunityRemoved = Signal(str, str)
    editFinished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        self.heading.setFont(heading_font)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.subheading.setStyleSheet(f"color: {theme.TEXT_MUTED};")

        self.map_page = MapPage()
        self.touchpoint_page = TouchpointPage()
        self.stage_page = StagePage()
        self.lane_page = LanePage()
        self.connection_page = ConnectionPage()
        self.pages = QStackedWidget()
        for page in (self.map_page, self.touchpoint_page, self.stage_page, self.lane_page, self.connection_page):
            self.pages.addWidget(page)
            page.editFinished.connect(self.editFinished)
        for name in ("touchpointEdited", "membershipRequested", "experienceRequested", "painPointAdded", "painPointEdited", "painPointRemoved",
                     "opportunityAdded", "opportunityEdited", "opportunityRemoved"):
            getattr(self.touchpoint_page, name).connect(getattr(self, name))
        self.map_page.infoEdited.connect(self.infoEdited)
        for name in ("personaEdited", "personaAdded", "personaRemoved"):
            getattr(self.map_page, name).connect(getattr(self, name))
        self.stage_page.edited.connect(self.stageEdited)
        self.lane_page.edited.connect(self.laneEdited)
        self.connection_page.connectionEdited.connect(self.connectionEdited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(2)
        for label in (self.heading, self.subheading):
            label.setContentsMargins(10, 0, 10, 0)
            layout.addWidget(label)
        layout.addSpacing(4)
        layout.addWidget(self.pages, 1)

    # ----------------------------------------------------------------- what is shown
    def use_photos(self, photos: PersonaPhotos) -> None:
        """The window's persona photos, which also know the map's folder (files named as sources are kept
        relative to it)."""
        self.map_page.use_photos(photos)
        self.touchpoint_page.map_folder = lambda: photos.folder

    @property
    def page(self) -> Page:
        """The page on show."""
        return self.pages.currentWidget()

    def show_map(self, journey: JourneyMap) -> None:
        """Nothing selected: the map's details and its personas."""
        self._show(self.map_page, journey)

    def show_touchpoint(self, journey: JourneyMap, touchpoint_id: str) -> None:
        self._show(self.touchpoint_page, journey, touchpoint_id)

    def show_stage(self, journey: JourneyMap, stage_id: str) -> None:
        self._show(self.stage_page, journey, stage_id)

    def show_lane(self, journey: JourneyMap, lane_id: str) -> None:
        self._show(self.lane_page, journey, lane_id)

    def show_connection(self, journey: JourneyMap, source: str, target: str) -> None:
        self._show(self.connection_page, journey, source, target)

    def _show(self, page: Page, journey: JourneyMap, *ids: str) -> None:
        # Showing again what is on show is a refresh: the user's typing and scroll position stay.
        again = page is self.page and page.shows(journey, *ids)
        page.show_entity(journey, *ids, force=not again)
        if not again:
            page.verticalScrollBar().setValue(0)
            self.pages.setCurrentWidget(page)
        self._show_heading()

    def refresh(self) -> None:
        """Show the model's current values; if what was shown is gone, show the map instead.

        Sends no edit signals, and leaves alone a field whose input already means the model's value.
        """
        page = self.page
        if page.journey is None:
            return
        if not page.exists():
            self.show_map(page.journey)
            return
        page.refresh()
        self._show_heading()

    def _show_heading(self) -> None:
        self.heading.setText(self.page.heading)
        self.subheading.setText(self.page.subheading())

    # ----------------------------------------------------------------- focus
    def field(self, name: str) -> Field:
        """A field of the page on show, by the model's name for it ("title", "nps", "persona.goals")."""
        return self.page.fields[name]

    def focus_field(self, name: str) -> None:
        """Focus a field of the page on show, with its text selected, ready to type over."""
        self.page.focus_field(name)

    def focus_note(self, kind: str, note_id: str) -> None:
        """Focus the text of a pain point (`kind` "pain_point") or an opportunity of the touchpoint on show."""
        self.touchpoint_page.focus_note(kind, note_id)

    def focus_pain_point(self, pain_id: str) -> None:
        self.focus_note("pain_point", pain_id)

    def focus_opportunity(self, opportunity_id: str) -> None:
        self.focus_note("opportunity", opportunity_id)
