"""Fonts and text fitting for canvas items: text never spills out of its card or header."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from model import theme


@lru_cache(maxsize=None)
def font(pixel_size: float, bold: bool = False) -> QFont:
    """The theme's font at a size in layout units (pixels at 100%, points in the PDF)."""
    result = QFont(theme.FONT_FAMILY)
    result.setPixelSize(round(pixel_size))
    result.setBold(bold)
    return result


@lru_cache(maxsize=4096)
def elided_lines(text: str, text_font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` wrapped at word boundaries into at most `max_lines` lines of `width`; the last is
    shortened with an ellipsis if text remains. A word longer than a line is broken inside it."""
    metrics = QFontMetricsF(text_font)
    words = text.split()
    lines: list[str] = []
    current = ""
    while words and len(lines) < max_lines:
        word = words[0]
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            words.pop(0)
            continue
        if not current:  # a single word wider than the line: cut it where it no longer fits
            cut = max(1, len(metrics.elidedText(word, Qt.TextElideMode.ElideNone, width)))
            while cut > 1 and metrics.horizontalAdvance(word[:cut]) > width:
                cut -= 1
            current, words[0] = word[:cut], word[cut:]
        lines.append(current)
        current = ""
    if current and len(lines) < max_lines:
        lines.append(current)
    if words and lines:
        rest = " ".join([lines[-1], *words])
        lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines or [""]
