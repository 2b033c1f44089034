"""The keyboard map: the one table of the canvas's keys, read by the canvas's key dispatcher,
by Help → Keyboard Shortcuts and (through a test) by README's keys table.

A row names how Help writes the keys, what they do, and which key runs which canvas command
(`widgets.capture_keys.CaptureKeys` carries the commands out); a row without keys is a mouse
gesture, listed for the reader only. Menu shortcuts belong to their actions and are listed from them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

# macOS calls the key above Return "delete" and uses it to delete a selection; elsewhere Backspace
# only ever erases typed text, so a slip after typing a title never deletes a card.
DELETE_KEYS = {"Del": "delete", **({"Backspace": "delete"} if sys.platform == "darwin" else {})}


def _directions(command: str, prefix: str = "") -> dict[str, str]:
    """The four arrows (after `prefix`, e.g. "Alt+") running `command` towards each direction."""
    return {f"{prefix}{arrow}": f"{command} {arrow.lower()}" for arrow in ("Left", "Right", "Up", "Down")}


@dataclass(frozen=True)
class KeyRow:
    shown: str  # how Help and README write the keys
    does: str
    keys: dict[str, str] = field(default_factory=dict)  # key (QKeySequence portable text) -> command
    area: str = "canvas"  # who runs the commands: "canvas", or "pain note" (the inspector's pain point editor)


CANVAS_KEYS: list[KeyRow] = [
    KeyRow("Enter", "Add the next card after the selected one, connected to it, and type its title "
                    "(in an empty cell: a card there, connected from the card you came from); "
                    "on a header, insert a stage or lane after it",
           {"Return": "add connected", "Enter": "add connected"}),
    KeyRow("Shift+Enter", "The same without connecting; on a header, insert before it",
           {"Shift+Return": "add alone", "Shift+Enter": "add alone"}),
    KeyRow("F2", "Rename the selected card, stage or lane", {"F2": "rename"}),
    KeyRow("Tab / Shift+Tab", "Go to the next / previous stage (same lane)",
           {"Tab": "go next", "Shift+Tab": "go previous"}),
    KeyRow("Home / End", "Go to the first / last stage (same lane)", {"Home": "go first", "End": "go last"}),
    KeyRow("Arrow keys", "Go to the card, cell or header above, below, left or right", _directions("go")),
    KeyRow("Shift+arrow", "Extend the selection to the next or previous card in reading order",
           {"Shift+Right": "extend forward", "Shift+Down": "extend forward",
            "Shift+Left": "extend back", "Shift+Up": "extend back"}),
    KeyRow("Ctrl+Alt+arrow", "Connect the selected card with the nearest card that way not connected yet "
                             "(again: the next one): out to the right and below, in from the left and above",
           _directions("connect", "Ctrl+Alt+")),
    KeyRow("Ctrl+Alt+Shift+arrow", "Remove the connection with the nearest connected card that way",
           _directions("disconnect", "Ctrl+Alt+Shift+")),
    KeyRow("Alt+arrow", "Move the selected cards to the next cell (Up / Down: within their cell first), "
                        "or move the selected stage or lane", _directions("move", "Alt+")),
    KeyRow("K", "On a lane header: step to the lane's next kind (channel, actor, backstage)", {"K": "lane_kind"}),
    KeyRow("Shift+P", "On a lane header: step to the next persona the lane belongs to (everyone's, then each "
                      "persona in turn)", {"Shift+P": "lane_persona"}),
    KeyRow("M, V or A, then 1–5", "Set Meaning, Value or Accommodation; then 0 clears it",
           {"M": "score meaning", "V": "score value", "A": "score accommodation",
            **{str(n): f"digit {n}" for n in range(6)}}),
    KeyRow("+ / −", "Raise / lower the customer's emotion",
           {"+": "emotion up", "=": "emotion up", "-": "emotion down", "_": "emotion down"}),
    KeyRow("P", "Add a pain point to the selected card and type it", {"P": "pain"}),
    KeyRow("O", "Add an opportunity to the selected card and type it", {"O": "opportunity"}),
    KeyRow("Alt+1–3, Alt+K", "While typing a pain point: set its severity (minor, serious, critical), "
                             "or step to its next kind",
           {"Alt+1": "severity 1", "Alt+2": "severity 2", "Alt+3": "severity 3", "Alt+K": "next kind"}, "pain note"),
    KeyRow("Delete", "Delete the selected cards, connection, stage or lane (asking when cards would go)",
           DELETE_KEYS),
    KeyRow("Escape", "Cancel a drag (the card goes back) or naming (a new card goes away), "
                     "or clear the selection", {"Esc": "escape"}),
    KeyRow("Ctrl+wheel", "Zoom around the cursor"),
    KeyRow("Space+drag or middle drag", "Pan the canvas"),
    KeyRow("Double-click a cell", "Add a card there"),
    KeyRow("Double-click a header", "Rename the stage or lane"),
    KeyRow("Drag a card or a header", "Move or reorder it"),
    KeyRow("Drag from a card's right handle", "Connect it to another card"),
]

def bindings(area: str) -> dict[str, str]:
    """Key (portable text) -> command, for the dispatcher of `area` ("canvas" or "pain note")."""
    return {key: command for row in CANVAS_KEYS if row.area == area for key, command in row.keys.items()}


def help_rows(shortcuts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every row Help → Keyboard Shortcuts shows: the menus' `shortcuts` (keys, action), then the canvas's."""
    return shortcuts + [(row.shown, row.does) for row in CANVAS_KEYS]
