"""The brand kit in File → Export's options: typed once, printed on the PDF, kept in the map
(one undo step) and remembered for this user's next map."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pypdf import PdfReader

from app.export_dialogs import ExportOptionsDialog
from tests.app.driver import open_map, shortcut
from tests.factories import make_map


@pytest.fixture
def export_with(monkeypatch):
    """Answer the next file dialog with `path`, and type into the options dialog with `typing`
    (field name -> text) before accepting it."""
    def answer(path, typing: dict[str, str]):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
        seen = {}

        def execute(dialog):
            seen.update(dialog.brand.values())
            for name, value in typing.items():
                field = getattr(dialog.brand, name)
                field.selectAll()
                QTest.keyClick(field, Qt.Key.Key_Delete)
                QTest.keyClicks(field, value)
            return QDialog.DialogCode.Accepted
        monkeypatch.setattr(ExportOptionsDialog, "exec", execute)
        return seen
    return answer


def a_map():
    return make_map(stages=("Aware", "Buy"), lanes=("Web",), cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})


def test_the_brand_typed_in_the_export_dialog_is_printed_kept_in_the_map_and_remembered(window, tmp_path,
                                                                                       export_with):
    open_map(window, a_map(), tmp_path)
    Image.new("RGB", (200, 80), "#336699").save(tmp_path / "logo.png")
    export_with(tmp_path / "deliverable.pdf", {"client": "Acme Retail", "preparer": "Ann Analyst",
                                               "logo": "logo.png", "accent": "#7a1f5c"})
    shortcut(window, "export")
    reader = PdfReader(tmp_path / "deliverable.pdf")
    title = " ".join(reader.pages[0].extract_text().split())
    assert "Acme Retail" in title and "Ann Analyst" in title
    assert any(x.get_object()["/Subtype"] == "/Image" for x in reader.pages[0]["/Resources"]["/XObject"].values())
    info = window.document.journey.info
    assert (info.client, info.author, info.logo, info.accent) == ("Acme Retail", "Ann Analyst", "logo.png", "#7a1f5c")
    assert window.document.modified  # the map remembers the brand it was sent in, when saved
    window.document.undo_stack.undo()  # one step
    assert window.document.journey.info.client == ""
    assert window.settings.value("brand/author") == "Ann Analyst"

    # A new map starts from this user's preparer, logo and colour, not from the last client.
    (tmp_path / "other").mkdir()
    open_map(window, make_map(cards={("Aware", "Web"): ["Ad"]}), tmp_path / "other")
    seen = export_with(tmp_path / "second.pdf", {})
    # File → Export from the menu: the offscreen platform leaves no window active after a dialog, so
    # the shortcut would go nowhere.
    window.actions_by_name["export"].trigger()
    assert seen["author"] == "Ann Analyst" and seen["accent"] == "#7a1f5c" and seen["client"] == ""
    assert seen["logo"] == "../logo.png"  # remembered where it is, offered relative to the new map
    assert (tmp_path / "second.pdf").exists()


def test_a_bad_brand_colour_says_why_and_leaves_the_map(window, tmp_path, export_with, dialogs):
    open_map(window, a_map(), tmp_path)
    export_with(tmp_path / "deliverable.pdf", {"accent": "reddish"})
    shortcut(window, "export")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("critical", "Cannot export") and "accent" in text and "reddish" in text
    assert window.document.journey.info.accent is None and not (tmp_path / "deliverable.pdf").exists()


def test_a_wall_poster_from_the_export_dialog(window, tmp_path, monkeypatch):
    open_map(window, a_map(), tmp_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "wall.pdf"), "")))

    def choose(dialog):
        dialog.page.setCurrentText("A1")
        dialog.poster.setCurrentIndex(dialog.poster.findData("A4"))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ExportOptionsDialog, "exec", choose)
    shortcut(window, "export")
    reader = PdfReader(tmp_path / "wall.pdf")
    assert "wall poster" in reader.pages[0].extract_text() and "Sheet 1 of" in reader.pages[1].extract_text()
