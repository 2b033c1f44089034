"""Start the editor: check that Qt can open a window, then show the main window."""

from __future__ import annotations

import os
import sys

from app.display import platform_failure, window_problem
from app.painting_process import prepare_painting


def _quiet_platform_failures(mode, context, message: str) -> None:
    """Turn Qt's fatal platform-plugin dump into our one line; pass other messages on."""
    from PySide6.QtCore import QtMsgType

    if mode == QtMsgType.QtFatalMsg and (line := platform_failure(message)):
        print(line, file=sys.stderr)
        os._exit(2)
    if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(message, file=sys.stderr)


def create_application(argv: list[str] | None = None):
    """The QApplication with Wayfinder's names (they decide where QSettings are kept)."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    prepare_painting()
    qInstallMessageHandler(_quiet_platform_failures)
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Wayfinder")
    app.setOrganizationName("Wayfinder")
    app.setApplicationDisplayName("Wayfinder")
    return app


def run_editor(path: str | None) -> int:
    """Open the editor on `path` (or an empty map) and run until the last window closes."""
    problem = window_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = create_application()
    from app.main_window import MainWindow

    from PySide6.QtCore import Qt

    window = MainWindow()
    window.show()
    if path:
        window.open_path(path)
    # The map is on screen before the recovery scan (and any question it asks) runs.
    window.view.firstPainted.connect(window.offer_recovered_work, Qt.ConnectionType.QueuedConnection)
    return app.exec()
