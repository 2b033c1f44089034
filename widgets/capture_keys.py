"""Live-capture keys: build, connect, move and score a map without the mouse.

Which key runs which command is the key map's business (app/keymap.py hands it over with
`bind`); this class carries the commands out on what the keyboard is at: the selected cards,
the selected stage or lane header, or the keyboard's current cell, which may be empty.
Like every gesture, a command ends in a request signal of the scene, never in a model write.
"""

from __future__ import annotations

from typing import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from model.entities import LaneKind
from widgets.band_items import qrect

Cell = tuple[str, str]
STEPS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1), "next": (1, 0), "previous": (-1, 0)}
ENDS = {"first": 0, "last": -1}
NO_CELL_YET = "Add a stage and a lane first: a card sits in a cell."  # said by Enter and Insert → Touchpoint
WHERE = {"left": "to the left", "right": "to the right", "up": "above", "down": "below"}
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key_code(event: QKeyEvent) -> int:
    """The pressed key and modifiers as one number, comparable with `QKeySequence("Ctrl+Alt+Right")[0]`.

    Shift+Tab arrives as Backtab, and Shift on a symbol or digit only picks the symbol ("+" is
    Shift+= on many keyboards), so both are folded to the way the key map writes them.
    """
    key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if key == Qt.Key.Key_Backtab:
        key, modifiers = Qt.Key.Key_Tab, modifiers | SHIFT
    elif 0x20 < key < 0x7F and not Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        modifiers &= ~SHIFT
    return int(key) | modifiers.value  # as QKeyCombination.toCombined(), for any key code a keyboard sends


def key_table(bindings: dict[str, str]) -> dict[int, str]:
    """The key map's key (QKeySequence portable text) -> command, keyed the way `key_code` reads events."""
    return {QKeySequence(key)[0].toCombined(): command for key, command in bindings.items()}


