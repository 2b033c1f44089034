"""When Qt cannot open a window, Wayfinder says so in one line with the fix."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.display import FIX, platform_failure, window_problem
from tests.command_line import ROOT

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb checks are Linux's")


@linux_only
def test_no_display_is_named_with_the_ways_out():
    problem = window_problem({}, find_library=lambda name: "found")
    assert "DISPLAY is not set" in problem and "QT_QPA_PLATFORM=offscreen" in problem


@linux_only
def test_missing_xcb_libraries_are_named_with_the_install_command():
    problem = window_problem({"DISPLAY": ":0"}, find_library=lambda name: None if name == "xcb-cursor" else "x")
    assert problem.endswith("Fix: sudo apt-get install libxcb-cursor0")


def test_offscreen_wayland_and_a_complete_x_setup_are_fine():
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert window_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert window_problem({"DISPLAY": ":0"}, find_library=lambda name: "found") is None


def test_qt_platform_plugin_failures_become_one_line():
    line = platform_failure('qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.')
    assert line.startswith("Wayfinder cannot open a window") and FIX in line and "\n" not in line
    assert platform_failure("some other fatal message") is None


@linux_only
def test_the_editor_started_without_a_display_prints_one_line_and_exits():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "cannot open a window" in result.stderr
