"""The map is painted first; analysis and the recovery scan wait until it is on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from model.journey_file import save
from tests.factories import large_map


def test_the_editor_paints_the_map_before_it_scans_for_recovered_work(settings_dir, dialogs, monkeypatch, tmp_path):
    from app import gui
    from app.main_window import MainWindow

    path = tmp_path / "big.journey"
    save(large_map(touchpoints=300, stages=10, lanes=5, connections=450), path)
    seen = {}
    windows = []
    scan = MainWindow.offer_recovered_work

    def offer(window):
        seen["painted before the scan"] = window.view.painted
        seen["analysed before the scan"] = window.insights.insights is not None
        windows.append(window)
        scan(window)

    def run_briefly(app):
        for _ in range(50):
            QApplication.processEvents()
        return 0

    monkeypatch.setattr(MainWindow, "offer_recovered_work", offer)
    monkeypatch.setattr(type(gui.create_application()), "exec", run_briefly)
    assert gui.run_editor(str(path)) == 0
    assert seen == {"painted before the scan": True, "analysed before the scan": False}
    window = windows[0]
    assert len(window.document.journey) == 300
    window.insights.timer.timeout.emit()  # what the short wait after the first paint leads to
    assert window.insights.insights is not None
    window.document.undo_stack.setClean()
    window.close()


def test_analysis_waits_for_the_first_paint(qtbot, settings_dir, dialogs, tmp_path):
    from app.gui import create_application
    from app.main_window import MainWindow

    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    path = tmp_path / "map.journey"
    save(large_map(touchpoints=50, stages=5, lanes=3, connections=75), path)
    assert window.open_path(path)
    qtbot.wait(300)
    assert window.insights.insights is None
    window.show()
    qtbot.waitUntil(lambda: window.insights.insights is not None, timeout=3000)
    assert window.view.painted
