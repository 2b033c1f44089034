"""The PDF's fonts: bundled TrueType files, registered on first use, embedded as subsets.

DejaVu Sans (the theme's font) covers Latin, Greek, Cyrillic, Hebrew, Arabic and many symbols.
Characters it lacks go to a fallback, chosen per character so that one line can mix scripts:
Droid Sans Fallback for Chinese and Japanese, NanumGothic for Korean (Droid has almost no
Hangul). The fallbacks have no bold file: their bold is a second name for the same face
(`STROKED_BOLD`) that `stroked_bold.StrokedBoldText` draws by filling and stroking each outline,
in cards and headings alike. An emoji no bundled font has prints as its name ("[grinning face]") and another
character none has as `PLACEHOLDER`, where a viewer would otherwise show an empty box.
Every font is embedded (reportlab's CID fonts are not, so they are never used); reportlab subsets each TTF to the glyphs the document uses.

Registering costs a file parse (about 10 ms for a DejaVu face, 50-80 ms for a CJK font) the first
time a file is seen (`cached_fonts` keeps it), so each font is registered when first needed and a
map without CJK text never loads the CJK fonts.
"""

from __future__ import annotations

import copy
import unicodedata
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from model import card_parts, theme

from .cached_fonts import CachedTTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

SANS = "Wayfinder-Sans"
SANS_BOLD = "Wayfinder-Sans-Bold"
CJK = "Wayfinder-CJK"
HANGUL = "Wayfinder-Hangul"
CJK_BOLD = "Wayfinder-CJK-Stroked"
HANGUL_BOLD = "Wayfinder-Hangul-Stroked"
_FILES = {
    SANS: theme.FONT_FILE,
    SANS_BOLD: theme.FONT_FILE_BOLD,
    CJK: "DroidSansFallbackFull.ttf",
    HANGUL: "NanumGothic.ttf",
}
# Hangul Jamo, Compatibility Jamo, Jamo Extended-A/B and syllables: Korean reads best in one face,
# so these go to NanumGothic even where Droid has a stray glyph.
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
_BOLD_OF = {CJK: CJK_BOLD, HANGUL: HANGUL_BOLD}  # a fallback without a bold file, and the name it is bold by
STROKED_BOLD = frozenset(_BOLD_OF.values())  # drawn bold by stroking the outline of the regular face
PLACEHOLDER = "[?]"  # a character no bundled font has: plainly a gap, not an encoding error ("\ufffd")
# Separators the text-fitting code treats as spaces.
_SPACES = {"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "}


@lru_cache(maxsize=None)
def font(name: str) -> TTFont:
    """The registered font `name` (SANS, SANS_BOLD, a fallback or its stroked bold), registering it first."""
    regular = next((fallback for fallback, bold in _BOLD_OF.items() if bold == name), None)
    if regular is not None:
        # A second name for a face reportlab knows resolves to the first font object: the same
        # parsed file, widths and embedded subset; only the text object tells the names apart.
        ttf = copy.copy(font(regular))
        ttf.fontName = name
    else:
        ttf = CachedTTFont(name, FONTS_DIR / _FILES[name])
    pdfmetrics.registerFont(ttf)
    # Paragraph markup maps <b> through a family.
    if name in (SANS, SANS_BOLD):
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)
    return pdfmetrics.getFont(name)


def register_base_fonts() -> None:
    """Register DejaVu Sans and its bold, which every document uses."""
    font(SANS)
    font(SANS_BOLD)


def _covers(name: str, char: str) -> bool:
    return ord(char) in font(name).face.charToGlyph


def _is_hangul(code: int) -> bool:
    return any(low <= code <= high for low, high in _HANGUL_RANGES)


@lru_cache(maxsize=None)
def _face_for(char: str, bold: bool) -> str | None:
    """The font that draws `char`, or None when no bundled font has it."""
    base = SANS_BOLD if bold else SANS
    if _covers(base, char):
        return base
    order = (HANGUL, CJK) if _is_hangul(ord(char)) else (CJK, HANGUL)
    name = next((name for name in order if _covers(name, char)), None)
    if name is None or not bold:
        return name
    font(_BOLD_OF[name])
    return _BOLD_OF[name]


