"""Presentation mode on the 2,000-touchpoint map: one repaint of the room's screen (cards paint
without their cache while presenting), and the editor's own view meanwhile."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.factories import large_map  # noqa: E402


@pytest.fixture
def presenting(qapp):
    from widgets.canvas_scene import JourneyScene
    from widgets.canvas_view import JourneyView
    from widgets.presentation_view import PresentationView

    scene = JourneyScene(large_map())
    editor = JourneyView(scene)
    editor.resize(1400, 900)
    editor.zoom_to_fit()
    room = PresentationView(scene)
    room.resize(1920, 1080)
    room.go_to(3)
    yield editor, room
    room.close()


def test_repaint_the_rooms_screen(benchmark, presenting):
    _, room = presenting
    benchmark(room.viewport().grab)


def test_repaint_the_editor_at_fit_while_presenting(benchmark, presenting):
    editor, _ = presenting
    benchmark(editor.viewport().grab)
