"""Who has a map open: a small lock file beside it naming user, host, process and since when.

Teams keep maps on shared drives; the lock lets Wayfinder say "Ana on ana-laptop has this
open since 10:42" instead of letting two people overwrite each other. A lock left behind by
a process that died on this same host is stale and is removed without asking.

The lock is created exclusively and never through a symlink, so two Wayfinders cannot both
think they made it and a symlink planted under its name cannot redirect the write. Someone who
opens a locked map anyway joins the lock as a further holder; the lock goes only when its last
holder lets go, so a second instance quitting never removes the first one's claim.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from model.errors import JourneyFileError
from model.journey_file import read_regular_file, write_atomically

MAX_LOCK_BYTES = 64 * 1024


def process_running(host: str, pid: int) -> bool:
    """Whether a process may still run; one on another host cannot be asked, so it may."""
    if host != socket.gethostname() or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_path(map_path: Path) -> Path:
    return map_path.with_name(f".{map_path.name}.lock")


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str  # ISO 8601, UTC

    @classmethod
    def me(cls) -> "LockOwner":
        return cls(getpass.getuser(), socket.gethostname(), os.getpid(),
                   datetime.now(timezone.utc).isoformat(timespec="seconds"))

    def is_me(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def is_dead(self) -> bool:
        """Whether the owner was a process on this host that no longer runs."""
        return not process_running(self.host, self.pid)

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.since).astimezone().strftime("%d %b %Y %H:%M")
        except ValueError:
            since = self.since
        return f"{self.user} on {self.host} (process {self.pid}) since {since}"


def _owner(data: dict) -> LockOwner:
    return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))


def holders(map_path: Path) -> list[LockOwner]:
    """Everyone the lock names, first who made it; none if there is no lock or it is unreadable."""
    try:
        data = json.loads(read_regular_file(lock_path(map_path), MAX_LOCK_BYTES, follow_symlinks=False))
        # The first holder's fields stay at the top level, where a Wayfinder of the first round reads them.
        return [_owner(data), *(_owner(other) for other in data.get("also", []))]
    except (JourneyFileError, ValueError, KeyError, TypeError, AttributeError):
        return []


def read_lock(map_path: Path) -> LockOwner | None:
    """Who made the lock, or None if there is no lock (an unreadable lock counts as none)."""
    return next(iter(holders(map_path)), None)


def _encode(owners: list[LockOwner]) -> bytes:
    first, *others = owners
    return json.dumps({**asdict(first), "also": [asdict(other) for other in others]}).encode("utf-8")


def _write(map_path: Path, owners: list[LockOwner]) -> None:
    """Replace the lock (a symlink in its place is replaced, never followed), or remove it if nobody is left."""
    path = lock_path(map_path)
    if owners:
        write_atomically(path, _encode(owners), follow_symlinks=False)
    else:
        path.unlink(missing_ok=True)


def foreign_lock(map_path: Path) -> LockOwner | None:
    """Someone else's live lock on `map_path`; holders that were local processes now dead are dropped."""
    owners = holders(map_path)
    alive = [owner for owner in owners if not owner.is_dead()]
    if alive != owners:
        try:
            _write(map_path, alive)
        except OSError:
            pass
    return next((owner for owner in alive if not owner.is_me()), None)


def acquire(map_path: Path) -> bool:
    """Claim the map: make the lock, or join it if someone holds it already (the user chose to
    open it anyway). False (and no error) where the folder is read-only."""
    path = lock_path(map_path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        return _join(map_path)
    except OSError:
        return False
    with os.fdopen(fd, "wb") as stream:
        stream.write(_encode([LockOwner.me()]))
    return True


def _join(map_path: Path) -> bool:
    others = [owner for owner in holders(map_path) if not owner.is_me() and not owner.is_dead()]
    try:
        _write(map_path, [*others, LockOwner.me()])
    except OSError:
        return False
    return True


def release(map_path: Path) -> None:
    """Let go of our claim; the lock goes when nobody else holds it."""
    owners = holders(map_path)
    if not any(owner.is_me() for owner in owners):
        return
    try:
        _write(map_path, [owner for owner in owners if not owner.is_me() and not owner.is_dead()])
    except OSError:
        pass
