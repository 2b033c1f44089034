"""User text on the page: fitted into its box, drawn in the right font per script, escaped for markup.

Every piece of map text passes through here, so that no title spills out of its card, no
`<b>` typed by a user becomes bold, and a Chinese word inside an English title still prints.
Arabic is joined (`joined`) before text is measured, and right-to-left text is ordered for
display one line at a time (`display_order`), after it is wrapped: a line here, each line of a
paragraph in `script_paragraph`. A font without a bold face (the CJK and Korean fallbacks) is
made bold by stroking its outline (`stroked_bold`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .fonts import clean, string_width
from .stroked_bold import StrokedBoldText

ELLIPSIS = "\u2026"
HYPHENATION_LANGUAGE = "en_GB"  # the rules the map's words are hyphenated by


def escape(value: str) -> str:
    """`value` safe inside Paragraph markup, as `xml.sax.saxutils.escape` makes it; that module
    is not imported because it loads urllib, a tenth of the export's start-up time."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, size: float, width: float, bold: bool, reserve: float = 0.0) -> int:
    """How many leading characters of `text` fit in `width` minus `reserve` (at least 1)."""
    low, high = 1, len(text)
    while low < high:  # binary search: the longest prefix that fits
        middle = (low + high + 1) // 2
        if string_width(text[:middle], size, bold) + reserve <= width:
            low = middle
        else:
            high = middle - 1
    return low


def elide(text: str, size: float, width: float, bold: bool = False) -> str:
    """`text` (already `clean`) shortened with an ellipsis so that it fits in `width`."""
    if string_width(text, size, bold) <= width:
        return text
    reserve = string_width(ELLIPSIS, size, bold)
    if reserve > width:
        return ""
    keep = _cut(text, size, width, bold, reserve)
    while keep and string_width(text[:keep], size, bold) + reserve > width:
        keep -= 1
    return text[:keep].rstrip() + ELLIPSIS


@lru_cache(maxsize=8192)
def fit_lines(text: str, size: float, width: float, max_lines: int, bold: bool = False) -> tuple[str, ...]:
    """`text` wrapped at spaces into at most `max_lines` lines of `width`; the last line ends in
    an ellipsis if text remains. A word wider than a line is hyphenated (a run of CJK, which has
    no spaces, is broken where it stops fitting). Works like the canvas's `elided_lines`."""
    words = clean(text).split()
    lines: list[str] = []
    current = ""
    broken = ""  # the last line's end, when it ends inside a word that goes on on the next line
    while words and len(lines) < max_lines:
        candidate = f"{current} {words[0]}" if current else words[0]
        if string_width(candidate, size, bold) <= width:
            current = candidate
            words.pop(0)
            continue
        broken = ""
        if not current:  # a single word wider than the line: hyphenate it, or cut it where it stops fitting
            current, words[0] = _break(words[0], size, width, bold)
            broken = current
        lines.append(current)
        current = ""
    if current and len(lines) < max_lines:
        lines.append(current)
        broken = ""
    if words and lines:
        # An ellipsis ends the text inside the word that was broken, not after its hyphen.
        last = lines[-1].removesuffix("-") + words.pop(0) if broken else lines[-1]
        lines[-1] = elide(" ".join([last, *words]), size, width, bold)
    return tuple(lines)


@lru_cache(maxsize=1)
def _hyphenator():
    """pyphen's hyphenator, its dictionary's patterns read from `parse_cache` rather than parsed."""
    import pyphen

    from .parse_cache import parsed

    def patterns(path: Path) -> tuple[dict, int]:
        dictionary = pyphen.HyphDict(path)
        return dictionary.patterns, dictionary.maxlen

    class CachedDictionary(pyphen.HyphDict):
        def __init__(self, path: Path):  # what `HyphDict.__init__` sets, without its parse
            self.patterns, self.maxlen = parsed(path, f"pyphen {pyphen.__version__}", patterns)
            self.cache = {}

    path = pyphen.LANGUAGES[pyphen.language_fallback(HYPHENATION_LANGUAGE)]
    pyphen.hdcache[path] = CachedDictionary(path)
    return pyphen.Pyphen(lang=HYPHENATION_LANGUAGE)


def hyphenations(word: str):
    """The ways to hyphenate `word`, as (first part, rest) pairs, longest first part first.

    Fitted lines and reportlab's paragraphs (as their `hyphenationLang`) both break words with
    it; the dictionary loads when a word first needs breaking (a fifth of a second), not with
    every export."""
    return _hyphenator().iterate(word)


