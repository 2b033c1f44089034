"""File → Export to PowerPoint, Excel and JSON Canvas, and File → Import from the last two, in the window."""

from __future__ import annotations

import json

from pptx import Presentation
from pptx.util import Emu

from model.interchange.workbook import write_workbook
from tests.app.driver import open_map, shortcut
from tests.app.test_exchange_dialogs import save_to  # noqa: F401  (the fixture that answers the file dialogs)
from tests.factories import make_map


def a_map():
    journey = make_map(stages=("Aware", "Buy"), lanes=("Web",),
                       cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay", label="clicks")
    return journey


def test_export_a_4_3_deck_from_the_menu_and_remember_the_shape(window, tmp_path, save_to):
    open_map(window, a_map(), tmp_path)
    window.settings.setValue("export/slides", "4:3")
    save_to(tmp_path / "workshop.pptx")
    shortcut(window, "export")
    deck = Presentation(tmp_path / "workshop.pptx")
    assert deck.slide_width == Emu(9144000) and len(deck.slides) == 5
    assert window.settings.value("export/slides") == "4:3"


def test_export_a_canvas_and_import_it_back_as_a_new_map(window, tmp_path, save_to):
    open_map(window, a_map(), tmp_path)
    save_to(tmp_path / "wall.canvas")
    shortcut(window, "export")
    edges = json.loads((tmp_path / "wall.canvas").read_text(encoding="utf-8"))["edges"]
    assert [edge["label"] for edge in edges] == ["clicks"]
    shortcut(window, "import")
    journey = window.document.journey
    assert [tp.title for tp in journey.touchpoints()] == ["Ad", "Pay"] and journey.graph.number_of_edges() == 1
    assert window.document.path is None


def test_importing_a_workbook_with_a_formula_but_no_value_says_where_and_keeps_the_map(window, tmp_path, save_to,
                                                                                        dialogs):
    from openpyxl import Workbook

    open_map(window, a_map(), tmp_path)
    before = window.document.journey
    book = Workbook()
    book.active.append(["Stage", "Title"])
    book.active.append(["Aware", "=CONCAT(\"A\", \"d\")"])
    book.save(tmp_path / "wall.xlsx")
    save_to(tmp_path / "wall.xlsx")
    shortcut(window, "import")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Cannot import") and "cell B2" in text and "no saved value" in text
    assert window.document.journey is before
    write_workbook(a_map(), tmp_path / "good.xlsx")
    save_to(tmp_path / "good.xlsx")
    shortcut(window, "import")
    assert [tp.title for tp in window.document.journey.touchpoints()] == ["Ad", "Pay"]
