"""File → Export to PowerPoint, Excel and JSON Canvas, and File → Import from the last two, in the window."""

from __future__ import annotations

import json

import pytest
from pptx import Presentation
from pptx.util import Emu
from PySide6.QtWidgets import QDialog, QFileDialog

from app.export_dialogs import ExportOptionsDialog
from model.interchange.workbook import write_workbook
from tests.app.driver import open_map, shortcut
from tests.factories import make_map


@pytest.fixture
def answer_with(monkeypatch):
    """Answer the next file dialog with a path, and accept the export options as shown."""
    def answer(path):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(ExportOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return answer


def a_map():
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",),
                       cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay", label="clicks")
    return journey


def test_export_a_4_3_deck_from_the_menu_and_remember_the_shape(window, tmp_path, answer_with):
    open_map(window, a_map(), tmp_path)
    window.settings.setValue("export/slides", "4:3")
    answer_with(tmp_path / "workshop.pptx")
    shortcut(window, "export")
    deck = Presentation(tmp_path / "workshop.pptx")
    assert deck.slide_width == Emu(9144000) and len(deck.slides) == 5
    assert window.settings.value("export/slides") == "4:3"


def test_export_a_canvas_and_import_it_back_as_a_new_map(window, tmp_path, answer_with):
    open_map(window, a_map(), tmp_path)
    answer_with(tmp_path / "wall.canvas")
    shortcut(window, "export")
    edges = json.loads((tmp_path / "wall.canvas").read_text(encoding="utf-8"))["edges"]
    assert [edge["label"] for edge in edges] == ["clicks"]
    shortcut(window, "import")
    journey = window.document.journey
    assert [tp.title for tp in journey.touchpoints()] == ["Ad", "Pay"] and journey.graph.number_of_edges() == 1
    assert window.document.path is None


def test_importing_a_workbook_with_a_formula_but_no_value_says_where_and_keeps_the_map(window, tmp_path, answer_with,
                                                                                        dialogs):
    from openpyxl import Workbook

    open_map(window, a_map(), tmp_path)
    before = window.document.journey
    book = Workbook()
    book.active.append(["Stage", "Title"])
    book.active.append(["Aware", "=CONCAT(\"A\", \"d\")"])
    book.save(tmp_path / "wall.xlsx")
    answer_with(tmp_path / "wall.xlsx")
    shortcut(window, "import")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Cannot import") and "cell B2" in text and "no saved value" in text
    assert window.document.journey is before
    write_workbook(a_map(), tmp_path / "good.xlsx")
    answer_with(tmp_path / "good.xlsx")
    shortcut(window, "import")
    assert [tp.title for tp in window.document.journey.touchpoints()] == ["Ad", "Pay"]
