"""What a map file on disk was when Wayfinder last read or wrote it."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from model.errors import JourneyFileError
from model.journey_file import read_regular_file


@dataclass(frozen=True)
class DiskStamp:
    """What a file on disk was when we last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> "DiskStamp | None":
        try:
            data = read_regular_file(path)  # never blocks on a named pipe planted in its place
            return cls(len(data), path.stat().st_mtime_ns, hashlib.sha256(data).hexdigest())
        except (OSError, JourneyFileError):
            return None

    def same_content(self, other: "DiskStamp | None") -> bool:
        return other is not None and (self.size, self.sha256) == (other.size, other.sha256)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "DiskStamp | None":
        if not data:
            return None
        return cls(int(data["size"]), int(data["mtime_ns"]), str(data["sha256"]))
