"""Any sequence of capture keys leaves a valid map, and undoing every step gives back the opened file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from model.journey_file import to_bytes
from tests.app.driver import keys, open_map
from tests.factories import make_map

Key = Qt.Key
M = Qt.KeyboardModifier
ARROWS = (Key.Key_Left, Key.Key_Right, Key.Key_Up, Key.Key_Down)
CHORDS = (M.NoModifier, M.ShiftModifier, M.AltModifier, M.ControlModifier | M.AltModifier,
          M.ControlModifier | M.AltModifier | M.ShiftModifier)

steps = st.one_of(
    st.tuples(st.tuples(st.sampled_from(ARROWS), st.sampled_from(CHORDS))),  # one chord
    st.sampled_from([
        (Key.Key_Tab,), (Key.Key_Backtab,), (Key.Key_Home,), (Key.Key_End,), (Key.Key_Escape,), (Key.Key_Delete,),
        (Key.Key_Backspace,), (Key.Key_Return, "Chat", Key.Key_Return), (Key.Key_Return, "Call", Key.Key_Tab),
        ((Key.Key_Return, M.ShiftModifier), "Desk", Key.Key_Return), (Key.Key_Return, Key.Key_Escape),
        (Key.Key_Return, Key.Key_Return), (Key.Key_F2, "Renamed", Key.Key_Return), (Key.Key_M, Key.Key_3),
        (Key.Key_Plus,), (Key.Key_Minus,), (Key.Key_P, "Slow", (Key.Key_2, M.AltModifier), Key.Key_Return),
    ]),
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(steps, min_size=1, max_size=14))
def test_undo_all_after_any_capture_keys_gives_back_the_opened_file(window, tmp_path, sequence):
    journey = make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad", "Blog"], ("Consider", "Store"): ["Visit"],
                              ("Buy", "Web"): ["Pay"]})
    path = open_map(window, journey, tmp_path)
    loaded = path.read_bytes()
    window.scene.select_touchpoints(["ad"])
    window.view.setFocus()
    for step in sequence:
        keys(window, *step)
        if window.scene.editor.active:  # a step that ends while naming: finish it, as the next key would
            keys(window, Key.Key_Return)
        window.view.setFocus()
    current = window.document.journey
    assert all(tp.title for tp in current.touchpoints())  # no nameless debris
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert to_bytes(window.document.journey) == loaded
    assert not window.isWindowModified()
