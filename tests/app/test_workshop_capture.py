"""The acceptance test of live capture: a whole workshop map built with the keyboard alone."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.app.driver import settle

Key = Qt.Key
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """Presses keys into whatever has focus, counting every key that is not typed text: those that
    build the map and its flow, and those that annotate it (scores, pain points, saving)."""

    def __init__(self, window):
        self.window = window
        self.presses = {"map and flow": 0, "annotations": 0}

    def type(self, text: str) -> None:
        QTest.keyClicks(QApplication.focusWidget(), text)
        settle(self.window)

    def press(self, *keys, counted: str = "map and flow") -> None:
        for key in keys:
            key, modifiers = key if isinstance(key, tuple) else (key, Qt.KeyboardModifier.NoModifier)
            QTest.keyClick(QApplication.focusWidget() or self.window.view, key, modifiers)
            settle(self.window)
            self.presses[counted] += 1

    def annotate(self, *keys) -> None:
        self.press(*keys, counted="annotations")

    def name(self, text: str, then=Key.Key_Return) -> None:
        """Type a name into the open editor and finish it with `then` (Enter, or Tab to go on)."""
        self.type(text)
        self.press(then)

    def card(self, title: str, then=Key.Key_Return, connected: bool = True) -> None:
        """Enter (or Shift+Enter) a new card, name it, finish with `then`."""
        self.press(Key.Key_Return if connected else (Key.Key_Return, SHIFT))
        self.name(title, then)


def test_a_workshop_map_captured_with_the_keyboard_alone(window, monkeypatch, tmp_path):
    target = tmp_path / "workshop.journey"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    k = Keyboard(window)

    # Structure: Tab after a stage or lane name goes on to a new one, as in a table.
    k.press((Key.Key_S, CTRL_ALT))
    for stage in ("Awareness", "Consideration", "Purchase", "Delivery"):
        k.name(stage, Key.Key_Tab)
    k.name("Advocacy")
    k.press((Key.Key_L, CTRL_ALT))
    k.name("Web", Key.Key_Tab)
    k.name("Store", Key.Key_Tab)
    k.name("Phone")
    k.press(Key.Key_Up, Key.Key_Up)                       # from Awareness · Phone up to Awareness · Web

    # The online flow, typed in order: Enter chains a card to the one before, Tab goes on to the next stage.
    k.card("Sees an ad")
    k.annotate(Key.Key_M, Key.Key_4, Key.Key_Plus)            # scores and emotion for the card just named
    k.card("Clicks the ad", Key.Key_Tab)
    k.card("Reads reviews")
    k.card("Compares prices", Key.Key_Tab)
    window.insights.refresh()  # what the room sees mid-capture: a chain, no false alarms
    assert all(card.badge == "" for card in window.scene.cards.values())
    assert "No flow drawn yet" in window.insights.panel.headline.text()
    k.card("Checks out online", Key.Key_Tab)
    k.card("Tracks the parcel")
    k.annotate(Key.Key_M, Key.Key_2, Key.Key_A, Key.Key_1, Key.Key_Minus)
    k.press(Key.Key_Down, Key.Key_Down)                   # Delivery · Phone: empty, the flow goes on from the parcel
    k.card("Calls about the delay")
    k.annotate(Key.Key_P)                                 # a pain point, its severity and kind set by keys
    k.type("On hold for 20 minutes")
    k.annotate((Key.Key_3, ALT), (Key.Key_K, ALT), Key.Key_Return)
    k.press(Key.Key_Up, Key.Key_Up, Key.Key_Tab)          # back to the parcel, on to Advocacy · Web
    k.card("Writes a review")
    k.card("Uses the discount code")

    # The store branch: a second start (Shift+Enter, unconnected), joined to the online flow by
    # Ctrl+Alt+Left, which connects in from the nearest card on the left not connected yet.
    k.press(Key.Key_Down, Key.Key_Home)                   # Awareness · Store
    k.card("Walks past the window", Key.Key_Tab, connected=False)
    k.card("Tries the sofa", Key.Key_Tab)
    k.card("Buys in store")
    k.press((Key.Key_Left, CTRL_ALT))                     # "Compares prices" -> "Buys in store"
    k.annotate(Key.Key_V, Key.Key_5, Key.Key_Plus)
    k.press(Key.Key_Tab)
    k.card("Takes it home", Key.Key_Tab)
    k.card("Recommends the shop")
    k.press(Key.Key_Down)                                 # Advocacy · Phone
    k.card("Asks for a refund", connected=False)
    k.press((Key.Key_Left, CTRL_ALT))                     # "Calls about the delay" -> "Asks for a refund"
    k.annotate(Key.Key_P)
    k.type("Refund takes two weeks")
    k.annotate((Key.Key_2, ALT), Key.Key_Return)
    k.annotate((Key.Key_S, CTRL))

    window.insights.refresh()
    assert all(card.badge == "" for card in window.scene.cards.values())
    assert "No dead ends" in window.insights.panel.headline.text()

    saved = json.loads(target.read_text(encoding="utf-8"))
    names = {tp["id"]: tp["title"] for tp in saved["touchpoints"]}
    stages = {s["id"]: s["name"] for s in saved["stages"]}
    lanes = {lane["id"]: lane["name"] for lane in saved["lanes"]}
    assert list(stages.values()) == ["Awareness", "Consideration", "Purchase", "Delivery", "Advocacy"]
    assert list(lanes.values()) == ["Web", "Store", "Phone"]
    placed = [(stages[tp["stage"]], lanes[tp["lane"]], tp["title"]) for tp in saved["touchpoints"]]
    assert len(placed) == 15
    assert ("Delivery", "Phone", "Calls about the delay") in placed and ("Purchase", "Store", "Buys in store") in placed
    flow = [(names[c["source"]], names[c["target"]]) for c in saved["connections"]]
    # The file lists connections in reading order (source, then target), so that maps diff well.
    assert flow == [("Sees an ad", "Clicks the ad"), ("Clicks the ad", "Reads reviews"),
                    ("Walks past the window", "Tries the sofa"), ("Reads reviews", "Compares prices"),
                    ("Compares prices", "Checks out online"), ("Compares prices", "Buys in store"),
                    ("Tries the sofa", "Buys in store"), ("Checks out online", "Tracks the parcel"),
                    ("Buys in store", "Takes it home"), ("Tracks the parcel", "Calls about the delay"),
                    ("Tracks the parcel", "Writes a review"), ("Takes it home", "Recommends the shop"),
                    ("Calls about the delay", "Asks for a refund"), ("Writes a review", "Uses the discount code")]
    cards = {tp["title"]: tp for tp in saved["touchpoints"]}
    assert cards["Sees an ad"]["scores"]["meaning"] == 4 and cards["Sees an ad"]["emotion"] == 1
    assert cards["Tracks the parcel"]["scores"] == {"meaning": 2, "value": None, "accommodation": 1}
    assert cards["Buys in store"]["scores"]["value"] == 5 and cards["Buys in store"]["emotion"] == 1
    assert [(p["text"], p["severity"], p["kind"]) for p in cards["Calls about the delay"]["pain_points"]] == [
        ("On hold for 20 minutes", 3, "delay")]
    assert [(p["severity"], p["kind"]) for p in cards["Asks for a refund"]["pain_points"]] == [(2, "frustration")]
    # 5 stages, 3 lanes, 15 cards and a branching flow of 14 connections; then 4 scores, 3 emotions,
    # 2 pain points with severity and kind, and the save.
    assert k.presses == {"map and flow": 53, "annotations": 19}
