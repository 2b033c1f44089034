"""Drawings that thousands of cards share, written once per document as PDF forms and reused.

Drawing a card's frame, face, score bars or pain marker again takes a dozen path and colour
operators, and reportlab formats every number of every operator in pure Python; placing a form
takes one operator and no numbers. Each of these comes in few variants (a face per emotion, bars
per score triple), so a 2,000-card map defines a few dozen forms and draws far faster and smaller.
"""

from __future__ import annotations

from typing import Callable

from reportlab.pdfgen.canvas import Canvas

Box = tuple[float, float, float, float]  # left, bottom, right, top


def stamp(canvas: Canvas, key: tuple, box: Box, draw: Callable[[Canvas], None]) -> None:
    """Place at the current origin the drawing `draw` makes, as the form `key` names (defined on
    first use in the document). `key` must say everything the drawing depends on, and `box` hold
    all of it: a form is clipped to its box."""
    name = "Stamp" + repr(key).encode().hex()  # unique, and a valid PDF name whatever the key holds
    if not canvas.hasForm(name):
        canvas.beginForm(name, *box)
        draw(canvas)
        canvas.endForm()
    canvas.doForm(name)
