"""A whole workshop from the keyboard, as the issue's "done when" describes it: template →
capture → walk-through → vote → parking lot → PDF, without leaving the app."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.app.driver import keys, settle, shortcut
from tests.app.test_exchange_dialogs import save_to  # noqa: F401  (the fixture)
from tests.app.test_workshop import present


def test_a_whole_session_from_template_to_pdf(window, tmp_path, save_to):  # noqa: F811
    file_menu = window.menuBar().actions()[0].menu()
    templates = next(a.menu() for a in file_menu.actions() if a.text() == "New from &Template")
    next(a for a in templates.actions() if a.text() == "Patient visit").trigger()
    settle(window)
    journey = window.document.journey
    view = present(window)

    # capture: a new card in the first cell, typed in the room
    window.scene.set_cursor_cell(("notice", "reception"))
    shortcut(window, "add_touchpoint")
    keys(window, "Calls the surgery at 8:00", Qt.Key.Key_Return)
    card = next(tp for tp in journey.touchpoints() if tp.title == "Calls the surgery at 8:00")
    keys(window, Qt.Key.Key_P, "Line busy for 40 minutes", Qt.Key.Key_Return)
    assert [p.text for p in journey.touchpoint(card.id).pain_points] == ["Line busy for 40 minutes"]
    assert QApplication.focusWidget() is view  # typed on the room's screen, and back to the map

    # time-box and walk through
    shortcut(window, "timer_start")
    assert window.workshop.time_box.name == "Capture: Notice"
    shortcut(window, "walk_through")  # the presentation turns into a walk-through
    assert view.walk_through and window.workshop.presentation is view
    keys(window, Qt.Key.Key_End)
    assert view.on_insights_step() and view.callouts

    # vote: two numbered voters, dots on the new card
    window.workshop.dots.add_voter("", 2)
    window.workshop.dots.add_voter("", 2)
    window.scene.select_touchpoints([card.id])
    view.setFocus()
    shortcut(window, "dot")
    shortcut(window, "next_voter")
    shortcut(window, "dot")
    assert journey.dots_on(card.id) == 2

    # park a question
    shortcut(window, "park")
    keys(window, "Can reception call back?", Qt.Key.Key_Return)
    assert [p.text for p in journey.parking_lot] == ["Can reception call back?"]
    keys(window, Qt.Key.Key_Escape)
    assert window.workshop.presentation is None

    # the PDF carries both
    save_to(tmp_path / "session.pdf")
    shortcut(window, "export")
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(tmp_path / "session.pdf").pages))
    assert "Whattheroomprioritised" in text and "Callsthesurgeryat8:00" in text
    assert "Parkinglot" in text and "Canreceptioncallback?" in text
