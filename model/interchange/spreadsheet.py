"""Touchpoints to and from CSV spreadsheets, such as one typed up from a workshop wall.

One row per touchpoint, under a header row. Import matches header names case-insensitively,
ignoring surrounding spaces and treating '_' and '-' as spaces, with these synonyms:
stage/phase, lane, title/touchpoint/step, description/notes, channel, owner/team,
emotion/feeling, meaning, value, accommodation/ease, pain points/pain point/pains/pain,
opportunities/opportunity, tags/tag, personas/persona, evidence, to-be and severity. When there is no lane column, a channel
column names the lanes instead. Unknown columns are ignored with a warning.

- Stages and lanes are found by name and made as they first appear; lanes are then ordered so
  that every stage's rows read top to bottom as in the file. A blank stage or lane cell repeats
  the row above (as merged cells do); with nothing above, the stage is "(no stage)" and the lane
  "Customer".
- Emotion is a whole number from -2 to 2; meaning, value and accommodation from 1 to 5; blank
  leaves them unset.
- Pain points and opportunities are one per line. A pain point line may start `severity|kind|`
  (`3|dead_end|Card declined`, `|delay|Slow page`); what it leaves out, the severity column (or
  else 2) gives the severity and frustration the kind. A line that starts with a tab continues the note above,
  which is how export writes a note that holds line breaks. Tags are separated by commas or
  line breaks.
- Personas are named one per line (a name may hold commas); a blank cell means every persona,
  and each name becomes a persona of the map. Evidence is assumption, anecdote or research (blank:
  assumption); to-be is new, changed or removed (blank: stays as it is).
- Cells are trimmed of surrounding spaces, and a row whose cells are all blank is skipped.

Export writes the columns above (without severity) in that order, one row per touchpoint in
reading order, as UTF-8 with a byte order mark so that Excel shows accents right. Importing an
export gives back the same stages, lanes, touchpoints in the same order and all their fields
listed above. What a CSV cannot hold: the personas' details and their own emotions, evidence
sources, personas no touchpoint names, connections, metrics, colours,
stages and lanes without touchpoints, and two stages (or lanes) of the same name, which become one.
"""

from __future__ import annotations

import csv
import io
import re
from enum import Enum
from typing import Any

from ..entities import EvidenceLevel, PainKind, ToBeChange, Touchpoint
from ..errors import JourneyFileError
from ..journey_map import JourneyMap
from . import DEFAULT_LANE, CardDraft, MapDraft

NO_STAGE = "(no stage)"

# field -> the header export writes, in column order
HEADERS = {
    "stage": "Stage", "lane": "Lane", "title": "Title", "description": "Description",
    "channel": "Channel", "owner": "Owner", "emotion": "Emotion", "meaning": "Meaning",
    "value": "Value", "accommodation": "Accommodation", "pain_points": "Pain points",
    "opportunities": "Opportunities", "tags": "Tags", "personas": "Personas", "evidence": "Evidence",
    "to_be": "To-be",
}
# header name as import reads it (lower case, single spaces) -> field
_NAMES = {
    **{header.lower(): name for name, header in HEADERS.items()},
    "phase": "stage", "touchpoint": "title", "step": "title", "notes": "description", "team": "owner",
    "feeling": "emotion", "ease": "accommodation", "pain point": "pain_points", "pains": "pain_points",
    "pain": "pain_points", "opportunity": "opportunities", "tag": "tags", "severity": "severity",
    "persona": "personas", "to be": "to_be", "tobe": "to_be",
}
_RANGES = {"emotion": (-2, 2), "meaning": (1, 5), "value": (1, 5), "accommodation": (1, 5), "severity": (1, 3)}
_PAIN_PREFIX = re.compile(r"\s*([0-9]*)\s*\|([^|\n]*)\|(.*)", re.DOTALL)  # severity|kind|text
_DELIMITERS = ",;\t"


