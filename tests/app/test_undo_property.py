"""Any sequence of gestures changes the map as it should, with undo steps only when it does; undone step by step
it gives back exactly the file that was opened, and redone it gives back the edited map."""

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


SCORES = {"m": "meaning", "v": "value", "a": "accommodation"}


def must_change(journey, gesture, card: str, cards: list[str]) -> bool | None:
    """Whether the gesture has to change the map (None: it may or may not, e.g. a drop in its own cell)."""
    kind, tp = gesture[0], journey.touchpoint(card)
    if kind == "drag":
        return True if (tp.stage, tp.lane) != (gesture[2], gesture[3]) else None
    if kind == "score":
        return getattr(tp.scores, SCORES[gesture[2]]) != (int(gesture[3]) or None)
    if kind == "emotion":
        if tp.emotion is None:  # unset: a step sets it
            return True
        return tp.emotion < 2 if gesture[2] == Key.Key_Plus else tp.emotion > -2
    if kind == "connect":  # Insert → Connection chains the selected cards in reading order
        other = cards[gesture[2] % len(cards)]
        first, second = sorted((card, other), key=cards.index)
        return other != card and not journey.has_connection(first, second)
    if kind == "dot":  # the map's one voter may have placed all their dots this round: then it is refused
        return any(journey.dots_left(voter.id) > 0 for voter in journey.voters)
    return True


def perform(window, gesture) -> bool | None:
    """Do the gesture as a user would; returns whether it has to change the map (see `must_change`)."""
    journey = window.document.journey
    cards = list(journey.touchpoint_ids())
    if not cards:
        return False
    kind, card = gesture[0], cards[gesture[1] % len(cards)]
    expected = must_change(journey, gesture, card, cards)
    if kind == "drag":
        drag(window, card_center(window, card), cell_center(window, gesture[2], gesture[3]))
        return expected
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
    return expected


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(gestures, min_size=1, max_size=8))
def test_undo_all_after_any_gestures_gives_back_the_opened_file(window, tmp_path, sequence):
    journey = make_map(stages=("Aware", "Consider", "Buy"), lanes=("Web", "Store"),
                       cards={("Aware", "Web"): ["Ad", "Blog"], ("Consider", "Store"): ["Visit"],
                              ("Buy", "Web"): ["Pay"]})
    journey.add_voter("Ana", budget=2)
    path = open_map(window, journey, tmp_path)
    loaded = path.read_bytes()
    stack = window.document.undo_stack
    for gesture in sequence:
        before, steps = to_bytes(window.document.journey), stack.index()
        expected = perform(window, gesture)
        changed = to_bytes(window.document.journey) != before
        if expected is not None:
            assert changed == expected, gesture
        assert (stack.index() > steps) == changed, gesture  # undo steps for a change, none without
    edited = to_bytes(window.document.journey)
    while stack.canUndo():
        stack.undo()
    assert to_bytes(window.document.journey) == loaded
    assert not window.isWindowModified()
    while stack.canRedo():
        stack.redo()
    assert to_bytes(window.document.journey) == edited


def test_a_gesture_that_changes_nothing_leaves_no_undo_step_and_no_modified_mark(window, tmp_path):
    journey = make_map(cards={("Aware", "Web"): ["Ad"]})
    open_map(window, journey, tmp_path)
    click(window, card_center(window, "ad"))
    keys(window, "m0")  # clear a score that is not set
    for _ in range(6):  # up past the highest emotion
        keys(window, Key.Key_Plus)
    stack = window.document.undo_stack
    assert window.document.journey.touchpoint("ad").emotion == 2
    steps = stack.index()
    keys(window, Key.Key_Plus)
    assert stack.index() == steps
    while stack.canUndo():
        stack.undo()
    assert not window.isWindowModified()
    assert stack.index() == 0 and window.document.journey.touchpoint("ad").emotion is None
