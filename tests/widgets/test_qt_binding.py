"""The Qt binding itself must not leak: a long workshop repaints the canvas many thousand times."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def test_painting_does_not_use_up_references_to_none(qapp):
    # PySide6 6.12.0 under Python 3.11 released a reference to None on every void QPainter call,
    # so the interpreter aborted ("deallocating None") after enough repaints.
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(0, 0, 10, 10), 2, 2)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 10