# ----------------------------------------------------------------- export
def to_csv(journey: JourneyMap) -> str:
    """The map's touchpoints as CSV text, one row each in reading order, under a header row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS.values())
    for tp in journey.touchpoints():
        writer.writerow(_row(journey, tp))
    return out.getvalue()


def _row(journey: JourneyMap, tp: Touchpoint) -> list[str]:
    numbers = [tp.emotion, *tp.scores.values()]
    pains = [f"{pain.severity}|{pain.kind.value}|{pain.text}" for pain in tp.pain_points]
    return [
        journey.stage(tp.stage).name, journey.lane(tp.lane).name, tp.title, tp.description,
        tp.channel, tp.owner, *("" if number is None else str(number) for number in numbers),
        _note_lines(pains), _note_lines(idea.text for idea in tp.opportunities), ", ".join(tp.tags),
        "" if tp.personas is None else "\n".join(journey.persona_by_id(p).name for p in tp.personas),
        tp.evidence.level.value, "" if tp.to_be is None else tp.to_be.value,
    ]


def _note_lines(notes) -> str:
    return "\n".join(note.replace("\n", "\n\t") for note in notes)


# ----------------------------------------------------------------- import
def from_csv(text: str, source: str = "<csv>", title: str = "") -> tuple[JourneyMap, list[str]]:
    """A map from CSV text (comma, semicolon or tab separated), titled `title` if given.

    Raises `JourneyFileError` naming the row and column of the first cell that cannot be read.
    """
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    reader = _SheetReader(source)
    number = 0
    try:
        for number, cells in enumerate(rows, 1):
            reader.read_row(number, [cell.strip() for cell in cells])
    except csv.Error as error:
        raise JourneyFileError(source, f"is not valid CSV: {error}", f"row {number + 1}") from None
    if reader.columns is None:
        raise JourneyFileError(source, "is empty; a spreadsheet needs a header row with a title column")
    if title:
        reader.draft.set_info("title", title, "")
    return reader.draft.build(), reader.warnings


def _delimiter(text: str) -> str:
    """The delimiter csv.Sniffer finds, if the header row holds it; else the header's commonest."""
    header = text.split("\n", 1)[0]
    try:
        found = csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        found = ""
    return found if found and found in header else max(_DELIMITERS, key=header.count)


def _header_name(cell: str) -> str:
    return " ".join(re.split(r"[\s_-]+", cell.strip().lower())).strip()


