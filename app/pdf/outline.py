"""Where a section starts: it names the section in the running header and in the PDF's outline.

Its own module so that the report (sections, map parts) and the summary (its sub-sections) mark
their places the same way.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import fonts


HEADROOM = 16  # points above the marker a bookmark shows: the heading's space before it


class Marker(Flowable):
    """A zero-size flowable: sets the running header to `header` and, given `outline`, adds an
    outline entry at `level` pointing at the place it lands on (level 0 entries start closed)."""

    _ZEROSIZE = True  # drawn even inside a container (the title page's KeepInFrame), which skips empty flowables

    def __init__(self, header: str, outline: str = "", level: int = 0):
        super().__init__()
        self.header, self.outline, self.level = header, outline, level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        document = self.canv._doctemplate
        document.section = self.header
        if self.outline:
            key = f"section-{len(document.outline_keys)}"
            document.outline_keys.append(key)
            # Land on the heading, not the top of the page: several sections may share a page.
            _, top = self.canv.absolutePosition(0, 0)
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top + HEADROOM, zoom=0)
            self.canv.addOutlineEntry(fonts.metadata(self.outline), key, level=self.level, closed=self.level == 0)
