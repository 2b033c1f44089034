"""The map open in a window: the `JourneyMap`, the file it came from, and its undo stack.

The modified mark follows the undo stack's clean state, so undoing back to what was saved
makes the document unmodified again. The document also remembers what it read or wrote
(size, modification time, content hash), so that a file changed by someone else is
noticed and never silently overwritten, and it holds the file's lock while open.

It watches the file's folder as well as the file, because tools replace files in ways a watch
on the file alone loses: delete and recreate, rename over it, write in place. Changes are looked
at once they settle (a write in place is a truncate and then a write), and a file that is merely
gone (perhaps to be recreated) is not a change to reload.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app import file_lock
from app.disk_stamp import DiskStamp
from model import journey_file
from model.document import FORMAT_VERSION
from model.errors import JourneyFileError
from model.journey_map import JourneyMap

YOUNG_OBJECTS = 10_000  # new objects between two collections of the young generation, with a map open


def _settle_heap() -> None:
    """Set the objects of the map just shown (and its canvas) aside from Python's cycle collector.

    A 2,000-touchpoint map and its canvas are some 200,000 objects that live until the next map;
    every full collection walked them all, a 110 ms stall in the middle of a drag, an undo or a
    keystroke every few gestures. Frozen, they are skipped; the next `replace` unfreezes them so
    that the old map's cycles can be collected. The one collection here runs while a map opens,
    so that no garbage is frozen with the live objects.

    The young generation is collected after `YOUNG_OBJECTS` new objects, not Python's 700: a
    layout of the 2,000 map makes thousands (rects, routes, tables), and twenty drags, drops and
    undos on it ran 128 collections (20 ms, some in the middle of a gesture); now one (1 ms).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


class FileChangedOnDisk(Exception):
    """Saving would overwrite a version of the file that someone else wrote since we read it."""


class ReadOnlyDocument(Exception):
    """The map was opened read-only; it can be saved under another name only."""


class Document(QObject):
    """One open map. Replace its contents with `open`/`replace`; change them only through `push`."""

    journeyReplaced = Signal()  # a different JourneyMap object is now open
    pathChanged = Signal()
    modifiedChanged = Signal(bool)
    changedOnDisk = Signal()  # the open file now differs from what we read or wrote
    edited = Signal()  # the map's content changed (an edit, an undo, another map)

    SETTLE_MS = 150  # how long file changes must pause before the file is looked at

    def __init__(self, parent: QObject | None = None, keep_backup: bool = True):
        super().__init__(parent)
        self.journey = JourneyMap()
        self.path: Path | None = None
        self.stamp: DiskStamp | None = None
        self.read_only = False
        self.file_version = FORMAT_VERSION  # the format the file was written in; older ones change on save
        self.keep_backup = keep_backup
        self.generation = 0  # counts changes, so autosave can tell whether anything is new
        self._unsubscribe = self.journey.subscribe(self._count_change)
        self.undo_stack = QUndoStack(self)
        # A method, not a lambda: Qt then drops the connection when the document goes, before the
        # stack (its child) announces its last clean state while being torn down.
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.watcher.directoryChanged.connect(self._file_changed)
        self._settle = QTimer(self, singleShot=True, interval=self.SETTLE_MS)
        self._settle.timeout.connect(self._look_at_file)

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    def _count_change(self, event) -> None:
        self.generation += 1
        self.edited.emit()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def folder(self) -> Path | None:
        """The map's folder, which the files it names (persona photos, a logo) are relative to; None
        for a map never saved."""
        return self.path.parent if self.path else None

    @property
    def display_name(self) -> str:
        name = self.path.name if self.path else "Untitled"
        return f"{name} (read-only)" if self.read_only else name

    def push(self, command) -> None:
        """Do a change as an undoable step; raises `InvalidChange`, with nothing changed, if refused."""
        command.do_first()
        self.undo_stack.push(command)

    def replace(self, journey: JourneyMap, path: Path | None, stamp: DiskStamp | None = None,
                read_only: bool = False, modified: bool = False) -> None:
        """Show another map; `modified` marks restored work that is not saved anywhere yet."""
        gc.unfreeze()  # the map going away may be garbage now: see `_settle_heap`
        self._let_go_of_file()
        self.undo_stack.clear()
        self._unsubscribe()
        self.journey = journey
        self._unsubscribe = journey.subscribe(self._count_change)
        self.generation += 1
        self.path, self.stamp, self.read_only = path, stamp, read_only
        self.file_version = FORMAT_VERSION
        if path is not None:
            if not read_only:
                file_lock.acquire(path)
            self._watch()
        if modified:
            self.undo_stack.resetClean()
        self.journeyReplaced.emit()
        self.pathChanged.emit()
        self.modifiedChanged.emit(self.modified)
        self.edited.emit()
        _settle_heap()

    def _watch(self) -> None:
        """Watch the file (when it exists) and its folder; a watch Qt dropped is taken up again."""
        wanted = [str(self.path.parent)] + ([str(self.path)] if self.path.exists() else [])
        missing = [path for path in wanted if path not in self.watcher.files() + self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _let_go_of_file(self) -> None:
        self._settle.stop()
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if self.path is not None and not self.read_only:
            file_lock.release(self.path)

    def close(self) -> None:
        """Forget the file (release its lock); the window is going away."""
        self._let_go_of_file()
        self.path = None

    def open(self, path: str | Path, read_only: bool = False) -> None:
        """Load a map file; raises `JourneyFileError` and leaves this document as it was."""
        path = Path(path).absolute()
        journey, version = journey_file.read(path)
        self.replace(journey, path, DiskStamp.of(path), read_only)
        self.file_version = version

    def reload(self) -> None:
        """Read the file again, dropping local changes."""
        self.open(self.path, self.read_only)

    def changed_on_disk(self) -> bool:
        """Whether the file now holds something other than what we last read or wrote
        (a file that is gone holds nothing to lose: saving writes it again)."""
        if self.path is None or self.stamp is None:
            return False
        now = DiskStamp.of(self.path)
        return now is not None and not self.stamp.same_content(now)

    def _file_changed(self, _path: str) -> None:
        if self.path is not None:
            self._settle.start()

    def _look_at_file(self) -> None:
        if self.path is None:
            return
        self._watch()
        if self.changed_on_disk():
            self.changedOnDisk.emit()

    def save(self, path: str | Path | None = None, overwrite: bool = False) -> None:
        """Save to `path` (or where it came from), keeping the previous version as `.bak`.

        Raises `FileChangedOnDisk` when the file changed since we read it (unless `overwrite`),
        `ReadOnlyDocument` for a read-only map's own file, `ReadOnlyFile` for a file the user may
        not write, and `JourneyFileError` when it cannot be written; in every case nothing is
        written and the document stays modified.
        """
        target = Path(path).absolute() if path else self.path
        if target is None:
            raise ValueError("an untitled map needs a path to save to")
        same_file = target == self.path
        if same_file and self.read_only:
            raise ReadOnlyDocument(f"{target} was opened read-only; save it under another name")
        if same_file and not overwrite and self.changed_on_disk():
            raise FileChangedOnDisk(f"{target} was changed by someone else since it was opened")
        journey_file.save(self.journey, target, keep_backup=self.keep_backup)
        self.undo_stack.setClean()
        if not same_file:
            self._let_go_of_file()
            self.path, self.read_only = target, False
            file_lock.acquire(target)
            self._watch()
            self.pathChanged.emit()
        self.stamp = DiskStamp.of(target)
        self.file_version = FORMAT_VERSION
        self.modifiedChanged.emit(False)
