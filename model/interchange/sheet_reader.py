"""Rows of spreadsheet cells read into a map draft: the reader CSV import and XLSX import share.

The rules (column names, blank cells repeating the row above, notes one per line, the Next column)
are described in `spreadsheet`; a caller turns its file into numbered rows of text cells first.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ..entities import EvidenceLevel, LaneKind, Motivator, PainKind, ToBeChange
from ..errors import JourneyFileError
from . import DEFAULT_LANE, CardDraft, MapDraft
from .cell_text import as_typed
from .feelings import RATING_OFFSET, feeling, is_rating_scale
from .sheet_columns import BY_FIELD, INFO, METRICS, PERSONA, PERSONA_LISTS, SCORES, TARGETS, Column, column_field

NO_STAGE = "(no stage)"

_PAIN_PREFIX = re.compile(r"\s*([0-9]*)\s*\|([^|\n]*)\|(.*)", re.DOTALL)  # severity|kind|text
_LINK = re.compile(r"(.*)\|(main|alternative|fallback)\|(.*)", re.DOTALL)  # next|kind|label
_TAG = re.compile(r'\s*("(?:[^"]|"")*"|[^,\n]*?)\s*(?:[,\n]|\Z)')


class SheetReader:
    """Reads rows into a `MapDraft`: the first non-blank row names the columns, every other is a touchpoint."""

    def __init__(self, source: str):
        self.source = source
        self.draft = MapDraft(source)
        self.draft.order_rule = "there is no Next column, so each row leads to the next row"
        self.draft.links_rule = "touchpoints are connected as the Next column says"
        self.warnings: list[str] = []
        self.columns: dict[str, int] = {}  # field -> column index
        self.width = 0
        self.labels: dict[str, str] = {}  # field -> the column's header as the file writes it
        self.stages: dict[str, int] = {}  # stage name -> index in the draft
        self.lanes_seen: set[str] = set()
        self.above = {"stage": NO_STAGE, "lane": DEFAULT_LANE}
        self.emotion_offset = 0

    def fail(self, place: str, reason: str) -> JourneyFileError:
        return JourneyFileError(self.source, reason, place)

    def read(self, table: list[tuple[int, list[str]]]) -> None:
        rows = iter([(number, [as_typed(cell) for cell in cells]) for number, cells in table])
        for number, cells in rows:
            if any(cell.strip() for cell in cells):
                self._header(number, cells)
                break
        else:
            raise self.fail("", "is empty; a spreadsheet needs a header row with a title column")
        body = list(rows)
        self._emotion_scale(body)
        for number, cells in body:
            if not any(cell.strip() for cell in cells):
                self.warnings.append(f"row {number} is blank; skipped")
                continue
            if any(cell.strip() for cell in cells[self.width:]):
                self.warnings.append(f"row {number} has more cells than the header row; the extra ones are ignored")
            self._touchpoint(number, cells + [""] * (self.width - len(cells)))

    def _header(self, number: int, cells: list[str]) -> None:
        self.width = len(cells)
        unknown = []
        for index, cell in enumerate(cells):
            name = column_field(cell)
            if name is None:
                if cell.strip():
                    unknown.append(f'"{cell.strip()}"')
                continue
            if name in self.columns:
                meaning = BY_FIELD[name].header.lower()
                raise self.fail(f"row {number}", f'columns "{cells[self.columns[name]].strip()}" and '
                                                 f'"{cell.strip()}" both mean {meaning}')
            self.columns[name] = index
        if "lane" not in self.columns and "channel" in self.columns:
            self.columns["lane"] = self.columns.pop("channel")
        if "title" not in self.columns:
            raise self.fail(f"row {number}", 'there is no title column; name one "title", "touchpoint" or "step"')
        if unknown:
            self.warnings.append(f"row {number}: ignored columns that are not touchpoint fields: "
                                 + ", ".join(unknown))
        self.labels = {name: cells[index].strip() for name, index in self.columns.items()}
        self.draft.links_given = "next" in self.columns

    def _emotion_scale(self, body: list[tuple[int, list[str]]]) -> None:
        """Read the emotion column as a 1..5 rating if it is one (see `feelings`), and say so."""
        if "emotion" not in self.columns:
            return
        index = self.columns["emotion"]
        cells = [cells[index].strip() for _, cells in body if index < len(cells)]
        numbers = [int(cell) for cell in cells if re.fullmatch(r"[+-]?[0-9]+", cell)]
        if is_rating_scale(numbers):
            self.emotion_offset = RATING_OFFSET
            self.warnings.append(f'column "{self.labels["emotion"]}" holds ratings from 1 to 5; '
                                 f"read as emotion -2..+2 (3 is neutral)")

    def _touchpoint(self, number: int, cells: list[str]) -> None:
        places = {name: f'row {number}, column "{label}"' for name, label in self.labels.items()}

        def cell(name: str) -> str:
            return cells[self.columns[name]] if name in self.columns else ""

        def whole(name: str) -> Any:
            return self._number(cell(name).strip(), BY_FIELD[name], places.get(name, ""))

        if not cell("title").strip():
            raise self.fail(places["title"], "a touchpoint needs a title")
        for name in ("stage", "lane"):
            self.above[name] = cell(name).strip() or self.above[name]
        stage, lane = self.above["stage"], self.above["lane"]
        if stage not in self.stages:
            self.stages[stage] = self.draft.add_stage(stage, places.get("stage", f"row {number}"))
            self.draft.stage_goals[self.stages[stage]] = cell("stage_goal")
        if lane not in self.lanes_seen and cell("lane_kind").strip():
            self.draft.lane_kinds[lane] = self._lane_kind(cell("lane_kind").strip(), places["lane_kind"])
        self.lanes_seen.add(lane)
        self._map_fields(cell, places)
        fields: dict[str, Any] = {
            "description": cell("description"), "channel": cell("channel"), "owner": cell("owner"),
            "emotion": self._emotion(cell("emotion").strip(), places.get("emotion", "")),
            "scores": {name: whole(name) for name in SCORES},
            "pain_points": self._pains(cell("pain_points"), whole("severity") or 2, places.get("pain_points", "")),
            "opportunities": [{"id": f"idea-{i}", "text": text}
                              for i, text in enumerate(_notes(cell("opportunities")), 1)],
            "tags": _tags(cell("tags")),
            "motivators": self._motivators(cell("motivators"), places.get("motivators", "")),
            "expected": whole("expected"), "experienced": whole("experienced"),
            "target": {name: whole(field) for field, name in TARGETS.items()},
            "metrics": {name: whole(name) for name in METRICS},
            "colour": cell("colour").strip() or None,
            # Personas by name, one per line (a name may hold commas); blank: every persona.
            "personas": _notes(cell("personas")) or None,
            "evidence": {"level": self._choice(EvidenceLevel, cell("evidence").strip(), places.get("evidence", ""),
                                               "an evidence level") or EvidenceLevel.assumption},
            "to_be": self._choice(ToBeChange, cell("to_be").strip(), places.get("to_be", ""), "a to-be mark"),
        }
        links = [_link(line) for line in _notes(cell("next"), strip=False)]
        self.draft.add_card(CardDraft(self.stages[stage], lane, cell("title"), fields, f"row {number}", places,
                                      id=cell("id").strip(), next=links))

    def _map_fields(self, cell: Callable[[str], str], places: dict[str, str]) -> None:
        """Map and persona fields, from the first row that gives each."""
        for column, name in INFO.items():
            if cell(column) and name not in self.draft.info:
                self.draft.set_info(name, cell(column), places[column])
        for column, name in PERSONA.items():
            if cell(column) and name not in self.draft.persona:
                self.draft.set_persona(name, cell(column), places[column])
        for column, name in PERSONA_LISTS.items():
            if cell(column) and name not in self.draft.persona:
                self.draft.set_persona(name, _notes(cell(column), strip=False), places[column])

    def _number(self, text: str, column: Column, place: str) -> Any:
        if not text:
            return None
        low, high = column.numbers
        pattern = r"[+-]?[0-9]+(?:\.[0-9]+)?" if column.decimals else r"[+-]?[0-9]+"
        kind = "a number" if column.decimals else "a whole number"
        if not re.fullmatch(pattern, text) or not low <= float(text) <= high:
            raise self.fail(place, f'must be {kind} from {low:g} to {high:g}, not "{text}"')
        return float(text) if column.decimals else int(text)

    def _emotion(self, text: str, place: str) -> int | None:
        word = feeling(text) if text else None
        if word is not None:
            return word
        if self.emotion_offset and re.fullmatch(r"[+-]?[0-9]+", text):
            return int(text) - self.emotion_offset
        if text and not re.fullmatch(r"[+-]?[0-9]+", text):
            raise self.fail(place, f'must be a whole number from -2 to 2, a rating from 1 to 5 or a feeling '
                                   f'such as "happy" or "frustrated", not "{text}"')
        return self._number(text, BY_FIELD["emotion"], place)

    def _pains(self, cell: str, severity: int, place: str) -> list[dict[str, Any]]:
        pains = []
        for i, note in enumerate(_notes(cell), 1):
            pain = {"id": f"pain-{i}", "text": note, "severity": severity, "kind": PainKind.frustration}
            prefix = _PAIN_PREFIX.fullmatch(note)
            if prefix:
                given_severity, kind, text = (part.strip() for part in prefix.groups())
                pain.update(text=text, severity=self._number(given_severity, BY_FIELD["severity"], place) or severity,
                            kind=self._choice(PainKind, kind, place, "a pain point's kind") or PainKind.frustration)
            pains.append(pain)
        return pains

    def _motivators(self, cell: str, place: str) -> list[Motivator]:
        names = [name.strip() for name in re.split(r"[,\n]", cell) if name.strip()]
        return list(dict.fromkeys(self._choice(Motivator, name, place, "a motivator") for name in names))

    def _lane_kind(self, text: str, place: str) -> LaneKind:
        return self._choice(LaneKind, text, place, "a lane's kind")

    def _choice(self, kinds, text: str, place: str, what: str):
        if not text:
            return None
        try:
            return kinds("_".join(text.lower().replace("-", " ").split()))
        except ValueError:
            names = ", ".join(kind.value for kind in kinds)
            raise self.fail(place, f'{what} must be one of {names}, not "{text}"') from None


def _link(line: str) -> tuple[str, dict[str, Any]]:
    """A Next line: the next touchpoint's id or title, and the connection's kind and label if given."""
    match = _LINK.fullmatch(line)
    return (match[1].strip(), {"kind": match[2], "label": match[3]}) if match else (line.strip(), {})


def _tags(cell: str) -> list[str]:
    tags = []
    for match in _TAG.finditer(cell):
        tag = match[1]
        if tag.startswith('"') and tag.endswith('"') and len(tag) > 1:
            tag = tag[1:-1].replace('""', '"')
        if tag:
            tags.append(tag)
        if match.end() == len(cell):
            break
    return tags


def _notes(cell: str, strip: bool = True) -> list[str]:
    """One note per line of a cell; a line that starts with a tab continues the note above."""
    notes: list[str] = []
    for line in cell.split("\n"):
        if line.startswith("\t") and notes:
            notes[-1] += "\n" + line[1:]
        elif line.strip():
            notes.append(line)
    return [note.strip() for note in notes] if strip else notes
