"""The keyboard map: one table that the canvas, the menus and Help → Keyboard Shortcuts share."""

from __future__ import annotations

# (keys, what they do) for the canvas's live-capture keys; menu shortcuts are listed from the actions.
CANVAS_KEYS: list[tuple[str, str]] = [
    ("Enter", "Add a card after the selected one (or in the current empty cell) and type its title"),
    ("F2", "Edit the selected card's title, or the selected header's name"),
    ("Tab / Shift+Tab", "Go to the next / previous stage (same lane)"),
    ("Arrow keys", "Go to the card or cell above, below, left or right"),
    ("M, V or A, then 1–5", "Set Meaning, Value or Accommodation; then 0 clears it"),
    ("+ / −", "Raise / lower the customer's emotion"),
    ("P", "Add a pain point to the selected card"),
    ("O", "Add an opportunity to the selected card"),
    ("Delete", "Delete the selected cards or connection"),
    ("Escape", "Cancel editing, or clear the selection"),
    ("Ctrl+wheel", "Zoom around the cursor"),
    ("Space+drag or middle drag", "Pan the canvas"),
    ("Double-click a cell", "Add a card there"),
    ("Double-click a header", "Rename the stage or lane"),
    ("Drag from a card's right handle", "Connect it to another card"),
]
