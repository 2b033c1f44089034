"""The timer as the room sees it: large digits in a corner, and an end no one can miss."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from model import theme

FLASHES = 12  # half-second flashes at the end, then it stays red until the timer is stopped or restarted


class TimerBadge(QLabel):
    """Floats in the top-right (or bottom-right) corner of `host`; `show_time` says what to show."""

    def __init__(self, host: QWidget, pixel_size: int = 28, bottom: bool = False):
        super().__init__(host)
        self.host, self.bottom = host, bottom
        self.pixel_size = pixel_size
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._flashes_left = 0
        self._flash = QTimer(self)
        self._flash.setInterval(500)
        self._flash.timeout.connect(self._flash_once)
        self.over = False
        host.installEventFilter(self)
        self.hide()

    def show_time(self, text: str, name: str, active: bool, running: bool, over: bool) -> None:
        if not active:
            self._flash.stop()
            self.over = False
            self.hide()
            return
        label = f"{name}  {text}" if name else text
        if not running and not over:
            label += "  (paused)"
        self.setText(label)
        if over and not self.over:
            self._flashes_left = FLASHES
            self._flash.start()
        self.over = over
        self._style(over)
        self.show()
        self.raise_()
        self._place()

    def _style(self, alarm: bool) -> None:
        background, ink = (theme.VERMILLION, "#ffffff") if alarm else ("rgba(26, 26, 26, 215)", "#ffffff")
        self.setStyleSheet(f"QLabel {{ background: {background}; color: {ink}; border-radius: 10px; "
                           f"padding: 6px 16px; font-weight: bold; font-size: {self.pixel_size}px; }}")

    def _flash_once(self) -> None:
        self._flashes_left -= 1
        self._style(alarm=self._flashes_left % 2 == 0 or self._flashes_left <= 0)
        if self._flashes_left <= 0:
            self._flash.stop()

    def _place(self) -> None:
        self.adjustSize()
        margin = 16
        top = self.host.height() - self.height() - margin if self.bottom else margin
        self.move(self.host.width() - self.width() - margin, top)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