class CaptureKeys:
    """The canvas's keys; `handle` returns False for keys it leaves to Qt."""

    def __init__(self, scene):
        self.scene = scene
        self.commands: dict[int, str] = {}
        self.pending_score: str | None = None
        self.flow: tuple[str, Cell] | None = None  # (card the keyboard left, empty cell it went to)
        self.anchor: str | None = None  # where a Shift+arrow selection started

    def bind(self, bindings: dict[str, str]) -> None:
        """Take the key map: key (QKeySequence portable text) -> command such as "go left"."""
        self.commands = key_table(bindings)

    @property
    def journey(self):
        return self.scene.journey

    def _card(self) -> str | None:
        selected = self.scene.selected_touchpoints()
        return selected[-1] if len(selected) == 1 else None

    def handle(self, event: QKeyEvent) -> bool:
        command = self.commands.get(key_code(event))
        if command is None:
            self.pending_score = None
            return False
        verb, _, argument = command.partition(" ")
        pending, self.pending_score = self.pending_score, None
        if verb == "digit":
            card = self._card()
            if pending is None or card is None:
                return False
            self.scene.scoreRequested.emit(card, pending, int(argument) or None)
            return True
        return getattr(self, f"_{verb}")(argument)

    # ----------------------------------------------------------------- adding and naming
    def _add(self, how: str) -> bool:
        """Enter and Shift+Enter: the next card (connected, or alone), or a stage or lane beside a header."""
        header = self.scene.selected_header()
        if header is not None:
            kind, item_id = header
            index = (self.journey.stage_index if kind == "stage" else self.journey.lane_index)(item_id)
            signal = self.scene.addStageRequested if kind == "stage" else self.scene.addLaneRequested
            signal.emit(index + (how == "connected"))
            return True
        selected = self.scene.selected_touchpoints()
        if selected:
            card = selected[-1]
            tp = self.journey.touchpoint(card)
            source = card if how == "connected" else ""
            self.scene.addTouchpointRequested.emit(tp.stage, tp.lane, self.journey.cell_index(card) + 1, source)
            return True
        cell = self.scene.current_cell()
        if cell is None:
            self.scene.messageRequested.emit(NO_CELL_YET)
            return True
        source = ""
        if how == "connected" and self.flow and self.flow[1] == cell and self.journey.has_touchpoint(self.flow[0]):
            source = self.flow[0]
        self.scene.addTouchpointRequested.emit(*cell, -1, source)
        return True

    def _rename(self, _: str) -> bool:
        card = self._card()
        if card is not None:
            self.scene.edit_title(card)
            return True
        header = self.scene.selected_header()
        if header is not None:
            self.scene.edit_header(*header)
            return True
        return False

    def _lane_kind(self, _: str) -> bool:
        header = self.scene.selected_header()
        if header is None or header[0] != "lane":
            return False
        kinds = list(LaneKind)
        kind = self.journey.lane(header[1]).kind
        self.scene.laneKindRequested.emit(header[1], kinds[(kinds.index(kind) + 1) % len(kinds)].value)
        return True

    def _lane_persona(self, _: str) -> bool:
        header = self.scene.selected_header()
        if header is None or header[0] != "lane":
            return False
        owners = [None, *(persona.id for persona in self.journey.personas)]
        owner = self.journey.lane(header[1]).persona
        self.scene.lanePersonaRequested.emit(header[1], owners[(owners.index(owner) + 1) % len(owners)])
        return True

    def _escape(self, _: str) -> bool:
        self.scene.clearSelection()
        return True

    def _delete(self, _: str) -> bool:
        self.scene.deleteRequested.emit()
        return True

    # ----------------------------------------------------------------- scores and notes
    def _score(self, name: str) -> bool:
        if self._card() is None:
            return False
        self.pending_score = name
        return True

    def _emotion(self, way: str) -> bool:
        card = self._card()
        if card is not None:
            self.scene.emotionStepRequested.emit(card, +1 if way == "up" else -1)
        return card is not None

    def _pain(self, _: str) -> bool:
        card = self._card()
        if card is not None:
            self.scene.painPointRequested.emit(card)
        return card is not None

    def _opportunity(self, _: str) -> bool:
        card = self._card()
        if card is not None:
            self.scene.opportunityRequested.emit(card)
        return card is not None

    # ----------------------------------------------------------------- going around
    def name_tabbed(self, target: tuple, step: int) -> None:
        """Tab after a name in place goes on as in a table: to the next stage or lane name (a new one
        past the last), or from a card to the next stage; Shift+Tab goes back."""
        kind, item_id = target
        if kind in ("touchpoint", "new touchpoint"):
            self._go("next" if step > 0 else "previous")
            return
        ids = [item.id for item in (self.journey.stages if kind == "stage" else self.journey.lanes)]
        if item_id not in ids:
            return
        index = ids.index(item_id) + step
        if 0 <= index < len(ids):
            self.scene.edit_header(kind, ids[index])
        elif index == len(ids):
            (self.scene.addStageRequested if kind == "stage" else self.scene.addLaneRequested).emit(index)

    def _go(self, direction: str) -> bool:
        if direction in ENDS:
            cell = self.scene.current_cell()
            if cell is not None:
                self._go_to_cell((self.journey.stages[ENDS[direction]].id, cell[1]))
            return cell is not None
        header = self.scene.selected_header()
        if header is not None:
            self._go_from_header(*header, direction)
            return True
        cell = self.scene.current_cell()
        if cell is None:
            return False
        across, down = STEPS[direction]
        card = self._card()
        if down:
            cards = self.journey.cell(*cell)
            if card is not None and 0 <= cards.index(card) + down < len(cards):
                self.scene.select_touchpoints([cards[cards.index(card) + down]])
                return True
        target = self._neighbour_cell(cell, across, down)
        if target is not None:
            self._go_to_cell(target, pick_last=down < 0)
        elif direction == "left":  # past the first stage: the lane's header
            self.scene.select_header("lane", cell[1])
        elif direction == "up":  # above the first lane: the stage's header
            self.scene.select_header("stage", cell[0])
        return True

    def _neighbour_cell(self, cell: Cell, across: int, down: int) -> Cell | None:
        stages, lanes = self.journey.stages, self.journey.lanes
        stage_index = self.journey.stage_index(cell[0]) + across
        lane_index = self.journey.lane_index(cell[1]) + down
        if 0 <= stage_index < len(stages) and 0 <= lane_index < len(lanes):
            return stages[stage_index].id, lanes[lane_index].id
        return None

    def _go_to_cell(self, cell: Cell, pick_last: bool = False) -> None:
        """Select the first (or last) card of a cell, or make the empty cell current.

        Going into an empty cell remembers the card the keyboard came from (across empty cells
        too), so that Enter there continues the flow from it.
        """
        cards = self.journey.cell(*cell)
        if cards:
            self.scene.select_touchpoints([cards[-1] if pick_last else cards[0]])
            return
        came_from = self._card() or (self.flow[0] if self.flow and self.flow[1] == self.scene.current_cell() else None)
        self.scene.clearSelection()
        self.scene.set_cursor_cell(cell)
        self.flow = (came_from, cell) if came_from else None
        self.scene.ensure_layout()
        self.scene.revealRequested.emit(qrect(self.scene.geometry.cells[cell]))

    def _go_from_header(self, kind: str, item_id: str, direction: str) -> None:
        """Along the headers with the arrows that follow them; into the map with the others."""
        stages, lanes = self.journey.stages, self.journey.lanes
        across, down = STEPS[direction]
        if kind == "stage":
            index = self.journey.stage_index(item_id) + across
            if across and 0 <= index < len(stages):
                self.scene.select_header("stage", stages[index].id)
            elif down > 0 and lanes:
                self._go_to_cell((item_id, lanes[0].id))
        else:
            index = self.journey.lane_index(item_id) + down
            if down and 0 <= index < len(lanes):
                self.scene.select_header("lane", lanes[index].id)
            elif across > 0 and stages:
                self._go_to_cell((stages[0].id, item_id))
            elif down < 0 and stages:
                self.scene.select_header("stage", stages[0].id)

    def _extend(self, way: str) -> bool:
        """Shift+arrow: the selection grows or shrinks by one card in reading order from where it started."""
        selected = self.scene.selected_touchpoints()
        if not selected:
            return False
        order = list(self.journey.touchpoint_ids())
        if len(selected) == 1 or self.anchor not in selected:
            self.anchor = selected[0]
        positions = sorted(order.index(tp) for tp in selected)
        start = order.index(self.anchor)
        end = positions[-1] if positions[0] == start else positions[0]
        end += 1 if way == "forward" else -1
        if 0 <= end < len(order):
            low, high = sorted((start, end))
            chosen = order[low:high + 1]
            self.scene.select_touchpoints(chosen if end >= start else chosen[::-1])
        return True

    # ----------------------------------------------------------------- connecting and moving
    def nearest(self, card: str, direction: str) -> Iterator[str]:
        """The cards from `card` in an arrow's direction, nearest first: Up and Down within the cell,
        then the lanes above or below; Left and Right stage by stage, the nearest lane first."""
        tp = self.journey.touchpoint(card)
        across, down = STEPS[direction]
        lanes = [lane.id for lane in self.journey.lanes]
        if down:
            cards = self.journey.cell(tp.stage, tp.lane)
            place = cards.index(card)
            yield from (cards[place + 1:] if down > 0 else reversed(cards[:place]))
            index = lanes.index(tp.lane) + down
            while 0 <= index < len(lanes):
                cards = self.journey.cell(tp.stage, lanes[index])
                yield from (cards if down > 0 else reversed(cards))
                index += down
            return
        stages = [stage.id for stage in self.journey.stages]
        own = lanes.index(tp.lane)
        by_nearness = sorted(lanes, key=lambda lane: (abs(lanes.index(lane) - own), lanes.index(lane)))
        index = stages.index(tp.stage) + across
        while 0 <= index < len(stages):
            for lane in by_nearness:
                cards = self.journey.cell(stages[index], lane)
                yield from (cards if across > 0 else reversed(cards))
            index += across

    def _link(self, direction: str, connect: bool) -> bool:
        """Connect with the nearest card that way not connected yet (so that pressing again fans out),
        or disconnect from the nearest connected one. The flow runs the way the map reads: out to the
        right and down, in from the left and from above."""
        card = self._card()
        if card is None:
            self.scene.messageRequested.emit("Select one card to connect from.")
            return True
        def linked(other: str) -> bool:
            return self.journey.has_connection(card, other) or self.journey.has_connection(other, card)

        other = next((o for o in self.nearest(card, direction) if linked(o) != connect), None)
        if other is None:
            state = "not connected" if connect else "connected"
            self.scene.messageRequested.emit(f"No card {WHERE[direction]} that is {state} to this one{' yet' if connect else ''}.")
            return True
        if connect:
            source, target = (card, other) if direction in ("right", "down") else (other, card)
            self.scene.connectRequested.emit(source, target)
            return True
        for pair in ((card, other), (other, card)):
            if self.journey.has_connection(*pair):
                self.scene.disconnectRequested.emit(*pair)
        return True

    def _connect(self, direction: str) -> bool:
        return self._link(direction, connect=True)

    def _disconnect(self, direction: str) -> bool:
        return self._link(direction, connect=False)

    def _move(self, direction: str) -> bool:
        """Alt+arrow: cards to the neighbouring cell (Up and Down within their cell first); a header along its axis."""
        across, down = STEPS[direction]
        header = self.scene.selected_header()
        if header is not None:
            kind, item_id = header
            step = across if kind == "stage" else down
            count = len(self.journey.stages if kind == "stage" else self.journey.lanes)
            index = (self.journey.stage_index if kind == "stage" else self.journey.lane_index)(item_id) + step
            if step and 0 <= index < count:
                (self.scene.moveStageRequested if kind == "stage" else self.scene.moveLaneRequested).emit(item_id, index)
            return True
        selected = self.scene.selected_touchpoints()
        if not selected:
            return False
        moves, arrivals = [], {}
        for card in sorted(selected, key=list(self.journey.touchpoint_ids()).index):
            tp = self.journey.touchpoint(card)
            place = self.journey.cell_index(card)
            if down and len(selected) == 1 and 0 <= place + down < len(self.journey.cell(tp.stage, tp.lane)):
                moves.append((card, tp.stage, tp.lane, place + down))
                continue
            target = self._neighbour_cell((tp.stage, tp.lane), across, down)
            if target is None:
                return True
            # Into the lane below a card goes on top, anywhere else at the end: where the arrow points.
            index = arrivals.setdefault(target, 0) if down > 0 else -1
            arrivals[target] = index + 1
            moves.append((card, *target, index))
        self.scene.moveTouchpointsRequested.emit(moves)
        return True
