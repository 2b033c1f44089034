"""Live-capture keys on the 2,000-touchpoint map: a facilitator's key must never wait on the map's size."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402

from tests.factories import large_map  # noqa: E402

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture(scope="module")
def big():
    return large_map()


@pytest.fixture
def scene(qapp, big):
    from app.keymap import bindings
    from widgets.canvas_scene import JourneyScene

    scene = JourneyScene(big)
    scene.keys.bind(bindings("canvas"))
    return scene


def press(scene, key, modifiers=Qt.KeyboardModifier.NoModifier) -> bool:
    return scene.keys.handle(QKeyEvent(QEvent.Type.KeyPress, key, modifiers))


def test_connect_to_the_nearest_card_on_the_right(benchmark, scene, big):
    """Ctrl+Alt+Right: find the nearest card not connected yet (the request is all the key does)."""
    found = []
    scene.connectRequested.connect(lambda source, target: found.append(target))
    scene.select_touchpoints(["t0"])
    benchmark(press, scene, Qt.Key.Key_Right, CTRL_ALT)
    assert found


def test_extend_the_selection_in_reading_order(benchmark, scene, big):
    """Shift+Right then Shift+Left: the selection grows by a card and shrinks back."""
    scene.select_touchpoints(["t1000"])

    def grow_and_shrink():
        press(scene, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        press(scene, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)

    benchmark(grow_and_shrink)
    assert scene.selected_touchpoints() == ["t1000"]