def _break(word: str, size: float, width: float, bold: bool) -> tuple[str, str]:
    """`word` split into a first part that fits `width` and the rest: at the last hyphenation
    point that fits (the first part then ends in a hyphen), else where it stops fitting (CJK,
    codes, a syllable wider than the line)."""
    for start, rest in hyphenations(word):
        if string_width(start + "-", size, bold) <= width:
            return start + "-", rest
    cut = _cut(word, size, width, bold)
    return word[:cut], word[cut:]


def draw_line(canvas: Canvas, x: float, y: float, line: str, size: float, bold: bool = False,
              align: str = "left") -> None:
    """Draw one fitted line with its baseline at `y`, switching fonts between scripts.

    `align` is "left", "center" or "right" of `x`. Text stays text in the PDF: selectable
    and searchable.
    """
    if not line:
        return
    line = visual(line)
    if align != "left":
        shift = string_width(line, size, bold)
        x -= shift / 2 if align == "center" else shift
    runs = fonts.runs(line, bold)
    stroked = any(name in fonts.STROKED_BOLD for name, _ in runs)
    if stroked:
        canvas.saveState()
    text = StrokedBoldText(canvas, x, y)
    for name, run in runs:
        text.setFont(name, size)
        text.textOut(run)
    canvas.drawText(text)
    if stroked:
        canvas.restoreState()


def _is_right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def has_right_to_left(text: str) -> bool:
    """Whether `text` has a Hebrew or Arabic letter (or another right-to-left one)."""
    return not text.isascii() and any(_is_right_to_left(char) for char in text)


@lru_cache(maxsize=4096)
def joined(text: str) -> str:
    """`text` with its Arabic letters in their joined (contextual) forms, still in logical order:
    the forms are narrower than the bare letters, so text is joined before it is measured."""
    if not has_right_to_left(text):
        return text
    import arabic_reshaper

    return arabic_reshaper.reshape(text)


def display_order(line: str, right_to_left: bool | None = None) -> list[tuple[int, str]]:
    """The characters of one line (already `joined`) in the order they are drawn, left to right,
    each with its index in `line`: right-to-left runs reversed by the Unicode bidirectional
    algorithm, brackets paired (`bidi_brackets`) and mirrored. `right_to_left` is the direction of
    the paragraph the line belongs to (a wrapped line keeps it even when it starts with a Latin
    word); None takes it from the line's first strong letter.

    python-bidi's step-by-step implementation is used because the indices tell a paragraph which
    font and colour each drawn character has; the library loads with the first right-to-left line."""
    from bidi import algorithm

    from .bidi_brackets import resolve_bracket_pairs

    storage = algorithm.get_empty_storage()
    level = algorithm.get_base_level(line) if right_to_left is None else int(right_to_left)
    storage["base_level"], storage["base_dir"] = level, "LR"[level]
    algorithm.get_embedding_levels(line, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    for step in (algorithm.explicit_embed_and_overrides, algorithm.resolve_weak_types,
                 resolve_bracket_pairs, algorithm.resolve_neutral_types, algorithm.resolve_implicit_levels,
                 algorithm.reorder_resolved_levels, algorithm.apply_mirroring):
        step(storage, False)
    return [(char["index"], char["ch"]) for char in storage["chars"]]


def starts_right_to_left(paragraph: str) -> bool:
    """Whether `paragraph` reads right to left: its first strong letter does."""
    if not has_right_to_left(paragraph):
        return False
    from bidi import algorithm

    return algorithm.get_base_level(paragraph) == 1


@lru_cache(maxsize=4096)
def visual(line: str, right_to_left: bool | None = None) -> str:
    """One line of text as it is drawn: Arabic joined, right-to-left runs in display order (in the
    direction `right_to_left`, see `display_order`). A line without right-to-left letters is
    returned as it is."""
    if not has_right_to_left(line):
        return line
    return "".join(char for _, char in display_order(joined(line), right_to_left))


def draw_fitted(canvas: Canvas, x: float, y: float, text: str, size: float, width: float,
                bold: bool = False, align: str = "left") -> None:
    """Draw `text` on one line, shortened with an ellipsis to fit `width`."""
    draw_line(canvas, x, y, elide(clean(text), size, width, bold), size, bold, align)


def markup(text: str, limit: int | None = None) -> str:
    """Paragraph markup that prints `text` literally: escaped, Arabic joined, in logical order
    (a `script_paragraph.ScriptParagraph` picks the font per script and orders each line).

    Line breaks become <br/>. `limit` shortens very long text (with an ellipsis) so that one
    table cell cannot outgrow a page.
    """
    if limit is not None and len(text) > limit:
        text = text[:limit].rstrip() + ELLIPSIS
    return "<br/>".join(escape(joined(clean(line))) for line in text.splitlines() or [""])
