"""Hot-exit autosave for one window, and the offer of work a crashed Wayfinder left behind.

Unsaved work reaches the recovery folder about two seconds after the last change, and at least
every thirty seconds while changes keep coming, so a crash loses seconds at most. The window
only takes a snapshot (entities are frozen, so that is a few milliseconds even for a large map);
a background thread turns it into bytes and writes them, one write at a time and in order.
"""

from __future__ import annotations

import logging
import math
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from app.document import Document
from app.questions import choose
from app.recovery import RecoveredMap, RecoveryEntry, RecoveryStore
from model.document import to_document
from model.errors import JourneyFileError

log = logging.getLogger(__name__)

# setting key: (default, lowest, highest), in seconds
DELAYS = {
    "autosave/quiet_seconds": (2.0, 0.1, 60.0),  # how long after the last change the copy is written
    "autosave/interval_seconds": (30.0, 1.0, 3600.0),  # the longest wait while changes keep coming
}


def recovery_store() -> RecoveryStore:
    """Autosaved work lives in the per-user data folder, never beside the user's own files."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return RecoveryStore(Path(folder) / "recovery")


def delay_setting(settings: QSettings, key: str) -> float:
    """A delay from the settings in seconds; a missing, non-numeric or out-of-range value gives
    the default (with a warning in the log), so a hand-edited setting never stops Wayfinder."""
    default, lowest, highest = DELAYS[key]
    raw = settings.value(key, default)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        value = math.nan
    if not lowest <= value <= highest:  # NaN fails this too
        log.warning("setting %s = %r is not a number of seconds from %g to %g; using %g",
                    key, raw, lowest, highest, default)
        return default
    return value


class Autosave(QObject):
    """Writes one document's unsaved work to its recovery entry, and removes it once saved."""

    written = Signal()  # a recovery copy reached the disk
    failed = Signal(str)  # why a recovery copy could not be written

    def __init__(self, document: Document, entry: RecoveryEntry, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.entry = document, entry
        self._quiet = QTimer(self, singleShot=True, interval=round(1000 * delay_setting(settings, "autosave/quiet_seconds")))
        self._longest = QTimer(self, singleShot=True,
                               interval=round(1000 * delay_setting(settings, "autosave/interval_seconds")))
        self._quiet.timeout.connect(self.write_now)
        self._longest.timeout.connect(self.write_now)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._last: Future | None = None
        self._stopped = False
        self._written_generation = -1
        document.edited.connect(self._changed)
        document.modifiedChanged.connect(self._modified_changed)
        self.failed.connect(self._forget_written)

    def _changed(self) -> None:
        if not self.document.modified:
            return
        self._quiet.start()  # restarts: written once the changes pause
        if not self._longest.isActive():
            self._longest.start()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:  # saved, or undone back to the saved state: nothing to recover
            self._quiet.stop()
            self._longest.stop()
            self._written_generation = -1
            self._submit(self.entry.remove)
        else:
            self._changed()

    def write_now(self) -> None:
        """Write the recovery copy now if there is unsaved work it does not hold yet."""
        self._quiet.stop()
        self._longest.stop()
        document = self.document
        if not document.modified or document.generation == self._written_generation:
            return
        self._written_generation = document.generation
        self._submit(self._write, to_document(document.journey), document.path, document.stamp)

    def _write(self, snapshot, original, stamp) -> None:
        try:
            self.entry.write_snapshot(snapshot, original, stamp)
        except JourneyFileError as error:
            self.failed.emit(str(error))
        else:
            self.written.emit()

    def _forget_written(self, _reason: str) -> None:
        self._written_generation = -1  # try again at the next change

    def _submit(self, job, *args) -> None:
        if not self._stopped:
            self._last = self._writer.submit(job, *args)

    def wait(self) -> None:
        """Block until every write asked for so far is on disk (or failed)."""
        if self._last is not None:
            self._last.result()

    def stop(self) -> None:
        """The window closes cleanly: no more writes, and no recovery copy left behind."""
        self._quiet.stop()
        self._longest.stop()
        self._submit(self.entry.remove)
        self._stopped = True
        self._writer.shutdown(wait=True)

    def restore(self, recovered: RecoveredMap) -> None:
        """Open autosaved work as an unsaved document; saving it goes to its original file.
        Raises `JourneyFileError` (and changes nothing) when the recovery copy is damaged."""
        journey = recovered.load()
        self.document.replace(journey, recovered.original, recovered.stamp, modified=True)
        recovered.discard()
        self.write_now()


def offer_recovered_work(parent, window_for_restore) -> None:
    """After a crash, offer each map autosaved by a Wayfinder that is no longer running;
    `window_for_restore()` gives the window a restored map opens in."""
    for recovered in recovery_store().orphans():
        choice = choose(parent, QMessageBox.Icon.Question, "Recover unsaved work",
                        f"Wayfinder closed without saving {recovered.describe()}.\n\nRestore it now?",
                        [("Restore", QMessageBox.ButtonRole.AcceptRole),
                         ("Discard", QMessageBox.ButtonRole.DestructiveRole),
                         ("Later", QMessageBox.ButtonRole.RejectRole)], "Restore")
        if choice == "Restore":
            target = window_for_restore()
            try:
                target.autosave.restore(recovered)
            except JourneyFileError as error:
                QMessageBox.warning(target, "Cannot restore unsaved work",
                                    f"{error}\n\nThe autosaved copy is kept, in case it can be repaired.")
        elif choice == "Discard":
            recovered.discard()
