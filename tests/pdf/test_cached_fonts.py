"""Fonts whose parse is kept in the cache folder: the same face reportlab parses, read back when the
file is unchanged, parsed again when it changed or its entry is damaged, and never the reason an
export fails."""

import shutil

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from app.pdf.cached_fonts import CachedTTFont
from app.pdf.fonts import FONTS_DIR

REGULAR, BOLD = FONTS_DIR / "DejaVuSans.ttf", FONTS_DIR / "DejaVuSans-Bold.ttf"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "wayfinder"


def described(font: TTFont) -> tuple:
    """All a font tells reportlab and the PDF: its face's fields (names with their text), and its scale."""
    face = {name: (value, type(value).__name__, getattr(value, "ustr", None))
            for name, value in vars(font.face).items() if name != "_pdfScale"}
    own = {name: value for name, value in vars(font).items() if name not in ("face", "state", "encoding")}
    return face, own, vars(font.encoding), [font.face._pdfScale(x) for x in (0, 1, 7.5, 2048)]


@pytest.mark.parametrize("path", [REGULAR, BOLD, FONTS_DIR / "NanumGothic.ttf"], ids=lambda path: path.stem)
def test_a_font_parsed_or_read_from_the_cache_is_the_font_reportlab_parses(cache, path):
    own = described(TTFont("Face", str(path)))
    assert described(CachedTTFont("Face", path)) == own  # parsed, and kept
    assert len(list(cache.iterdir())) == 1
    assert described(CachedTTFont("Face", path)) == own  # read back


def test_a_changed_font_file_is_parsed_again(cache, tmp_path):
    path = tmp_path / "Brand.ttf"
    shutil.copyfile(REGULAR, path)
    CachedTTFont("Brand", path)
    shutil.copyfile(BOLD, path)  # another size: the entry for the old file no longer answers
    assert described(CachedTTFont("Brand", path)) == described(TTFont("Brand", str(path)))


def test_a_damaged_entry_is_parsed_again_and_replaced(cache):
    own = described(TTFont("Face", str(REGULAR)))
    CachedTTFont("Face", REGULAR)
    (entry,) = cache.iterdir()
    whole = entry.read_bytes()
    for damage in (b"", b"\x00garbage", whole[:len(whole) // 2]):
        entry.write_bytes(damage)
        assert described(CachedTTFont("Face", REGULAR)) == own
        assert entry.read_bytes() == whole


def test_a_cache_folder_that_cannot_be_written_only_means_parsing_every_time(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    own = described(TTFont("Face", str(REGULAR)))
    assert described(CachedTTFont("Face", REGULAR)) == described(CachedTTFont("Face", REGULAR)) == own


def test_a_read_only_cache_folder_is_read_and_never_written(cache, monkeypatch, tmp_path):
    own = described(TTFont("Face", str(REGULAR)))
    CachedTTFont("Face", REGULAR)  # kept while the folder could be written

    def read_only(path, data):
        raise OSError(30, "Read-only file system", str(path))

    monkeypatch.setattr("app.pdf.parse_cache.write_atomically", read_only)
    other = tmp_path / "Other.ttf"
    shutil.copyfile(BOLD, other)
    assert described(CachedTTFont("Face", REGULAR)) == own
    assert described(CachedTTFont("Other", other)) == described(TTFont("Other", str(other)))
    assert len(list(cache.iterdir())) == 1
