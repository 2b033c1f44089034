"""Measure presentation mode as the room sees it, in this process or in a child process whose Qt
runs on configured screens (offscreen, one 1920×1080 screen or a laptop and a projector).

`python -m tests.app.room_probe SCREENS_JSON` opens the retail sample, presses F5 and prints
what it measured as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).parents[2]


def painted_card_text_pixels(view, size: float, bold: bool) -> list[float]:
    """Paint the view afresh and return, for every font of `size` layout units and this weight set
    while painting (a card's title or meta line), its pixel size on screen: the font's own times
    the painter's scale."""
    from PySide6.QtGui import QPainter

    from widgets import card_item, recording as card_recording

    seen: list[float] = []
    made_for_card = []  # the card asked for a font: the next font set on a painter is the card's
    original_set_font, original_font = QPainter.setFont, card_item.font
    original_replay = card_recording.Recording.replay

    def card_font(*args, **kwargs):
        made_for_card.append(True)
        return original_font(*args, **kwargs)

    def recording(painter, font):
        if made_for_card:
            made_for_card.clear()
            if font.pixelSize() == round(size) and font.bold() == bold:
                seen.append(font.pixelSize() * painter.worldTransform().m22())
        return original_set_font(painter, font)

    QPainter.setFont, card_item.font = recording, card_font
    # Cards cache their pixels and replay a recorded drawing: make them paint afresh, on the view.
    card_recording.Recording.replay = lambda self, painter, key, draw: draw(painter)
    try:
        for card in view.scene().cards.values():
            card.update()
        view.viewport().grab()
    finally:
        QPainter.setFont, card_item.font = original_set_font, original_font
        card_recording.Recording.replay = original_replay
    return seen


def run_with_screens(screens: list[dict]) -> dict:
    """Run the probe in a child process whose offscreen Qt has these screens (x, y, width, height)."""
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "screens.json"
        config.write_text(json.dumps({"screens": [
            {"name": s["name"], "x": s["x"], "y": 0, "width": s["width"], "height": s["height"],
             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1} for s in screens]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
               "XDG_CONFIG_HOME": str(Path(folder) / "config"), "XDG_DATA_HOME": str(Path(folder) / "data")}
        done = subprocess.run([sys.executable, "-m", "tests.app.room_probe"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.gui import create_application
    from app.main_window import MainWindow
    from app.samples import SAMPLES_DIR
    from model import theme

    create_application()
    window = MainWindow()
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.open_sample(SAMPLES_DIR / "retail-purchase.journey")
    QApplication.processEvents()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    view = window.workshop.presentation
    QTest.qWaitForWindowExposed(view)
    QApplication.processEvents()
    titles = painted_card_text_pixels(view, theme.CARD_TITLE_SIZE, bold=True)
    metas = painted_card_text_pixels(view, theme.CARD_META_SIZE, bold=False)
    print(json.dumps({
        "screens": [s.name() for s in QApplication.screens()],
        "window_screen": window.screen().name(), "room_screen": view.screen().name(),
        "room_size": [view.width(), view.height()], "full_screen": view.isFullScreen(),
        "title_pixels": min(titles), "meta_pixels": min(metas) if metas else None,
        "stages_in_view": len(view.stages_in_view()),
        "presenter_visible": window.workshop.docks["presenter"].isVisible(),
        "presenter_now": window.workshop.presenter.now.text(),
    }))
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
