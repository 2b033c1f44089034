"""The main window: canvas in the centre, inspector and insights docks, toolbar and menus.

It wires the parts that do the work, each a module of its own: `MapEditing` (requests to undo
commands), `FileHandling` (open, save, conflicts), `Autosave` (recovery copies), `InsightsController`,
`Workshop`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.autosave import Autosave, offer_recovered_work, recovery_store
from app.commands import edit_info
from app.document import Document
from app.editing import MapEditing
from app.file_handling import FileHandling
from app.insights import InsightsController
from app.persona_files import PersonaFiles
from app.persona_filter import PersonaFilter
from app.team_review import ReviewController
from app.export_dialogs import export_interactively, import_interactively
from app.keymap import help_rows
from app.workshop import Workshop
from app.samples import bundled_title, sample_paths, template_paths
from widgets.canvas_scene import JourneyScene
from widgets.canvas_view import JourneyView
from widgets.inspector import Inspector
from widgets.presentation_view import ROOM_KEYS

VIEW_OPTIONS = (("emotion", "Emotion Curve"), ("scores", "Stage Scores"), ("connections", "Connections"))


class MainWindow(QMainWindow):
    """One window, one map."""

    def __init__(self):
        super().__init__()
        self.settings = QSettings()
        self._others: list[MainWindow] = []  # windows this one opened (restored maps)
        self.document = Document(self)
        self.scene = JourneyScene(self.document.journey, self)
        # Before anything shows the new map, so that its persona photos are looked for beside it.
        self.document.journeyReplaced.connect(self._map_folder_changed)
        self.view = JourneyView(self.scene, self)
        self.setCentralWidget(self.view)
        self.inspector = Inspector(self)
        dock = QDockWidget("Inspector", self)
        dock.setObjectName("inspector-dock")
        dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.inspector_dock = dock
        self.editing = MapEditing(self.document, self.scene, self.view, self.inspector, self)
        self.files = FileHandling(self, self.document, self.settings)
        self.insights = InsightsController(self, self.settings)
        self.persona_files = PersonaFiles(self)
        self.persona_filter = PersonaFilter(self)
        self.persona_filter.changed.connect(self._persona_chosen)
        self.editing.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
        photos = self.scene.photos
        self.inspector.use_photos(photos)
        photos.unreadable.connect(lambda text: self.statusBar().showMessage(text, 12000))
        photos.changed.connect(self.inspector.refresh)
        self.document.pathChanged.connect(self._map_folder_changed)
        self._map_folder_changed()
        self.workshop = Workshop(self, self.settings)
        self.review = ReviewController(self)
        self._build_actions()
        self.document.journeyReplaced.connect(self._show_new_journey)
        self.document.pathChanged.connect(self._update_title)
        self.document.modifiedChanged.connect(self._update_title)
        self.autosave = Autosave(self.document, recovery_store().new_entry(), self.settings, self)
        self.autosave.failed.connect(self._autosave_failed)
        self._restore_settings()
        self.review.refresh()  # a Review dock restored from the last session shows only when there is something to review
        self._update_title()
        self.view.setFocus()  # keys go to the canvas from the start: a facilitator types at once

    # ----------------------------------------------------------------- actions and menus
    def _action(self, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            # A platform's standard key (Save, Undo…) differs between systems: README leaves it to Help.
            action.setProperty("standard_key", isinstance(shortcut, QKeySequence.StandardKey))
        if tip:
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        e = self.editing
        self.actions_by_name: dict[str, QAction] = {}
        a = self.actions_by_name
        f = self.files
        a["new"] = self._action("&New", f.new_map, K.New, "Start an empty map")
        a["open"] = self._action("&Open…", f.open_dialog, K.Open, "Open a map file")
        a["save"] = self._action("&Save", f.save, K.Save, "Save the map")
        a["save_as"] = self._action("Save &As…", f.save_as, K.SaveAs, "Save the map under a new name")
        a["close"] = self._action("&Close", f.close_map, K.Close, "Close the map")
        a["import"] = self._action("&Import…", self.import_dialog, "Ctrl+I",
                                   "Make a map from a Mermaid journey or a spreadsheet")
        a["export"] = self._action("&Export…", self.export_dialog, "Ctrl+E",
                                   "Export the map as PDF, Mermaid, CSV, PNG or SVG")
        a["import_personas"] = self._action("Import &Personas…", lambda: self.persona_files.import_personas(),
                                            tip="Copy the personas of another map into this one")
        a["refresh_metrics"] = self._action("Refresh &Metrics…", lambda: self.persona_files.refresh_metrics(),
                                            tip="Read stage metric values from a CSV or XLSX file "
                                                "(columns stage, metric, date, value)")
        a["quit"] = self._action("&Quit", self.close, K.Quit, "Quit Wayfinder")
        undo = self.document.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(K.Undo)
        redo = self.document.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(K.Redo)
        a["undo"], a["redo"] = undo, redo
        for action in (undo, redo):
            action.setProperty("standard_key", True)
        a["cut"] = self._action("Cu&t", e.cut, K.Cut)
        a["copy"] = self._action("&Copy", e.copy, K.Copy)
        a["paste"] = self._action("&Paste", e.paste, K.Paste)
        a["duplicate"] = self._action("D&uplicate", e.duplicate, "Ctrl+D")
        a["delete"] = self._action("&Delete", e.delete_selection, K.Delete)
        a["select_all"] = self._action("Select &All", self.scene.select_all, K.SelectAll)
        a["zoom_in"] = self._action("Zoom &In", self.view.zoom_in, K.ZoomIn)
        a["zoom_in"].setShortcuts([*a["zoom_in"].shortcuts(), QKeySequence("Ctrl+=")])  # = is + without Shift
        a["zoom_in"].setProperty("standard_key", False)  # README names both keys
        a["zoom_out"] = self._action("Zoom &Out", self.view.zoom_out, K.ZoomOut)
        a["zoom_fit"] = self._action("Zoom to &Fit", self.view.zoom_to_fit, "Ctrl+9")
        a["zoom_actual"] = self._action("&Actual Size", self.view.actual_size, "Ctrl+0")
        a["to_be_view"] = self._action("&To-be Journey", self._to_be_view, "Ctrl+Shift+B",
                                       "Show the journey as it will be: new, changed and retired touchpoints "
                                       "and the to-be emotion", checkable=True)
        a["next_persona"] = self._action("Next &Persona", self._next_persona, "Ctrl+Shift+P",
                                         "Answer for the next persona of the map (then everyone again)")
        for name, label in VIEW_OPTIONS:
            a[f"show_{name}"] = self._action(f"Show {label}", lambda on, n=name: self._set_view_option(n, on),
                                             checkable=True)
        a["add_stage"] = self._action("&Stage", e.add_stage, "Ctrl+Alt+S", "Add a stage after the current one")
        a["add_lane"] = self._action("&Lane", e.add_lane, "Ctrl+Alt+L", "Add a lane below the current one")
        a["add_touchpoint"] = self._action("&Touchpoint", e.add_touchpoint, "Ctrl+Alt+N",
                                           "Add a card in the current cell")
        a["add_connection"] = self._action("&Connection", e.connect_selection, "Ctrl+Alt+C",
                                           "Connect the selected cards in the order they were selected")
        a["add_pain"] = self._action("&Pain Point", e.add_pain_point, "Ctrl+Alt+P", "Note a pain point on the card")
        a["add_opportunity"] = self._action("&Opportunity", e.add_opportunity, "Ctrl+Alt+O",
                                            "Note an improvement idea on the card")
        a.update(self.workshop.build_actions(self._action))
        a["shortcuts"] = self._action("&Keyboard Shortcuts", self.show_shortcuts, K.HelpContents)
        a["about"] = self._action("&About Wayfinder", self.show_about)
        a.update(self.review.build_actions())

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(a["new"])
        templates = file_menu.addMenu("New from &Template")
        for path in template_paths():
            templates.addAction(bundled_title(path), lambda p=path: f.open_sample(p))
        samples = file_menu.addMenu("New from &Sample")
        for path in sample_paths():
            samples.addAction(path.stem.replace("-", " ").capitalize(), lambda p=path: f.open_sample(p))
        file_menu.addAction(a["open"])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(lambda: f.fill_recent_menu(self.recent_menu))
        file_menu.addSeparator()
        for name in ("save", "save_as", "close"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        file_menu.addAction(a["import"])
        file_menu.addAction(a["import_personas"])
        file_menu.addAction(a["refresh_metrics"])
        file_menu.addAction(a["export"])
        file_menu.addAction(a["compare"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        edit_menu = bar.addMenu("&Edit")
        for name in ("undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete", None, "select_all"):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(a[name])
        view_menu = bar.addMenu("&View")
        for name in ("zoom_in", "zoom_out", "zoom_fit", "zoom_actual", None, "present", "walk_through", None,
                     "to_be_view", "next_persona", None, *(f"show_{n}" for n, _ in VIEW_OPTIONS)):
            view_menu.addSeparator() if name is None else view_menu.addAction(a[name])
        view_menu.addSeparator()
        a.update(self.insights.build_menu(view_menu.addMenu("O&verlays")))
        view_menu.addSeparator()
        view_menu.addAction(self.inspector_dock.toggleViewAction())
        view_menu.addAction(self.insights.dock.toggleViewAction())
        view_menu.addAction(self.review.dock.toggleViewAction())
        insert_menu = bar.addMenu("&Insert")
        for name in ("add_stage", "add_lane", "add_touchpoint", "add_connection", "add_pain", "add_opportunity"):
            insert_menu.addAction(a[name])
        self.workshop.build_menu(bar.addMenu("&Workshop"), a)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["shortcuts"])
        help_menu.addAction(a["about"])

        style = self.style()
        for name, icon in (("new", "SP_FileIcon"), ("open", "SP_DialogOpenButton"), ("save", "SP_DialogSaveButton"),
                           ("undo", "SP_ArrowBack"), ("redo", "SP_ArrowForward")):
            a[name].setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, icon)))
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("new", "open", "save", None, "undo", "redo", None, "add_stage", "add_lane",
                     "add_touchpoint", "add_connection", "add_pain", None, "zoom_out", "zoom_in", "zoom_fit", None,
                     "present", None, "to_be_view"):
            if name is None:
                toolbar.addSeparator()
            elif name in ("undo", "redo"):
                _step_button(toolbar, a[name])
            else:
                toolbar.addAction(a[name])
        self.persona_filter.add_to(toolbar)

    # ----------------------------------------------------------------- personas and the to-be view
    def _persona_chosen(self, persona_id: str | None) -> None:
        self.scene.set_persona_filter(persona_id)
        self.insights.set_persona(persona_id)

    def _to_be_view(self, on: bool) -> None:
        self.scene.set_to_be_view(on)
        self.insights.set_to_be(on)

    def _next_persona(self) -> None:
        combo = self.persona_filter.combo
        if combo.isEnabled():
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        else:
            self.statusBar().showMessage("This map follows one persona: add another in the Inspector "
                                         "(click the canvas background) to compare them.", 8000)

    # ----------------------------------------------------------------- files (app.file_handling, app.autosave)
    def _show_new_journey(self) -> None:
        self.scene.set_journey(self.document.journey)
        self.scene.set_persona_filter(self.persona_filter.persona_id)
        self.scene.set_to_be_view(self.actions_by_name["to_be_view"].isChecked())
        self.editing.journey_replaced()
        self.view.zoom_to_fit()

    def _map_folder_changed(self) -> None:
        """Persona photos are relative to the map's folder: saving elsewhere may show others."""
        self.scene.photos.set_folder(self.document.folder)

    def _update_title(self, *_):
        self.setWindowTitle(f"{self.document.display_name}[*] — Wayfinder")
        self.setWindowModified(self.document.modified)

    def confirm_discard(self) -> bool:
        return self.files.confirm_discard()

    def new_map(self) -> None:
        self.files.new_map()

    def close_map(self) -> None:
        self.files.close_map()

    def open_path(self, path: str | Path) -> bool:
        return self.files.open_path(path)

    def open_sample(self, path: Path) -> bool:
        return self.files.open_sample(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def _autosave_failed(self, reason: str) -> None:
        self.statusBar().showMessage(f"Autosave failed: {reason}", 10000)

    def offer_recovered_work(self) -> None:
        """After a crash, offer each map autosaved by a Wayfinder that is no longer running."""
        offer_recovered_work(self, lambda: self if self._is_blank() else self._new_window())

    def _is_blank(self) -> bool:
        return self.document.path is None and not self.document.modified and len(self.document.journey) == 0

    def _new_window(self) -> "MainWindow":
        window = MainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._others.append(window)
        window.destroyed.connect(lambda: self._others.remove(window) if window in self._others else None)
        window.show()
        return window

    def export_dialog(self) -> None:
        name = self.document.path.stem if self.document.path else self.document.journey.info.title
        export_interactively(self, self.document.journey, self.files.start_folder() / name, self.settings,
                             folder=self.document.folder,
                             brand_changed=lambda changes: self.document.push(
                                 edit_info(self.document.journey, "Set the PDF's brand kit", **changes)))

    def import_dialog(self) -> None:
        if not self.confirm_discard():
            return
        journey = import_interactively(self, self.files.start_folder())
        if journey is not None:
            self.document.replace(journey, None)

    # ----------------------------------------------------------------- view options and settings
    def _set_view_option(self, name: str, visible: bool) -> None:
        self.scene.set_layer_visible(name, visible)
        self.settings.setValue(f"view/{name}", visible)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        else:  # first start: the inspector and the insights share the right side evenly
            self.resizeDocks([self.inspector_dock, self.insights.dock], [1, 1], Qt.Orientation.Vertical)
            # Insights in front of the room's panels tabbed with it; a tab is raised only once shown.
            QTimer.singleShot(0, self.insights.dock.raise_)
        for name, _ in VIEW_OPTIONS:
            visible = self.settings.value(f"view/{name}", True, type=bool)
            self.actions_by_name[f"show_{name}"].setChecked(visible)
            self.scene.set_layer_visible(name, visible)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.workshop.end_presentation()
        self.autosave.stop()
        self.document.close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        # The scene announces selection changes while it is torn down; nobody must listen then.
        self.scene.blockSignals(True)
        event.accept()

    # ----------------------------------------------------------------- help
    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for Help → Keyboard Shortcuts: the menus' shortcuts, then the canvas's keys."""
        native = QKeySequence.SequenceFormat.NativeText
        # Undo and Redo carry the next step in their text ("Undo Add touchpoint"); Help names the action.
        steps = {"undo": "Undo", "redo": "Redo"}
        rows = help_rows([(", ".join(key.toString(native) for key in action.shortcuts()),
                           steps.get(name, action.text().replace("&", "")))
                          for name, action in self.actions_by_name.items() if action.shortcuts()])
        return rows + [(key.label, f"Presenting: {key.action}") for key in ROOM_KEYS]

    def show_shortcuts(self) -> None:
        rows = self.shortcut_rows()
        dialog = QDialog(self)
        dialog.setWindowTitle("Keyboard Shortcuts")
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels(["Keys", "Action"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(620, 560)
        dialog.exec()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Wayfinder",
                          "<b>Wayfinder</b><br>Design customer journey maps: stages, lanes, touchpoints, "
                          "pain points and Meaning / Value / Accommodation scores.")


def _step_button(toolbar: QToolBar, step: QAction) -> None:
    """Add the toolbar's Undo or Redo: an icon whose tooltip names the step ("Undo Add touchpoint “Sees ad”").

    The button has an action of its own that never changes, and follows `step` (the menu's action)
    on the button itself: a change to a toolbar button's action, which the menu's undergoes at every
    edit, has Qt set the button's icon again and lay out the toolbar and the whole window."""
    action = QAction(step.icon(), step.text(), toolbar)
    action.triggered.connect(step.trigger)
    toolbar.addAction(action)
    button = toolbar.widgetForAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # the step's name would shift the others
    _StepFollower(step, button)


class _StepFollower(QObject):
    """Keeps a toolbar button's tooltip and enabled state those of the menu's Undo or Redo; it goes
    with the button, and with it the connection."""

    def __init__(self, step: QAction, button: QWidget):
        super().__init__(button)
        self.step, self.button = step, button
        step.changed.connect(self.follow)
        self.follow()

    @Slot()
    def follow(self) -> None:
        if not isValid(self.step):
            return  # the menu's action announces one last change as Qt deletes it
        self.button.setEnabled(self.step.isEnabled())
        self.button.setToolTip(self.step.toolTip())
