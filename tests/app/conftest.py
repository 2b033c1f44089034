"""A real main window for GUI tests, with settings kept out of the user's home and no modal dialogs."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def settings_dir(tmp_path, monkeypatch):
    """QSettings and QStandardPaths point into the test's own folder."""
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def dialogs(monkeypatch):
    """Records message boxes instead of showing them; tests set `answers` for questions."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    class Dialogs:
        def __init__(self):
            self.shown: list[tuple[str, str, str]] = []
            self.answers: list = []

        def _record(self, kind):
            def show(parent, title, text, *args, **kwargs):
                self.shown.append((kind, title, text))
                if kind == "question":
                    return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Discard
                return QMessageBox.StandardButton.Ok
            return show

    def unexpected(box, *args):
        # A modal box would wait for a click that never comes; fail the test instead of hanging it.
        text = box.text() if isinstance(box, QMessageBox) else box.windowTitle()
        raise AssertionError(f"unexpected modal dialog: {text!r}")

    recorded = Dialogs()
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorded._record(kind)))
    monkeypatch.setattr(QMessageBox, "exec", unexpected)
    monkeypatch.setattr(QDialog, "exec", unexpected)
    return recorded


@pytest.fixture
def window(qtbot, settings_dir, dialogs):
    from app.gui import create_application
    from app.main_window import MainWindow

    create_application()
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.view.setFocus()
    yield main
    main.document.undo_stack.setClean()
    # Qt's offscreen clipboard crashes the interpreter at exit if it still holds mime data made in
    # Python (PySide6 6.11, offscreen only; xcb is fine): leave it empty.
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().clear()
