"""`main.py diff` and `main.py merge`: comparing and merging map files, also as git's drivers.

Git runs an external diff driver (`diff.wayfinder.command`) with seven arguments
(path, old file, old hash, old mode, new file, new hash, new mode) and a merge driver with the
files it names in its configured command line (`%O %A %B`), expecting the result in the second
(`%A`) and exit status 0 for a clean merge. Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from model.errors import JourneyFileError
from model.journey_file import load
from model.journey_map import JourneyMap

if TYPE_CHECKING:
    from model.conflict import Conflict

# How git passes a file that does not exist on one side of a diff.
_NO_FILE = os.devnull


def _map_or_empty(path: str) -> JourneyMap:
    """The map in `path`; none at all where git has no file (a diff's /dev/null, or the empty common
    ancestor it gives a merge driver when both branches added the file)."""
    if path == _NO_FILE or (os.path.isfile(path) and os.path.getsize(path) == 0):
        return JourneyMap()
    return load(path)


def run_diff(args: argparse.Namespace) -> int:
    """Print what changed from OLD to NEW in journey terms; exit 2 if a file cannot be read."""
    from model.diff import describe, diff

    files = args.files
    if len(files) == 7:  # git's external diff driver: path old-file old-hex old-mode new-file new-hex new-mode
        shown, old_path, new_path = files[0], files[1], files[4]
    elif len(files) == 2:
        shown, (old_path, new_path) = "", files
    else:
        print("diff takes two map files (or the seven arguments git gives a diff driver)", file=sys.stderr)
        return 2
    try:
        old, new = _map_or_empty(old_path), _map_or_empty(new_path)
    except JourneyFileError as error:
        print(error, file=sys.stderr)
        if shown:  # git stops a whole `git diff` when its driver fails: show the lines instead
            print(f"journey diff {shown}: not a valid map on one side, so the text differs as follows")
            sys.stdout.writelines(_text_diff(old_path, new_path, shown))
            return 0
        return 2
    changes = diff(old, new)
    if args.json:
        print(json.dumps([change.as_json() for change in changes], indent=2, ensure_ascii=False))
    else:
        if shown and changes:
            print(f"journey diff {shown}")
        for line in describe(changes, old, new):
            print(f"  {line}" if shown else line)
    return 1 if args.exit_code and changes else 0


def _text_diff(old_path: str, new_path: str, shown: str) -> list[str]:
    import difflib

    def lines(path: str) -> list[str]:
        if path == _NO_FILE:
            return []
        with open(path, encoding="utf-8", errors="replace") as stream:
            return stream.readlines()

    return list(difflib.unified_diff(lines(old_path), lines(new_path), f"a/{shown}", f"b/{shown}"))


def run_merge(args: argparse.Namespace) -> int:
    """Merge THEIRS into OURS against BASE, writing OUT: exit 0 when clean, 1 with conflicts
    (kept in OUT, which is a valid map either way), 2 when a file cannot be read or written."""
    from model.journey_file import save
    from model.merge import merge

    try:
        base, ours, theirs = (_map_or_empty(path) for path in (args.base, args.ours, args.theirs))
        merged = merge(base, ours, theirs)
        save(merged.journey, args.output)
    except JourneyFileError as error:
        print(error, file=sys.stderr)
        return 2
    for conflict in merged.conflicts:
        print(f"{args.output}: conflict: {conflict_sentence(merged.journey, conflict)}", file=sys.stderr)
    return 1 if merged.conflicts else 0


def conflict_sentence(journey: JourneyMap, conflict: "Conflict") -> str:
    """A conflict as a person reads it: where, and what each side did."""
    return f"{conflict_place(journey, conflict)}: ours {_said(conflict, 'ours')}, theirs {_said(conflict, 'theirs')}"


def conflict_place(journey: JourneyMap, conflict: "Conflict") -> str:
    """Where a conflict is: `Touchpoint "Advert", title`."""
    from model.diff import entity_name

    field = ".".join(conflict.path[2:])
    return entity_name(journey, conflict.path) + (f", {field}" if field else "")


def conflict_sides(conflict: "Conflict") -> str:
    """Each side's value on a line of its own: ours, theirs, and the base they started from."""
    return "\n".join(f"{name}: {_said(conflict, side)}" for name, side in
                     (("Ours", "ours"), ("Theirs", "theirs"), ("Base", "base")))


def _said(conflict: "Conflict", side: str) -> str:
    if side in conflict.absent:
        return "none (not there yet)" if side == "base" else "deleted it"
    return f"has {json.dumps(getattr(conflict, side), ensure_ascii=False)[:80]}"
