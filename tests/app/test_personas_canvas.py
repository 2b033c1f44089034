"""The canvas answers for a persona and for the to-be; cards show their evidence; the metrics lane shows KPIs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from model import theme
from model.entities import Evidence, Kpi, KpiReading
from model.card_parts import card_parts, metric_row
from tests.app.driver import open_map, settle, shortcut
from tests.factories import two_persona_map


def render(window) -> tuple[QImage, float]:
    """The whole scene drawn at 2x, and that scale."""
    scene = window.scene
    rect = scene.sceneRect()
    image = QImage(int(rect.width() * 2), int(rect.height() * 2), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, image.rect().toRectF(), rect)
    painter.end()
    return image, 2.0


def colour_at(image: QImage, scale: float, point: QPointF) -> QColor:
    return image.pixelColor(int(point.x() * scale), int(point.y() * scale))


def near(colour: QColor, expected: str, tolerance: int = 16) -> bool:
    """Whether `colour` is `expected` give or take antialiasing."""
    want = QColor(expected)
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3]))


def test_choosing_a_persona_fades_what_they_never_meet_and_the_insights_answer_for_them(window, qtbot, tmp_path):
    open_map(window, two_persona_map(), tmp_path)
    combo = window.persona_filter.combo
    assert combo.isEnabled() and [combo.itemText(i) for i in range(combo.count())] == ["Everyone", "Maya", "Sam"]
    window.insights.refresh()
    stages = lambda: [e.text(0) for e in window.insights.panel.entries("Stages")]  # noqa: E731
    assert "emotion 0.0" in stages()[1]  # Choose: Browse +2 and Visit -2 for everyone
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # Maya
    QTest.keyClick(combo, Qt.Key.Key_Down)  # Sam
    settle(window)
    assert window.scene.cards["browse"].opacity() == theme.DIMMED_OPACITY
    assert window.scene.cards["visit"].opacity() == 1.0
    assert window.insights.panel.headline.text().startswith("<b>For Sam:</b>")
    assert "emotion −2.0" in stages()[1] and "emotion −1.0" in stages()[0]  # Sam's own feelings
    assert window.scene.curve.persona_filter == "sam"
    window.view.setFocus()
    shortcut(window, "next_persona")  # back to everyone
    assert combo.currentText() == "Everyone" and window.scene.cards["browse"].opacity() == 1.0
    assert "emotion 0.0" in stages()[1]


def test_a_path_through_a_card_the_persona_never_meets_is_refused_with_a_reason(window, qtbot, tmp_path):
    open_map(window, two_persona_map(), tmp_path)
    window.persona_filter.choose("maya")
    window.scene.select_touchpoints(["ad", "visit"])
    window.insights.choose(path="easiest")
    assert window.insights.path == []
    assert window.statusBar().currentMessage() == ("Maya never meets “Visit”: choose Everyone in the persona "
                                                   "filter to see paths through it.")
    window.scene.select_touchpoints(["ad", "pay"])
    window.insights.choose(path="easiest")
    assert window.insights.path == ["ad", "browse", "pay"]


def test_removing_the_chosen_persona_by_undoable_command_returns_the_filter_to_everyone(window, qtbot, tmp_path):
    from app import persona_commands as pc

    open_map(window, two_persona_map(), tmp_path)
    window.persona_filter.choose("sam")
    window.document.push(pc.RemovePersona(window.document.journey, "sam"))
    settle(window)
    assert window.persona_filter.persona_id is None and window.scene.cards["browse"].opacity() == 1.0
    assert not window.persona_filter.combo.isEnabled()  # one persona left: nothing to filter
    shortcut(window, "undo")
    assert [window.persona_filter.combo.itemText(i) for i in range(3)] == ["Everyone", "Maya", "Sam"]


def test_each_persona_has_a_curve_in_their_colour_with_a_legend(window, qtbot, tmp_path):
    open_map(window, two_persona_map(), tmp_path)
    g = window.scene.geometry
    assert set(g.persona_curves) == {"maya", "sam"}
    assert [round(g.emotion_y(-1)) , round(g.emotion_y(-2))] == [round(p.y) for p in g.persona_curves["sam"][:2]]
    image, scale = render(window)
    maya_point = g.persona_curves["maya"][1]  # Browse, +2
    assert near(colour_at(image, scale, QPointF(maya_point.x, maya_point.y)), theme.PERSONA_CURVES[0])


def test_cards_mark_their_evidence_by_shape_and_letter_so_it_survives_greyscale(window, qtbot, tmp_path):
    journey = two_persona_map()
    journey.update_touchpoint("pay", evidence=Evidence(level="research"))
    open_map(window, journey, tmp_path)
    image, scale = render(window)

    def mark_grey(tp_id: str) -> int:
        card = window.scene.geometry.cards[tp_id]
        part = card_parts().evidence
        mark = type(part)(card.x + part.x, card.y + part.y, part.width, part.height)
        ring = colour_at(image, scale, QPointF(mark.x + mark.width / 2, mark.y + 1.2))
        inside = colour_at(image, scale, QPointF(mark.x + 3.2, mark.y + mark.height / 2))
        return ring, qGray(inside)

    def qGray(colour: QColor) -> int:
        return (colour.red() * 11 + colour.green() * 16 + colour.blue() * 5) // 32

    research_ring, research_inside = mark_grey("pay")
    _, assumption_inside = mark_grey("ad")
    assert near(research_ring, theme.EVIDENCE_INK["research"])
    assert research_inside < 120 < assumption_inside  # filled against outlined: apart in grey too


def test_the_to_be_view_retires_cards_and_the_insights_answer_for_the_to_be(window, qtbot, tmp_path):
    journey = two_persona_map()
    journey.add_touchpoint("choose", "web", "Queue", id="queue", emotion=-2)
    journey.add_connection("ad", "queue")
    journey.update_touchpoint("queue", to_be="removed")
    open_map(window, journey, tmp_path)
    window.insights.refresh()
    assert [e.text(0) for e in window.insights.panel.entries("Dead ends")] == ["Queue"]
    shortcut(window, "to_be_view")
    assert window.actions_by_name["to_be_view"].isChecked()
    assert window.scene.cards["queue"].opacity() == theme.DIMMED_OPACITY
    assert "in the to-be journey" in window.insights.panel.headline.text()
    assert [e.text(0) for e in window.insights.panel.entries("Dead ends")] == ["None"]
    shortcut(window, "to_be_view")
    assert window.scene.cards["queue"].opacity() == 1.0


def test_the_metrics_lane_shows_each_stage_metric_with_its_status(window, qtbot, tmp_path):
    from app import commands as cmd

    journey = two_persona_map()
    open_map(window, journey, tmp_path)
    assert window.scene.geometry.metrics_header is None
    scores_top = window.scene.geometry.scores_header.y
    kpis = (Kpi(name="NPS", current=30, target=20, history=(KpiReading(date=dt.date(2026, 1, 1), value=10),)),
            Kpi(name="Drop-off", unit="%", direction="lower_is_better", current=40, target=30))
    window.document.push(cmd.edit_stage(window.document.journey, "buy", kpis=kpis))
    settle(window)
    g = window.scene.geometry
    assert g.metrics_header is not None and g.scores_header.y > scores_top
    image, scale = render(window)
    met, missed = (metric_row(g.metrics_band["buy"], i) for i in range(2))
    assert near(colour_at(image, scale, QPointF(met.x + 6, met.y + 5)), theme.KPI_STATUS_COLOURS["met"])
    assert near(colour_at(image, scale, QPointF(missed.x + 6, missed.y + 5)), theme.KPI_STATUS_COLOURS["missed"])
    shortcut(window, "undo")
    settle(window)
    assert window.scene.geometry.metrics_header is None
