"""How full each page of a PDF is, measured on the rendered page (pdftoppm): the share of the
content frame's height from its top down to the lowest ink."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from app.pdf.pages import FOOTER_SPACE, HEADER_SPACE, MARGIN

HAVE_PDFTOPPM = shutil.which("pdftoppm") is not None
_INK = 200  # grey levels darker than this count as ink


def fill_ratios(pdf: Path, resolution: int = 20) -> list[float]:
    reader = PdfReader(pdf)
    ratios = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(resolution), "-gray", str(pdf), f"{folder}/page"], check=True)
        for page, image_path in zip(reader.pages, sorted(Path(folder).glob("page*"))):
            image = Image.open(image_path).convert("L")
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            scale = image.width / width
            top, bottom = int((MARGIN + HEADER_SPACE) * scale), int((height - MARGIN - FOOTER_SPACE) * scale)
            left, right = int(MARGIN * scale), int((width - MARGIN) * scale)
            pixels = image.load()
            lowest = next((y for y in range(bottom - 1, top - 1, -1)
                           if any(pixels[x, y] < _INK for x in range(left, right))), top)
            ratios.append((lowest - top) / (bottom - top))
    return ratios
