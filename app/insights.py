"""Keeps the insights panel and the canvas overlays in step with the map.

Edits never wait on analysis: a model event only restarts a short timer, and the analysis runs
once when the user pauses. The same `model.analysis.analyse` feeds the panel, the overlays and
the PDF summary.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from model.analysis import Insights, analyse
from model.entities import ToBeChange
from model.journey_map import JourneyMap
from model.paths import easiest_path, happy_path, most_painful_path
from model.projection import persona_journey, to_be_journey
from widgets.insights_panel import InsightsPanel
from widgets.overlays import COLOUR_BY, PATHS, OverlayChoice, OverlayLegend, apply_overlays

DELAY_MS = 120  # long enough to let a typing burst finish, short enough to feel live


class InsightsController(QObject):
    """The Insights dock, the View → Overlays menu, and the analysis that feeds both."""

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.document, self.scene, self.view = window.document, window.scene, window.view
        self.panel = InsightsPanel()
        self.dock = QDockWidget("Insights", window)
        self.dock.setObjectName("insights-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)  # under the inspector
        self.legend = OverlayLegend(self.view)
        self.choice = OverlayChoice(
            colour_by=str(settings.value("overlay/colour_by", "none")),
            problems=settings.value("overlay/problems", True, type=bool),
            path=str(settings.value("overlay/path", "none")),
            target_curve=settings.value("overlay/target_curve", False, type=bool))
        self.insights: Insights | None = None
        self.persona_id: str | None = None  # whom the analysis answers for (None: everyone)
        self.to_be = False  # whether it answers for the to-be journey rather than today's
        self.lived: JourneyMap | None = None  # the map as that persona lives it (today or to-be), analysed last
        self.path: list[str] = []
        self.review_marks: dict[str, str] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self._unsubscribe = None
        self.panel.touchpointsActivated.connect(self._select)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.document.journeyReplaced.connect(self._watch_journey)
        self.view.firstPainted.connect(self.timer.start)  # the map is painted before it is analysed
        self._watch_journey()

    # ----------------------------------------------------------------- menu
    def build_menu(self, menu: QMenu) -> dict[str, QAction]:
        """Fill View → Overlays; returns the actions by name for the window's action table."""
        actions = self._one_of(menu.addMenu("Colour Cards &By"), "colour_by", COLOUR_BY)
        for name, text in (("problems", "Mark &Dead Ends and Unreachable"), ("target_curve", "Show &Target Emotion Curve")):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(getattr(self.choice, name))
            action.toggled.connect(lambda on, name=name: self.choose(**{name: on}))
            actions["mark_problems" if name == "problems" else name] = action
        actions.update(self._one_of(menu.addMenu("Show &Path"), "path", PATHS))
        return actions

    def _one_of(self, menu: QMenu, setting: str, options: dict[str, str]) -> dict[str, QAction]:
        """Checkable actions of which one is on: the choice `setting` of the overlays."""
        group = QActionGroup(self)
        actions = {}
        for key, label in options.items():
            action = menu.addAction(label, lambda k=key: self.choose(**{setting: k}))
            action.setCheckable(True)
            action.setChecked(key == getattr(self.choice, setting))
            group.addAction(action)
            actions[f"{setting}_{key}"] = action
        return actions

    def choose(self, **changes) -> None:
        """Change what the overlays show (and remember it for next time)."""
        self.choice = replace(self.choice, **changes)
        for name, value in changes.items():
            self.settings.setValue(f"overlay/{name}", value)
        self.legend.show_for(self.choice.colour_by)
        self._apply()

    # ----------------------------------------------------------------- keeping up with the map
    def _watch_journey(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
        # The last analysis answers for a map that is gone: let it go with the map, before the
        # document sets the new map's objects aside from the cycle collector (app.document).
        self.lived = self.insights = None
        self._unsubscribe = self.document.journey.subscribe(lambda event: self.timer.start())
        if self.view.painted:
            self.timer.start()  # after the window has rebuilt the canvas for the new map

    def set_persona(self, persona_id: str | None) -> None:
        """Answer for one persona (None: everyone) from now on."""
        self.persona_id = persona_id
        self.refresh()

    def set_to_be(self, on: bool) -> None:
        """Answer for the to-be journey (retired touchpoints gone, targets reached), or for today's."""
        self.to_be = on
        self.refresh()

    def refresh(self) -> None:
        """Analyse the map now and show the result (the timer calls this after edits)."""
        self.timer.stop()
        journey = self.document.journey
        if self.persona_id is not None and not journey.has_persona(self.persona_id):
            self.persona_id = None  # the persona filter follows; until it does, answer for everyone
        self.lived = persona_journey(journey, self.persona_id)
        if self.to_be:
            self.lived = to_be_journey(self.lived)
        self.insights = analyse(self.lived)
        persona = journey.persona_by_id(self.persona_id).name if self.persona_id else ""
        self.panel.show_insights(self.lived, self.insights, persona, self.to_be)
        self.legend.show_for(self.choice.colour_by)
        self._apply()

    def set_review_marks(self, marks: dict[str, str]) -> None:
        """Mark cards a comparison or a merge points at (touchpoint id -> a `theme.REVIEW_MARKS` key)."""
        self.review_marks = marks
        self._apply()

    def _selection_changed(self) -> None:
        if self.choice.path in ("easiest", "painful"):
            self._apply()

    def _apply(self) -> None:
        if self.insights is None:
            return
        self.path = self._path()
        apply_overlays(self.scene, self.choice, self.insights, self.path, self.review_marks, self.lived)

    def _path(self) -> list[str]:
        journey = self.lived
        if self.choice.path == "happy":
            found = happy_path(journey)
            if found is None:
                self._say("No path leads from the first stage to the last.")
            return found or []
        if self.choice.path in ("easiest", "painful"):
            selected = self.scene.selected_touchpoints()
            if len(selected) != 2:
                self._say("Select two touchpoints (Ctrl-click) to see the path between them.")
                return []
            if missing := [tp_id for tp_id in selected if not journey.has_touchpoint(tp_id)]:
                title = self.document.journey.touchpoint(missing[0]).title
                if self.to_be and self.document.journey.touchpoint(missing[0]).to_be == ToBeChange.removed:
                    self._say(f"“{title}” is retired in the to-be journey: leave the to-be view to see paths through it.")
                else:
                    self._say(f"{journey.persona.name or 'This persona'} never meets “{title}”: "
                              "choose Everyone in the persona filter to see paths through it.")
                return []
            find = easiest_path if self.choice.path == "easiest" else most_painful_path
            found = find(journey, *selected)
            if found is None:
                self._say("No path leads from the first selected touchpoint to the second.")
            return found or []
        return []

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    def _select(self, touchpoint_ids: list[str]) -> None:
        self.scene.select_touchpoints([t for t in touchpoint_ids if t in self.scene.cards])
        self.view.setFocus()
