"""Turns what the user asks for on the canvas, in the inspector and in the menus into undo commands.

Widgets never write to the model: they emit requests, this class pushes the matching
command onto the document's undo stack, and the model's events redraw the widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from app import clipboard
from app import commands as cmd
from app import persona_commands as pc
from app.document import Document
from app.keymap import bindings
from model.personas import personas_to_import
from model import events as ev
from model.errors import InvalidChange
from widgets.canvas_scene import JourneyScene
from widgets.capture_keys import NO_CELL_YET
from widgets.canvas_view import JourneyView
from widgets.inspector import Inspector
from widgets.inspector_notes import PainPointRow


class MapEditing(QObject):
    """The editing behaviour of one window: requests in, undo commands out."""

    said = Signal(str)  # a short explanation for the status bar
    noteAdded = Signal(str, str, str)  # kind ("pain_point" or "opportunity"), touchpoint, note id: type its text

    def __init__(self, document: Document, scene: JourneyScene, view: JourneyView, inspector: Inspector,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.scene, self.view, self.inspector = document, scene, view, inspector
        self._unsubscribe = None
        self._back_to_canvas = False
        scene.keys.bind(bindings("canvas"))
        PainPointRow.key_commands = bindings("pain note")
        s = scene
        s.addTouchpointRequested.connect(self.add_touchpoint_at)
        s.newTouchpointNamed.connect(
            lambda tp, title: self.push(cmd.NameNewTouchpoint(self.journey, tp, title)))
        s.newTouchpointAbandoned.connect(self.abandon_new_touchpoint)
        s.moveTouchpointRequested.connect(
            lambda tp, stage, lane, index: self.push(cmd.MoveTouchpoint(self.journey, tp, stage, lane, index)))
        s.moveTouchpointsRequested.connect(self.move_touchpoints)
        s.connectRequested.connect(lambda source, target: self.push(cmd.AddConnection(self.journey, source, target)))
        s.disconnectRequested.connect(
            lambda source, target: self.push(cmd.RemoveConnection(self.journey, source, target)))
        s.messageRequested.connect(self.said)
        s.retitleRequested.connect(
            lambda tp, title: self.push(cmd.edit_touchpoint(self.journey, tp, "Rename touchpoint", False, title=title)))
        s.renameStageRequested.connect(
            lambda stage, name: self.push(cmd.edit_stage(self.journey, stage, "Rename stage", name=name)))
        s.renameLaneRequested.connect(
            lambda lane, name: self.push(cmd.edit_lane(self.journey, lane, "Rename lane", name=name)))
        s.laneKindRequested.connect(
            lambda lane, kind: self.push(cmd.edit_lane(self.journey, lane, "Change lane kind", kind=kind)))
        s.lanePersonaRequested.connect(
            lambda lane, persona: self.push(cmd.edit_lane(self.journey, lane, "Reassign lane", persona=persona)))
        s.moveStageRequested.connect(lambda stage, index: self.push(cmd.move_stage(self.journey, stage, index)))
        s.moveLaneRequested.connect(lambda lane, index: self.push(cmd.move_lane(self.journey, lane, index)))
        s.addStageRequested.connect(self.add_stage_at)
        s.addLaneRequested.connect(self.add_lane_at)
        s.removeStageRequested.connect(lambda stage: self.remove_header("stage", stage))
        s.removeLaneRequested.connect(lambda lane: self.remove_header("lane", lane))
        s.scoreRequested.connect(self.set_score)
        s.emotionStepRequested.connect(self.step_emotion)
        s.painPointRequested.connect(lambda tp: self.add_pain_point(tp))
        s.opportunityRequested.connect(lambda tp: self.add_opportunity(tp))
        s.deleteRequested.connect(self.delete_selection)
        s.selectionChanged.connect(self.show_selection)

        i = inspector
        i.touchpointEdited.connect(lambda tp, changes: self.push(cmd.edit_touchpoint(self.journey, tp, **changes)))
        i.stageEdited.connect(lambda stage, changes: self.push(cmd.edit_stage(self.journey, stage, **changes)))
        i.laneEdited.connect(lambda lane, changes: self.push(cmd.edit_lane(self.journey, lane, **changes)))
        i.infoEdited.connect(lambda changes: self.push(cmd.edit_info(self.journey, **changes)))
        i.personaEdited.connect(lambda persona, changes: self.push(
            pc.edit_persona_of(self.journey, persona, **changes) if persona
            else cmd.edit_persona(self.journey, **changes)))
        i.personaAdded.connect(self.add_persona)
        i.personaRemoved.connect(lambda persona: self.push(pc.RemovePersona(self.journey, persona)))
        i.membershipRequested.connect(
            lambda tp, persona, on: self.push(pc.set_membership(self.journey, tp, persona, on)))
        i.experienceRequested.connect(
            lambda tp, persona, changes: self.push(pc.set_experience(self.journey, tp, persona, **changes)))
        i.connectionEdited.connect(
            lambda source, target, changes: self.push(cmd.edit_connection(self.journey, source, target, **changes)))
        i.painPointAdded.connect(lambda tp: self.add_pain_point(tp))
        i.painPointEdited.connect(
            lambda tp, pain, changes: self.push(cmd.edit_pain_point(self.journey, tp, pain, **changes)))
        i.painPointRemoved.connect(lambda tp, pain: self.push(cmd.RemoveNote(self.journey, tp, "pain_point", pain)))
        i.opportunityAdded.connect(lambda tp: self.add_opportunity(tp))
        i.opportunityEdited.connect(
            lambda tp, idea, changes: self.push(cmd.edit_opportunity(self.journey, tp, idea, **changes)))
        i.opportunityRemoved.connect(
            lambda tp, idea: self.push(cmd.RemoveNote(self.journey, tp, "opportunity", idea)))
        i.editFinished.connect(self.seal_typing)
        self.journey_replaced()

    @property
    def journey(self):
        return self.document.journey

    def journey_replaced(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
        self._unsubscribe = self.journey.subscribe(self._model_changed)
        self.show_selection()

    def _model_changed(self, event: ev.MapEvent) -> None:
        self.inspector.refresh()

    def push(self, command) -> bool:
        """Push a command; a change the model refuses is reported once and leaves nothing on the stack."""
        try:
            self.document.push(command)
        except InvalidChange as error:
            QMessageBox.warning(self.view, "Cannot make that change", error.reason)
            return False
        return True

    def seal_typing(self) -> None:
        """End the current typing run, so the next keystroke starts a new undo step.

        After a note was added from the canvas, finishing its text returns the keyboard to
        the canvas, so live capture goes on without the mouse.
        """
        stack = self.document.undo_stack
        if stack.index() > 0 and isinstance(top := stack.command(stack.index() - 1), cmd.Edit):
            top.merge = False
        if self._back_to_canvas:
            self._back_to_canvas = False
            self.view.setFocus()

    # ----------------------------------------------------------------- selection and the inspector
    def show_selection(self) -> None:
        journey = self.journey
        touchpoints = self.scene.selected_touchpoints()
        connection = self.scene.selected_connection()
        header = self.scene.selected_header()
        if len(touchpoints) == 1:
            self.inspector.show_touchpoint(journey, touchpoints[0])
        elif connection:
            self.inspector.show_connection(journey, *connection)
        elif header:
            kind, item_id = header
            (self.inspector.show_stage if kind == "stage" else self.inspector.show_lane)(journey, item_id)
        else:
            self.inspector.show_map(journey)

    # ----------------------------------------------------------------- requests
    def add_touchpoint_at(self, stage: str, lane: str, index: int, connect_from: str = "") -> None:
        """Add a card (connected from `connect_from`, if given) and type its title: one undo step for all."""
        command = cmd.add_touchpoint(self.journey, stage, lane, "New touchpoint", None if index < 0 else index,
                                     connect_from)
        if self.push(command):
            command.awaiting_name = True
            self.scene.select_touchpoints(command.touchpoint_ids)
            self.scene.edit_title(command.touchpoint_ids[0], new=True)

    def abandon_new_touchpoint(self, touchpoint_id: str) -> None:
        """A new card left without a title goes away, and leaves nothing to redo either; the keyboard
        goes back to the card the flow came from."""
        stack = self.document.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() else None
        if isinstance(top, cmd.AddTouchpoints) and top.awaiting_name and top.touchpoint_ids == [touchpoint_id]:
            came_from = [c.source for c in top.connections]
            top.undo()
            top.setObsolete(True)  # the stack drops an obsolete command instead of undoing it again
            stack.undo()
            if came_from:
                self.scene.select_touchpoints(came_from)

    def add_touchpoint(self) -> None:
        """Insert → Touchpoint: after the selected card, or in the current cell."""
        cell = self.scene.current_cell()
        if cell is None:
            self.said.emit(NO_CELL_YET)
            return
        selected = self.scene.selected_touchpoints()
        index = self.journey.cell_index(selected[-1]) + 1 if selected else -1
        self.add_touchpoint_at(*cell, index)

    def add_stage(self) -> None:
        """Insert → Stage: after the current stage (or the last), named in place."""
        cell = self.scene.current_cell()
        self.add_stage_at(self.journey.stage_index(cell[0]) + 1 if cell else len(self.journey.stages))

    def add_lane(self) -> None:
        """Insert → Lane: below the current lane (or the last), named in place."""
        cell = self.scene.current_cell()
        self.add_lane_at(self.journey.lane_index(cell[1]) + 1 if cell else len(self.journey.lanes))

    def add_stage_at(self, index: int) -> None:
        if self.push(cmd.AddStage(self.journey, "New stage", index)):
            self._name_new_header("stage", self.journey.stages[index].id)

    def add_lane_at(self, index: int) -> None:
        if self.push(cmd.AddLane(self.journey, "New lane", index)):
            self._name_new_header("lane", self.journey.lanes[index].id)

    def _name_new_header(self, kind: str, item_id: str) -> None:
        """The keyboard stays where the new stage or lane is: its first cell, once it is named."""
        stages, lanes = self.journey.stages, self.journey.lanes
        if stages and lanes:
            self.scene.clearSelection()
            self.scene.set_cursor_cell((item_id, lanes[0].id) if kind == "stage" else (stages[0].id, item_id))
        self.scene.edit_header(kind, item_id)

    def connect_selection(self) -> None:
        """Insert → Connection: chain the selected cards in reading order, as one undo step."""
        chosen = set(self.scene.selected_touchpoints())
        if len(chosen) < 2:
            self.said.emit("Select two or more cards to connect them in reading order "
                           "(Shift+arrow or Ctrl-click), or press Ctrl+Alt+arrow to connect to a neighbour.")
            return
        ordered = [tp for tp in self.journey.touchpoint_ids() if tp in chosen]
        missing = [pair for pair in zip(ordered, ordered[1:]) if not self.journey.has_connection(*pair)]
        if not missing:
            self.said.emit("These cards are connected already.")
            return
        self.document.undo_stack.beginMacro("Connect touchpoints")
        for source, target in missing:
            self.push(cmd.AddConnection(self.journey, source, target))
        self.document.undo_stack.endMacro()

    def move_touchpoints(self, moves: list) -> None:
        """Move cards by keyboard, as one undo step; their connections go with them."""
        self.document.undo_stack.beginMacro("Move touchpoint" if len(moves) == 1 else f"Move {len(moves)} touchpoints")
        for card, stage, lane, index in moves:
            self.push(cmd.MoveTouchpoint(self.journey, card, stage, lane, None if index < 0 else index))
        self.document.undo_stack.endMacro()
        self.scene.select_touchpoints([card for card, *_ in moves])

    def remove_header(self, kind: str, item_id: str) -> None:
        """Remove a stage or a lane, asking first when cards would go with it."""
        if kind == "stage":
            name, cards = self.journey.stage(item_id).name, len(self.journey.touchpoints_in_stage(item_id))
        else:
            name = self.journey.lane(item_id).name
            cards = sum(1 for tp in self.journey.touchpoints() if tp.lane == item_id)
        if cards:
            answer = QMessageBox.question(
                self.view, f"Remove {kind}",
                f"Remove the {kind} “{name}” and the {cards} card{'s' * (cards > 1)} in it? Undo brings them back.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.push(cmd.remove_stage(self.journey, item_id) if kind == "stage" else cmd.remove_lane(self.journey, item_id))

    def _target_card(self, touchpoint_id: str | None) -> str | None:
        if touchpoint_id:
            return touchpoint_id
        selected = self.scene.selected_touchpoints()
        return selected[-1] if selected else None

    def add_persona(self) -> None:
        """A new persona on the map, shown in the inspector with its name ready to type over."""
        number = len(self.journey.personas) + 1
        command = pc.add_persona(self.journey, f"Persona {number}")
        if self.push(command):
            self.inspector.show_map(self.journey)
            self.inspector.map_page.pick(command.personas[0].id)
            self.inspector.focus_field("persona.name")

    def add_pain_point(self, touchpoint_id: str | None = None) -> None:
        self._add_note(touchpoint_id, "pain_point", text="New pain point")

    def add_opportunity(self, touchpoint_id: str | None = None) -> None:
        self._add_note(touchpoint_id, "opportunity", text="New opportunity")

    def _add_note(self, touchpoint_id: str | None, kind: str, **fields) -> None:
        card = self._target_card(touchpoint_id)
        if card is None:
            self.said.emit(f"Select the card to add the {'pain point' if kind == 'pain_point' else 'opportunity'} to first.")
            return
        command = cmd.AddNote(self.journey, card, kind, **fields)
        if self.push(command):
            self.scene.select_touchpoints([card])
            self._back_to_canvas = self.view.hasFocus()
            self.inspector.focus_note(kind, command.note_id)
            self.noteAdded.emit(kind, card, command.note_id)

    def set_score(self, touchpoint_id: str, name: str, value) -> None:
        scores = self.journey.touchpoint(touchpoint_id).scores.model_dump()
        scores[name] = value
        self.push(cmd.edit_touchpoint(self.journey, touchpoint_id, f"Set {name}", False, scores=scores))

    def step_emotion(self, touchpoint_id: str, step: int) -> None:
        emotion = self.journey.touchpoint(touchpoint_id).emotion or 0
        new = max(-2, min(2, emotion + step))
        self.push(cmd.edit_touchpoint(self.journey, touchpoint_id, "Change emotion", False, emotion=new))

    def delete_selection(self) -> None:
        chosen = self.scene.selected_touchpoints()
        if chosen:
            self.push(cmd.remove_touchpoints(self.journey, chosen))
        elif connection := self.scene.selected_connection():
            self.push(cmd.RemoveConnection(self.journey, *connection))
        elif header := self.scene.selected_header():
            self.remove_header(*header)

    # ----------------------------------------------------------------- clipboard
    def copy(self) -> bool:
        """Copy the selected cards; with none selected and a persona on the map's page, that persona."""
        chosen = self.scene.selected_touchpoints()
        if chosen:
            QApplication.clipboard().setMimeData(clipboard.to_mime(self.journey, chosen))
        elif self.inspector.page is self.inspector.map_page and self.journey.personas:
            persona = self.inspector.map_page.persona
            QApplication.clipboard().setMimeData(clipboard.personas_to_mime([persona], self.document.folder))
            self.said.emit(f"Copied persona “{persona.name or 'Unnamed'}”: paste it into another map.")
        return bool(chosen)

    def cut(self) -> None:
        if self.copy():
            command = cmd.remove_touchpoints(self.journey, self.scene.selected_touchpoints())
            command.setText(command.text().replace("Delete", "Cut"))
            self.push(command)

    def paste(self) -> None:
        if self._paste_personas():
            return
        cell = self.scene.current_cell()
        if cell is None:
            return
        try:
            touchpoints, connections = clipboard.from_mime(QApplication.clipboard().mimeData(), self.journey, cell)
        except clipboard.DamagedClipboard as error:
            QMessageBox.warning(self.view, "Cannot paste",
                                f"The clipboard holds Wayfinder cards that cannot be read: {error}. Nothing was pasted.")
            return
        self._insert_copies(touchpoints, connections, "Paste")

    def _paste_personas(self) -> bool:
        """Paste the clipboard's personas, if it holds any; whether it did."""
        try:
            pasted = clipboard.personas_from_mime(QApplication.clipboard().mimeData(), self.document.folder)
        except clipboard.DamagedClipboard as error:
            QMessageBox.warning(self.view, "Cannot paste",
                                f"The clipboard holds Wayfinder personas that cannot be read: {error}. Nothing was pasted.")
            return True
        if not pasted:
            return False
        personas = personas_to_import(self.journey, pasted)
        if not personas:
            self.said.emit("This map has that persona already: nothing pasted.")
        elif self.push(pc.AddPersonas(self.journey, personas, "Paste persona")):
            self.inspector.show_map(self.journey)
            self.inspector.map_page.pick(personas[0].id)
            self.said.emit(f"Pasted persona “{personas[0].name or 'Unnamed'}”.")
        return True

    def duplicate(self) -> None:
        """Copies of the selected cards in their own cells, with the connections among them."""
        chosen = set(self.scene.selected_touchpoints())
        if not chosen:
            return
        originals = [tp for tp in self.journey.touchpoints() if tp.id in chosen]
        links = [c for c in self.journey.connections() if c.source in chosen and c.target in chosen]
        touchpoints, connections = clipboard.copies(self.journey, originals, links,
                                                    (originals[0].stage, originals[0].lane))
        self._insert_copies(touchpoints, connections, "Duplicate")

    def _insert_copies(self, touchpoints, connections, verb: str) -> None:
        if not touchpoints:
            return
        count = len(touchpoints)
        command = cmd.AddTouchpoints(self.journey, [(tp, None) for tp in touchpoints], connections,
                                     f"{verb} {count} touchpoint{'s' if count > 1 else ''}")
        if self.push(command):
            self.scene.select_touchpoints(command.touchpoint_ids)
