"""Touchpoints to and from CSV spreadsheets, such as one typed up from a workshop wall or kept in Excel.

One row per touchpoint, under a header row; `sheet_columns.COLUMNS` lists every column, the header
export writes and the other names import accepts. When there is no lane column, a channel column names
the lanes instead. Unknown columns are ignored with a warning.

- Stages and lanes are found by name and made as they first appear; lanes are then ordered so
  that every stage's rows read top to bottom as in the file. A blank stage or lane cell repeats
  the row above (as merged cells do); with nothing above, the stage is "(no stage)" and the lane
  "Customer".
- Emotion is a whole number from -2 to 2, a 1..5 rating or a feeling word (see `feelings`); scores
  and expected / experienced from 1 to 5; blank leaves them unset.
- Pain points and opportunities are one per line. A pain point line may start `severity|kind|`
  (`3|dead_end|Card declined`, `|delay|Slow page`); what it leaves out, the severity column (or
  else 2) gives the severity and frustration the kind. A line that starts with a tab continues the
  note above, which is how export writes a note that holds line breaks. Tags are separated by
  commas or line breaks; a tag holding a comma is written in double quotes.
- The flow: a "Next" column names the touchpoints that follow each one (by id or title, one per
  line, optionally `id|kind|label`); without one, each row leads to the next row.
- Who passes a touchpoint: "Personas here" names them one per line (a name may hold commas; blank:
  every persona), each name a persona of the map; "Evidence" is assumption (or blank), anecdote or
  research; "To-be" is new, changed, removed or blank (stays as it is). The personas' own
  emotions and the evidence's sources stay out.
- Text cells are kept exactly as written (spaces and tabs included); a row whose cells are all
  blank is skipped. Cells are protected from running as formulas (see `cell_text`).
- Files from Excel: UTF-8 with or without a byte order mark, or else Windows-1252 with a warning;
  comma, semicolon or tab separated; a first line `sep=;` names the separator.

Export writes every column in `COLUMNS` order, one row per touchpoint in reading order, as UTF-8
with a byte order mark so that Excel shows accents right. The map's title, description, persona
and the like go on the first row, a stage's goal and a lane's kind on the first row of each.
Importing an export gives back every touchpoint field, the connections and the map's and
persona's fields, so CSV -> map -> CSV gives the same text. What a CSV cannot hold: stages and
lanes without touchpoints, two stages (or lanes) of the same name (they become one), and the ids
of stages, lanes, pain points and opportunities.
"""

from __future__ import annotations

import csv
import io
import os
import re
from decimal import Decimal
from typing import Any, Callable

from ..entities import ConnectionKind, EvidenceLevel, LaneKind, Motivator, PainKind, ToBeChange, Touchpoint
from ..errors import JourneyFileError
from ..journey_map import JourneyMap
from . import DEFAULT_LANE, CardDraft, MapDraft, read_bytes
from .cell_text import as_typed, inert
from .feelings import RATING_OFFSET, feeling, is_rating_scale
from .sheet_columns import (BY_FIELD, EXPORTED, INFO, METRICS, PERSONA, PERSONA_LISTS, SCORES, TARGETS, Column,
                            column_field)

NO_STAGE = "(no stage)"


_PAIN_PREFIX = re.compile(r"\s*([0-9]*)\s*\|([^|\n]*)\|(.*)", re.DOTALL)  # severity|kind|text
_LINK = re.compile(r"(.*)\|(main|alternative|fallback)\|(.*)", re.DOTALL)  # next|kind|label
_TAG = re.compile(r'\s*("(?:[^"]|"")*"|[^,\n]*?)\s*(?:[,\n]|\Z)')
_DELIMITERS = ",;\t"
_SEPARATOR_LINE = re.compile(r"sep=(.)\r?\n")


