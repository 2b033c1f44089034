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
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QTimer
    from app.gui import create_application
    app = create_application()
    from app.main_window import MainWindow
    from tests.app.driver import card_center, click, keys
    window = MainWindow(); window.resize(1200, 800); window.show()
    window.open_path({path!r})
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    keys(window, "m4")
    print("EDITED", flush=True)

    def edit_again():  # after the first edit's autosave
        keys(window, "+")
        print("EDITED", flush=True)

    QTimer.singleShot({again_ms}, edit_again)
    app.exec()
""")
AFTER_AUTOSAVE_S = 2.8  # the promise: every change made more than 2 s before a crash is recovered


def test_a_killed_editor_offers_every_change_made_more_than_two_seconds_before(window, settings_dir, tmp_path,
                                                                                answer):
    path = tmp_path / "map.journey"
    save(sample_map(), path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings_dir / "config"),
           "XDG_DATA_HOME": str(settings_dir / "data")}
    script = KILLED_EDITOR.format(root=str(ROOT), path=str(path), again_ms=round(1000 * AFTER_AUTOSAVE_S))
    editor = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert editor.stdout.readline().strip() == "EDITED"
        assert editor.stdout.readline().strip() == "EDITED"
        time.sleep(AFTER_AUTOSAVE_S)
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.wait()
    assert load(path).touchpoint(sample_map().cell("aware", "web")[0]).scores.meaning is None  # file untouched

    replies, asked = answer
    replies.append("Restore")
    window.offer_recovered_work()
    assert "map.journey" in asked[0]
    restored = window.document.journey
    ad = restored.touchpoint(restored.cell("aware", "web")[0])
    assert (ad.scores.meaning, ad.emotion) == (4, 1)
    assert window.document.path == path and window.isWindowModified()
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


# ----------------------------------------------------------------- the disk honoured (round two)
def test_a_read_only_file_is_refused_and_save_as_offered(window, tmp_path, answer, monkeypatch):
    replies, asked = answer
    path = open_file(window, tmp_path)
    before = path.read_bytes()
    path.chmod(0o444)
    edit_a_card(window)
    elsewhere = tmp_path / "mine.journey"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(elsewhere), "")))
    replies.append("Save As…")
    shortcut(window, "save")
    assert "map.journey: is read-only" in asked[0] and "another name" in asked[0]
    assert path.read_bytes() == before
    assert window.document.path == elsewhere and not window.isWindowModified()
    assert load(elsewhere).touchpoint(load(elsewhere).cell("aware", "web")[0]).scores.meaning == 5


def test_cancelling_the_read_only_question_keeps_every_change(window, tmp_path, answer):
    replies, asked = answer
    path = open_file(window, tmp_path)
    path.chmod(0o444)
    edit_a_card(window)
    replies.append("Cancel")
    shortcut(window, "save")
    assert window.isWindowModified() and window.document.path == path


def test_opening_a_named_pipe_is_refused_at_once(window, tmp_path, dialogs):
    fifo = tmp_path / "x.journey"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert not window.open_path(fifo)  # hung the window forever before
    assert time.monotonic() - started < 1
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Cannot open map") and "is a named pipe" in text


def test_saving_through_a_symlink_keeps_the_link(window, tmp_path):
    real = open_file(window, tmp_path)
    link = tmp_path / "link.journey"
    link.symlink_to(real)
    assert window.open_path(link)
    edit_a_card(window)
    shortcut(window, "save")
    assert link.is_symlink() and window.document.path == link
    assert load(real).touchpoint(load(real).cell("aware", "web")[0]).scores.meaning == 5


def test_delete_and_recreate_is_noticed_and_so_is_a_later_replace(window, tmp_path, qtbot, dialogs):
    path = open_file(window, tmp_path)
    path.unlink()
    qtbot.wait(400)
    assert dialogs.shown == []  # a file merely gone is nothing to reload
    theirs = load(path.with_name("map.journey.bak")) if path.with_name("map.journey.bak").exists() else sample_map()
    theirs.set_info(title="Recreated")
    save(theirs, path)
    qtbot.waitUntil(lambda: window.document.journey.info.title == "Recreated", timeout=5000)
    theirs.set_info(title="Replaced again")
    other = tmp_path / "shared" / "other.journey"
    save(theirs, other)
    os.replace(other, path)
    qtbot.waitUntil(lambda: window.document.journey.info.title == "Replaced again", timeout=5000)
    with open(path, "r+b") as stream:  # and a write in place
        data = stream.read().replace(b"Replaced again", b"Written inside")
        stream.seek(0)
        stream.truncate()
        stream.write(data)
    qtbot.waitUntil(lambda: window.document.journey.info.title == "Written inside", timeout=5000)
    assert dialogs.shown == [] and not window.isWindowModified()


def test_several_changes_while_the_question_is_open_give_one_question(window, tmp_path, qtbot, monkeypatch):
    path = open_file(window, tmp_path)
    edit_a_card(window)
    asked = []

    def ask(box):  # while the question is open, someone saves twice more
        asked.append(box.text())
        for title in ("Second", "Third"):
            theirs = load(path)
            theirs.set_info(title=title)
            save(theirs, path)
            qtbot.wait(400)
        return next(b for b in box.buttons() if b.text().replace("&", "") == "Keep Mine")

    monkeypatch.setattr("app.questions.ask", ask)
    theirs = load(path)
    theirs.set_info(title="First")
    save(theirs, path)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    qtbot.wait(600)
    assert len(asked) == 1 and window.isWindowModified()


QUITTING_EDITOR = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    from app.gui import create_application
    app = create_application()
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    from app.main_window import MainWindow
    from tests.app.driver import card_center, click, keys
    window = MainWindow(); window.resize(1200, 800); window.show()
    window.open_path({path!r})
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    keys(window, "m4")
    QTimer.singleShot(100, window.actions_by_name["quit"].trigger)
    sys.exit(app.exec())
""")


def test_quitting_with_unsaved_changes_and_discarding_them_is_quiet(settings_dir, tmp_path):
    path = tmp_path / "map.journey"
    save(sample_map(), path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings_dir / "config"),
           "XDG_DATA_HOME": str(settings_dir / "data")}
    result = subprocess.run([sys.executable, "-c", QUITTING_EDITOR.format(root=str(ROOT), path=str(path))],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Traceback" not in result.stderr and "Error" not in result.stderr
    assert not file_lock.lock_path(path).exists()
    assert not list((settings_dir / "data").rglob("*.journey"))  # no recovery copy left behind


def test_planted_bak_and_lock_symlinks_leave_their_targets_untouched(window, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "map.journey"
    save(sample_map(), path)
    precious_lock, precious_bak = tmp_path / "precious-1.txt", tmp_path / "precious-2.txt"
    for precious in (precious_lock, precious_bak):
        precious.write_text("keep me")
    file_lock.lock_path(path).symlink_to(precious_lock)
    path.with_name("map.journey.bak").symlink_to(precious_bak)
    assert window.open_path(path)  # opening alone overwrote the lock link's target before
    edit_a_card(window)
    shortcut(window, "save")  # saving overwrote the .bak link's target before
    assert precious_lock.read_text() == "keep me" and precious_bak.read_text() == "keep me"
    assert load(path.with_name("map.journey.bak")).info.title == sample_map().info.title
    assert file_lock.read_lock(path).is_me()
