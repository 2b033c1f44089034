"""The client's brand on the PDF: who it is for and by, their logo, their colour and a cover note.

The brand kit lives in the map's info (`MapInfo.client`, `author`, `logo`, `accent`,
`cover_note`), so a map exports the same way every time; the command line and the export
dialog can override any of it for one export (`model.brand_kit.branded`). A logo is a path relative to the
map's folder; PNG and JPEG are read by reportlab, SVG is drawn by Qt's SVG renderer (offscreen,
so only an SVG logo needs PySide6 on the command line).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from model import theme
from model.entities import MapInfo
from model.brand_kit import logo_path
from model.errors import JourneyFileError

LOGO_BOX = (160, 72)  # the largest a logo is drawn, in points; it keeps its proportions
_SVG_PIXELS = 4  # an SVG logo is rasterised at this many pixels per point: sharp in print


def accent_colour(info: MapInfo) -> str:
    """The colour of the title page's rules and label and of the running header's rule."""
    return info.accent or theme.SELECTION


def logo_image(logo: str, folder: Path | None = None) -> Image:
    """The logo as a flowable fitted into `LOGO_BOX`; `JourneyFileError` names the file and why
    it cannot be used."""
    path = logo_path(logo, folder)
    if not path.is_file():
        where = "" if Path(logo).is_absolute() else f" (the logo's path is relative to the map's folder, {folder})"
        raise JourneyFileError(str(path), f"cannot be read as a logo: there is no such file{where}")
    try:
        source = _svg_as_png(path) if path.suffix.lower() == ".svg" else str(path)
        width, height = ImageReader(source).getSize()
    except JourneyFileError:
        raise
    except Exception as error:  # Pillow and reportlab raise many kinds for a file that is not an image
        raise JourneyFileError(str(path), f"cannot be read as an image ({error})") from None
    if isinstance(source, BytesIO):
        source.seek(0)
        width, height = width / _SVG_PIXELS, height / _SVG_PIXELS
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    image = Image(source, width * scale, height * scale)
    image.hAlign = "RIGHT"
    return image


def _svg_as_png(path: Path) -> BytesIO:
    """An SVG file drawn by Qt into PNG bytes, `_SVG_PIXELS` per point of its own size."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from app.image_export import _application

    _application()
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise JourneyFileError(str(path), "cannot be read as an SVG image")
    size = renderer.defaultSize()
    if size.isEmpty():
        raise JourneyFileError(str(path), "is an SVG image without a size (no width and height or viewBox)")
    image = QImage(size * _SVG_PIXELS, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return BytesIO(bytes(data))
