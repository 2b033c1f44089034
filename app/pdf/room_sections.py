"""The workshop's record in the report: "What the room prioritised" for the summary, and the
parking lot for the appendix. Both print nothing for a map that was never voted on or parked on."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from model.journey_map import JourneyMap
from model.priorities import room_priorities

from .outline import Marker
from .sections import LIST_LIMIT, more, section, table
from .styles import bold_column, cell_text, para, styles


def room_priorities_section(journey: JourneyMap, width: float) -> list[Flowable]:
    """The current round's dots, ranked: what the room chose to work on first."""
    ranked = room_priorities(journey)
    if not ranked:
        return []
    voters = len(journey.voters)
    explanation = (f"Dot voting, round {journey.voting_round}: {voters} voter{'s' * (voters != 1)} placed "
                   f"{sum(p.dots for p in ranked)} dots. Most dots first.")
    widths = [24, width * 0.42, 80, width * 0.2, width - 24 - width * 0.62 - 80 - 40, 40]
    rows = [[str(i), cell_text(p.text, widths[1], bold=True), p.kind.capitalize(),
             cell_text(journey.touchpoint(p.touchpoint_id).title, widths[3]),
             cell_text(journey.stage(journey.touchpoint(p.touchpoint_id).stage).name, widths[4]), str(p.dots)]
            for i, p in enumerate(ranked[:LIST_LIMIT], 1)]
    return section("What the room prioritised", explanation,
                   [table(["#", "Voted for", "Kind", "Touchpoint", "Stage", "Dots"], rows, widths,
                          bold_column(1), numbers_from=5)] + more(len(ranked), LIST_LIMIT))


def parking_lot_section(journey: JourneyMap, width: float) -> list[Flowable]:
    """Every parked question and idea, open ones first, so follow-ups are not lost."""
    items = sorted(journey.parking_lot, key=lambda item: item.closed)
    if not items:
        return []
    s = styles()
    widths = [width * 0.7, width * 0.18, width * 0.12]
    rows = [[cell_text(item.text, widths[0], limit=1000), cell_text(item.owner or "\u2013", widths[1]),
             "Closed" if item.closed else "Open"] for item in items]
    open_count = sum(not item.closed for item in items)
    return [Spacer(1, 14), Marker("Appendix", "Parking lot", level=1), para("Parking lot", s.heading),
            para(f"Questions and ideas parked during the workshop: {open_count} open, "
                 f"{len(items) - open_count} closed.", s.muted), Spacer(1, 6),
            table(["Question or idea", "Owner", "State"], rows, widths)]
