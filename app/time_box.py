"""The workshop timer: a named countdown ("Capture: Awareness, 10 min") with pause and +1 minute.

It counts from a monotonic clock, not from ticks, so a busy machine never slows the room's time.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

TICK_MS = 200


class TimeBox(QObject):
    """One countdown at a time; `changed` after every visible change, `ended` once when it runs out."""

    changed = Signal()
    ended = Signal(str)  # the time-box's name

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.clock = clock
        self.name = ""
        self.running = False  # counting down (not paused, not over, not stopped)
        self.active = False  # a time-box is set, running, paused or over
        self._deadline = 0.0
        self._left_when_paused = 0.0
        self._shown = -1
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)

    @property
    def seconds_left(self) -> float:
        if not self.active:
            return 0.0
        if not self.running:
            return self._left_when_paused
        return max(0.0, self._deadline - self.clock())

    @property
    def over(self) -> bool:
        return self.active and self.seconds_left <= 0

    def text(self) -> str:
        """"09:41", or "Time's up"."""
        if self.over:
            return "Time's up"
        left = int(self.seconds_left + 0.999)
        return f"{left // 60:02d}:{left % 60:02d}"

    def start(self, minutes: float, name: str = "") -> None:
        self.name, self.active, self.running = name, True, True
        self._deadline = self.clock() + minutes * 60
        self._ticker.start()
        self._announce()

    def toggle_pause(self) -> None:
        if not self.active or self.over:
            return
        if self.running:
            self._left_when_paused = self.seconds_left
            self.running = False
            self._ticker.stop()
        else:
            self._deadline = self.clock() + self._left_when_paused
            self.running = True
            self._ticker.start()
        self._announce()

    def add_minute(self) -> None:
        """One more minute; after the end, a new minute of the same time-box."""
        if not self.active:
            return
        if self.over:
            self.start(1, self.name)
        elif self.running:
            self._deadline += 60
        else:
            self._left_when_paused += 60
        self._announce()

    def stop(self) -> None:
        self.active = self.running = False
        self._ticker.stop()
        self._announce()

    def _tick(self) -> None:
        if self.over:
            self.running = False
            self._left_when_paused = 0.0
            self._ticker.stop()
            self._announce()
            self.ended.emit(self.name)
            return
        if int(self.seconds_left) != self._shown:
            self._announce()

    def _announce(self) -> None:
        self._shown = int(self.seconds_left)
        self.changed.emit()
