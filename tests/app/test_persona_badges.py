"""A persona's badge, their photo or initials, shows on the lanes they own, in the curve legend, the
inspector's list and the toolbar's filter; a lane is reassigned by keyboard or menu in one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu
from PySide6.QtTest import QTest

from model import theme
from model.card_parts import lane_header_parts
from tests.app.driver import click, open_map, settle, shortcut
from tests.app.test_personas_canvas import colour_at, near, render
from tests.factories import persona_lanes_map, two_persona_map

PHOTO_RED = "#d01010"


def red_photo(path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(120, 160, QImage.Format.Format_RGB32)
    image.fill(QColor(PHOTO_RED))
    assert image.save(str(path))


def badge_centre(window, lane_id: str) -> QPointF:
    box = window.scene.geometry.lane_headers[lane_id]
    badge = lane_header_parts(box, persona=True).badge
    return QPointF(badge.x + badge.width / 2, badge.y + badge.height / 2)


def icon_centre(icon, x: int = 16) -> QColor:
    """The colour in the middle of a 32-pixel badge icon (left of the middle: beside the initials)."""
    return icon.pixmap(32, 32).toImage().pixelColor(x, 16)


def test_a_lane_a_persona_owns_shows_their_photo_and_colour_and_the_list_and_filter_show_it_too(window, tmp_path):
    red_photo(tmp_path / "photos" / "maya.png")
    journey = persona_lanes_map()
    open_map(window, journey, tmp_path)
    image, scale = render(window)
    assert near(colour_at(image, scale, badge_centre(window, "web")), PHOTO_RED)
    # Sam has no photo: his initials on his colour; both lanes carry their owner's colour down the edge.
    sam_colour = theme.PERSONA_CURVES[1]
    sam_badge = badge_centre(window, "shop")
    assert near(colour_at(image, scale, sam_badge + QPointF(-8, 0)), sam_colour)
    web = window.scene.geometry.lane_headers["web"]
    assert near(colour_at(image, scale, QPointF(web.x + 3, web.y + web.height / 2)), theme.PERSONA_CURVES[0])
    # The legend beside the curves has the photo too.
    header = window.scene.geometry.emotion_header
    legend = [colour_at(image, scale, QPointF(x, y)) for x in range(int(header.x) + 34, int(header.x) + 50)
              for y in range(int(header.y) + 26, int(header.y) + 44)]
    assert any(near(colour, PHOTO_RED) for colour in legend)
    picker = window.inspector.map_page.picker.combo
    assert near(icon_centre(picker.itemIcon(0)), PHOTO_RED) and near(icon_centre(picker.itemIcon(1), 7), sam_colour)
    assert near(icon_centre(window.persona_filter.combo.itemIcon(1)), PHOTO_RED)


def test_a_missing_or_unreadable_photo_falls_back_to_the_initials_and_says_so_in_the_status_bar(
        window, qtbot, tmp_path, dialogs):
    (tmp_path / "sam.jpg").write_text("not a picture", encoding="utf-8")
    journey = two_persona_map()
    journey.update_persona("maya", photo="photos/gone.png")
    journey.update_persona("sam", photo="sam.jpg")
    journey.update_lane("web", persona="maya")
    said = []
    window.statusBar().messageChanged.connect(said.append)
    open_map(window, journey, tmp_path)
    qtbot.waitUntil(lambda: len([text for text in said if "photo" in text]) == 2)
    gone, unreadable = [text for text in said if "photo" in text]
    assert gone == ("Maya's photo “photos/gone.png” cannot be shown: there is no such file. "
                    "Their badge shows the initials M instead.")
    assert unreadable.startswith("Sam's photo “sam.jpg” cannot be shown: it is not an image Wayfinder can read")
    image, scale = render(window)
    assert near(colour_at(image, scale, badge_centre(window, "web") + QPointF(-8, 0)), theme.PERSONA_CURVES[0])
    assert dialogs.shown == []  # nothing modal
    settle(window)
    assert len([text for text in said if "photo" in text]) == 2  # said once, not on every paint


def test_choose_photo_keeps_the_path_relative_to_the_map_and_undo_takes_it_back(window, tmp_path, monkeypatch):
    red_photo(tmp_path / "people" / "maya.png")
    open_map(window, two_persona_map(), tmp_path)
    click(window, QPointF(5, 5))  # the canvas's margin: the map's page
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (str(tmp_path / "people" / "maya.png"), "")))
    page = window.inspector.map_page
    page.choose_photo.setFocus()
    QTest.keyClick(page.choose_photo, Qt.Key.Key_Space)
    journey = window.document.journey
    assert journey.persona_by_id("maya").photo == "people/maya.png"
    assert page.fields["persona.photo"].text == "people/maya.png"
    assert near(icon_centre(page.picker.combo.itemIcon(0)), PHOTO_RED)
    shortcut(window, "undo")
    assert journey.persona_by_id("maya").photo == ""


def test_a_lane_is_reassigned_by_keyboard_and_by_its_header_menu_each_in_one_undo_step(window, tmp_path):
    from widgets.canvas_menus import fill_header_menu

    open_map(window, two_persona_map(), tmp_path)
    journey = window.document.journey
    web = window.scene.geometry.lane_headers["web"]
    click(window, QPointF(web.x + web.width / 2, web.y + 12))
    assert window.scene.selected_header() == ("lane", "web")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert journey.lane("web").persona == "maya"
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert journey.lane("web").persona == "sam"
    shortcut(window, "undo")  # the presses in a row are one reassignment
    assert journey.lane("web").persona is None
    menu = QMenu()
    fill_header_menu(window.scene, menu, window.scene.headers["lane", "shop"])
    owners = next(action for action in menu.actions() if action.text() == "Belongs To").menu()
    assert [a.text() for a in owners.actions()] == ["Everyone's", "Maya", "Sam"] and owners.actions()[0].isChecked()
    owners.actions()[2].trigger()
    settle(window)
    assert journey.lane("shop").persona == "sam"
    assert window.inspector.page.heading == "Lane"  # the menu selected the header: the inspector shows it
    assert window.inspector.field("persona").value == "sam"
    image, scale = render(window)
    shop = window.scene.geometry.lane_headers["shop"]
    assert near(colour_at(image, scale, QPointF(shop.x + 3, shop.y + shop.height / 2)), theme.PERSONA_CURVES[1])
    shortcut(window, "undo")
    assert journey.lane("shop").persona is None


def test_a_png_export_shows_the_photo_found_beside_the_map(tmp_path):
    from app.exporters import ExportOptions, export_map
    from model.layout import layout

    red_photo(tmp_path / "maya.png")
    journey = two_persona_map()
    journey.update_persona("maya", photo="maya.png")
    journey.update_lane("web", persona="maya")
    export_map(journey, tmp_path / "map.png", ExportOptions(scale=1.0, folder=tmp_path))
    image = QImage(str(tmp_path / "map.png"))
    badge = lane_header_parts(layout(journey).lane_headers["web"], persona=True).badge
    assert near(image.pixelColor(int(badge.x + badge.width / 2), int(badge.y + badge.height / 2)), PHOTO_RED)


def test_typing_a_photos_path_says_nothing_about_the_paths_on_the_way(window, qtbot, tmp_path):
    from tests.app.driver import keys

    red_photo(tmp_path / "maya.png")
    open_map(window, two_persona_map(), tmp_path)
    said = []
    window.statusBar().messageChanged.connect(said.append)
    click(window, QPointF(5, 5))
    field = window.inspector.field("persona.photo")
    field.widget.setFocus(Qt.FocusReason.MouseFocusReason)
    keys(window, "maya.png")
    qtbot.wait(800)
    assert window.document.journey.persona_by_id("maya").photo == "maya.png"
    assert not [text for text in said if "photo" in text]
    keys(window, Qt.Key.Key_Backspace, "j")  # maya.pnj: no such file, said once typing stops
    qtbot.waitUntil(lambda: any("“maya.pnj” cannot be shown: there is no such file" in text for text in said))
    assert len([text for text in said if "photo" in text]) == 1


@pytest.mark.parametrize("suffix", [".svg", ".pptx"])
def test_file_export_finds_the_photos_beside_the_map_in_formats_with_and_without_options(window, tmp_path,
                                                                                        monkeypatch, suffix):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from app.export_dialogs import ExportOptionsDialog

    red_photo(tmp_path / "photos" / "maya.png")
    journey = two_persona_map()
    journey.update_persona("maya", photo="photos/maya.png")
    journey.update_lane("web", persona="maya")
    open_map(window, journey, tmp_path)
    target = tmp_path / "out" / f"map{suffix}"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(ExportOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    shortcut(window, "export")
    if suffix == ".svg":
        assert "<image" in target.read_text(encoding="utf-8")
    else:
        badge = next(shape for shape in Presentation(target).slides[1].shapes if shape.name == "Persona badge: Maya")
        assert badge.shape_type == MSO_SHAPE_TYPE.PICTURE
