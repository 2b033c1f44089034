"""The workshop controller: presentation and walk-through, the timer, dot voting and the parking lot.

MainWindow wires it as it wires `MapEditing`. Its panels (voting, parking lot, timer) live in
docks beside the Insights dock; in presentation the parking lot also opens as a strip on the
room's screen. Every change to the map goes through an undo command (app/room_commands.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app import commands as cmd
from app import room_commands as rc
from app.dot_voting import DotVoting
from app.time_box import TimeBox
from model import events as ev
from model.headline import Finding, headline
from model.priorities import room_priorities
from widgets.note_entry import NoteEntry
from widgets.parking_lot_panel import ParkingLotPanel
from widgets.presentation_view import PresentationView
from widgets.presenter_panel import PresenterPanel
from widgets.timer_badge import TimerBadge
from widgets.timer_panel import TimerPanel
from widgets.voting_panel import VotingPanel

TIME_BOX_MINUTES = (1, 2, 3, 5, 10, 15, 20, 30)
ROOM_CHOICES_SHOWN = 3
TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)  # where Page Down stays with the text
PARKING_STRIP_SHARE = 0.28  # of the room's screen width, when the parking lot is shown while presenting


def screen_label(screen) -> str:
    """How a screen is named in Present On and remembered: several screens may share a name."""
    size = screen.geometry()
    return f"{screen.name()} ({size.width()}×{size.height()} at {size.x()}, {size.y()})"


class Workshop(QObject):
    """Room mode for one window."""

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.document, self.scene, self.editing = window.document, window.scene, window.editing
        self.presentation: PresentationView | None = None
        self.two_screens = False  # the room's screen is not the window's
        self.parking_strip: ParkingLotPanel | None = None
        self.note_entry: NoteEntry | None = None
        self._hidden_marks = None  # the overlay choice R put away, to bring back
        self._return_focus: QWidget | None = None
        self.time_box = TimeBox(self)
        self.voting, self.parking, self.timer_panel = VotingPanel(), ParkingLotPanel(), TimerPanel()
        self.presenter = PresenterPanel()
        self.docks = {name: self._dock(title, widget) for name, title, widget in (
            ("voting", "Voting", self.voting), ("parking", "Parking Lot", self.parking),
            ("timer", "Timer", self.timer_panel), ("presenter", "Presenter", self.presenter))}
        self.docks["presenter"].hide()
        self.badges = [TimerBadge(window.view)]
        self._connect_panel(self.parking)
        self.dots = DotVoting(self.voting, window, self._say, self._show_voting_panel)
        t = self.timer_panel
        t.startRequested.connect(self.start_timer)
        t.pauseRequested.connect(self.time_box.toggle_pause)
        t.addMinuteRequested.connect(self.time_box.add_minute)
        t.stopRequested.connect(self.time_box.stop)
        self.time_box.changed.connect(self._show_time)
        self.time_box.ended.connect(lambda name: QApplication.beep())
        self.scene.selectionChanged.connect(self._selection_changed)
        self.editing.noteAdded.connect(self._type_note_in_the_room)
        self.scene.blueprintLineRequested.connect(
            lambda lane, kind: self.editing.push(rc.set_blueprint_line(self.journey, lane, kind)))
        self._unsubscribe = None
        self.document.journeyReplaced.connect(self._watch_journey)
        self._watch_journey()

    @property
    def journey(self):
        return self.document.journey

    def _dock(self, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"{title.lower().replace(' ', '-')}-dock")
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.tabifyDockWidget(self.window.insights.dock, dock)
        return dock

    def _connect_panel(self, panel: ParkingLotPanel) -> None:
        panel.parkRequested.connect(lambda text, owner: self.editing.push(rc.ParkItem(self.journey, text, owner)))
        panel.closeRequested.connect(lambda item, closed: self.editing.push(rc.edit_parked_item(
            self.journey, item, "Close parked item" if closed else "Reopen parked item", closed=closed)))
        panel.removeRequested.connect(lambda item: self.editing.push(rc.RemoveParkedItem(self.journey, item)))
        panel.finished.connect(self._give_keyboard_back)

    # ----------------------------------------------------------------- actions and menu
    def build_actions(self, make_action) -> dict[str, QAction]:
        """The workshop's actions by name, made with the window's `make_action(text, slot, shortcut, tip)`."""
        a = {
            "present": make_action("&Present", self.toggle_presentation, "F5",
                                   "Show the map to the room, full screen (Escape leaves)"),
            "walk_through": make_action("&Walk Through", lambda: self.toggle_presentation(walk_through=True),
                                        "Shift+F5", "Present stage by stage, then the insights"),
            "park": make_action("&Park a Question or Idea", self.park, "Ctrl+K",
                                "Put a question or idea on the parking lot"),
            "dot": make_action("Place a &Dot", lambda: self.dots.place_dot(), "D",
                               "A dot from the current voter on the selected card (or the note picked in Voting)"),
            "take_back_dot": make_action("&Take Back a Dot", lambda: self.dots.place_dot(take_back=True), "Shift+D",
                                         "Take back the current voter's latest dot there"),
            "next_voter": make_action("&Next Voter", lambda: self.dots.step_voter(+1), "]", "Dots now come from the next voter"),
            "previous_voter": make_action("P&revious Voter", lambda: self.dots.step_voter(-1), "[",
                                          "Dots now come from the previous voter"),
            "clear_round": make_action("&Clear This Round", self.dots.clear_round),
            "next_round": make_action("Start Next &Round", self.dots.next_round),
            "timer_start": make_action("&Start Time-box", self.timer_panel.start, "Ctrl+T",
                                       "Start the countdown set in the Timer panel"),
            "timer_pause": make_action("&Pause or Resume Timer", self.time_box.toggle_pause, "Ctrl+Shift+T"),
            "timer_add_minute": make_action("&Add a Minute", self.time_box.add_minute, "Ctrl+Alt+T"),
            "timer_stop": make_action("S&top Timer", self.time_box.stop),
        }
        return a

    def build_menu(self, menu: QMenu, a: dict[str, QAction]) -> None:
        for name in ("present", "walk_through"):
            menu.addAction(a[name])
        self.screens_menu = menu.addMenu("Present &On")
        self.screens_menu.aboutToShow.connect(self._fill_screens_menu)
        menu.addSeparator()
        menu.addAction(a["park"])
        voting = menu.addMenu("&Voting")
        for name in ("dot", "take_back_dot", "next_voter", "previous_voter", None, "clear_round", "next_round"):
            voting.addSeparator() if name is None else voting.addAction(a[name])
        timer = menu.addMenu("&Timer")
        for name in ("timer_start", "timer_pause", "timer_add_minute", "timer_stop"):
            timer.addAction(a[name])
        timer.addSeparator()
        for minutes in TIME_BOX_MINUTES:
            timer.addAction(f"{minutes} Minute{'s' * (minutes > 1)}",
                            lambda m=minutes: self.start_timer(m, self.timer_panel.name.text().strip()))
        menu.addSeparator()
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())

    def _fill_screens_menu(self) -> None:
        self.screens_menu.clear()
        group = QActionGroup(self.screens_menu)
        chosen = self.audience_screen()
        for screen in QGuiApplication.screens():
            action = self.screens_menu.addAction(
                screen_label(screen), lambda s=screen: self.settings.setValue("presentation/screen", screen_label(s)))
            action.setCheckable(True)
            action.setChecked(screen is chosen)
            group.addAction(action)

    # ----------------------------------------------------------------- presentation
    def audience_screen(self):
        """The chosen screen; else one the window is not on (a projector); else the window's own."""
        screens = QGuiApplication.screens()
        wanted = self.settings.value("presentation/screen", "")
        for screen in screens:
            if screen_label(screen) == wanted:
                return screen
        own = self.window.screen()
        return next((s for s in screens if s is not own), own)

    def toggle_presentation(self, walk_through: bool = False) -> None:
        if self.presentation is not None:
            if walk_through != self.presentation.walk_through:
                self.presentation.walk_through = walk_through
                self.presentation.go_to(self.presentation.step)
                return
            self.end_presentation()
            return
        self.present(walk_through)

    def present(self, walk_through: bool = False) -> PresentationView:
        view = self.presentation = PresentationView(self.scene)
        view.walk_through = walk_through
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.addActions(list(self.window.actions_by_name.values()))  # menu keys (undo, dots, timer) work on the room's screen too
        view.left.connect(self.end_presentation)
        view.closed.connect(self._presentation_closed)
        QApplication.instance().installEventFilter(self)
        view.revealToggled.connect(self.toggle_marks)
        view.parkingToggled.connect(self.toggle_parking_strip)
        view.stepped.connect(self._stepped)
        self.scene.revealRequested.connect(view.reveal)
        screen = self.audience_screen()
        self.badges.append(TimerBadge(view.viewport(), round(screen.geometry().height() / 18), bottom=True))
        view.setScreen(screen)
        view.setGeometry(screen.geometry())
        view.showFullScreen()
        view.activateWindow()
        view.setFocus()
        self.two_screens = screen is not self.window.screen()
        self.docks["presenter"].setVisible(self.two_screens)
        if self.two_screens:
            self.docks["presenter"].raise_()
        self._show_time()
        self._stepped()
        return view

    def end_presentation(self) -> None:
        if self.presentation is not None:
            self.presentation.close()  # and `_presentation_closed` tidies up

    def _presentation_closed(self) -> None:
        view, self.presentation = self.presentation, None
        if view is None:
            return
        QApplication.instance().removeEventFilter(self)
        self.scene.revealRequested.disconnect(view.reveal)
        self.badges = [b for b in self.badges if b.host is not view.viewport()]
        self.parking_strip = self.note_entry = None
        self.docks["presenter"].hide()
        self.window.activateWindow()
        self.window.view.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While presenting, a clicker's Page Down and Page Up step the room's screen wherever the
        keyboard is (with two screens it is usually on the laptop)."""
        view = self.presentation
        if (view is not None and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
                and isinstance(watched, QWidget) and watched.window() is not view
                and not isinstance(QApplication.focusWidget(), TEXT_FIELDS)):
            view.next_step() if event.key() == Qt.Key.Key_PageDown else view.previous_step()
            return True
        return False

    def _type_note_in_the_room(self, kind: str, touchpoint_id: str, note_id: str) -> None:
        """P or O while presenting on one screen: the note's text is typed on the room's screen,
        since the inspector that would take it is behind the presentation."""
        view = self.presentation
        if view is None or self.two_screens:
            return
        if self.note_entry is None:
            self.note_entry = NoteEntry(view, round(view.title_pixels()))
            self.note_entry.finished.connect(view.setFocus)
            self.note_entry.committed.connect(self._note_typed)
        self._typing_note = (kind, touchpoint_id, note_id)
        tp = self.journey.touchpoint(touchpoint_id)
        notes = tp.pain_points if kind == "pain_point" else tp.opportunities
        noun = "Pain point" if kind == "pain_point" else "Opportunity"
        self.note_entry.start(f"{noun} on “{tp.title or 'Untitled'}” (Enter keeps it)",
                              next(n.text for n in notes if n.id == note_id))

    def _note_typed(self, text: str) -> None:
        kind, touchpoint_id, note_id = self._typing_note
        edit = cmd.edit_pain_point if kind == "pain_point" else cmd.edit_opportunity
        self.editing.push(edit(self.journey, touchpoint_id, note_id, text=text))

    def _stepped(self) -> None:
        view = self.presentation
        if view is None:
            return
        if view.on_insights_step():
            insights = self.window.insights
            insights.refresh()
            view.callouts = headline(self.journey, insights.insights) + self._room_choice()
            view.viewport().update()
        self.presenter.show_steps(view.step_description(), view.step_description(+1))

    def _room_choice(self) -> list[Finding]:
        """The walk-through's last callout: what the room's dots chose, when it voted."""
        ranked = room_priorities(self.journey)[:ROOM_CHOICES_SHOWN]
        if not ranked:
            return []
        return [Finding("The room prioritised", ", ".join(f"“{p.text}” ({p.dots})" for p in ranked))]

    def toggle_marks(self) -> None:
        """R: hide problem marks and overlays for a clean map, or bring them back as they were."""
        insights = self.window.insights
        if self._hidden_marks is None:
            self._hidden_marks = insights.choice
            insights.choose(problems=False, colour_by="none", path="none")
        else:
            was, self._hidden_marks = self._hidden_marks, None
            insights.choose(problems=was.problems, colour_by=was.colour_by, path=was.path)

    # ----------------------------------------------------------------- parking lot
    def park(self) -> None:
        """Ctrl+K from anywhere: type the question, Enter parks it and gives the keyboard back."""
        self._return_focus = QApplication.focusWidget()
        if self.presentation is not None and not self.two_screens:
            self._show_parking_strip().start_entry()
            return
        dock = self.docks["parking"]
        dock.show()
        dock.raise_()
        self.parking.start_entry()

    def _show_parking_strip(self) -> ParkingLotPanel:
        view = self.presentation
        if self.parking_strip is None:
            strip = self.parking_strip = ParkingLotPanel(view)
            self._connect_panel(strip)
            strip.setAutoFillBackground(True)
            strip.setStyleSheet(f"font-size: {round(view.title_pixels())}px;")
            strip.heading.show()
            strip.show_lot(self.journey)
        strip = self.parking_strip
        width = round(view.width() * PARKING_STRIP_SHARE)
        strip.setGeometry(view.width() - width, round(view.stage_band_height()), width,
                          view.height() - round(view.stage_band_height()))
        strip.show()
        strip.raise_()
        return strip

    def toggle_parking_strip(self) -> None:
        if self.parking_strip is not None and self.parking_strip.isVisible():
            self.parking_strip.hide()
        elif self.presentation is not None:
            self._show_parking_strip()

    def _give_keyboard_back(self) -> None:
        target, self._return_focus = self._return_focus, None
        if target is not None and target.isVisible():
            target.setFocus()
        elif self.presentation is not None:
            self.presentation.setFocus()
        else:
            self.window.view.setFocus()

    # ----------------------------------------------------------------- timer
    def start_timer(self, minutes: int, name: str) -> None:
        if not name:
            stage = self.presentation.current_stage() if self.presentation else (self.scene.current_cell() or [None])[0]
            name = f"Capture: {self.journey.stage(stage).name}" if stage else ""
        self.time_box.start(minutes, name)
        self._say(f"Timer: {name + ', ' if name else ''}{minutes} min")

    def _show_time(self) -> None:
        box = self.time_box
        for badge in self.badges:
            badge.show_time(box.text(), box.name, box.active, box.running, box.over)
        self.timer_panel.display.setText(box.text() if box.active else "–")
        self.presenter.show_time(box.text() if box.active else "", box.name, box.over)

    # ----------------------------------------------------------------- keeping up with the map
    def _watch_journey(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
        self._unsubscribe = self.journey.subscribe(self._on_event)
        self.dots.voter_id = None
        self._refresh_all()

    def _on_event(self, event: ev.MapEvent) -> None:
        if isinstance(event, ev.ParkingLotChanged):
            for panel in (self.parking, self.parking_strip):
                if panel is not None:
                    panel.show_lot(self.journey)
        elif isinstance(event, (ev.VotersChanged, ev.VotesChanged, ev.TouchpointChanged, ev.TouchpointRemoved)):
            self.dots.refresh()
        if self.presentation is not None:
            self.presenter.show_card(self.journey, self.scene.selected_touchpoints())

    def _selection_changed(self) -> None:
        self.dots.refresh()
        if self.presentation is not None:
            self.presenter.show_card(self.journey, self.scene.selected_touchpoints())

    def _refresh_all(self) -> None:
        self.parking.show_lot(self.journey)
        self.dots.refresh()

    def _show_voting_panel(self) -> None:
        dock = self.docks["voting"]
        dock.show()
        dock.raise_()

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)
        if self.presentation is not None:
            self.presentation.show_message(message)
