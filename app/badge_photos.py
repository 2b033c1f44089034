"""Persona photos for the exports that paint without Qt: the PDF and the PowerPoint deck.

The canvas reads photos with Qt (widgets/persona_badge.py); these exports also run from the
command line, which never loads Qt, so they read them with Pillow (which reportlab and
python-pptx read images with already). Either way a badge shows the photo's middle square at
`theme.PERSONA_PHOTO_PIXELS`, and a photo that is missing or unreadable gives way to the
initials: the canvas has said why in its status bar, and an export is no place to stop for it.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps

from model import theme
from model.card_parts import middle_square
from model.entities import Persona
from model.map_files import beside_map


class BadgePhotos:
    """The photos of a map's personas as PNG bytes, each read once per export."""

    def __init__(self, folder: Path | None):
        self.folder = folder  # the map's, which relative photo paths start from
        self._photos: dict[Path, bytes | None] = {}

    def png(self, persona: Persona) -> bytes | None:
        """The persona's photo, cut to its middle square, or None: no photo, or none that can be read."""
        path = beside_map(persona.photo, self.folder)
        if path is None:
            return None
        if path not in self._photos:
            self._photos[path] = _square_png(path)
        return self._photos[path]


def _square_png(path: Path) -> bytes | None:
    try:
        with Image.open(path) as image:
            image = ImageOps.exif_transpose(image)  # as Qt's reader turns a camera's photo upright
            left, top, side = middle_square(image.width, image.height)
            pixels = theme.PERSONA_PHOTO_PIXELS
            square = image.convert("RGBA").crop((left, top, left + side, top + side)).resize(
                (pixels, pixels), Image.Resampling.LANCZOS)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    data = BytesIO()
    square.save(data, "PNG")
    return data.getvalue()
