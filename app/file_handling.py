"""File handling for one window: new, open, save, save as, recent files, and the conflicts a
shared disk brings (someone else's lock, a file changed underneath, a read-only file).

Every failure is said once, in a message naming the file and what to do, and loses nothing:
the map stays open with all its changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from app import file_lock
from app.document import Document, FileChangedOnDisk, ReadOnlyDocument
from app.questions import choose
from app.samples import BUNDLED_DIRS, SAMPLES_DIR, TEMPLATES_DIR
from model.document import FORMAT_VERSION
from model.errors import JourneyFileError, ReadOnlyFile
from model.journey_map import JourneyMap

FILE_FILTER = "Journey maps (*.journey);;All files (*)"
MAX_RECENT = 8
NEW_MAP_STAGES = ("Awareness", "Consideration", "Purchase", "Retention", "Advocacy")


class FileHandling(QObject):
    """Moves the window's document to and from disk, asking the user where the disk disagrees."""

    def __init__(self, window: QMainWindow, document: Document, settings: QSettings):
        super().__init__(window)
        self.window, self.document, self.settings = window, document, settings
        self._asking_about_disk = False
        document.keep_backup = settings.value("save/keep_backup", True, type=bool)
        document.changedOnDisk.connect(self._on_changed_on_disk)

    def _status(self, message: str, milliseconds: int) -> None:
        self.window.statusBar().showMessage(message, milliseconds)

    # ----------------------------------------------------------------- leaving the current map
    def confirm_discard(self) -> bool:
        """Ask before unsaved changes would be lost; True when it is fine to go on."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            f"Save the changes to “{self.document.display_name}” before closing it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_map(self) -> None:
        if self.confirm_discard():
            journey = JourneyMap()
            for name in NEW_MAP_STAGES:
                journey.add_stage(name)
            journey.add_lane("Customer", kind="actor")
            self.document.replace(journey, None)

    def close_map(self) -> None:
        if self.confirm_discard():
            self.document.replace(JourneyMap(), None)

    # ----------------------------------------------------------------- opening
    def start_folder(self) -> Path:
        return self.document.path.parent if self.document.path else Path.home()

    def open_dialog(self) -> None:
        start = str(self.document.path.parent) if self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(self.window, "Open map", start, FILE_FILTER)
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
            choice = choose(self.window, QMessageBox.Icon.Question, "Map is open elsewhere",
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
            QMessageBox.warning(self.window, "Cannot open map", str(error))
            return False
        self._remember_recent(self.document.path)
        message = f"Opened {self.document.path}"
        if self.document.file_version < FORMAT_VERSION:
            message += (f" (written by an older Wayfinder in format version {self.document.file_version}; "
                        f"it is saved in version {FORMAT_VERSION} when you save)")
        self._status(message, 10000)
        return True

    def open_sample(self, path: Path) -> bool:
        """A sample or a template opens as an untitled copy, so saving never writes into the bundled maps."""
        if not self.confirm_discard():
            return False
        from model.journey_file import load

        try:
            journey = load(path)
        except JourneyFileError as error:
            QMessageBox.warning(self.window, "Cannot open map",
                                f"{error}\n\nReinstalling Wayfinder restores the bundled maps.")
            return False
        self.document.replace(journey, None)
        what = "template" if path.resolve().parent == TEMPLATES_DIR else "sample"
        self._status(f"Opened a copy of the {what} {path.stem}: Save As keeps your version", 8000)
        return True

    # ----------------------------------------------------------------- saving
    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path.home() / f"{self.document.journey.info.title}.journey")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save map as", start, FILE_FILTER)
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
        except ReadOnlyFile as error:
            return self._save_read_only_file(error)
        except JourneyFileError as error:
            QMessageBox.critical(self.window, "Cannot save map",
                                 f"{error}\n\nThe map is still open with all its changes.")
            return False
        self._remember_recent(self.document.path)
        self._status(f"Saved {self.document.path}", 4000)
        return True

    def _save_read_only_file(self, error: ReadOnlyFile) -> bool:
        choice = choose(self.window, QMessageBox.Icon.Warning, "Map file is read-only",
                        f"{error}\n\nThe map is still open with all its changes.",
                        [("Save As…", QMessageBox.ButtonRole.AcceptRole)], "Save As…", cancel=True)
        return self.save_as() if choice == "Save As…" else False

    def _save_over_changed_file(self, path: Path) -> bool:
        choice = choose(self.window, QMessageBox.Icon.Warning, "File changed on disk",
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

    # ----------------------------------------------------------------- changes on disk
    def _on_changed_on_disk(self) -> None:
        """Someone changed the open file: reload at once if nothing local would be lost, else ask
        (once: changes that come while the question is open are what its answer is about)."""
        if self._asking_about_disk:
            return
        if not self.document.modified:
            self._reload()
            self._status(f"Reloaded {self.document.display_name}: it changed on disk", 6000)
            return
        self._asking_about_disk = True
        try:
            choice = choose(self.window, QMessageBox.Icon.Warning, "File changed on disk",
                            f"{self.document.display_name} was changed on disk by someone else, "
                            "and you have unsaved changes.\n\nReload their version (losing yours) or keep yours?",
                            [("Reload", QMessageBox.ButtonRole.DestructiveRole),
                             ("Keep Mine", QMessageBox.ButtonRole.RejectRole)], "Keep Mine")
        finally:
            self._asking_about_disk = False
        if choice == "Reload":
            self._reload()

    def _reload(self) -> None:
        try:
            self.document.reload()
        except JourneyFileError as error:
            QMessageBox.warning(self.window, "Cannot reload map", f"{error}\n\nYour version stays open.")

    # ----------------------------------------------------------------- recent files
    def _remember_recent(self, path: Path | None) -> None:
        if path is None or path.parent == SAMPLES_DIR:
            return
        recent = [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent_files", [str(path), *recent][:MAX_RECENT])

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", []) or []
        return [value] if isinstance(value, str) else list(value)

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.recent_files():
            menu.addAction(path, lambda p=path: self.open_path(p))
        if not menu.actions():
            menu.addAction("No recent maps").setEnabled(False)
