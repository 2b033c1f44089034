"""Reading and writing `.journey` files.

Loading treats the file as untrusted data: only a regular file is opened (a named pipe or a
device could block or never end), it is bounded in size, number of values, nesting and number
length before any Python object is built for it, fully validated, and every failure becomes
one `JourneyFileError` naming the file, the place inside it and the reason. Saving is atomic
and gives the same bytes for the same map.
"""

from __future__ import annotations

import gc
import json
import os
import stat
import tempfile
import time
from contextlib import contextmanager
from glob import escape
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .document import FORMAT_MARKER, FORMAT_VERSION, JourneyDocument, to_document, to_map
from .errors import InvalidChange, JourneyFileError, ReadOnlyFile, first_problem
from .migrations import migrate
from .journey_map import JourneyMap

MAX_FILE_BYTES = 64 * 1024 * 1024
# A 2,000-touchpoint map holds about 75,000 values (format 6 gave each card who passes it, its
# evidence and its to-be mark); this allows maps seven times larger while refusing, before
# parsing, the millions of values that would cost seconds and gigabytes to build.
MAX_VALUES = 600_000
MAX_NESTING = 32
MAX_NUMBER_CHARS = 32
# A `.name.*.tmp` beside a map older than this is what a save cut short left behind; a save
# under way is younger by far.
STALE_TEMPORARY_SECONDS = 60

_NOT_REGULAR = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


