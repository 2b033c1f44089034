"""What the Insights dock shows, as data for `main.py insights` and `info --json` (no Qt).

Every finding comes from `model.analysis.analyse`, as in the dock and the PDF; this module only
names touchpoints by id and title so that a script can read the answer.
"""

from __future__ import annotations

from typing import Any, Optional

from app.team_commands import conflict_sentence
from model.analysis import Insights
from model.journey_map import JourneyMap
from model.lenses import Gap, motivators_by_stage
from model.paths import happy_path
from model.vocabulary import PAIN_KIND_NAMES, SEVERITY_NAMES

_KIND_NAMES = {kind.value: name for kind, name in PAIN_KIND_NAMES.items()}


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 2)


def stage_averages(journey: JourneyMap, insights: Insights) -> list[dict[str, Any]]:
    """Each stage's average Meaning, Value, Accommodation and emotion, as `info` prints them."""
    return [{"stage": journey.stage(s.stage_id).name, "meaning": _round(s.meaning), "value": _round(s.value),
             "accommodation": _round(s.accommodation), "emotion": _round(s.emotion), "touchpoints": s.touchpoints}
            for s in insights.stage_scores]


def insights_report(journey: JourneyMap, insights: Insights) -> dict[str, Any]:
    """Every section of the Insights dock, in its order, with touchpoints as {id, title}."""

    def card(tp_id: str) -> dict[str, str]:
        return {"id": tp_id, "title": journey.touchpoint(tp_id).title}

    def gap(g: Gap) -> dict[str, Any]:
        return {**card(g.touchpoint_id), "distance": g.distance,
                "details": [{"what": what, "should_be": want, "is": have} for what, want, have in g.details]}

    weakest_stage = insights.weakest_stage()
    pains = insights.pains
    path = happy_path(journey)
    served = motivators_by_stage(journey)
    return {
        "title": journey.info.title,
        # Whom the report answers for: the map's one persona (a map filtered to one persona has just
        # them); on a map of several, everyone, and the persona field is empty.
        "persona": journey.persona.name if len(journey.personas) == 1 else "",
        "evidence": {"summary": insights.evidence.sentence(),
                     **{level.value: count for level, count in insights.evidence.by_level.items()}},
        "assumptions_to_test": [{**card(a.touchpoint_id), "text": a.text, "note": a.note_id,
                                 "evidence": a.level.value, "risk": a.risk} for a in insights.assumptions],
        "headline": {
            "dead_ends": [journey.touchpoint(t).title for t in insights.dead_ends],
            "weakest_stage": journey.stage(weakest_stage.stage_id).name if weakest_stage else None,
            "team_with_most_pain": pains.by_owner[0].owner if pains.by_owner else None,
        },
        "dead_ends": [card(t) for t in insights.dead_ends],
        "unreachable": [card(t) for t in insights.unreachable],
        "loops": [[card(t) for t in loop] for loop in insights.loops],
        "stage_averages": stage_averages(journey, insights),
        "weakest_touchpoints": [{**card(w.touchpoint_id), "weakness": _round(w.weakness),
                                 "mean_score": _round(w.mean_score), "pain_severity": w.pain_severity}
                                for w in insights.weakest],
        "pain_by_team": [{"team": o.owner, "pain_points": o.pain_points, "severity": o.severity,
                          "touchpoints": [card(t) for t in o.touchpoint_ids]} for o in pains.by_owner],
        "pain_by_severity": {SEVERITY_NAMES[level].lower(): count for level, count in pains.by_severity.items()},
        "pain_by_kind": {kind.value: count for kind, count in pains.by_kind},
        "not_scored": [card(t) for t in insights.unscored],
        "motivation_by_stage": [{"stage": journey.stage(stage_id).name,
                                 "motivators": [m.value for m in motivators]} for stage_id, motivators in served.items()],
        "stages_without_motivators": [journey.stage(s).name for s in insights.stages_without_motivators],
        "expectation_gaps": [gap(g) for g in insights.expectation_gaps],
        "furthest_from_target": [gap(g) for g in insights.target_gaps],
        "happy_path": [card(t) for t in path] if path else None,
        "merge_conflicts": [conflict_sentence(journey, conflict) for conflict in journey.conflicts],
    }


def report_lines(report: dict[str, Any]) -> list[str]:
    """The report as the dock words it, one line per entry under each section's name."""

    def titles(cards: list[dict]) -> str:
        return ", ".join(c["title"] for c in cards) or "none"

    def number(value: Optional[float]) -> str:
        return "-" if value is None else f"{value:.1f}"

    headline = report["headline"]
    lines = [report["title"] + (f" — persona: {report['persona']}" if report["persona"] else "")]
    lines.append(f"  Dead ends: {', '.join(headline['dead_ends']) or 'none'}; weakest stage: "
                 f"{headline['weakest_stage'] or '-'}; team with most pain: {headline['team_with_most_pain'] or '-'}")
    sections: list[tuple[str, list[str]]] = [
        ("Dead ends", [c["title"] for c in report["dead_ends"]]),
        ("Unreachable touchpoints", [c["title"] for c in report["unreachable"]]),
        ("Loops", [" → ".join(c["title"] for c in loop) for loop in report["loops"]]),
        ("Stages (meaning / value / accommodation, emotion)",
         [f"{s['stage']}: {' / '.join(number(s[k]) for k in ('meaning', 'value', 'accommodation'))}, "
          f"{number(s['emotion'])}" for s in report["stage_averages"]]),
        ("Weakest touchpoints", [f"{w['title']} — mean {number(w['mean_score'])}, pain {w['pain_severity']}"
                                 for w in report["weakest_touchpoints"]]),
        ("Pain by team", [f"{t['team'] or 'No owner'} — {t['pain_points']} pain point"
                          f"{'s' * (t['pain_points'] != 1)}, severity {t['severity']}" for t in report["pain_by_team"]]),
        ("Pain by severity", [f"{name}: {count}" for name, count in report["pain_by_severity"].items()]),
        ("Pain by kind", [f"{_KIND_NAMES[kind]}: {count}" for kind, count in report["pain_by_kind"].items()]),
        ("Not scored yet", [c["title"] for c in report["not_scored"]]),
        ("Motivation by stage", [f"{m['stage']} — {', '.join(m['motivators']) or 'none'}"
                                 for m in report["motivation_by_stage"]]),
        ("Expectation gaps", [f"{g['title']} — distance {g['distance']}" for g in report["expectation_gaps"]]),
        ("Furthest from target", [f"{g['title']} — distance {g['distance']}" for g in report["furthest_from_target"]]),
        ("Happy path", [titles(report["happy_path"])] if report["happy_path"] else []),
        ("Evidence", [report["evidence"]["summary"]]),
        ("Assumptions to test first", [f"{a['text'] or 'Untitled'} — {a['evidence']}, risk {a['risk']}"
                                       for a in report["assumptions_to_test"]]),
        ("Merge conflicts", report["merge_conflicts"]),
    ]
    for name, entries in sections:
        lines.append(f"  {name}:" + ("" if entries else " none"))
        lines += [f"    {entry}" for entry in entries]
    return lines
