"""The insights panel: what the analysis found, headline first, every entry a way onto the canvas.

It shows an `Insights` computed elsewhere and never analyses the map itself. Clicking an entry
that names a touchpoint emits `touchpointActivated` (a loop or a team emits all of theirs).
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from model import theme
from model.analysis import Insights, StageScores
from model.journey_map import JourneyMap
from model.evidence import EVIDENCE_LABELS, EVIDENCE_MARKS
from model.headline import headline
from model.lenses import Gap, motivators_by_stage
from model.priorities import room_priorities
from model.vocabulary import PAIN_KIND_NAMES, SEVERITY_NAMES, signed

IDS = Qt.ItemDataRole.UserRole
SHOWN = 50  # entries listed per section; the rest are one entry that selects them all


def _number(value: Optional[float], with_sign: bool = False) -> str:
    if value is None:
        return "–"
    return signed(value, 1) if with_sign else f"{value:.1f}"


def _gap_words(gap: Gap) -> str:
    """ "expected 4, got 1" or "emotion −2 (target +1)", one part per field that differs."""
    def show(what: str, value: int) -> str:
        return signed(value) if what == "emotion" else str(value)
    if gap.details[0][0] == "experience":
        _, want, have = gap.details[0]
        return f"expected {want}, got {have}"
    return "; ".join(f"{what} {show(what, have)} (target {show(what, want)})" for what, want, have in gap.details)


class InsightsPanel(QWidget):
    """A headline of the three things to look at, then every insight as a section of a tree."""

    touchpointsActivated = Signal(list)  # touchpoint ids to select and bring into view

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setContentsMargins(10, 8, 10, 8)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        self._open: set[str] = {"What the room prioritised", "Evidence", "Assumptions to test first", "Dead ends",
                                "Unreachable touchpoints", "Pain by team", "Stages"}

    # ----------------------------------------------------------------- showing
    def show_insights(self, journey: JourneyMap, insights: Insights, persona: str = "", to_be: bool = False) -> None:
        """Show `insights` of `journey`; `persona` names whom they answer for when not everyone,
        `to_be` says they answer for the to-be journey."""
        self._remember_open_sections()
        self.tree.clear()
        headline_text = self._headline(journey, insights)
        if persona or to_be:
            whom = f"For {escape(persona)}" if persona else "For everyone"
            headline_text = f"<b>{whom}{', in the to-be journey' if to_be else ''}:</b><br>{headline_text}"
        self.headline.setText(headline_text)
        title = lambda tp_id: journey.touchpoint(tp_id).title or "Untitled"  # noqa: E731
        if ranked := room_priorities(journey):
            self._section("What the room prioritised", f"Dots of voting round {journey.voting_round}, most first.",
                          [(f"{p.dots} ● {p.text}" + ("" if p.note_id is None else f" ({p.kind}, {title(p.touchpoint_id)})"),
                            [p.touchpoint_id]) for p in ranked])

        self._section("Dead ends", "No path leads on to the last stage from here.",
                      [(title(t), [t]) for t in insights.dead_ends], problem=True)
        self._section("Unreachable touchpoints", "No path from the first stage leads here.",
                      [(title(t), [t]) for t in insights.unreachable], problem=True)
        self._section("Not in the flow yet", "Not connected into a flow from the first stage to the last: "
                      "not judged for dead ends or unreachability yet.",
                      [(title(t), [t]) for t in insights.outside_flow])
        self._section("Loops", "Customers can circle between these.",
                      [(" → ".join(title(t) for t in loop), loop) for loop in insights.loops])
        self._section("Stages", "Average Meaning, Value, Accommodation and emotion.",
                      [(self._stage_line(journey, s), journey.touchpoints_in_stage(s.stage_id))
                       for s in insights.stage_scores], empty="No stages yet")
        self._section("Weakest touchpoints", "Lowest scores and most severe pains first.",
                      [(f"{title(w.touchpoint_id)} — mean {_number(w.mean_score)}, pain {w.pain_severity}",
                        [w.touchpoint_id]) for w in insights.weakest])
        self._section("Evidence", "How sure the team is of each touchpoint.",
                      [(insights.evidence.sentence(), [])]
                      + [(f"{EVIDENCE_LABELS[level]}: {count}",
                          [tp.id for tp in journey.touchpoints() if tp.evidence.level == level])
                         for level, count in insights.evidence.by_level.items() if count], counted=False)
        self._section("Assumptions to test first", "Little evidence and much at stake: pain or the room's dots.",
                      [(f"{EVIDENCE_MARKS[a.level]} {a.text or 'Untitled'}"
                        + ("" if a.note_id is None else f" ({title(a.touchpoint_id)})") + f" — risk {a.risk}",
                        [a.touchpoint_id]) for a in insights.assumptions])
        pains = insights.pains
        self._section("Pain by team", "Which team owns the most pain (severities added up).",
                      [(f"{o.owner or 'No owner'} — {o.pain_points} pain point{'s' * (o.pain_points != 1)}, "
                        f"severity {o.severity}", list(o.touchpoint_ids)) for o in pains.by_owner])
        self._section("Pain by severity", "",
                      [(f"{SEVERITY_NAMES[level]}: {count}", list(pains.touchpoints_by_severity[level]))
                       for level, count in pains.by_severity.items() if count], empty="No pain points yet")
        self._section("Pain by kind", "", [(f"{PAIN_KIND_NAMES[kind]}: {count}",
                                            list(pains.touchpoints_by_kind[kind])) for kind, count in pains.by_kind])
        self._section("Not scored yet", "No Meaning, Value or Accommodation score.",
                      [(title(t), [t]) for t in insights.unscored])
        served = motivators_by_stage(journey)
        self._section("Motivation by stage", "Purpose, mastery, autonomy: stages with none lose customers.",
                      [(f"{journey.stage(stage_id).name} — "
                        f"{', '.join(m.value for m in motivators) or 'none'}",
                        journey.touchpoints_in_stage(stage_id)) for stage_id, motivators in served.items()],
                      problems={journey.stage(s).name for s in insights.stages_without_motivators})
        self._section("Expectation gaps", "Expected against experienced, widest first.",
                      [(f"{title(g.touchpoint_id)} — {_gap_words(g)}", [g.touchpoint_id])
                       for g in insights.expectation_gaps])
        self._section("Furthest from target", "Today against the to-be, largest distance first.",
                      [(f"{title(g.touchpoint_id)} — {_gap_words(g)}", [g.touchpoint_id])
                       for g in insights.target_gaps])

    def _headline(self, journey: JourneyMap, insights: Insights) -> str:
        if not len(journey):
            return "<i>Add touchpoints to see where the journey is weak.</i>"
        marker = f"<span style='color:{theme.PROBLEM_HIGHLIGHT}'>●</span> "
        return "<br>".join(f"{marker if finding.problem else ''}<b>{finding.label}{finding.joint}</b> {finding.text}"
                           for finding in headline(journey, insights))

    @staticmethod
    def _stage_line(journey: JourneyMap, s: StageScores) -> str:
        return (f"{journey.stage(s.stage_id).name} — M {_number(s.meaning)} · V {_number(s.value)} · "
                f"A {_number(s.accommodation)} · emotion {_number(s.emotion, with_sign=True)}")

    def _section(self, name: str, hint: str, entries: list[tuple[str, list[str]]], problem: bool = False,
                 empty: str = "None", problems: Iterable[str] = (), counted: bool = True) -> None:
        header = QTreeWidgetItem(self.tree, [f"{name} ({len(entries)})" if entries and counted else name])
        bold = QFont(header.font(0))
        bold.setBold(True)
        header.setFont(0, bold)
        header.setData(0, IDS, [])
        header.setToolTip(0, hint)
        if problem and entries:
            header.setForeground(0, QBrush(QColor(theme.PROBLEM_HIGHLIGHT)))
        problems = set(problems)
        rest = entries[SHOWN:]
        if rest:
            # Hundreds of rows help nobody and cost a stall on every refresh; one row selects them all.
            everyone = list(dict.fromkeys(tp_id for _, ids in entries for tp_id in ids))
            entries = entries[:SHOWN] + [(f"… and {len(rest)} more: select all {len(entries)}", everyone)]
        for text, ids in entries or [(empty, [])]:
            item = QTreeWidgetItem(header, [text])
            item.setData(0, IDS, ids)
            item.setToolTip(0, text)
            if not ids:
                item.setForeground(0, QBrush(QColor(theme.TEXT_MUTED)))
            if any(text.startswith(f"{p} — ") for p in problems):
                item.setForeground(0, QBrush(QColor(theme.PROBLEM_HIGHLIGHT)))
        header.setExpanded(name in self._open)

    def _remember_open_sections(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            name = item.text(0).split(" (")[0]
            (self._open.add if item.isExpanded() else self._open.discard)(name)

    def entries(self, section: str) -> list[QTreeWidgetItem]:
        """The entries under a section, by its name (for tests and for keyboard users)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.text(0).split(" (")[0] == section:
                return [item.child(j) for j in range(item.childCount())]
        raise KeyError(section)

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        ids = item.data(0, IDS) or []
        if ids:
            self.touchpointsActivated.emit(list(ids))
