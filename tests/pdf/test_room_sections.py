"""The PDF prints what the room prioritised in the summary and the parking lot in the appendix."""

from __future__ import annotations

from pypdf import PdfReader

from app.pdf.report import write_pdf
from tests.factories import make_map
from tests.pdf.test_pdf import page_texts, squeeze


def workshop_map():
    journey = make_map(cards={("Aware", "Web"): ["Ad seen"], ("Buy", "Web"): ["Checkout"]})
    journey.add_pain_point("checkout", "Card refused at the till", id="refused")
    journey.add_voter("Ana", id="ana")
    journey.add_voter("Voter 2", id="v2")
    for voter, tp, note in (("ana", "checkout", "refused"), ("v2", "checkout", "refused"), ("v2", "ad-seen", None)):
        journey.add_vote(voter, tp, note)
    journey.add_parking_item("Who owns gift-card refunds?", owner="Finance")
    journey.add_parking_item("Ask legal about reviews", closed=True)
    return journey


def summary_and_appendix(journey, tmp_path):
    path = tmp_path / "room.pdf"
    write_pdf(journey, path)
    texts = [squeeze(text) for text in page_texts(PdfReader(path))]
    summary = "".join(t for t in texts if "Summary" in t[:200] or "prioritised" in t)
    return "".join(texts), summary


def test_the_summary_ranks_what_the_room_voted_for(tmp_path):
    everything, summary = summary_and_appendix(workshop_map(), tmp_path)
    assert "WhattheroomprioritisedDotvoting,round1:2votersplaced3dots" in summary
    ranked = summary[summary.index("Whattheroomprioritised"):]
    assert ranked.index("Cardrefusedatthetill") < ranked.index("Adseen")
    assert "1Cardrefusedatthetill" in ranked and "Painpoint" in ranked


def test_the_appendix_lists_the_parking_lot_open_items_first(tmp_path):
    everything, _ = summary_and_appendix(workshop_map(), tmp_path)
    lot = everything[everything.index("Parkinglot"):]
    assert "1open,1closed" in lot
    assert lot.index("Whoownsgift-cardrefunds?FinanceOpen") < lot.index("Asklegalaboutreviews–Closed")
    reader = PdfReader(tmp_path / "room.pdf")
    assert "Parking lot" in [item.title for item in reader.outline if not isinstance(item, list)] + [
        child.title for item in reader.outline if isinstance(item, list) for child in item]


def test_a_map_without_a_workshop_prints_neither(tmp_path):
    everything, _ = summary_and_appendix(make_map(cards={("Aware", "Web"): ["Ad"]}), tmp_path)
    assert "Whattheroomprioritised" not in everything and "Parkinglot" not in everything


def test_the_printed_map_shows_blueprint_lines_and_the_cards_dots(tmp_path):
    from model.journey_file import load
    from app.samples import TEMPLATES_DIR

    journey = load(TEMPLATES_DIR / "service-blueprint.journey")
    journey.add_voter("Ana", budget=9, id="ana")
    first = journey.touchpoints()[0].id
    for _ in range(8):  # more than the card shows as dots: one dot and a count
        journey.add_vote("ana", first)
    path = tmp_path / "blueprint.pdf"
    write_pdf(journey, path)
    map_page = squeeze(PdfReader(path).pages[1].extract_text())
    assert "Lineofinteraction" in map_page and "Lineofvisibility" in map_page
    assert "Lineofinternalinteraction" in map_page and "×8" in map_page
