"""PNG and SVG images of a map for slides, drawn by the canvas itself so they look like it.

From the command line there is no window: Qt is started offscreen just for the drawing.
"""

from __future__ import annotations

import os
from pathlib import Path

from model import theme
from model.errors import JourneyFileError
from model.journey_file import write_atomically
from model.journey_map import JourneyMap


def _application():
    """The running QApplication, or an offscreen one for command-line exports."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from app.gui import create_application

        return create_application()
    return QApplication.instance()


def _scene(journey: JourneyMap, folder: Path | None):
    """The canvas scene of the map, its text without what XML cannot hold (see `model.xml_text`);
    `folder` is the map's, where its persona photos are found."""
    from PySide6.QtWidgets import QGraphicsItem

    from model.analysis import analyse
    from model.xml_text import xml_safe_map
    from widgets.canvas_scene import JourneyScene
    from widgets.overlays import OverlayChoice, apply_overlays

    journey = xml_safe_map(journey)
    scene = JourneyScene(journey)
    scene.photos.set_folder(folder)
    scene.ensure_layout()
    for button in (scene.add_stage_button, scene.add_lane_button):
        button.hide()
    apply_overlays(scene, OverlayChoice(), analyse(journey))  # dead ends marked, as the canvas shows them
    # The canvas caches cards as pixmaps; an export draws them afresh, so that text stays text
    # in SVG and a 2x PNG is sharp rather than an enlarged screen image.
    for item in scene.items():
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    return scene


def _render(scene, painter, size) -> None:
    from PySide6.QtCore import QRectF

    g = scene.geometry
    source = QRectF(0, 0, g.width, g.height)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)


def render_png(journey: JourneyMap, scale: float = 2.0, folder: Path | None = None) -> bytes:
    """The map as PNG bytes at `scale` times its size at 100% zoom."""
    _application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColor, QImage, QPainter

    if not 0.1 <= scale <= 8:
        raise ValueError(f"the image scale must be between 0.1 and 8, not {scale}")
    scene = _scene(journey, folder)
    g = scene.geometry
    size = QSize(max(1, round(g.width * scale)), max(1, round(g.height * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(theme.CANVAS_BACKGROUND))
    image.setDotsPerMeterX(round(3780 * scale))
    image.setDotsPerMeterY(round(3780 * scale))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    _render(scene, painter, size)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def render_svg(journey: JourneyMap, folder: Path | None = None) -> bytes:
    """The map as an SVG document (text stays text, lines stay vectors)."""
    _application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    scene = _scene(journey, folder)
    g = scene.geometry
    size = QSize(max(1, round(g.width)), max(1, round(g.height)))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(scene.journey.info.title)
    generator.setDescription("Customer journey map made with Wayfinder")
    painter = QPainter(generator)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), theme.CANVAS_BACKGROUND)
    _render(scene, painter, size)
    painter.end()
    return bytes(data)


def write_image(journey: JourneyMap, path: Path, scale: float = 2.0, folder: Path | None = None) -> None:
    """Write a PNG or SVG, by the suffix of `path`, atomically; `folder` is the map's (its persona photos)."""
    data = render_svg(journey, folder) if path.suffix.lower() == ".svg" else render_png(journey, scale, folder)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be written: {error.strerror or error}") from None
