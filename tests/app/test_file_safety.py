"""Never lose work: autosave and recovery, files changed underneath, locks, failing saves."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app import file_lock
from app.document import DiskStamp
from model import journey_file
from model.journey_file import load, save
from tests.app.driver import card_center, click, keys, settle, shortcut
from tests.factories import make_map

ROOT = Path(__file__).parents[2]


def sample_map():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",),
                    cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"]})


@pytest.fixture
def answer(monkeypatch):
    """Answer the next custom question boxes by button text, in order."""
    replies: list[str] = []
    asked: list[str] = []

    def ask(box):
        asked.append(box.text())
        wanted = replies.pop(0)
        for button in box.buttons():
            if button.text().replace("&", "") == wanted:
                return button
        raise AssertionError(f"no button {wanted!r} in {[b.text() for b in box.buttons()]}")

    monkeypatch.setattr("app.questions.ask", ask)
    return replies, asked


def open_file(window, tmp_path, name="map.journey") -> Path:
    path = tmp_path / "shared" / name
    path.parent.mkdir(exist_ok=True)
    save(sample_map(), path)
    assert window.open_path(path)
    settle(window)
    return path


def edit_a_card(window):
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    keys(window, "m5")


# ----------------------------------------------------------------- crash recovery
KILLED_EDITOR = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QSettings
    from app.gui import create_application
    app = create_application()
    QSettings().setValue("autosave/interval_seconds", 1)
    from app.main_window import MainWindow
    from tests.app.driver import card_center, click, keys
    window = MainWindow(); window.resize(1200, 800); window.show()
    window.open_path({path!r})
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    keys(window, "m4", "+")
    print("EDITED", flush=True)
    app.exec()
""")


def test_a_killed_editor_loses_at_most_one_autosave_interval(window, settings_dir, tmp_path, answer):
    path = tmp_path / "map.journey"
    save(sample_map(), path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings_dir / "config"),
           "XDG_DATA_HOME": str(settings_dir / "data")}
    script = KILLED_EDITOR.format(root=str(ROOT), path=str(path))
    editor = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert editor.stdout.readline().strip() == "EDITED"
        recovery = settings_dir / "data" / "Wayfinder" / "Wayfinder" / "recovery"
        deadline = time.monotonic() + 20
        while not list(recovery.glob("*.json")) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.3)
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.wait()
    assert list(recovery.glob("*.journey")), "no autosave was written"
    assert load(path).touchpoint(sample_map().cell("aware", "web")[0]).scores.meaning is None  # file untouched

    replies, asked = answer
    replies.append("Restore")
    window.offer_recovered_work()
    assert "map.journey" in asked[0]
    restored = window.document.journey
    ad = restored.touchpoint(restored.cell("aware", "web")[0])
    assert (ad.scores.meaning, ad.emotion) == (4, 1)
    assert window.document.path == path and window.isWindowModified()
    assert not list(recovery.glob("*.json")) or window.document.modified
    shortcut(window, "save")
    assert load(path).touchpoint(ad.id).scores.meaning == 4


def test_recovery_offers_untitled_maps_and_discard_removes_them(window, tmp_path, answer):
    from app.autosave import recovery_store
    from app.recovery import RecoveryStore

    store: RecoveryStore = recovery_store()
    entry = store.new_entry()
    entry.write(sample_map(), None)
    note = json.loads(entry.note_path.read_text())
    note["pid"] = _dead_pid()
    entry.note_path.write_text(json.dumps(note))
    replies, asked = answer
    replies.append("Later")
    window.offer_recovered_work()
    assert "an untitled map" in asked[0] and entry.map_path.exists()
    replies.append("Discard")
    window.offer_recovered_work()
    assert not entry.map_path.exists() and not entry.note_path.exists()


def test_autosave_writes_beside_nothing_and_a_clean_close_removes_it(window, tmp_path):
    path = open_file(window, tmp_path)
    edit_a_card(window)
    window.autosave.write_now()
    window.autosave.wait()
    assert window.autosave.entry.map_path.exists()
    assert sorted(p.name for p in path.parent.iterdir()) == [".map.journey.lock", "map.journey"]
    shortcut(window, "save")
    window.autosave.wait()
    assert not window.autosave.entry.map_path.exists()
    assert path.with_name("map.journey.bak").exists()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# ----------------------------------------------------------------- changed on disk
def test_a_file_changed_underneath_reloads_when_there_are_no_local_edits(window, tmp_path, qtbot):
    path = open_file(window, tmp_path)
    theirs = load(path)
    theirs.set_info(title="Their title")
    save(theirs, path)
    qtbot.waitUntil(lambda: window.document.journey.info.title == "Their title", timeout=5000)
    assert not window.isWindowModified()


