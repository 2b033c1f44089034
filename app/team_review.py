"""File → Compare with… and merge conflicts in the window: marks on the cards and the Review dock.

A comparison is `model.diff.diff` from another version of the map to the open one, redone as the
user edits; a merge's conflicts are the ones the map carries (`JourneyMap.conflicts`). Both mark
cards on the canvas through the overlays and list in the Review dock, where each conflict is
resolved by keeping ours or taking theirs, one undo step each.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox

from app.conflict_commands import ResolveConflict
from app.team_commands import conflict_place, conflict_sides
from model.conflict import Conflict
from model.diff import Change, describe, diff
from model.errors import InvalidChange, JourneyFileError
from model.journey_file import load
from model.journey_map import JourneyMap
from widgets.review_panel import ReviewPanel, ReviewRow

DELAY_MS = 120  # as the insights: recompare when the user pauses, not on every keystroke


class ReviewController(QObject):
    """The Review dock, File → Compare With…, and the card marks for comparisons and conflicts."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.document, self.scene = window.document, window.scene
        self.panel = ReviewPanel()
        self.dock = QDockWidget("Review", window)
        self.dock.setObjectName("review-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.insights.dock, self.dock)
        self.dock.hide()
        self.compared: JourneyMap | None = None
        self.compared_name = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self._unsubscribe = None
        self.panel.resolveRequested.connect(self.resolve)
        self.panel.stopComparing.connect(self.stop_comparing)
        self.panel.touchpointsActivated.connect(self._select)
        self.scene.selectionChanged.connect(self._card_picked)
        self.document.journeyReplaced.connect(self._watch_journey)
        self._watch_journey()

    def build_actions(self) -> dict[str, QAction]:
        compare = QAction("Compare &With…", self.window)
        compare.setStatusTip("Mark the cards added and changed since another version of this map")
        compare.triggered.connect(self.compare_dialog)
        self.window.addAction(compare)
        return {"compare": compare}

    # ----------------------------------------------------------------- comparing
    def compare_dialog(self) -> None:
        folder = self.document.path.parent if self.document.path else self.window.files.start_folder()
        path, _ = QFileDialog.getOpenFileName(self.window, "Compare With", str(folder),
                                              "Journey maps (*.journey);;All files (*)")
        if path:
            self.compare_with(Path(path))

    def compare_with(self, path: Path) -> bool:
        """Compare the open map with the map in `path`; a file that cannot be read says why."""
        try:
            self.compared = load(path)
        except JourneyFileError as error:
            QMessageBox.warning(self.window, "Cannot Compare", f"{error}\n\nNothing was compared; the open map "
                                                               "is unchanged.")
            return False
        self.compared_name = Path(path).name
        self.refresh()
        self.dock.show()
        self.dock.raise_()
        return True

    def stop_comparing(self) -> None:
        self.compared = None
        self.refresh()

    # ----------------------------------------------------------------- resolving
    def resolve(self, conflict_id: str, side: str) -> None:
        journey = self.document.journey
        conflict = next((c for c in journey.conflicts if c.id == conflict_id), None)
        if conflict is None:
            return
        verb = "Keep Ours" if side == "ours" else "Take Theirs"
        try:
            self.document.push(ResolveConflict(journey, conflict, side, verb))
        except InvalidChange as error:
            QMessageBox.warning(self.window, "Cannot Resolve",
                                f"{conflict_place(journey, conflict)}: their value cannot be used: {error}\n\n"
                                "The conflict is still open; keep ours, or edit the card and then keep ours.")
            return
        self.refresh()
        self.panel.select_first_conflict()

    # ----------------------------------------------------------------- keeping up with the map
    def _watch_journey(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
        self._unsubscribe = self.document.journey.subscribe(lambda event: self.timer.start())
        self.refresh()
        if self.document.journey.conflicts:
            self.dock.show()
            self.dock.raise_()
            self.panel.select_first_conflict()

    def refresh(self) -> None:
        self.timer.stop()
        journey = self.document.journey
        conflicts = [ReviewRow(conflict_place(journey, c), _cards(journey, c), c.id, "conflict", conflict_sides(c))
                     for c in journey.conflicts]
        changes = self._change_rows(journey) if self.compared is not None else None
        marks: dict[str, str] = {}
        for row in changes or []:
            for tp_id in row.touchpoint_ids:
                if marks.get(tp_id) != "added":
                    marks[tp_id] = row.mark
        marks.update((tp_id, "conflict") for row in conflicts for tp_id in row.touchpoint_ids)
        self.window.insights.set_review_marks(marks)
        self.panel.show_rows(self._headline(conflicts, changes), conflicts, changes, self.compared_name)
        if not conflicts and changes is None:
            self.dock.hide()

    def _change_rows(self, journey: JourneyMap) -> list[ReviewRow]:
        if self.compared is None:
            return []
        changes = diff(self.compared, journey)
        return [ReviewRow(sentence, *_change_cards(change, journey))
                for change, sentence in zip(changes, describe(changes, self.compared, journey))]

    def _headline(self, conflicts: list[ReviewRow], changes: list[ReviewRow] | None) -> str:
        lines = []
        if conflicts:
            lines.append(f"<b>{len(conflicts)} merge conflict{'s' * (len(conflicts) != 1)}</b>: the map shows "
                         "our value; pick a conflict and keep ours or take theirs.")
        if changes is not None:
            cards = {mark: {tp for row in changes if row.mark == mark for tp in row.touchpoint_ids}
                     for mark in ("added", "changed")}
            removed = sum(row.mark == "removed" for row in changes)
            counts = (len(cards["added"]), len(cards["changed"] - cards["added"]), removed)
            lines.append(f"Compared with <b>{self.compared_name}</b>: "
                         + ", ".join(f"{n} card{'s' * (n != 1)} {verb}" for n, verb in zip(counts, ("added", "changed", "removed")))
                         + ". New and changed cards are marked on the canvas.")
        return "<br>".join(lines)

    def _card_picked(self) -> None:
        if self.document.journey.conflicts:
            self.panel.select_conflict_of(self.scene.selected_touchpoints())

    def _select(self, touchpoint_ids: list[str]) -> None:
        self.scene.select_touchpoints([t for t in touchpoint_ids if t in self.scene.cards])
        self.window.view.setFocus()


def _cards(journey: JourneyMap, conflict: Conflict) -> tuple[str, ...]:
    """The touchpoints a conflict is about, as far as they are on the map."""
    if conflict.path[0] == "touchpoints":
        ids = (conflict.path[1],)
    elif conflict.path[0] == "connections":
        ids = tuple(conflict.path[1].split("->", 1))
    else:
        ids = ()
    return tuple(tp_id for tp_id in ids if journey.has_touchpoint(tp_id))


def _change_cards(change: Change, journey: JourneyMap) -> tuple[tuple[str, ...], str, str]:
    """(touchpoints on the map, conflict id, mark) for one change row."""
    if change.path[0] != "touchpoints":
        return (), "", ""
    if not journey.has_touchpoint(change.path[1]):
        return (), "", "removed"
    added = change.kind == "added" and len(change.path) == 2
    return (change.path[1],), "", "added" if added else "changed"
