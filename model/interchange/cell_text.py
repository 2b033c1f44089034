"""Spreadsheet cells that must not run as formulas, written so that they come back as typed.

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (and some also one that
starts with a tab or a carriage return) as a formula, so a touchpoint titled
`=HYPERLINK("http://evil.example","Click")` or `=cmd|' /C calc'!A0` would act when the CSV is
opened. Export puts a `'` before such a start (Excel shows the text and hides the `'`), on every
line of a cell, since a line of a multi-line cell is no safer. Import takes the `'` off again, and
a text that itself starts with `'` and then such a character gets one more `'`, so every text
comes back exactly as it was. A cell that is a plain number (`-2`) is no formula and stays as it is.
"""

from __future__ import annotations

import re

_FORMULA_START = "=+-@\t\r"
_NEEDS_MARK = re.compile(rf"^(?='*[{re.escape(_FORMULA_START)}])", re.MULTILINE)
_MARKED = re.compile(rf"^'(?='*[{re.escape(_FORMULA_START)}])", re.MULTILINE)
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def inert(text: str) -> str:
    """`text` as a cell no spreadsheet runs: each line that could start a formula gets a `'`."""
    if _NUMBER.fullmatch(text):
        return text
    return _NEEDS_MARK.sub("'", text)


def as_typed(cell: str) -> str:
    """The text `inert` was given: the `'` it put before each line that could start a formula removed."""
    return _MARKED.sub("", cell)
