"""Personas imported from another map and metric values refreshed from CSV or XLSX, through File's menu."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QFileDialog

from model.entities import Kpi
from model.journey_file import save, to_bytes
from tests.app.driver import open_map, settle, shortcut
from tests.factories import make_map, two_persona_map


@pytest.fixture
def chosen_file(monkeypatch):
    """The file the next Open dialog returns."""
    chosen = {}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(chosen["path"]), "")))
    return chosen


def metric_map():
    journey = two_persona_map()
    journey.update_stage("buy", kpis=(Kpi(name="NPS", target=20), Kpi(name="Drop-off", unit="%",
                                                                      direction="lower_is_better")))
    return journey


def test_metrics_refresh_from_a_csv_in_one_undo_step(window, tmp_path, chosen_file):
    open_map(window, metric_map(), tmp_path)
    journey = window.document.journey
    chosen_file["path"] = path = tmp_path / "metrics.csv"
    path.write_text("stage,metric,date,value\nBuy,NPS,2026-01-31,12\nBuy,NPS,2026-02-28,24\n"
                    "buy,drop-off,2026-02-28,35%\n", encoding="utf-8")
    window.actions_by_name["refresh_metrics"].trigger()
    settle(window)
    nps, drop_off = journey.stage("buy").kpis
    assert nps.current == 24 and [r.date for r in nps.history] == [dt.date(2026, 1, 31), dt.date(2026, 2, 28)]
    assert drop_off.current == 35
    assert window.statusBar().currentMessage() == "Refreshed 3 values of 1 stage from metrics.csv."
    shortcut(window, "undo")
    assert journey.stage("buy").kpis[0].current is None and journey.stage("buy").kpis[0].history == ()


def test_a_metrics_file_with_rows_that_do_not_match_changes_nothing_and_names_them(window, dialogs, tmp_path,
                                                                                   chosen_file):
    open_map(window, metric_map(), tmp_path)
    before = to_bytes(window.document.journey)
    chosen_file["path"] = path = tmp_path / "metrics.csv"
    path.write_text("stage,metric,date,value\nBuy,NPS,2026-01-31,12\nPay,NPS,2026-01-31,3\n"
                    "Buy,CSAT,2026-01-31,80\n", encoding="utf-8")
    window.actions_by_name["refresh_metrics"].trigger()
    (kind, title, text), = dialogs.shown
    assert (kind, title) == ("warning", "Cannot refresh metrics")
    assert "metrics.csv was not read, and no metric changed" in text
    assert "row 3: there is no stage “Pay”" in text and "row 4: stage “Buy” has no metric “CSAT”" in text
    assert to_bytes(window.document.journey) == before and not window.document.undo_stack.canUndo()


def test_metrics_refresh_from_an_xlsx_workbook(window, tmp_path, chosen_file):
    from openpyxl import Workbook

    open_map(window, metric_map(), tmp_path)
    workbook = Workbook()
    workbook.active.append(["Stage", "Metric", "Date", "Value"])
    workbook.active.append(["Buy", "NPS", dt.datetime(2026, 3, 31), 31])
    chosen_file["path"] = path = tmp_path / "metrics.xlsx"
    workbook.save(path)
    window.actions_by_name["refresh_metrics"].trigger()
    assert window.document.journey.stage("buy").kpis[0].current == 31


def test_personas_are_imported_from_another_map_once(window, tmp_path, chosen_file):
    open_map(window, make_map(), tmp_path)
    journey = window.document.journey
    journey_with_personas = two_persona_map()
    chosen_file["path"] = other = tmp_path / "other.journey"
    save(journey_with_personas, other)
    window.actions_by_name["import_personas"].trigger()
    assert [p.name for p in journey.personas] == ["Maya", "Sam"]
    assert window.statusBar().currentMessage() == "Imported 2 personas from other.journey: Maya, Sam."
    window.actions_by_name["import_personas"].trigger()
    assert len(journey.personas) == 2
    assert window.statusBar().currentMessage() == "other.journey has no personas this map lacks: nothing imported."
    shortcut(window, "undo")
    assert journey.personas == ()


def test_importing_personas_from_a_damaged_map_says_which_file_and_why(window, dialogs, tmp_path, chosen_file):
    open_map(window, make_map(), tmp_path)
    chosen_file["path"] = broken = tmp_path / "broken.journey"
    broken.write_text("{ not json", encoding="utf-8")
    window.actions_by_name["import_personas"].trigger()
    (kind, title, text), = dialogs.shown
    assert title == "Cannot import personas" and "broken.journey" in text
    assert window.document.journey.personas == ()


def test_a_card_pasted_from_another_map_keeps_only_personas_this_map_has(window, tmp_path):
    from PySide6.QtWidgets import QApplication

    from app import clipboard

    source = two_persona_map()
    source.update_touchpoint("visit", experiences=())
    QApplication.clipboard().setMimeData(clipboard.to_mime(source, ["visit"]))
    open_map(window, make_map(), tmp_path)
    window.scene.set_cursor_cell(("aware", "web"))
    shortcut(window, "paste")
    (pasted,) = window.document.journey.touchpoints()
    assert pasted.title == "Visit" and pasted.personas is None


def test_a_persona_is_copied_from_one_map_and_pasted_into_another(window, tmp_path, qtbot):
    open_map(window, two_persona_map(), tmp_path)
    window.inspector.show_map(window.document.journey)
    window.inspector.map_page.pick("sam")
    window.view.setFocus()
    shortcut(window, "copy")
    assert window.statusBar().currentMessage() == "Copied persona “Sam”: paste it into another map."
    other = make_map()
    other.add_persona("Maya", id="maya")
    save(other, tmp_path / "other.journey")
    assert window.open_path(tmp_path / "other.journey")
    settle(window)
    shortcut(window, "paste")
    journey = window.document.journey
    assert [p.name for p in journey.personas] == ["Maya", "Sam"]
    assert window.inspector.field("persona.name").widget.text() == "Sam"
    shortcut(window, "paste")
    assert len(journey.personas) == 2
    assert window.statusBar().currentMessage() == "This map has that persona already: nothing pasted."
    shortcut(window, "undo")
    assert [p.name for p in journey.personas] == ["Maya"]


def test_imported_personas_keep_their_photos_seen_from_this_maps_folder(window, tmp_path, chosen_file):
    other = make_map()
    other.add_persona("Ana", id="ana", photo="faces/ana.png")
    other.add_persona("Ben", id="ben", photo="/srv/people/ben.png")
    (tmp_path / "team").mkdir()
    save(other, tmp_path / "team" / "other.journey")
    open_map(window, two_persona_map(), tmp_path)
    chosen_file["path"] = tmp_path / "team" / "other.journey"
    window.actions_by_name["import_personas"].trigger()
    settle(window)
    photos = {p.name: p.photo for p in window.document.journey.personas}
    assert (photos["Ana"], photos["Ben"]) == ("team/faces/ana.png", "/srv/people/ben.png")


def copy_persona(window, persona_id: str) -> None:
    """Show the persona on the map's page and press Copy on the canvas, as a user would."""
    window.inspector.show_map(window.document.journey)
    window.inspector.map_page.pick(persona_id)
    window.view.setFocus()
    shortcut(window, "copy")


