"""One check every undo command passes: it changes the map, undo restores the bytes, redo repeats them."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from model.journey_file import to_bytes


def assert_undoable(journey, command) -> None:
    before = to_bytes(journey)
    stack = QUndoStack()
    command.do_first()
    stack.push(command)
    after = to_bytes(journey)
    assert after != before
    stack.undo()
    assert to_bytes(journey) == before
    stack.redo()
    assert to_bytes(journey) == after
