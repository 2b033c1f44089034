"""TrueType fonts whose parse is kept between exports in the user's cache folder (`parse_cache`).

reportlab reads a font's metrics and glyph maps out of the file in Python each time a font is
registered: 10 ms for each DejaVu face, every export, and 50-80 ms for each CJK fallback. What it
reads is plain data (names, numbers, dicts of character widths), so it is kept like the
hyphenation patterns: keyed by the file and by reportlab's version, read back with `marshal`,
parsed again when missing, damaged or stale. The file itself is still read, since the PDF embeds
a subset of its glyphs.
"""

from __future__ import annotations

from fnmatch import fnmatch
from functools import partial
from operator import mul
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from .parse_cache import parsed

_PARSER = f"reportlab {reportlab.Version} TrueType face"


class _CachedFace(TTFontFace):
    """A face that takes what `extractInfo` finds from the cache when it found it before."""

    def extractInfo(self, charInfo=1):
        found = parsed(Path(self.filename), f"{_PARSER} {charInfo}", lambda _: self._parse(charInfo))
        self.__dict__.update(found["plain"])
        self.__dict__.update({name: TTFNameBytes(value.encode("utf8")) for name, value in found["names"].items()})
        units = self.unitsPerEm  # reportlab's scale to thousandths of an em, a function not kept
        self._pdfScale = (lambda x: x) if units == 1000 else partial(mul, 1000 / units)

    def _parse(self, charInfo) -> dict:
        """reportlab's own parse, and what it set, as data `marshal` can hold (a name as its text)."""
        before = dict(self.__dict__)
        super().extractInfo(charInfo)
        found = {name: value for name, value in self.__dict__.items()
                 if name != "_pdfScale" and (name not in before or before[name] is not value)}
        names = {name: value.ustr for name, value in found.items() if isinstance(value, TTFNameBytes)}
        return {"plain": {name: value for name, value in found.items() if name not in names}, "names": names}


class CachedTTFont(TTFont):
    """reportlab's `TTFont` of the file at `path`, its face parsed once per file and version."""

    def __init__(self, name: str, path: Path):  # TTFont.__init__ with the face above
        self.fontName = name
        self.face = _CachedFace(str(path))
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