class _Refused(Exception):
    """A problem found while parsing JSON, before there is a place to name."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _Refused(f"the key {key!r} appears twice in one object")
        obj[key] = value
    return obj


def _bounded_number(convert):
    def parse(text: str):
        if len(text) > MAX_NUMBER_CHARS:
            raise _Refused(f"a number is too long ({len(text)} digits; at most {MAX_NUMBER_CHARS})")
        value = convert(text)
        if value in (float("inf"), float("-inf")):
            raise _Refused(f"the number {text} is too large")
        return value
    return parse


def _no_constants(name: str):
    raise _Refused(f"{name} is not a number a map can hold")


def _nesting_depth(value: Any) -> int:
    """Deepest nesting of lists and objects, found without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_NESTING:
                return depth
            children = item.values() if isinstance(item, dict) else item
            # Only containers go on the stack: most values are scalars, and a map holds hundreds of thousands.
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def parse_json(data: bytes) -> Any:
    """JSON text to Python values, refusing what no map file needs (raises `_Refused`)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Refused(f"is not UTF-8 text (bad byte at offset {error.start})") from None
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_int=_bounded_number(int),
            parse_float=_bounded_number(float),
            parse_constant=_no_constants,
        )
    except json.JSONDecodeError as error:
        raise _Refused(f"is not valid JSON: {error.msg.lower()} (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise _Refused(f"nesting is deeper than {MAX_NESTING} levels") from None
    if _nesting_depth(value) > MAX_NESTING:
        raise _Refused(f"nesting is deeper than {MAX_NESTING} levels")
    return value


def _too_large(path: str) -> JourneyFileError:
    return JourneyFileError(path, f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, more than any map holds")


def _raw_document(data: bytes, path: str) -> dict[str, Any]:
    """File contents as JSON that claims to be a map of a version this Wayfinder reads."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path)
    # Values in JSON containers are separated by commas, so counting them (at C speed, commas
    # inside strings included) bounds the number of values from above without parsing anything.
    if data.count(b",") >= MAX_VALUES:
        raise JourneyFileError(path, f"holds more than {MAX_VALUES:,} values, more than any map holds")
    try:
        raw = parse_json(data)
    except _Refused as error:
        raise JourneyFileError(path, str(error)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_MARKER:
        raise JourneyFileError(path, f'is not a Wayfinder map (it has no "format": "{FORMAT_MARKER}")')
    version = raw.get("version")
    if type(version) is not int:
        raise JourneyFileError(path, "must be a whole number", "version")
    if version > FORMAT_VERSION:
        raise JourneyFileError(
            path,
            f"was written by a newer Wayfinder (format version {version}); "
            f"this Wayfinder reads format version {FORMAT_VERSION} and older",
            "version",
        )
    if version < 1:
        raise JourneyFileError(path, f"format version {version} does not exist", "version")
    return raw


def _validated(raw: dict[str, Any], path: str) -> JourneyDocument:
    try:
        return JourneyDocument.model_validate(migrate(raw, FORMAT_VERSION))
    except ValidationError as error:
        place, reason = first_problem(error)
        raise JourneyFileError(path, reason, place) from None


def document_from_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> JourneyDocument:
    """Validate file contents as a journey document of the current version, or raise `JourneyFileError`."""
    return _validated(_raw_document(data, str(path)), str(path))


@contextmanager
def _no_collection():
    """Reading or writing a map makes tens of thousands of small objects, none of them garbage:
    pausing the cyclic collector meanwhile saves a third of the time on a large map."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> tuple[JourneyMap, int]:
    """The map in file contents and the format version they were written in; `JourneyFileError` if bad."""
    try:
        with _no_collection():
            return _read_bytes(data, path)
    except MemoryError:
        raise JourneyFileError(str(path), "is too large to read in the memory available") from None
    except RecursionError:
        raise JourneyFileError(str(path), f"nesting is deeper than {MAX_NESTING} levels") from None


def _read_bytes(data: bytes, path: str | os.PathLike) -> tuple[JourneyMap, int]:
    raw = _raw_document(data, str(path))
    document = _validated(raw, str(path))
    try:
        return to_map(document), raw["version"]
    except InvalidChange as error:
        raise JourneyFileError(str(path), error.reason, error.place) from None


def map_from_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> JourneyMap:
    """A map from file contents, or `JourneyFileError`; nothing else escapes."""
    return read_bytes(data, path)[0]


def _not_regular(mode: int) -> str | None:
    """What a file is when it is not a regular file ("a named pipe"), else None."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _NOT_REGULAR if test(mode)), "a special file")


def read_regular_file(path: str | os.PathLike, limit: int | None = None, follow_symlinks: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else `JourneyFileError`.

    Anything else is refused before it is opened for reading, and it is opened non-blocking and
    looked at again once open, so a named pipe swapped in meanwhile cannot hang the caller.
    Without `follow_symlinks`, a symlink is refused too.
    """
    where, limit = str(path), MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        mode = os.stat(path, follow_symlinks=follow_symlinks).st_mode
        kind = "a symbolic link" if stat.S_ISLNK(mode) else _not_regular(mode)
        if kind is None:
            fd = os.open(path, flags)
            try:
                info = os.fstat(fd)
                kind = _not_regular(info.st_mode)
                if kind is None and info.st_size > limit:
                    raise _too_large(where)
                if kind is None:
                    with os.fdopen(fd, "rb", closefd=False) as stream:
                        data = stream.read(limit + 1)
            finally:
                os.close(fd)
    except OSError as error:
        raise JourneyFileError(where, f"cannot be read: {error.strerror or error}") from None
    if kind is not None:
        raise JourneyFileError(where, f"is {kind}, not a map file")
    if len(data) > limit:  # it grew while we read
        raise _too_large(where)
    return data


def read(path: str | os.PathLike) -> tuple[JourneyMap, int]:
    """Read a `.journey` file and tell which format version it was in (older ones are migrated)."""
    return read_bytes(read_regular_file(path), path)


def load(path: str | os.PathLike) -> JourneyMap:
    """Read a `.journey` file. Raises `JourneyFileError` for any file that is not a valid map."""
    return read(path)[0]


def to_bytes(journey: JourneyMap) -> bytes:
    """The file contents for a map: the same map always gives the same bytes."""
    return document_bytes(to_document(journey))


def document_bytes(document: JourneyDocument) -> bytes:
    """The file contents for a document (a snapshot of a map: its entities are frozen).

    It is dumped entity by entity rather than in one call, so that an autosave writing in the
    background never holds the interpreter for more than a moment while the window waits.
    """
    with _no_collection():
        fields = {}
        for name in JourneyDocument.model_fields:
            value = getattr(document, name)
            if isinstance(value, list):
                fields[name] = [item.model_dump(mode="json") for item in value]
            else:
                fields[name] = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
        # A document is a tree of plain values: checking for cycles would only slow every save down.
        return (json.dumps(fields, indent=2, ensure_ascii=False, check_circular=False) + "\n").encode("utf-8")


def writable(path: str | os.PathLike) -> bool:
    """Whether the user may change an existing file: the system says so and its owner has not made
    it read-only (root may write anything, yet a file without any write bit is meant to stay)."""
    try:
        return os.access(path, os.W_OK) and bool(os.stat(path).st_mode & 0o222)
    except OSError:
        return False


def write_atomically(path: str | os.PathLike, data: bytes, follow_symlinks: bool = True,
                     keep: os.stat_result | None = None) -> None:
    """Write beside the target, flush, fsync, then replace: a failure leaves the old file whole.

    Through a symlink the file it points at gets the bytes and the link stays (without
    `follow_symlinks` the link itself is replaced, its target untouched). The new file keeps
    the mode, group and, where permitted, owner of `keep`, by default of the file it replaces.
    """
    target = Path(os.path.realpath(path)) if follow_symlinks else Path(path)
    if keep is None:
        try:
            keep = os.lstat(target)
        except FileNotFoundError:
            pass
        if keep is not None and not stat.S_ISREG(keep.st_mode):
            keep = None
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if keep is not None:
            _keep_owner_and_group(temporary, keep)
        # After chown, which may clear set-id bits.
        os.chmod(temporary, stat.S_IMODE(keep.st_mode) if keep is not None else 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def _keep_owner_and_group(path: str, like: os.stat_result) -> None:
    """Give `path` the owner and group of `like`, or just the group, as far as we are allowed."""
    if not hasattr(os, "chown"):
        return
    for owner in (like.st_uid, -1):
        try:
            os.chown(path, owner, like.st_gid)
            return
        except OSError:
            continue


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems cannot fsync a folder; the file itself is already durable
    finally:
        os.close(fd)


def save(journey: JourneyMap, path: str | os.PathLike, keep_backup: bool = False) -> None:
    """Write a map to `path` atomically, through a symlink to the file it points at.

    With `keep_backup` the version it replaces stays beside it as `.bak`, itself written
    atomically (never truncated in place, never through a symlink planted under that name).
    Leftovers of saves cut short are removed. Raises `ReadOnlyFile` rather than replace a
    read-only file, and `JourneyFileError` when the file cannot be written.
    """
    target = Path(os.path.realpath(path))
    data = to_bytes(journey)
    try:
        existing = os.stat(target) if os.path.lexists(target) else None
        if existing is not None and (kind := _not_regular(existing.st_mode)):
            raise JourneyFileError(str(path), f"is {kind}, not a map file, so it is not replaced")
        if existing is not None and not writable(target):
            raise ReadOnlyFile(str(path))
        _remove_leftover_temporaries(target)
        if keep_backup and existing is not None:
            _keep_backup(target, existing, str(path))
        write_atomically(target, data, keep=existing)
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be saved: {error.strerror or error}") from None


def backup_path(path: str | os.PathLike) -> Path:
    """Where the version a save replaced is kept: beside the file, with `.bak` added."""
    target = Path(os.path.realpath(path))
    return target.with_name(target.name + ".bak")


def _keep_backup(target: Path, existing: os.stat_result, where: str) -> None:
    try:
        write_atomically(backup_path(target), read_regular_file(target), follow_symlinks=False, keep=existing)
    except OSError as error:
        reason = error.strerror or str(error)
    except JourneyFileError as error:
        reason = error.reason
    else:
        return
    raise JourneyFileError(where, f"cannot keep the previous version as .bak: {reason}")


def _remove_leftover_temporaries(target: Path) -> None:
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    for leftover in target.parent.glob(f".{escape(target.name)}.*.tmp"):
        try:
            info = leftover.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass  # someone else's to tidy
