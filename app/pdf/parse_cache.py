"""What the PDF's resource files parse to, kept between runs in the user's cache folder.

Every export used to parse the hyphenation dictionary (a tenth of `main.py export`'s time) and
the fonts (`cached_fonts`) again.
What it parses to is plain data (dicts, tuples, numbers, text), kept with `marshal`, which
reads data back and never runs code. An entry is keyed by the file's path, size and modification
time and by the parser and its version, so a changed file or library is parsed afresh. A missing,
damaged or foreign entry is parsed again and replaced; a cache folder that cannot be written
only means parsing every time, never a failed export.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Callable, TypeVar

from model.journey_file import write_atomically

T = TypeVar("T")
_ENTRY_FORMAT = 1  # bump when what an entry holds changes shape


def cache_folder() -> Path:
    """The platform's per-user cache folder for Wayfinder (XDG_CACHE_HOME on Linux)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "wayfinder"


def parsed(source: Path, parser: str, parse: Callable[[Path], T]) -> T:
    """`parse(source)`, read from the cache when `parser` (a name and version) parsed this file before."""
    facts = source.stat()
    key = (_ENTRY_FORMAT, parser, str(source.resolve()), facts.st_size, facts.st_mtime_ns)
    entry = cache_folder() / f"{hashlib.sha256(repr(key).encode()).hexdigest()[:32]}.marshal"
    try:
        stored_key, data = marshal.loads(entry.read_bytes())
        if stored_key == key:
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not cached yet, or damaged: parse it again
    data = parse(source)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, marshal.dumps((key, data)))
    except (OSError, ValueError):
        pass  # a read-only home, or data marshal cannot hold: parsed again next time
    return data
