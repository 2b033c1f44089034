"""The main window: canvas in the centre, inspector dock, toolbar, menus and file handling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import file_lock
from app.commands import edit_info
from app.document import Document, FileChangedOnDisk, ReadOnlyDocument
from app.editing import MapEditing
from app.insights import InsightsController
from app.team_review import ReviewController
from app.export_dialogs import export_interactively, import_interactively
from app.keymap import help_rows
from app.recovery import DEFAULT_INTERVAL_SECONDS, RecoveryStore
from app.workshop import Workshop
from app.samples import BUNDLED_DIRS, SAMPLES_DIR, TEMPLATES_DIR, bundled_title, sample_paths, template_paths
from model.errors import JourneyFileError
from model.document import FORMAT_VERSION
from model.journey_map import JourneyMap
from widgets.canvas_scene import JourneyScene
from widgets.canvas_view import JourneyView
from widgets.inspector import Inspector
from widgets.presentation_view import ROOM_KEYS

FILE_FILTER = "Journey maps (*.journey);;All files (*)"
MAX_RECENT = 8
VIEW_OPTIONS = (("emotion", "Emotion Curve"), ("scores", "Stage Scores"), ("connections", "Connections"))


def recovery_store() -> RecoveryStore:
    """Autosaved work lives in the per-user data folder, never beside the user's own files."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return RecoveryStore(Path(folder) / "recovery")


def ask(box: QMessageBox):
    """Show a question box and return the button clicked (tests replace this)."""
    box.exec()
    return box.clickedButton()


def choose(parent, icon: QMessageBox.Icon, title: str, text: str,
           options: list[tuple[str, QMessageBox.ButtonRole]], default: str, cancel: bool = False) -> str | None:
    """Ask a question with buttons named by `options` ((label, role), in order); returns the
    label clicked, or None for Cancel or closing the box."""
    box = QMessageBox(icon, title, text, parent=parent)
    labels = {}
    for label, role in options:
        button = box.addButton(label, role)
        labels[button] = label
        if label == default:
            box.setDefaultButton(button)
    if cancel:
        box.addButton(QMessageBox.StandardButton.Cancel)
    return labels.get(ask(box))