# ----------------------------------------------------------------- reading the file
def read_csv_text(path: str | os.PathLike) -> tuple[str, list[str]]:
    """A CSV file's text: UTF-8 (with or without a byte order mark), or else Windows-1252 as Excel
    writes "CSV (Comma delimited)", with a warning saying so."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        where = error.start
    try:
        text, encoding = data.decode("cp1252"), "Windows-1252 (Western European), as Excel writes CSV"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "Latin-1"
    return text, [f"is not UTF-8 (byte {data[where]:#04x} at offset {where}); read as {encoding}"]


# ----------------------------------------------------------------- export
def to_csv(journey: JourneyMap) -> str:
    """The map as CSV text: a header row, then one row per touchpoint in reading order."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(column.header for column in EXPORTED)
    seen_stages: set[str] = set()
    seen_lanes: set[str] = set()
    links: dict[str, list[str]] = {}
    for connection in journey.connections():
        plain = connection.kind == ConnectionKind.main and not connection.label
        links.setdefault(connection.source, []).append(
            connection.target if plain else f"{connection.target}|{connection.kind.value}|{connection.label}")
    for number, tp in enumerate(journey.touchpoints()):
        cells = {**touchpoint_cells(journey, tp), "next": _note_lines(links.get(tp.id, ()))}
        if tp.stage not in seen_stages:
            cells["stage_goal"] = journey.stage(tp.stage).goal
        if tp.lane not in seen_lanes:
            cells["lane_kind"] = journey.lane(tp.lane).kind.value
        if number == 0:
            cells.update(_map_cells(journey))
        seen_stages.add(tp.stage)
        seen_lanes.add(tp.lane)
        writer.writerow(inert(cells.get(column.field, "")) for column in EXPORTED)
    return out.getvalue()


def _number(value: float | int | None) -> str:
    """A number as import reads it back to the same value: no exponent, no needless `.0`."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(value)), "f").removesuffix(".0")


def touchpoint_cells(journey: JourneyMap, tp: Touchpoint) -> dict[str, str]:
    """A touchpoint's own columns as text, by field (the Excel export types them again)."""
    pains = [f"{pain.severity}|{pain.kind.value}|{pain.text}" for pain in tp.pain_points]
    return {
        "id": tp.id, "stage": journey.stage(tp.stage).name, "lane": journey.lane(tp.lane).name,
        "title": tp.title, "description": tp.description, "channel": tp.channel, "owner": tp.owner,
        "emotion": _number(tp.emotion), **{name: _number(getattr(tp.scores, name)) for name in SCORES},
        "pain_points": _note_lines(pains), "opportunities": _note_lines(idea.text for idea in tp.opportunities),
        "tags": ", ".join(_quoted_tag(tag) for tag in tp.tags),
        "motivators": ", ".join(motivator.value for motivator in tp.motivators),
        "expected": _number(tp.expected), "experienced": _number(tp.experienced),
        **{field: _number(getattr(tp.target, name)) for field, name in TARGETS.items()},
        **{name: _number(getattr(tp.metrics, name)) for name in METRICS},
        "colour": tp.colour or "",
        "personas": "" if tp.personas is None else _note_lines(journey.persona_by_id(p).name for p in tp.personas),
        "evidence": "" if tp.evidence.level == EvidenceLevel.assumption else tp.evidence.level.value,
        "to_be": tp.to_be.value if tp.to_be else "",
    }


def _map_cells(journey: JourneyMap) -> dict[str, str]:
    info, persona = journey.info, journey.persona
    return {**{column: getattr(info, name) for column, name in INFO.items()},
            **{column: getattr(persona, name) for column, name in PERSONA.items()},
            **{column: _note_lines(getattr(persona, name)) for column, name in PERSONA_LISTS.items()}}


def _quoted_tag(tag: str) -> str:
    plain = tag.strip() == tag and not any(character in tag for character in ',"\n')
    return tag if plain else '"' + tag.replace('"', '""') + '"'


def _note_lines(notes) -> str:
    return "\n".join(note.replace("\n", "\n\t") for note in notes)


# ----------------------------------------------------------------- import
def from_csv(text: str, source: str = "<csv>", title: str = "") -> tuple[JourneyMap, list[str]]:
    """A map from CSV text (comma, semicolon or tab separated), titled `title` unless the file
    names a map title. The last warning says how the touchpoints were connected.

    Raises `JourneyFileError` naming the row and column of the first cell that cannot be read.
    """
    separator = _SEPARATOR_LINE.match(text)
    skipped = 1 if separator else 0
    body = text[separator.end():] if separator else text
    rows = csv.reader(io.StringIO(body, newline=""), delimiter=separator[1] if separator else _delimiter(body))
    number = skipped
    try:
        table = [(number, cells) for number, cells in enumerate(rows, skipped + 1)]
    except csv.Error as error:
        raise JourneyFileError(source, f"is not valid CSV: {error}", f"row {number + 1}") from None
    reader = _SheetReader(source)
    reader.read(table)
    if title and "title" not in reader.draft.info:
        reader.draft.set_info("title", title, "")
    journey = reader.draft.build()
    return journey, [*reader.warnings, reader.draft.flow_note]


def _delimiter(text: str) -> str:
    """The delimiter csv.Sniffer finds, if the header row holds it; else the header's commonest."""
    header = text.split("\n", 1)[0]
    try:
        found = csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        found = ""
    return found if found and found in header else max(_DELIMITERS, key=header.count)


class _SheetReader:
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