@lru_cache(maxsize=None)
def _printable(char: str) -> str:
    """What `char` becomes in the PDF: itself, a space, nothing, or the placeholder."""
    if char in _SPACES:
        return _SPACES[char]
    category = unicodedata.category(char)
    if category in ("Cc", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F:
        return ""  # control characters, invisible format marks (joiners, bidi marks), variation selectors
    # reportlab writes a broken ToUnicode entry for characters beyond U+FFFF (most emoji), so those
    # would print but not copy or search: they get the placeholder like characters no font has.
    if category == "Cs" or ord(char) > 0xFFFF or _face_for(char, False) is None or _face_for(char, True) is None:
        return PLACEHOLDER
    return char


def _emoji_name(char: str) -> str | None:
    """An emoji or other pictograph no bundled font has, named in words ("[grinning face]"):
    readable, searchable, and never mistaken for an encoding error as "\ufffd" would be."""
    if unicodedata.category(char) not in ("So", "Sk"):
        return None
    name = unicodedata.name(char, "")
    if name.startswith("REGIONAL INDICATOR SYMBOL LETTER "):
        return name[-1]  # a flag is two of these: it prints as its country code, "[flag FR]"
    return f"[{name.lower()}]" if name else None


_EMOJI_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}  # zero-width joiner, variation selectors


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """`text` with every character printable by the bundled fonts, on one line.

    Line breaks and tabs become spaces (callers wrap text themselves), control characters and
    invisible marks vanish, an emoji becomes its name in brackets (a sequence such as 🧑‍🤝‍🧑 or
    👍🏽 the name of its first emoji; a flag "[flag FR]"), and other characters no font has
    become `PLACEHOLDER`, one for a run of them.
    """
    if text.isascii() and text.isprintable():
        return text
    pieces: list[str] = []
    in_emoji = joined = flag_open = False
    for char in text:
        if char == "\u20e3":
            continue  # the keycap around a digit: the digit alone reads the same
        if in_emoji and (char in _EMOJI_JOINERS or 0x1F3FB <= ord(char) <= 0x1F3FF):  # skin tones too
            joined = joined or char == "\u200d"
            continue
        printed = _printable(char)
        name = _emoji_name(char) if printed == PLACEHOLDER else None
        if name is None:
            if printed != PLACEHOLDER or not pieces or pieces[-1] != PLACEHOLDER:
                pieces.append(printed)
            in_emoji = joined = flag_open = False
        elif len(name) == 1:  # a regional indicator: two make a flag
            if flag_open:
                pieces[-1] = pieces[-1][:-1] + name + "]"
            else:
                pieces.append(f"[flag {name}]")
            flag_open, in_emoji, joined = not flag_open, True, False
        else:
            if not joined:  # the rest of a joined sequence (🧑‍🤝‍🧑) is named by its first emoji
                pieces.append(name)
            in_emoji, joined, flag_open = True, False, False
    return "".join(pieces)


def metadata(text: str) -> str:
    """`text` for the PDF's document properties: Unicode strings that need no font, so emoji and
    every script stay as typed; only control characters and line breaks are dropped."""
    return " ".join("".join(char for char in text if unicodedata.category(char) != "Cc" or char in _SPACES).split())


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """`text` (already `clean`) split into (font name, run) pieces, each drawn in one font."""
    base = SANS_BOLD if bold else SANS
    if text.isascii():
        return [(base, text)] if text else []
    pieces: list[tuple[str, str]] = []
    current, start = base, 0
    for i, char in enumerate(text):
        face = _face_for(char, bold) or base
        if face != current and i > start:
            pieces.append((current, text[start:i]))
            start = i
        current = face
    if start < len(text):
        pieces.append((current, text[start:]))
    return pieces


def string_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` (already `clean`) at `size` points, in the fonts it will be drawn in."""
    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs(text, bold))


def ascent(size: float) -> float:
    """Height above the baseline of the theme's font at `size` (where Qt puts a top-aligned baseline)."""
    return card_parts.ASCENT_EM * size


def line_height(size: float) -> float:
    """Baseline-to-baseline distance of the theme's font at `size` (Qt's line spacing)."""
    return card_parts.line_height(size)


def centred_baseline(middle: float, size: float) -> float:
    """The baseline (y up) that centres capitals and digits on `middle`."""
    return middle - card_parts.CAP_HEIGHT_EM * size / 2
