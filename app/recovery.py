"""Crash recovery: where autosaved work is kept in the user's data folder, and how it is found again.

A recovery entry is the map's bytes plus a small JSON note (which file it belongs to, its
title, when, and which process wrote it). It never touches the user's own file. A clean
close removes it; after a crash the next start finds it and offers the work back.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.disk_stamp import DiskStamp
from app.file_lock import process_running
from model import journey_file
from model.document import JourneyDocument, to_document
from model.errors import JourneyFileError
from model.journey_map import JourneyMap


@dataclass(frozen=True)
class RecoveredMap:
    """A map a previous Wayfinder left unsaved."""

    map_path: Path  # the recovery copy
    note_path: Path
    original: Path | None  # the file it was opened from, or None for an untitled map
    title: str
    saved_at: datetime
    stamp: DiskStamp | None  # what the original file was when the work began, to spot later changes

    def load(self) -> JourneyMap:
        return journey_file.load(self.map_path)

    def discard(self) -> None:
        for path in (self.map_path, self.note_path):
            path.unlink(missing_ok=True)

    def describe(self) -> str:
        name = self.original.name if self.original else "an untitled map"
        when = self.saved_at.astimezone().strftime("%d %b %Y %H:%M:%S")
        return f"“{self.title}” ({name}), autosaved {when}"


class RecoveryStore:
    """The folder of recovery entries; one entry per open document, named by a random id."""

    def __init__(self, folder: Path):
        self.folder = folder

    def new_entry(self) -> "RecoveryEntry":
        return RecoveryEntry(self, uuid.uuid4().hex)

    def orphans(self) -> list[RecoveredMap]:
        """Entries whose writer no longer runs: what a crash left behind, oldest first."""
        found = []
        for note_path in sorted(self.folder.glob("*.json")):
            try:
                note = json.loads(note_path.read_text(encoding="utf-8"))
                if process_running(note["host"], int(note["pid"])):
                    continue
                found.append(RecoveredMap(
                    map_path=note_path.with_suffix(".journey"), note_path=note_path,
                    original=Path(note["original"]) if note["original"] else None,
                    title=str(note["title"]), saved_at=datetime.fromisoformat(note["saved_at"]),
                    stamp=DiskStamp.from_dict(note.get("stamp"))))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda entry: entry.saved_at)


class RecoveryEntry:
    """Where one open document autosaves."""

    def __init__(self, store: RecoveryStore, entry_id: str):
        self.map_path = store.folder / f"{entry_id}.journey"
        self.note_path = store.folder / f"{entry_id}.json"
        self.store = store

    def write(self, journey: JourneyMap, original: Path | None, stamp: DiskStamp | None = None) -> None:
        """Write the map and its note atomically; raises JourneyFileError if the folder is unwritable."""
        self.write_snapshot(to_document(journey), original, stamp)

    def write_snapshot(self, snapshot: JourneyDocument, original: Path | None, stamp: DiskStamp | None = None) -> None:
        """`write` for a snapshot of a map (`to_document`), which a background thread may write
        while the map itself goes on changing."""
        note = {
            "original": str(original) if original else None,
            "title": snapshot.info.title,
            "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "stamp": stamp.as_dict() if stamp else None,
        }
        try:
            self.store.folder.mkdir(parents=True, exist_ok=True)
            journey_file.write_atomically(self.map_path, journey_file.document_bytes(snapshot))
            journey_file.write_atomically(self.note_path, json.dumps(note, indent=2).encode("utf-8"))
        except OSError as error:
            raise JourneyFileError(str(self.map_path), f"cannot be autosaved: {error.strerror or error}") from None

    def remove(self) -> None:
        for path in (self.map_path, self.note_path):
            path.unlink(missing_ok=True)
