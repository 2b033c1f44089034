"""File → Export and File → Import in the window: what they write, and what they say when it fails."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from app.export_dialogs import ExportOptionsDialog
from tests.app.driver import open_map, shortcut
from tests.factories import make_map


@pytest.fixture
def save_to(monkeypatch):
    """Answer the next file dialog with a path, and accept the export options as shown."""
    def answer(path):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(ExportOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return answer


def a_map():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})


def test_export_a_pdf_from_the_menu_and_remember_the_page(window, tmp_path, save_to):
    open_map(window, a_map(), tmp_path)
    window.settings.setValue("export/page", "A3")
    save_to(tmp_path / "deliverable.pdf")
    shortcut(window, "export")
    assert (tmp_path / "deliverable.pdf").read_bytes().startswith(b"%PDF")
    assert window.settings.value("export/page") == "A3"


def test_export_into_a_missing_folder_says_why_and_keeps_the_map(window, tmp_path, save_to, dialogs):
    open_map(window, a_map(), tmp_path)
    save_to(tmp_path / "gone" / "map.mmd")
    shortcut(window, "export")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("critical", "Cannot export") and "gone" in text
    assert len(window.document.journey) == 2


def test_import_a_mermaid_journey_as_a_new_untitled_map(window, tmp_path, save_to):
    source = tmp_path / "readme.mmd"
    source.write_text("journey\n  title Onboarding\n  section Sign up\n    Fill in form: 2: Web\n", encoding="utf-8")
    save_to(source)
    shortcut(window, "import")
    journey = window.document.journey
    assert journey.info.title == "Onboarding" and [tp.title for tp in journey.touchpoints()] == ["Fill in form"]
    assert window.document.path is None


def test_import_with_warnings_shows_them_and_a_bad_file_leaves_the_map(window, tmp_path, save_to, dialogs):
    source = tmp_path / "scores.mmd"
    source.write_text("journey\n  section A\n    Wait: 9: Phone\n", encoding="utf-8")
    save_to(source)
    shortcut(window, "import")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("information", "Imported") and "line 3" in text
    assert text.endswith("tasks are connected in the order they are written, across sections too")
    before = window.document.journey
    broken = tmp_path / "broken.mmd"
    broken.write_text("journey\n  section A\n    A task without a score\n", encoding="utf-8")
    save_to(broken)
    shortcut(window, "import")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Cannot import") and "line 3" in text
    assert window.document.journey is before
