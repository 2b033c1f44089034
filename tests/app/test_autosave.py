"""Hot-exit autosave: the recovery copy follows the last change by about two seconds, is written
at least every interval while changes keep coming, and bad settings never stop Wayfinder."""

from __future__ import annotations

import logging
import time

import pytest
from PySide6.QtCore import QSettings

from app.autosave import DELAYS, delay_setting
from model.journey_file import load
from tests.app.driver import card_center, click, keys, open_map
from tests.factories import make_map


def sample_map():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",),
                    cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Checkout"]})


@pytest.fixture
def editor(qtbot, settings_dir, dialogs):
    """A window made after the test's settings are in place (they are read when it starts)."""
    from app.gui import create_application
    from app.main_window import MainWindow

    create_application()
    made = []

    def make(**settings):
        for key, value in settings.items():
            QSettings().setValue(f"autosave/{key}", value)
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.view.setFocus()
        made.append(window)
        return window

    yield make
    for window in made:
        window.document.undo_stack.setClean()


def editing(editor, tmp_path, **settings):
    """A window with settings, the sample map open and its first card selected."""
    window = editor(**settings)
    open_map(window, sample_map(), tmp_path)
    click(window, card_center(window, window.document.journey.cell("aware", "web")[0]))
    return window


def test_the_copy_is_written_once_changes_pause(editor, tmp_path, qtbot):
    window = editing(editor, tmp_path, quiet_seconds=0.4)
    copy = window.autosave.entry.map_path
    with qtbot.waitSignal(window.autosave.written, timeout=5000):
        keys(window, "m4")
        edited = time.monotonic()
        assert not copy.exists()
    assert time.monotonic() - edited >= 0.35
    recovered = load(copy)
    assert recovered.touchpoint(recovered.cell("aware", "web")[0]).scores.meaning == 4


def test_changes_that_never_pause_are_written_every_interval(editor, tmp_path, qtbot):
    window = editing(editor, tmp_path, quiet_seconds=0.6, interval_seconds=1)
    written = []
    window.autosave.written.connect(lambda: written.append(time.monotonic()))
    started = time.monotonic()
    while time.monotonic() - started < 2.5:  # a change every 0.2 s: never a 0.6 s pause
        keys(window, "+" if int((time.monotonic() - started) / 0.2) % 2 else "-")
        qtbot.wait(200)
    assert written and written[0] - started < 2.0


def test_undoing_back_to_the_saved_state_removes_the_copy(editor, tmp_path, qtbot):
    window = editing(editor, tmp_path, quiet_seconds=0.2)
    copy = window.autosave.entry.map_path
    with qtbot.waitSignal(window.autosave.written, timeout=5000):
        keys(window, "m4")
    window.document.undo_stack.undo()
    window.autosave.wait()
    assert not copy.exists()


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan", "1e9", "", "inf"])
def test_a_bad_delay_setting_falls_back_to_the_default_with_a_warning(editor, caplog, value):
    with caplog.at_level(logging.WARNING, logger="app.autosave"):
        window = editor(quiet_seconds=value, interval_seconds=value)
    assert window.autosave._quiet.interval() == 2000 and window.autosave._longest.interval() == 30000
    assert "autosave/interval_seconds" in caplog.text and repr(value) in caplog.text


def test_a_fractional_delay_setting_is_taken(settings_dir):
    QSettings().setValue("autosave/interval_seconds", "2.5")
    assert delay_setting(QSettings(), "autosave/interval_seconds") == 2.5
    assert delay_setting(QSettings(), "autosave/quiet_seconds") == DELAYS["autosave/quiet_seconds"][0]


def test_a_failed_autosave_says_so_and_tries_again(editor, tmp_path, qtbot):
    window = editing(editor, tmp_path, quiet_seconds=0.2)
    store = window.autosave.entry.store
    folder = store.folder
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the recovery folder should be")
    store.folder = blocked
    with qtbot.waitSignal(window.autosave.failed, timeout=5000):
        keys(window, "m4")
    qtbot.waitUntil(lambda: "Autosave failed" in window.statusBar().currentMessage(), timeout=2000)
    assert "cannot be autosaved" in window.statusBar().currentMessage()
    store.folder = folder
    with qtbot.waitSignal(window.autosave.written, timeout=5000):
        keys(window, "+")


def test_a_damaged_recovery_copy_is_reported_and_kept(editor, monkeypatch, dialogs):
    import json

    from app.autosave import recovery_store
    from tests.app.test_file_safety import _dead_pid

    entry = recovery_store().new_entry()
    entry.write(sample_map(), None)
    note = json.loads(entry.note_path.read_text())
    note["pid"] = _dead_pid()
    entry.note_path.write_text(json.dumps(note))
    entry.map_path.write_text("{ half a map")
    window = editor()
    monkeypatch.setattr("app.questions.ask", lambda box: next(
        b for b in box.buttons() if b.text().replace("&", "") == "Restore"))
    window.offer_recovered_work()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Cannot restore unsaved work")
    assert str(entry.map_path) in text and "is not valid JSON" in text and "kept" in text
    assert entry.map_path.exists() and len(window.document.journey) == 0
