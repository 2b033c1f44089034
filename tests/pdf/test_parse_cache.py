"""Parsed resource files kept between exports: read back when unchanged, parsed again otherwise,
and never the reason an export fails."""

import os

import pyphen
import pytest

from app.pdf import text
from app.pdf.parse_cache import cache_folder, parsed


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "wayfinder"


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "words.dic"
    path.write_text("UTF-8\nhy3ph\n")
    return path


class Parser:
    def __init__(self):
        self.calls = 0

    def __call__(self, path):
        self.calls += 1
        return {"text": path.read_text(), "counts": (1, 2, 3)}


def test_a_file_is_parsed_once_and_then_read_from_the_cache(cache, source):
    parse = Parser()
    first = parsed(source, "words 1", parse)
    assert parsed(source, "words 1", parse) == first and parse.calls == 1
    assert cache_folder() == cache and len(list(cache.iterdir())) == 1


def test_a_changed_file_or_parser_is_parsed_again(cache, source):
    parse = Parser()
    parsed(source, "words 1", parse)
    parsed(source, "words 2", parse)
    assert parse.calls == 2
    source.write_text("UTF-8\nhy3ph\nen1cy\n")
    assert parsed(source, "words 1", parse)["text"].endswith("en1cy\n") and parse.calls == 3


def test_a_damaged_entry_is_parsed_again_and_replaced(cache, source):
    parse = Parser()
    parsed(source, "words 1", parse)
    (entry,) = cache.iterdir()
    for damage in (b"", b"\x00garbage", entry.read_bytes()[:40]):
        entry.write_bytes(damage)
        assert parsed(source, "words 1", parse)["counts"] == (1, 2, 3)
    assert parse.calls == 4
    assert parsed(source, "words 1", parse)["counts"] == (1, 2, 3) and parse.calls == 4


def test_a_cache_folder_that_cannot_be_written_only_means_parsing_every_time(tmp_path, monkeypatch, source):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    parse = Parser()
    assert parsed(source, "words 1", parse)["counts"] == (1, 2, 3)
    assert parsed(source, "words 1", parse)["counts"] == (1, 2, 3) and parse.calls == 2


@pytest.mark.parametrize("warm", [False, True], ids=["parsed", "from the cache"])
def test_words_hyphenate_as_pyphen_itself_hyphenates_them(cache, monkeypatch, warm):
    """The hyphenator built from cached patterns breaks words exactly where pyphen's own does."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(text.HYPHENATION_LANGUAGE)]
    own = pyphen.Pyphen(filename=path, cache=False)
    words = ["accommodation", "international", "onboarding", "customer", "representative",
             "unreachable", "satisfaction", "a", "Touchpoint"]
    for _ in range(2 if warm else 1):
        monkeypatch.delitem(pyphen.hdcache, path, raising=False)
        text._hyphenator.cache_clear()
        assert [list(text.hyphenations(word)) for word in words] == [list(own.iterate(word)) for word in words]
    assert os.listdir(cache)
    text._hyphenator.cache_clear()