def test_a_persona_pasted_into_a_map_in_another_folder_keeps_their_photo(window, tmp_path):
    from PIL import Image

    (tmp_path / "team" / "faces").mkdir(parents=True)
    Image.new("RGB", (40, 40), "#d01010").save(tmp_path / "team" / "faces" / "sam.png")
    source = two_persona_map()
    source.update_persona("sam", photo="faces/sam.png")
    save(source, tmp_path / "team" / "source.journey")
    assert window.open_path(tmp_path / "team" / "source.journey")
    settle(window)
    copy_persona(window, "sam")
    (tmp_path / "elsewhere").mkdir()
    save(make_map(), tmp_path / "elsewhere" / "other.journey")
    assert window.open_path(tmp_path / "elsewhere" / "other.journey")
    settle(window)
    shortcut(window, "paste")
    (sam,) = window.document.journey.personas
    assert sam.photo == "../team/faces/sam.png"
    assert window.scene.photos.image(sam) is not None  # found from this map's folder: the badge shows it


def test_a_persona_copied_from_a_map_never_saved_keeps_the_photo_path_as_typed(window, tmp_path):
    from PySide6.QtWidgets import QApplication

    from app import clipboard

    sam = two_persona_map().persona_by_id("sam").model_copy(update={"photo": "faces/sam.png"})
    QApplication.clipboard().setMimeData(clipboard.personas_to_mime([sam], None))
    open_map(window, make_map(), tmp_path)
    shortcut(window, "paste")
    assert [p.photo for p in window.document.journey.personas] == ["faces/sam.png"]


def test_personas_on_the_clipboard_that_cannot_be_read_are_not_pasted_and_the_user_is_told(window, dialogs,
                                                                                         tmp_path):
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from app import clipboard

    mime = QMimeData()
    mime.setData(clipboard.PERSONAS_MIME_TYPE, b'[{"id": "sam", "name": "Sam"}]')  # no folder: not ours
    QApplication.clipboard().setMimeData(mime)
    open_map(window, make_map(), tmp_path)
    shortcut(window, "paste")
    (kind, title, text), = dialogs.shown
    assert (kind, title) == ("warning", "Cannot paste")
    assert text.startswith("The clipboard holds Wayfinder personas that cannot be read: not the JSON Wayfinder writes")
    assert window.document.journey.personas == () and not window.document.undo_stack.canUndo()
