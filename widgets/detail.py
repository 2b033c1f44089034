"""Level of detail: what is worth drawing at the scale the canvas is shown at.

Text under about five pixels cannot be read, and drawing it for two thousand cards is what made
zooming out slow; below `READABLE_SCALE` items draw only their shapes and colours.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

READABLE_SCALE = 0.4  # the card title (13 px) is about 5 px on screen here


def readable(option: QStyleOptionGraphicsItem, painter: QPainter) -> bool:
    """Whether the item being painted is shown large enough for its text to be read."""
    return option.levelOfDetailFromTransform(painter.worldTransform()) >= READABLE_SCALE
