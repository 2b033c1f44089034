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

from ..entities import ConnectionKind, EvidenceLevel, Touchpoint
from ..errors import JourneyFileError
from ..journey_map import JourneyMap
from . import read_bytes
from .cell_text import inert
from .sheet_columns import EXPORTED, INFO, METRICS, PERSONA, PERSONA_LISTS, SCORES, TARGETS
from .sheet_reader import SheetReader

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
    reader = SheetReader(source)
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
