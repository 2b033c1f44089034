"""Random edits to a map, each knowing the diff paths it makes (for the diff and merge properties)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hypothesis import strategies as st

from model.journey_map import JourneyMap
from tests.factories import names


@dataclass(frozen=True)
class Edit:
    """One change through the mutation API, on the touchpoint `card` (or none), making `paths` differ."""

    apply: Callable[[JourneyMap], None]
    paths: frozenset[tuple[str, ...]]
    card: str | None = None


@st.composite
def edits(draw, journey: JourneyMap, cards: list[str], number: int, tag: str, axes: bool = False) -> list[Edit]:
    """Up to `number` edits touching only `cards` (and connections between them); new ids carry `tag`.
    With `axes`, stages and lanes may be renamed or removed too (which touches other cards)."""
    made: list[Edit] = []
    live = list(cards)
    moved: set[str] = set()
    stages, lanes = [s.id for s in journey.stages], [lane.id for lane in journey.lanes]
    kinds = ("title", "emotion", "meaning", "pain", "add", "remove", "connect", "move")
    for n in range(draw(st.integers(0, number))):
        kind = draw(st.sampled_from(kinds + (("rename", "drop stage", "drop lane") if axes else ())))
        if kind in ("drop stage", "drop lane"):
            axis = stages if kind == "drop stage" else lanes
            if len(axis) > 1:
                gone = draw(st.sampled_from(axis))
                axis.remove(gone)
                remove = JourneyMap.remove_stage if kind == "drop stage" else JourneyMap.remove_lane
                made.append(Edit(lambda j, g=gone, r=remove: r(j, g),
                                 frozenset({("stages" if kind == "drop stage" else "lanes", gone)})))
            continue
        if kind == "rename":
            stage = draw(st.sampled_from(stages))
            name = draw(names)
            made.append(Edit(lambda j, s=stage, t=name: j.update_stage(s, name=t),
                             frozenset({("stages", stage, "name")})))
            continue
        if kind == "add" or not live:
            new_id = f"new-{tag}-{n}"
            stage, lane = draw(st.sampled_from(stages)), draw(st.sampled_from(lanes))
            title = draw(names)
            made.append(Edit(lambda j, s=stage, l=lane, t=title, i=new_id: j.add_touchpoint(s, l, t, id=i),
                             frozenset({("touchpoints", new_id)}), new_id))
            live.append(new_id)
            continue
        card = draw(st.sampled_from(live))
        if kind == "title":
            title = draw(names)
            made.append(Edit(lambda j, c=card, t=title: j.update_touchpoint(c, title=t),
                             frozenset({("touchpoints", card, "title")}), card))
        elif kind == "emotion":
            emotion = draw(st.integers(-2, 2))
            made.append(Edit(lambda j, c=card, e=emotion: j.update_touchpoint(c, emotion=e),
                             frozenset({("touchpoints", card, "emotion")}), card))
        elif kind == "meaning":
            score = draw(st.integers(1, 5))
            made.append(Edit(lambda j, c=card, m=score: j.update_touchpoint(
                c, scores={**j.touchpoint(c).scores.model_dump(), "meaning": m}),
                frozenset({("touchpoints", card, "scores", "meaning")}), card))
        elif kind == "pain":
            pain_id = f"pain-{tag}-{n}"
            made.append(Edit(lambda j, c=card, p=pain_id: j.add_pain_point(c, "It hurts", id=p),
                             frozenset({("touchpoints", card, "pain_points", pain_id)}), card))
        elif kind == "move":
            # Once per card and to another cell: moving a card to the end of the cell it ends is no change.
            stage, lane = draw(st.sampled_from(stages)), draw(st.sampled_from(lanes))
            if card in moved or not journey.has_touchpoint(card) or \
                    (stage, lane) == (journey.touchpoint(card).stage, journey.touchpoint(card).lane):
                continue
            moved.add(card)
            made.append(Edit(lambda j, c=card, s=stage, l=lane: j.move_touchpoint(c, s, l),
                             frozenset({("touchpoints", card, "stage"), ("touchpoints", card, "lane")}), card))
        elif kind == "remove":
            made.append(Edit(lambda j, c=card: j.remove_touchpoint(c), frozenset({("touchpoints", card)}), card))
            live.remove(card)
        elif len(live) > 1:
            source, target = draw(st.permutations(live))[:2]
            made.append(Edit(lambda j, s=source, t=target: None if j.has_connection(s, t) else j.add_connection(s, t),
                             frozenset({("connections", f"{source}->{target}")}), source))
    return made
