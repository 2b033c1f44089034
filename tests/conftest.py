"""Fixtures for the whole suite."""

import os

import pytest

from app.painting_process import prepare_painting

# As in the editor, before any test paints.
prepare_painting()


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
