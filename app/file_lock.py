"""Who has a map open: a small lock file beside it naming user, host, process and since when.

Teams keep maps on shared drives; the lock lets Wayfinder say "Ana on ana-laptop has this
open since 10:42" instead of letting two people overwrite each other. A lock left behind by
a process that died on this same host is stale and is removed without asking.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path


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


def read_lock(map_path: Path) -> LockOwner | None:
    """The lock's owner, or None if there is no lock (an unreadable lock counts as none)."""
    try:
        data = json.loads(lock_path(map_path).read_text(encoding="utf-8"))
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def foreign_lock(map_path: Path) -> LockOwner | None:
    """Someone else's live lock on `map_path`; a stale lock from a dead local process is removed."""
    owner = read_lock(map_path)
    if owner is None or owner.is_me():
        return None
    if owner.is_dead():
        release(map_path, force=True)
        return None
    return owner


def acquire(map_path: Path) -> bool:
    """Write our lock beside the map; False (and no error) where the folder is read-only."""
    try:
        lock_path(map_path).write_text(json.dumps(asdict(LockOwner.me())), encoding="utf-8")
    except OSError:
        return False
    return True


def release(map_path: Path, force: bool = False) -> None:
    """Remove the lock if it is ours (or any lock, with `force`)."""
    owner = read_lock(map_path)
    if force or (owner is not None and owner.is_me()):
        try:
            lock_path(map_path).unlink()
        except OSError:
            pass