def test_saving_over_a_file_changed_since_it_was_read_asks_first(window, tmp_path, qtbot, answer):
    replies, asked = answer
    path = open_file(window, tmp_path)
    edit_a_card(window)
    theirs = load(path)
    theirs.set_info(title="Their title")
    replies.append("Keep Mine")
    save(theirs, path)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert "changed on disk" in asked[0]
    replies.append("Cancel")
    shortcut(window, "save")
    assert load(path).info.title == "Their title" and window.isWindowModified()
    replies.append("Overwrite")
    shortcut(window, "save")
    assert load(path).info.title != "Their title" and not window.isWindowModified()


# ----------------------------------------------------------------- locks
def test_a_stale_lock_from_a_dead_process_is_cleaned_up_silently(window, tmp_path, answer):
    path = tmp_path / "map.journey"
    save(sample_map(), path)
    file_lock.lock_path(path).write_text(json.dumps(
        {"user": "ana", "host": os.uname().nodename, "pid": _dead_pid(), "since": "2026-01-01T10:00:00+00:00"}))
    assert window.open_path(path)
    assert answer[1] == []
    assert file_lock.read_lock(path).is_me()


def test_a_locked_file_opens_read_only_and_cannot_be_saved_over(window, tmp_path, answer, monkeypatch):
    replies, asked = answer
    path = tmp_path / "map.journey"
    save(sample_map(), path)
    before = path.read_bytes()
    file_lock.lock_path(path).write_text(json.dumps(
        {"user": "ana", "host": "other-host", "pid": 4242, "since": "2026-01-01T10:00:00+00:00"}))
    replies.append("Open Read-Only")
    assert window.open_path(path)
    assert "ana on other-host" in asked[0]
    assert window.document.read_only and "read-only" in window.windowTitle()
    edit_a_card(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    shortcut(window, "save")
    assert path.read_bytes() == before and window.isWindowModified()
    assert file_lock.read_lock(path).user == "ana"


# ----------------------------------------------------------------- failing saves
@pytest.mark.parametrize("failure", ["mkstemp", "fsync"])
def test_a_failed_save_keeps_the_file_and_the_changes(window, tmp_path, monkeypatch, dialogs, failure):
    path = open_file(window, tmp_path)
    before = path.read_bytes()
    edit_a_card(window)
    errors = {"mkstemp": OSError(13, "Permission denied"), "fsync": OSError(28, "No space left on device")}

    def fail(*args, **kwargs):
        raise errors[failure]

    target = journey_file.tempfile if failure == "mkstemp" else journey_file.os
    with monkeypatch.context() as patch:
        patch.setattr(target, failure, fail)
        shortcut(window, "save")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("critical", "Cannot save map")
    assert errors[failure].strerror in text and str(path) in text
    assert path.read_bytes() == before and window.isWindowModified()
    # The .bak is written like the map, whole or not at all: no temporary, no half copy is left.
    assert sorted(p.name for p in path.parent.iterdir()) == [".map.journey.lock", "map.journey"]


def test_save_into_a_missing_folder_says_so(window, tmp_path, monkeypatch, dialogs):
    open_file(window, tmp_path)
    edit_a_card(window)
    missing = tmp_path / "gone" / "map.journey"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(missing), "")))
    shortcut(window, "save_as")
    assert "No such file or directory" in dialogs.shown[-1][2]
    assert window.isWindowModified()


def test_disk_stamp_notices_content_changes_only(tmp_path):
    path = tmp_path / "a.journey"
    path.write_text("one")
    stamp = DiskStamp.of(path)
    os.utime(path, (1, 1))
    assert stamp.same_content(DiskStamp.of(path))
    path.write_text("two")
    assert not stamp.same_content(DiskStamp.of(path))


# ----------------------------------------------------------------- format versions
def test_an_old_file_opens_says_so_and_is_converted_only_on_save(window, tmp_path):
    path = tmp_path / "old.journey"
    original = (ROOT / "tests" / "fixtures" / "format-v1.journey").read_bytes()
    path.write_bytes(original)
    assert window.open_path(path)
    assert "format version 1" in window.statusBar().currentMessage()
    assert path.read_bytes() == original and not window.isWindowModified()
    shortcut(window, "save")
    assert json.loads(path.read_bytes())["version"] == journey_file.FORMAT_VERSION


def test_a_file_from_a_newer_wayfinder_is_refused_naming_both_versions(window, tmp_path, dialogs):
    path = tmp_path / "new.journey"
    path.write_text('{"format": "wayfinder.journey", "version": 99}')
    before = window.document.journey
    assert not window.open_path(path)
    kind, title, text = dialogs.shown[-1]
    assert "format version 99" in text and f"format version {journey_file.FORMAT_VERSION}" in text
    assert window.document.journey is before
