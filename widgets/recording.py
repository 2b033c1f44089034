"""A drawing recorded once and replayed until what it shows changes.

A zoom step re-draws every cached card, header and band at the new scale, and half of drawing a
card was Python choosing what to draw. Replaying a recorded `QPicture` is all C++, and the
recording holds vectors, not pixels, so what is replayed at any scale is as crisp as drawing
afresh. The owner names what the drawing depends on in a key; a drawing whose key changed is
drawn straight away, and recorded anew when it is next drawn unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPainter, QPicture


class Recording:
    """One item's recorded drawing, in the item's coordinates."""

    def __init__(self) -> None:
        self._key: object = None
        self._picture: QPicture | None = None

    def replay(self, painter: QPainter, key: object, draw: Callable[[QPainter], None]) -> None:
        """Draw what `draw` draws for `key`, from the recording of that key when there is one.

        On a device of another resolution than the screen's (an exported image, an SVG), Qt would
        rescale the recording's text: such a device, never painted twice alike, is drawn afresh."""
        device = painter.device()
        if device is None or device.logicalDpiY() != _SCREEN_DPI.logicalDpiY():
            draw(painter)
            return
        if key != self._key and self._key is not None:
            # Changed (a card retitled, selected, or a dock edited it): drawn straight into the
            # item's cache, which is half the cost of recording and replaying. It is recorded when
            # it is drawn again unchanged, at the next zoom step, where a recording pays.
            self._key, self._picture = key, None
            painter.save()  # as a replay does: the view keeps no painter state between items
            draw(painter)
            painter.restore()
            return
        if self._picture is None:
            picture = QPicture()
            recorder = QPainter(picture)
            recorder.setRenderHints(painter.renderHints())
            draw(recorder)
            recorder.end()
            self._key, self._picture = key, picture
        painter.drawPicture(0, 0, self._picture)


_SCREEN_DPI = QPicture()  # a recording's resolution, the screen's