class _SheetReader:
    """Reads rows into a `MapDraft`: the first row names the columns, every other is a touchpoint."""

    def __init__(self, source: str):
        self.source = source
        self.draft = MapDraft(source)
        self.warnings: list[str] = []
        self.header: list[str] = []
        self.columns: dict[str, int] | None = None  # field -> column index
        self.labels: dict[str, str] = {}  # field -> the column's header as the file writes it
        self.stages: dict[str, int] = {}  # stage name -> index in the draft
        self.above = {"stage": NO_STAGE, "lane": DEFAULT_LANE}

    def fail(self, place: str, reason: str) -> JourneyFileError:
        return JourneyFileError(self.source, reason, place)

    def read_row(self, number: int, cells: list[str]) -> None:
        if self.columns is None:
            if any(cells):
                self._header(number, cells)
            return
        if not any(cells):
            self.warnings.append(f"row {number} is blank; skipped")
            return
        if any(cells[len(self.header):]):
            self.warnings.append(f"row {number} has more cells than the header row; the extra ones are ignored")
        self._touchpoint(number, cells + [""] * (len(self.header) - len(cells)))

    def _header(self, number: int, cells: list[str]) -> None:
        self.header = cells
        columns: dict[str, int] = {}
        unknown = []
        for index, cell in enumerate(cells):
            name = _NAMES.get(_header_name(cell))
            if name is None:
                if cell:
                    unknown.append(f'"{cell}"')
                continue
            if name in columns:
                meaning = HEADERS.get(name, name).lower()
                raise self.fail(f"row {number}", f'columns "{cells[columns[name]]}" and "{cell}" both mean {meaning}')
            columns[name] = index
        if "lane" not in columns and "channel" in columns:
            columns["lane"] = columns.pop("channel")
        if "title" not in columns:
            raise self.fail(f"row {number}", 'there is no title column; name one "title", "touchpoint" or "step"')
        if unknown:
            self.warnings.append(f"row {number}: ignored columns that are not touchpoint fields: "
                                 + ", ".join(unknown))
        self.columns = columns
        self.labels = {name: cells[index] for name, index in columns.items()}

    def _touchpoint(self, number: int, cells: list[str]) -> None:
        places = {name: f'row {number}, column "{label}"' for name, label in self.labels.items()}

        def cell(name: str) -> str:
            return cells[self.columns[name]] if name in self.columns else ""

        if not cell("title"):
            raise self.fail(places["title"], "a touchpoint needs a title")
        for name in ("stage", "lane"):
            self.above[name] = cell(name) or self.above[name]
        stage = self.above["stage"]
        if stage not in self.stages:
            self.stages[stage] = self.draft.add_stage(stage, places.get("stage", f"row {number}"))
        numbers = {name: self._number(cell(name), name, places.get(name, "")) for name in _RANGES}
        fields: dict[str, Any] = {
            "description": cell("description"), "channel": cell("channel"), "owner": cell("owner"),
            "emotion": numbers["emotion"],
            "scores": {name: numbers[name] for name in ("meaning", "value", "accommodation")},
            "pain_points": self._pains(cell("pain_points"), numbers["severity"] or 2, places.get("pain_points", "")),
            "opportunities": [{"id": f"idea-{i}", "text": text}
                              for i, text in enumerate(_notes(cell("opportunities")), 1)],
            "tags": [tag.strip() for tag in re.split(r"[,\n]", cell("tags")) if tag.strip()],
            # Personas by name, one per line (a name may hold commas); blank: every persona.
            "personas": [name.strip() for name in cell("personas").split("\n") if name.strip()] or None,
            "evidence": {"level": self._choice(cell("evidence"), EvidenceLevel, EvidenceLevel.assumption,
                                               places.get("evidence", ""))},
            "to_be": self._choice(cell("to_be"), ToBeChange, None, places.get("to_be", "")),
        }
        self.draft.add_card(CardDraft(self.stages[stage], self.above["lane"], cell("title"), fields,
                                      f"row {number}", places))

    def _number(self, text: str, name: str, place: str) -> int | None:
        if not text:
            return None
        low, high = _RANGES[name]
        if not re.fullmatch(r"[+-]?[0-9]+", text) or not low <= int(text) <= high:
            raise self.fail(place, f'must be a whole number from {low} to {high}, not "{text}"')
        return int(text)

    def _pains(self, cell: str, severity: int, place: str) -> list[dict[str, Any]]:
        pains = []
        for i, note in enumerate(_notes(cell), 1):
            pain = {"id": f"pain-{i}", "text": note, "severity": severity, "kind": PainKind.frustration}
            prefix = _PAIN_PREFIX.fullmatch(note)
            if prefix:
                given_severity, kind, text = (part.strip() for part in prefix.groups())
                pain.update(text=text, severity=self._number(given_severity, "severity", place) or severity,
                            kind=self._pain_kind(kind, place))
            pains.append(pain)
        return pains

    def _pain_kind(self, text: str, place: str) -> PainKind:
        return self._choice(text, PainKind, PainKind.frustration, place, "a pain point's kind")

    def _choice(self, text: str, kind: type[Enum], blank, place: str, what: str = "it"):
        """A value of enum `kind` written in any case, with spaces or '-' for '_'; `blank` when empty."""
        if not text:
            return blank
        try:
            return kind("_".join(text.lower().replace("-", " ").split()))
        except ValueError:
            values = ", ".join(value.value for value in kind)
            raise self.fail(place, f'{what} must be one of {values}, not "{text}"') from None


def _notes(cell: str) -> list[str]:
    """One note per line of a cell; a line that starts with a tab continues the note above."""
    notes: list[str] = []
    for line in cell.split("\n"):
        if line.startswith("\t") and notes:
            notes[-1] += "\n" + line[1:]
        elif line.strip():
            notes.append(line)
    return [note.strip() for note in notes]
