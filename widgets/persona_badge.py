"""A persona's badge: their photo in a circle, or their initials on their colour.

One painter for every place a persona is shown by face: lane headers and the emotion band's legend
on the canvas, the inspector's persona list and the toolbar's persona filter (as icons). Photos
are paths relative to the map's file; `PersonaPhotos` reads each once (again when the file
changes). A photo that is missing or unreadable falls back to the initials, and `unreadable` says
so once per photo, for the status bar: a badge is no reason to interrupt the user with a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QImageReader, QPainter, QPainterPath, QPen, QPixmap

from model import theme
from model.entities import Persona
from widgets.text import font

PHOTO_PIXELS = 96  # photos are kept this big: badges are small, and a camera's photo is not


class PersonaPhotos(QObject):
    """The photos of a map's personas, read from files beside the map."""

    unreadable = Signal(str)  # what went wrong, in a sentence for the status bar
    changed = Signal()  # the folder changed: badges may now show other photos

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.folder: Optional[Path] = None
        self._images: dict[Path, tuple[float, Optional[QImage]]] = {}  # path -> (modified time, image)
        self._reported: set[tuple[str, Path]] = set()

    def set_folder(self, folder: Optional[Path]) -> None:
        """The folder of the map's file (None for a map not saved yet), which relative photo paths start from."""
        if folder != self.folder:
            self.folder = folder
            self.changed.emit()

    def where(self, persona: Persona) -> Optional[Path]:
        """Where the persona's photo file is, or None where they have no photo or it cannot be found yet."""
        if not persona.photo:
            return None
        path = Path(persona.photo).expanduser()
        if path.is_absolute():
            return path
        return self.folder / path if self.folder is not None else None

    def image(self, persona: Persona) -> Optional[QImage]:
        """The persona's photo, or None: no photo, or one that cannot be shown (said once through `unreadable`)."""
        if not persona.photo:
            return None
        path = self.where(persona)
        if path is None:
            return self._fail(persona, Path(persona.photo), "its path is relative to the map's folder, "
                                                           "and the map is not saved yet")
        try:
            stamp = path.stat().st_mtime
        except OSError as error:
            return self._fail(persona, path, "there is no such file" if isinstance(error, FileNotFoundError)
                              else error.strerror or type(error).__name__)
        cached = self._images.get(path)
        if cached is None or cached[0] != stamp:
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            image = reader.read()
            cached = (stamp, None if image.isNull() else _square(image))
            self._images[path] = cached
            if cached[1] is None:
                return self._fail(persona, path, f"it is not an image Wayfinder can read ({reader.errorString()})")
        return cached[1]

    def _fail(self, persona: Persona, path: Path, why: str) -> None:
        if (persona.id, path) not in self._reported:
            self._reported.add((persona.id, path))
            name = persona.name or "An unnamed persona"
            text = (f"{name}'s photo “{persona.photo}” cannot be shown: {why}. "
                    f"Their badge shows the initials {persona.badge} instead.")
            # Said once control returns to the event loop, after what opened the map has had its say.
            QTimer.singleShot(0, self, lambda: self.unreadable.emit(text))
        return None


def _square(image: QImage) -> QImage:
    """The middle square of the photo, scaled down to `PHOTO_PIXELS`."""
    side = min(image.width(), image.height())
    middle = image.copy((image.width() - side) // 2, (image.height() - side) // 2, side, side)
    return middle.scaled(PHOTO_PIXELS, PHOTO_PIXELS, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


def paint_badge(painter: QPainter, rect: QRectF, persona: Persona, colour: str, photo: Optional[QImage]) -> None:
    """The badge in `rect` (a square): the photo clipped to a circle, or the initials on the persona's
    colour; a ring in their colour either way, so photo and curve are told together."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(rect)
    if photo is not None:
        painter.setClipPath(circle)
        painter.drawImage(rect, photo)
        painter.setClipping(False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setBrush(QBrush(QColor(colour)))
    painter.setPen(QPen(QColor(colour), max(1.0, rect.width() / 12)))
    painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    if photo is None:
        painter.setPen(QColor(theme.CARD_BACKGROUND))
        painter.setFont(font(max(5.0, rect.height() * 0.4), bold=True))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, persona.badge)
    painter.restore()


def badge_icon(persona: Persona, colour: str, photo: Optional[QImage], size: int = 32) -> QIcon:
    """The badge as an icon, for the inspector's persona list and the toolbar's persona filter."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_badge(painter, QRectF(1, 1, size - 2, size - 2), persona, colour, photo)
    painter.end()
    return QIcon(pixmap)
