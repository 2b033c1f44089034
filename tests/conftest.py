"""Fixtures for the whole suite."""

import os

import pytest

from app.gui import paint_on_one_thread

# As in the editor, whichever test paints first (Qt reads the switch only then).
paint_on_one_thread()


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory):
    """Exports keep parsed resources in the user's cache folder (app/pdf/parse_cache.py); the suite
    uses a folder of its own so that it neither reads nor writes the user's."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before
