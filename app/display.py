"""Can Qt open a window here? Answer in one line with the fix, instead of Qt's plugin dump."""

from __future__ import annotations

import ctypes.util
import os
import sys

# Debian packages Qt's xcb platform plugin needs beyond a desktop's usual libraries.
XCB_PACKAGES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}
FIX = "sudo apt-get install " + " ".join(XCB_PACKAGES.values())


def window_problem(environ: dict[str, str] | None = None, find_library=ctypes.util.find_library) -> str | None:
    """Why Qt could not open a window on this machine, or None when it should be able to."""
    environ = os.environ if environ is None else environ
    platform = environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or (platform and not platform.startswith("xcb")):
        return None
    if not platform and environ.get("WAYLAND_DISPLAY"):
        return None
    if not environ.get("DISPLAY"):
        return ("Wayfinder cannot open a window: no display (DISPLAY is not set). "
                "Run it on a desktop, under Xvfb, or set QT_QPA_PLATFORM=offscreen.")
    missing = [package for library, package in XCB_PACKAGES.items() if not find_library(library)]
    if missing:
        return ("Wayfinder cannot open a window: Qt's xcb plugin needs " + ", ".join(missing)
                + ". Fix: sudo apt-get install " + " ".join(missing))
    return None


def platform_failure(message: str) -> str | None:
    """Our one line for a fatal Qt message about the platform plugin, else None."""
    if "platform plugin" in message or 'could not connect to display' in message:
        return f"Wayfinder cannot open a window: Qt could not load its platform plugin. Fix: {FIX}"
    return None
