"""Cards, headers and bands replay a recorded drawing (widgets.recording): after a change, a
selection or a zoom step, what the canvas shows must be what drawing them afresh shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.app.driver import LEFT, NO_MODIFIER, at, card_center, differing, frame, open_map
from tests.factories import make_map
from widgets.recording import Recording


def painted_afresh(window, monkeypatch):
    """The canvas drawn without any recording, every cached item painting again."""
    with monkeypatch.context() as patch:
        patch.setattr(Recording, "replay", lambda self, painter, key, draw: draw(painter))
        for item in window.scene.items():
            item.update()
        return frame(window)


def test_a_renamed_card_and_its_undo_show_at_once_what_drawing_afresh_shows(window, tmp_path, monkeypatch):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad"], ("Buy", "Store"): ["Checkout"]})
    open_map(window, journey, tmp_path)
    frame(window)  # recorded as they first show
    QTest.mouseClick(window.view.viewport(), LEFT, NO_MODIFIER, at(window, card_center(window, "ad")))
    title = window.inspector.field("title").widget
    title.setFocus()
    title.end(False)
    QTest.keyClicks(title, " campaign with a long name")
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert window.document.journey.touchpoint("ad").title == "Ad campaign with a long name"
    frame(window)
    window.view.setFocus()
    frame(window)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.journey.touchpoint("ad").title == "Ad"
    shown = frame(window)
    assert differing(shown, painted_afresh(window, monkeypatch)) == 0


def test_a_zoom_step_shows_what_drawing_afresh_at_the_new_scale_shows(window, tmp_path, monkeypatch):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad", "Post"]})
    open_map(window, journey, tmp_path)
    frame(window)
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    shown = frame(window)
    assert window.view.zoom > 1.0
    assert differing(shown, painted_afresh(window, monkeypatch)) == 0


def test_a_card_changed_then_zoomed_shows_what_drawing_afresh_shows(window, tmp_path, monkeypatch):
    # Selecting the card changes its drawing: it is drawn straight away, and recorded at the zoom step.
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad", "Post"]})
    open_map(window, journey, tmp_path)
    frame(window)
    QTest.mouseClick(window.view.viewport(), LEFT, NO_MODIFIER, at(window, card_center(window, "ad")))
    assert window.scene.selected_touchpoints() == ["ad"]
    assert differing(frame(window), painted_afresh(window, monkeypatch)) == 0
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    zoomed = frame(window)
    assert differing(zoomed, painted_afresh(window, monkeypatch)) == 0
    window.scene.cards["ad"].update()  # repainted at the same zoom: replayed from its recording now
    assert differing(frame(window), zoomed) == 0


def test_the_bands_labels_follow_a_lane_added_above_them(window, tmp_path, monkeypatch):
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad"]})
    open_map(window, journey, tmp_path)
    frame(window)
    before = window.scene.geometry.emotion_header
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert len(window.document.journey.lanes) == 2
    shown = frame(window)
    assert window.scene.geometry.emotion_header.y > before.y
    assert differing(shown, painted_afresh(window, monkeypatch)) == 0
