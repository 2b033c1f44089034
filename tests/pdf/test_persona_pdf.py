"""The PDF of a map of several personas, with evidence and a to-be, read back with pypdf."""

from __future__ import annotations

from model.entities import Evidence, Kpi
from tests.factories import two_persona_map
from tests.pdf.test_pdf import export, page_texts, squeeze


def persona_map():
    journey = two_persona_map()
    journey.add_pain_point("visit", "No one to help", severity=3)
    journey.update_touchpoint("pay", evidence=Evidence(level="research"), to_be="changed", target={"emotion": 2})
    journey.update_touchpoint("visit", to_be="removed")
    journey.add_touchpoint("choose", "shop", "Video call", id="call", to_be="new", emotion=1, personas=("sam",))
    journey.update_stage("buy", kpis=(Kpi(name="Completion rate", unit="%", current=68, target=75),))
    return journey


def test_the_pdf_names_each_personas_curve_reports_evidence_and_compares_as_is_with_to_be(tmp_path):
    texts = [squeeze(text) for text in page_texts(export(persona_map(), tmp_path))]
    legend = next(text for text in texts if text.startswith("Legend"))
    summary = " ".join(texts)

    def shows(text: str, *phrases: str) -> bool:
        return all(squeeze(phrase) in text for phrase in phrases)

    assert shows(legend, "Maya", "Sam", "dashed: their to-be", "R research-backed: several sources or data")
    assert shows(summary, "4 of 5 touchpoints rest on assumptions; 1 of them hold critical pain.",
                 "Assumptions to test first", "No one to help")
    assert shows(summary, "As-is and to-be: everyone", "As-is and to-be: Maya", "As-is and to-be: Sam",
                 "+ Video call; − Visit")
    assert shows(summary, "Stage metrics", "Completion rate", "68% → 75%")  # the metrics lane on the map page
