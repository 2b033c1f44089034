"""Any sequence of gestures, undone step by step, gives back exactly the file that was opened."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from model.journey_file import to_bytes
from tests.app.driver import card_center, cell_center, click, drag, keys, open_map, shortcut
from tests.factories import make_map

Key = Qt.Key
STAGES, LANES = ("aware", "consider", "buy"), ("web", "store")

index = st.integers(0, 50)
gestures = st.one_of(
    st.tuples(st.just("drag"), index, st.sampled_from(STAGES), st.sampled_from(LANES)),
    st.tuples(st.just("score"), index, st.sampled_from("mva"), st.sampled_from("012345")),
    st.tuples(st.just("emotion"), index, st.sampled_from((Key.Key_Plus, Key.Key_Minus))),
    st.tuples(st.just("add"), index, st.sampled_from(("Chat", "Returns desk"))),  # QTest types ASCII only
    st.tuples(st.just("delete"), index),
    st.tuples(st.just("connect"), index, index),
    st.tuples(st.just("pain"), index),
    st.tuples(st.just("dot"), index),  # with the budget spent, the refusal is a message and no step
    st.tuples(st.just("park"), index),
)


def perform(window, gesture) -> None:
    journey = window.document.journey
    cards = list(journey.touchpoint_ids())
    if not cards:
        return
    kind, card = gesture[0], cards[gesture[1] % len(cards)]
    if kind == "drag":
        drag(window, card_center(window, card), cell_center(window, gesture[2], gesture[3]))
        return
    click(window, card_center(window, card))
    if kind == "score":
        keys(window, gesture[2] + gesture[3])
    elif kind == "emotion":
        keys(window, gesture[2])
    elif kind == "add":
        keys(window, Key.Key_Return, gesture[2], Key.Key_Return)
    elif kind == "delete":
        keys(window, Key.Key_Delete)
    elif kind == "connect":
        other = cards[gesture[2] % len(cards)]
        click(window, card_center(window, other), Qt.KeyboardModifier.ControlModifier)
        shortcut(window, "add_connection")
    elif kind == "pain":
        keys(window, Key.Key_P, "Slow", Key.Key_Return)
    elif kind == "dot":
        shortcut(window, "dot")
    elif kind == "park":
        shortcut(window, "park")
        keys(window, "Ask legal", Key.Key_Return)
    window.view.setFocus()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(gestures, min_size=1, max_size=8))
def test_undo_all_after_any_gestures_gives_back_the_opened_file(window, tmp_path, sequence):
    journey = make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad", "Blog"], ("Consider", "Store"): ["Visit"],
                              ("Buy", "Web"): ["Pay"]})
    journey.add_voter("Ana", budget=2)
    path = open_map(window, journey, tmp_path)
    loaded = path.read_bytes()
    for gesture in sequence:
        perform(window, gesture)
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert to_bytes(window.document.journey) == loaded
    assert not window.isWindowModified()
