"""The title page's At a glance block, the summary's lenses (pain by team and kind, unscored touchpoints,
motivation, expectation and target gaps), the target curve's legend entry and the appendix's new
fields, read back from the PDF; and a map that records none of these."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.pdf import write_pdf
from model.journey_map import JourneyMap
from tests.factories import make_map
from tests.pdf.test_pdf import outline, squeeze

LENSES = ["Pain by team", "Pain by kind", "Not scored yet", "Motivation by stage", "Expectation gaps",
          "Furthest from target"]


def annotated_map() -> JourneyMap:
    """Known answers: Sales owns the most pain (2 points, severity 4), "R&D <Growth>" 1 (3), nobody 1 (1);
    "Use" serves no motivator; "See ad" expected 4 and got 1; "Compare prices" is 3 from its target."""
    journey = make_map(stages=("Aware", "Buy", "Use"), lanes=("Web",), cards={
        ("Aware", "Web"): ["See ad"], ("Buy", "Web"): ["Compare prices", "Pay", "Hold queue"],
        ("Use", "Web"): ["Unbox"]})
    journey.update_touchpoint("see-ad", owner="R&D <Growth>", motivators=("purpose",), expected=4, experienced=1,
                              emotion=-1, scores={"meaning": 3, "value": 3, "accommodation": 3})
    journey.add_pain_point("see-ad", "Ad shows the wrong price", severity=3, kind="delay")
    journey.update_touchpoint("compare-prices", owner="Sales", motivators=("mastery", "autonomy"), emotion=-1,
                              scores={"meaning": 2, "value": 2, "accommodation": 2},
                              target={"emotion": 1, "value": 3})
    journey.add_pain_point("compare-prices", "Prices differ between pages", severity=2, kind="confusion")
    journey.add_pain_point("compare-prices", "Coupon field is hidden", severity=2, kind="effort")
    journey.add_pain_point("pay", "Card declined without a reason", severity=1, kind="frustration")
    journey.update_touchpoint("unbox", scores={"meaning": 5, "value": 5, "accommodation": 5})
    journey.update_touchpoint("hold-queue", scores={"meaning": 5, "value": 5, "accommodation": 5})
    for source, target in (("see-ad", "compare-prices"), ("compare-prices", "pay"), ("pay", "unbox"),
                           ("compare-prices", "hold-queue")):
        journey.add_connection(source, target)
    return journey


def export(journey: JourneyMap, folder: Path) -> tuple[PdfReader, dict[str, str]]:
    """The reader and the squeezed text of each top-level section."""
    path = folder / "out.pdf"
    write_pdf(journey, path)
    reader = PdfReader(path)
    starts = [(title, page) for level, title, page in outline(reader) if level == 0]
    ends = [page for _, page in starts[1:]] + [len(reader.pages)]
    return reader, {title: squeeze(" ".join(reader.pages[i].extract_text() for i in range(start, max(end, start + 1))))
                    for (title, start), end in zip(starts, ends)}


def summary_sections(reader: PdfReader) -> list[str]:
    found, parent = [], None
    for level, title, _ in outline(reader):
        parent = title if level == 0 else parent
        if level == 1 and parent == "Summary":
            found.append(title)
    return found


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    return export(annotated_map(), tmp_path_factory.mktemp("annotated"))


def test_every_lens_has_a_section_and_an_outline_entry(annotated):
    reader, text = annotated
    sections = summary_sections(reader)
    assert sections[0] == "Stage by stage"
    assert sections[-len(LENSES):] == LENSES
    for title in sections:
        assert squeeze(title) in text["Summary"]


def test_the_title_page_names_the_dead_end_the_weakest_stage_and_the_team_with_most_pain(annotated):
    reader, text = annotated
    assert [title for level, title, page in outline(reader) if level == 1 and page == 0] == ["At a glance"]
    glance = text["Title"].split(squeeze("AT A GLANCE"))[1]
    assert squeeze("1 dead end “Hold queue”") in glance
    assert squeeze("WEAKEST STAGE Aware Average score 3.0 of 5") in glance  # Buy averages 3.5
    assert squeeze("Sales 2 pain points, severity 4 in all") in glance


def test_pain_by_team_and_kind(annotated):
    _, text = annotated
    # team, pain points, severity total, touchpoints; user text prints literally
    assert squeeze("Sales 2 4 1 R&D <Growth> 1 3 1 No owner 1 1 1") in text["Summary"]
    assert squeeze("Kind Pain points Frustration 1 Delay 1 Confusion 1 Effort 1") in text["Summary"]  # ties: in model order


def test_unscored_motivation_and_gaps(annotated):
    _, text = annotated
    summary = text["Summary"]
    assert squeeze("Not scored yet Touchpoints with no Meaning, Value or Accommodation score. "
                   "Touchpoint Stage Lane Pay Buy Web") in summary
    assert squeeze("Aware ✓ – – Buy – ✓ ✓ Use None: motivation fades here") in summary
    assert squeeze("See ad Aware 4 1 −3") in summary
    assert squeeze("Compare prices Buy Emotion −1 → +1 · Value 2 → 3 3") in summary


def test_the_appendix_shows_motivators_expectations_and_targets(annotated):
    _, text = annotated
    appendix = text["Appendix"]
    assert squeeze("See ad Serves purpose · Expected 4, experienced 1") in appendix
    assert squeeze("Compare prices Serves mastery, autonomy") in appendix
    assert squeeze("2 2→3 2 −1 Unhappy → +1 target") in appendix


def test_the_legend_explains_the_target_curve(annotated):
    _, text = annotated
    assert squeeze("Target emotion") in text["Legend"]


def test_a_map_without_these_annotations_leaves_their_sections_out(tmp_path):
    journey = make_map(cards={("Aware", "Web"): ["See ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("see-ad", "pay")
    reader, text = export(journey, tmp_path)
    assert summary_sections(reader) == ["Stage by stage", "Weakest touchpoints", "Dead ends",
                                        "Unreachable touchpoints", "Pain points by severity", "Not scored yet"]
    assert squeeze("No dead ends") in text["Title"]
    assert squeeze("Not scored yet") in text["Summary"] and squeeze("No pain points") in text["Title"]
    assert squeeze("Target emotion") not in text["Legend"]
    assert "→" not in text["Appendix"]


def test_a_lens_that_finds_nothing_prints_one_line(tmp_path):
    journey = make_map(cards={("Aware", "Web"): ["See ad"], ("Buy", "Web"): ["Pay"]})
    for tp_id in ("see-ad", "pay"):
        journey.update_touchpoint(tp_id, motivators=("purpose",), expected=3, experienced=3, emotion=1,
                                  scores={"meaning": 4}, target={"emotion": 1, "meaning": 4})
    reader, text = export(journey, tmp_path)
    assert summary_sections(reader)[-4:] == ["Not scored yet", "Motivation by stage", "Expectation gaps",
                                             "Furthest from target"]
    for answer in ("None: every touchpoint has at least one score.",
                   "None: experience met expectations wherever both are noted.",
                   "None: every touchpoint meets its target."):
        assert squeeze(answer) in text["Summary"]


def test_a_map_without_pain_says_so_at_a_glance(tmp_path):
    reader, text = export(make_map(cards={("Aware", "Web"): ["See ad"]}), tmp_path)
    assert squeeze("No pain points None are noted yet.") in text["Title"]
