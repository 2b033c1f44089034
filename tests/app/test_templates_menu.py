"""File → New from Template opens an untitled copy of the template."""

from __future__ import annotations

from app.samples import TEMPLATES_DIR
from tests.app.driver import settle


def menu_entries(window, title):
    file_menu = window.menuBar().actions()[0].menu()
    submenu = next(a.menu() for a in file_menu.actions() if a.text().replace("&", "") == title)
    return {a.text(): a for a in submenu.actions()}


def test_new_from_template_lists_the_templates_by_title_and_opens_an_untitled_copy(window, tmp_path):
    entries = menu_entries(window, "New from Template")
    assert len(entries) >= 8 and "Service blueprint" in entries and "Patient visit" in entries
    before = (TEMPLATES_DIR / "hotel-stay.journey").read_bytes()
    entries["Hotel stay"].trigger()
    settle(window)
    journey = window.document.journey
    assert window.document.path is None and journey.info.title == "Hotel stay"
    assert [s.name for s in journey.stages][0] == "Plan & book"
    assert "copy of the template" in window.statusBar().currentMessage()
    window.scene.select_touchpoints([journey.touchpoints()[0].id])
    window.editing.delete_selection()
    assert window.document.modified
    assert (TEMPLATES_DIR / "hotel-stay.journey").read_bytes() == before


def test_opening_a_template_file_by_path_also_gives_an_untitled_copy(window):
    assert window.open_path(TEMPLATES_DIR / "service-blueprint.journey")
    assert window.document.path is None and len(window.document.journey.blueprint_lines) == 3


def test_a_damaged_bundled_map_is_reported_and_the_open_map_stays(window, tmp_path, dialogs):
    bad = tmp_path / "broken.journey"
    bad.write_text('{"format": "wayfinder.journey", "version": 3, "stages": 7}')
    before = window.document.journey
    assert not window.open_sample(bad)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Cannot open map") and "broken.journey: stages" in text
    assert window.document.journey is before