class MainWindow(QMainWindow):
    """One window, one map."""

    def __init__(self):
        super().__init__()
        self.settings = QSettings()
        self._others: list[MainWindow] = []  # windows this one opened (restored maps)
        self.document = Document(self)
        self.scene = JourneyScene(self.document.journey, self)
        self.view = JourneyView(self.scene, self)
        self.setCentralWidget(self.view)
        self.inspector = Inspector(self)
        dock = QDockWidget("Inspector", self)
        dock.setObjectName("inspector-dock")
        dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.inspector_dock = dock
        self.editing = MapEditing(self.document, self.scene, self.view, self.inspector, self)
        self.insights = InsightsController(self, self.settings)
        self.editing.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.workshop = Workshop(self, self.settings)
        self.review = ReviewController(self)
        self._build_actions()
        self.document.journeyReplaced.connect(self._show_new_journey)
        self.document.pathChanged.connect(self._update_title)
        self.document.modifiedChanged.connect(self._update_title)
        self.document.changedOnDisk.connect(self._on_changed_on_disk)
        self.recovery = recovery_store().new_entry()
        self._autosaved_generation = -1
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self._autosave)
        self.autosave_timer.start(1000 * int(self.settings.value("autosave/interval_seconds",
                                                                 DEFAULT_INTERVAL_SECONDS)))
        self.document.keep_backup = self.settings.value("save/keep_backup", True, type=bool)
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
        a["new"] = self._action("&New", self.new_map, K.New, "Start an empty map")
        a["open"] = self._action("&Open…", self.open_dialog, K.Open, "Open a map file")
        a["save"] = self._action("&Save", self.save, K.Save, "Save the map")
        a["save_as"] = self._action("Save &As…", self.save_as, K.SaveAs, "Save the map under a new name")
        a["close"] = self._action("&Close", self.close_map, K.Close, "Close the map")
        a["import"] = self._action("&Import…", self.import_dialog, "Ctrl+I",
                                   "Make a map from a Mermaid journey or a spreadsheet")
        a["export"] = self._action("&Export…", self.export_dialog, "Ctrl+E",
                                   "Export the map as PDF, Mermaid, CSV, PNG or SVG")
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
            templates.addAction(bundled_title(path), lambda p=path: self.open_sample(p))
        samples = file_menu.addMenu("New from &Sample")
        for path in sample_paths():
            samples.addAction(path.stem.replace("-", " ").capitalize(), lambda p=path: self.open_sample(p))
        file_menu.addAction(a["open"])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        for name in ("save", "save_as", "close"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        file_menu.addAction(a["import"])
        file_menu.addAction(a["export"])
        file_menu.addAction(a["compare"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        edit_menu = bar.addMenu("&Edit")
        for name in ("undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete", None, "select_all"):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(a[name])
        view_menu = bar.addMenu("&View")
        for name in ("zoom_in", "zoom_out", "zoom_fit", "zoom_actual", None, "present", "walk_through", None,
                     *(f"show_{n}" for n, _ in VIEW_OPTIONS)):
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
                     "present"):
            toolbar.addSeparator() if name is None else toolbar.addAction(a[name])
        for name in ("undo", "redo"):
            # Icons only: the text names the step ("Undo Add touchpoint “Sees ad”") and would make the
            # buttons after it jump at every edit; the tooltip still names it.
            toolbar.widgetForAction(a[name]).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    # ----------------------------------------------------------------- files
    def _show_new_journey(self) -> None:
        self.scene.set_journey(self.document.journey)
        self.editing.journey_replaced()
        self.view.zoom_to_fit()

    def _update_title(self, *_):
        self.setWindowTitle(f"{self.document.display_name}[*] — Wayfinder")
        self.setWindowModified(self.document.modified)

    def confirm_discard(self) -> bool:
        """Ask before unsaved changes would be lost; True when it is fine to go on."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes",
            f"Save the changes to “{self.document.display_name}” before closing it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_map(self) -> None:
        if self.confirm_discard():
            journey = JourneyMap()
            for name in ("Awareness", "Consideration", "Purchase", "Retention", "Advocacy"):
                journey.add_stage(name)
            journey.add_lane("Customer", kind="actor")
            self.document.replace(journey, None)

    def close_map(self) -> None:
        if self.confirm_discard():
            self.document.replace(JourneyMap(), None)

    def open_dialog(self) -> None:
        start = str(self.document.path.parent) if self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open map", start, FILE_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a map file; a bad file is reported and the current map stays as it was."""
        if Path(path).resolve().parent in BUNDLED_DIRS:
            return self.open_sample(Path(path))
        if not self.confirm_discard():
            return False
        read_only = False
        owner = file_lock.foreign_lock(Path(path).absolute())
        if owner is not None:
            choice = choose(self, QMessageBox.Icon.Question, "Map is open elsewhere",
                            f"{Path(path).name} is open by {owner.describe()}.\n\n"
                            "Open it read-only, or open it anyway and risk overwriting their changes?",
                            [("Open Read-Only", QMessageBox.ButtonRole.AcceptRole),
                             ("Open Anyway", QMessageBox.ButtonRole.DestructiveRole)], "Open Read-Only", cancel=True)
            if choice is None:
                return False
            read_only = choice == "Open Read-Only"
        try:
            self.document.open(path, read_only=read_only)
        except JourneyFileError as error:
            QMessageBox.warning(self, "Cannot open map", str(error))
            return False
        self._remember_recent(self.document.path)
        message = f"Opened {self.document.path}"
        if self.document.file_version < FORMAT_VERSION:
            message += (f" (written by an older Wayfinder in format version {self.document.file_version}; "
                        f"it is saved in version {FORMAT_VERSION} when you save)")
        self.statusBar().showMessage(message, 10000)
        return True

    def open_sample(self, path: Path) -> bool:
        """A sample or a template opens as an untitled copy, so saving never writes into the bundled maps."""
        if not self.confirm_discard():
            return False
        from model.journey_file import load

        try:
            journey = load(path)
        except JourneyFileError as error:
            QMessageBox.warning(self, "Cannot open map", f"{error}\n\nReinstalling Wayfinder restores the bundled maps.")
            return False
        self.document.replace(journey, None)
        what = "template" if path.resolve().parent == TEMPLATES_DIR else "sample"
        self.statusBar().showMessage(f"Opened a copy of the {what} {path.stem}: Save As keeps your version", 8000)
        return True

    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path.home() / f"{self.document.journey.info.title}.journey")
        path, _ = QFileDialog.getSaveFileName(self, "Save map as", start, FILE_FILTER)
        if not path:
            return False
        if not path.endswith(".journey"):
            path += ".journey"
        return self._save_to(Path(path))

    def _save_to(self, path: Path, overwrite: bool = False) -> bool:
        try:
            self.document.save(path, overwrite=overwrite)
        except FileChangedOnDisk:
            return self._save_over_changed_file(path)
        except ReadOnlyDocument:
            return self.save_as()
        except JourneyFileError as error:
            QMessageBox.critical(self, "Cannot save map", f"{error}\n\nThe map is still open with all its changes.")
            return False
        self.recovery.remove()
        self._remember_recent(self.document.path)
        self.statusBar().showMessage(f"Saved {self.document.path}", 4000)
        return True

    def _save_over_changed_file(self, path: Path) -> bool:
        choice = choose(self, QMessageBox.Icon.Warning, "File changed on disk",
                        f"{path.name} was changed by someone else since you opened it.\n\n"
                        "Overwrite their version, save yours under another name, or reload theirs "
                        "(your unsaved changes would be lost)?",
                        [("Overwrite", QMessageBox.ButtonRole.DestructiveRole),
                         ("Save As…", QMessageBox.ButtonRole.AcceptRole),
                         ("Reload", QMessageBox.ButtonRole.ResetRole)], "Save As…", cancel=True)
        if choice == "Overwrite":
            return self._save_to(path, overwrite=True)
        if choice == "Save As…":
            return self.save_as()
        if choice == "Reload":
            self._reload()
        return False

    def _on_changed_on_disk(self) -> None:
        """Someone changed the open file: reload at once if nothing local would be lost, else ask."""
        if not self.document.modified:
            self._reload()
            self.statusBar().showMessage(f"Reloaded {self.document.display_name}: it changed on disk", 6000)
            return
        if choose(self, QMessageBox.Icon.Warning, "File changed on disk",
                  f"{self.document.display_name} was changed on disk by someone else, "
                  "and you have unsaved changes.\n\nReload their version (losing yours) or keep yours?",
                  [("Reload", QMessageBox.ButtonRole.DestructiveRole), ("Keep Mine", QMessageBox.ButtonRole.RejectRole)],
                  "Keep Mine") == "Reload":
            self._reload()

    def _reload(self) -> None:
        try:
            self.document.reload()
        except JourneyFileError as error:
            QMessageBox.warning(self, "Cannot reload map", f"{error}\n\nYour version stays open.")

    # ----------------------------------------------------------------- autosave
    def _autosave(self) -> None:
        """Write unsaved work to the recovery folder (never over the user's file)."""
        if not self.document.modified:
            self.recovery.remove()
            return
        if self.document.generation == self._autosaved_generation:
            return
        try:
            self.recovery.write(self.document.journey, self.document.path, self.document.stamp)
        except JourneyFileError as error:
            self.statusBar().showMessage(f"Autosave failed: {error}", 10000)
            return
        self._autosaved_generation = self.document.generation

    def restore(self, recovered) -> None:
        """Open autosaved work as an unsaved document; saving it goes to its original file."""
        journey = recovered.load()
        self.document.replace(journey, recovered.original, recovered.stamp, modified=True)
        recovered.discard()
        self._autosave()

    def offer_recovered_work(self) -> None:
        """After a crash, offer each map autosaved by a Wayfinder that is no longer running."""
        for recovered in recovery_store().orphans():
            choice = choose(self, QMessageBox.Icon.Question, "Recover unsaved work",
                            f"Wayfinder closed without saving {recovered.describe()}.\n\nRestore it now?",
                            [("Restore", QMessageBox.ButtonRole.AcceptRole),
                             ("Discard", QMessageBox.ButtonRole.DestructiveRole),
                             ("Later", QMessageBox.ButtonRole.RejectRole)], "Restore")
            if choice == "Restore":
                target = self if self._is_blank() else self._new_window()
                target.restore(recovered)
            elif choice == "Discard":
                recovered.discard()

    def _is_blank(self) -> bool:
        return self.document.path is None and not self.document.modified and len(self.document.journey) == 0

    def _new_window(self) -> "MainWindow":
        window = MainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._others.append(window)
        window.destroyed.connect(lambda: self._others.remove(window) if window in self._others else None)
        window.show()
        return window

    def _remember_recent(self, path: Path | None) -> None:
        if path is None or path.parent == SAMPLES_DIR:
            return
        recent = [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent_files", [str(path), *recent][:MAX_RECENT])

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", []) or []
        return [value] if isinstance(value, str) else list(value)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            self.recent_menu.addAction(path, lambda p=path: self.open_path(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction("No recent maps").setEnabled(False)

    def _start_folder(self) -> Path:
        return self.document.path.parent if self.document.path else Path.home()

    def export_dialog(self) -> None:
        name = self.document.path.stem if self.document.path else self.document.journey.info.title
        folder = self.document.path.parent if self.document.path else None
        export_interactively(self, self.document.journey, self._start_folder() / name, self.settings, folder=folder,
                             brand_changed=lambda changes: self.document.push(
                                 edit_info(self.document.journey, "Set the PDF's brand kit", **changes)))

    def import_dialog(self) -> None:
        if not self.confirm_discard():
            return
        journey = import_interactively(self, self._start_folder())
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
        for name, _ in VIEW_OPTIONS:
            visible = self.settings.value(f"view/{name}", True, type=bool)
            self.actions_by_name[f"show_{name}"].setChecked(visible)
            self.scene.set_layer_visible(name, visible)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.workshop.end_presentation()
        self.autosave_timer.stop()
        self.recovery.remove()
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
