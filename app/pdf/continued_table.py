"""A table that splits across pages the way a reader expects: never fewer than `MIN_ROWS` rows on
a page, and on the next page its section's heading again, marked "(continued)".

Keeping a whole section on one page (KeepTogether) left pages two-thirds blank whenever the
next section did not fit; splitting with these two rules fills pages and still reads well.
"""

from __future__ import annotations

from reportlab.platypus import LongTable, PageBreak

from .styles import para, styles

MIN_ROWS = 3  # body rows, on the page a table starts on and on the page it ends on


class ContinuedTable(LongTable):
    """A LongTable (its header row repeats on every page) whose split keeps `MIN_ROWS` rows on
    each side and puts "`continued` (continued)" above the rest; `section` sets `continued`."""

    def __init__(self, *args, continued: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.continued = continued

    def start_height(self) -> float:
        """The height this table needs on the page it starts on: its header and `MIN_ROWS` rows,
        or all of it when it is too short to split."""
        self.wrap(sum(self._argW), 1e9)
        header = self.repeatRows
        if self._nrows - header < 2 * MIN_ROWS:
            return sum(self._rowHeights)
        return sum(self._rowHeights[:header + MIN_ROWS])

    def split(self, available_width: float, available_height: float) -> list:
        parts = super().split(available_width, available_height)
        if len(parts) != 2:
            return parts
        first, rest = parts
        header = self.repeatRows
        if first._nrows - header < MIN_ROWS:
            return []  # the whole table moves on to the next page
        missing = MIN_ROWS - (rest._nrows - header)
        if missing > 0:  # the last page would hold too few rows: end this page earlier
            if first._nrows - header - missing < MIN_ROWS:
                return []
            moved = sum(self._rowHeights[first._nrows - missing:first._nrows])
            parts = super().split(available_width, available_height - moved)
            if len(parts) != 2:
                return parts
            first, rest = parts
        if isinstance(rest, ContinuedTable):
            rest.continued = self.continued
        if not self.continued:
            return [first, rest]
        # `first` fills this page, so the heading and the rest start the next one.
        return [first, PageBreak(), para(f"{self.continued} (continued)", styles().subheading), rest]
