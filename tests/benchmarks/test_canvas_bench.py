"""Canvas speed on the 2,000-touchpoint map: open, redraw (scroll/zoom), and one card drag."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from tests.factories import large_map  # noqa: E402


@pytest.fixture(scope="module")
def big():
    return large_map()


@pytest.fixture
def scene(qapp, big):
    from widgets.canvas_scene import JourneyScene

    return JourneyScene(big)


def test_open(benchmark, qapp, big):
    from widgets.canvas_scene import JourneyScene

    scene = benchmark(JourneyScene, big)
    assert len(scene.cards) == 2000


def _render_viewport(scene, zoom: float) -> None:
    """Draw a 1400 x 900 window's worth of the scene at `zoom`, as a scroll or zoom redraws it."""
    image = QImage(1400, 900, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#fafafa"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    source = QRectF(2000, 300, 1400 / zoom, 900 / zoom)
    scene.render(painter, QRectF(0, 0, 1400, 900), source)
    painter.end()


@pytest.mark.parametrize("zoom", [1.0, 0.25])
def test_redraw_a_window_full(benchmark, scene, zoom):
    benchmark(_render_viewport, scene, zoom)


def test_drag_a_card_to_another_cell(benchmark, scene, big):
    """One drop: the model moves the card, the scene re-lays the map and moves what shifted."""
    card = big.touchpoint_ids().__next__()
    targets = [(s.id, lane.id) for s in big.stages[1:3] for lane in big.lanes[:2]]
    state = {"i": 0}

    def drop():
        stage, lane = targets[state["i"] % len(targets)]
        state["i"] += 1
        big.move_touchpoint(card, stage, lane)
        scene.ensure_layout()

    benchmark(drop)
    assert big.touchpoint(card).stage in {s.id for s in big.stages[1:3]}
