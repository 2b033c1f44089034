"""Count what Python runs while Qt does something: the test of "no Python call per item per frame"."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Callable


def calls_during(action: Callable[[], object]) -> Counter:
    """Python functions (by file:qualified name) and Qt methods (by qualified name) called while `action` runs."""
    seen: Counter = Counter()

    def profile(frame, event, arg):
        if event == "call":
            seen[f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_code.co_qualname}"] += 1
        elif event == "c_call":
            seen[getattr(arg, "__qualname__", repr(arg))] += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return seen
