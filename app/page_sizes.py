"""The page sizes a PDF can be exported on, one table for the command line, the export dialog
and the PDF itself. Kept free of reportlab so the command line's parser loads nothing heavy."""

from __future__ import annotations

_MM = 72 / 25.4

# (short side, long side) in points. A1 and A0 are for printing a map at wall size.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * _MM, 297 * _MM),
    "A3": (297 * _MM, 420 * _MM),
    "A2": (420 * _MM, 594 * _MM),
    "A1": (594 * _MM, 841 * _MM),
    "A0": (841 * _MM, 1189 * _MM),
    "Letter": (612.0, 792.0),
    "Tabloid": (792.0, 1224.0),
}
FIT = "fit"  # one custom page as large as the map
PAGE_CHOICES = (*PAGE_SIZES, FIT)
ORIENTATIONS = ("landscape", "portrait")
POSTER_SHEETS = ("A4", "A3", "Letter", "Tabloid")  # what an office printer prints a poster on
