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
from model.card_parts import badge_initials_size, badge_ring_width, middle_square
from model.entities import Persona
from model.layout import Rect
from model.map_files import beside_map
from widgets.text import font

SAY_AFTER_MS = 600  # a failed photo is reported once its path has stopped changing this long


class PersonaPhotos(QObject):
    """The photos of a map's personas, read from files beside the map."""

    unreadable = Signal(str)  # what went wrong, in a sentence for the status bar
    changed = Signal()  # the folder changed: badges may now show other photos

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.folder: Optional[Path] = None
        self._images: dict[Path, tuple[float, Optional[QImage]]] = {}  # path -> (modified time, image)
        self._reported: set[tuple[str, Path]] = set()
        # Persona id -> ((persona id, path), sentence) of a photo that failed, said once typing pauses:
        # a path being typed fails at every keystroke until it is whole.
        self._pending: dict[str, tuple[tuple[str, Path], str]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAY_AFTER_MS)
        self._timer.timeout.connect(self._say)

    def set_folder(self, folder: Optional[Path]) -> None:
        """The folder of the map's file (None for a map not saved yet), which relative photo paths start from."""
        if folder != self.folder:
            self.folder = folder
            self.changed.emit()

    def where(self, persona: Persona) -> Optional[Path]:
        """Where the persona's photo file is, or None where they have no photo or it cannot be found yet."""
        return beside_map(persona.photo, self.folder)

    def image(self, persona: Persona) -> Optional[QImage]:
        """The persona's photo, or None: no photo, or one that cannot be shown (said once through `unreadable`)."""
        if not persona.photo:
            self._pending.pop(persona.id, None)
            return None
        path = self.where(persona)
        pending = self._pending.get(persona.id)
        if pending is not None and pending[0][1] != (path or Path(persona.photo)):
            del self._pending[persona.id]  # the photo changed before its failure was said
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
        key = (persona.id, path)
        if key not in self._reported and persona.id not in self._pending:
            name = persona.name or "An unnamed persona"
            self._pending[persona.id] = (key, f"{name}'s photo “{persona.photo}” cannot be shown: {why}. "
                                              f"Their badge shows the initials {persona.badge} instead.")
            self._timer.start()
        return None

    def _say(self) -> None:
        """Say each failure still pending, after what opened the map or changed the photo has had its say."""
        pending, self._pending = self._pending, {}
        for key, text in pending.values():
            self._reported.add(key)
            self.unreadable.emit(text)


def _square(image: QImage) -> QImage:
    """The middle square of the photo, scaled down to `theme.PERSONA_PHOTO_PIXELS`."""
    left, top, side = middle_square(image.width(), image.height())
    middle = image.copy(left, top, side, side)
    pixels = theme.PERSONA_PHOTO_PIXELS
    return middle.scaled(pixels, pixels, Qt.AspectRatioMode.IgnoreAspectRatio,
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
    badge = Rect(rect.x(), rect.y(), rect.width(), rect.height())
    painter.setPen(QPen(QColor(colour), badge_ring_width(badge)))
    painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    if photo is None:
        painter.setPen(QColor(theme.CARD_BACKGROUND))
        painter.setFont(font(badge_initials_size(badge), bold=True))
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
