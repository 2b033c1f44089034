"""Maps to and from Excel workbooks (`.xlsx`), with openpyxl.

Export writes five sheets, numbers as numbers:
- Touchpoints: the CSV's columns for a touchpoint's own fields (`sheet_columns.TOUCHPOINT_COLUMNS`,
  Id first, read the same way), one row per touchpoint in reading order;
- Connections: from and to (by touchpoint Id, with titles beside them to read), kind and label;
- Stages and lanes: every stage in order with its goal, then every lane in order with its kind;
- Pain points: one row per pain point, with its touchpoint, stage and owner, to filter and count;
- Map: the title, accessible title, description, client and author.

Import reads the same layout, or any workbook whose first sheet is a table of touchpoints (such as
the common template: Stage/Phase, Step/Touchpoint, Channel, Feeling, Pain, Owner), with the
header synonyms and rules of `spreadsheet`. The Pain points sheet, when there is one, gives each
touchpoint's pain points; the Touchpoints sheet's column does otherwise. The Connections sheet,
when there is one, is the flow; without it each row leads to the next, as in a CSV, and the last
warning says which rule was used. Formulas are never evaluated: import reads the value the
spreadsheet program saved with the formula, and a formula saved without one is an error naming
its cell. What a workbook does not hold: the persona; characters Excel cannot store (control
characters other than tab and line breaks) are left out.
"""

from __future__ import annotations

import os
import zipfile
from datetime import date, datetime, time
from io import BytesIO
from typing import Any, Iterable, Iterator

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .. import theme
from ..entities import ConnectionKind, LaneKind, PainKind
from ..errors import InvalidChange, JourneyFileError
from ..journey_file import MAX_FILE_BYTES, write_atomically
from ..journey_map import JourneyMap
from .sheet_columns import TOUCHPOINT_COLUMNS, Column
from .sheet_reader import NO_STAGE, SheetReader
from .spreadsheet import touchpoint_cells

TOUCHPOINTS, CONNECTIONS, AXES, PAINS, MAP = "Touchpoints", "Connections", "Stages and lanes", "Pain points", "Map"
CONNECTION_HEADERS = ("From id", "From", "To id", "To", "Kind", "Label")
AXIS_HEADERS = ("Kind", "Name", "Goal", "Lane kind")
PAIN_HEADERS = ("Touchpoint id", "Touchpoint", "Stage", "Owner", "Severity", "Kind", "Text")
INFO_FIELDS = {"Title": "title", "Accessible title": "accessible_title", "Description": "description",
               "Client": "client", "Author": "author"}
MAX_ROWS = 100_000
# The workbook's own font in bold: a font without a name makes LibreOffice fall back to a serif.
_HEADER_FONT = Font(name=DEFAULT_FONT.name, size=DEFAULT_FONT.sz, family=DEFAULT_FONT.family,
                    scheme=DEFAULT_FONT.scheme, bold=True)


# ----------------------------------------------------------------- export
def to_workbook(journey: JourneyMap) -> bytes:
    """The map as the bytes of an .xlsx workbook."""
    book = Workbook()
    touchpoints = book.active
    touchpoints.title = TOUCHPOINTS
    headers = [column.header for column in TOUCHPOINT_COLUMNS]
    rows = []
    for tp in journey.touchpoints():
        cells = touchpoint_cells(journey, tp)
        rows.append([_typed(column, cells[column.field]) for column in TOUCHPOINT_COLUMNS])
    _fill(touchpoints, headers, rows)

    titles = {tp.id: tp.title for tp in journey.touchpoints()}
    _fill(book.create_sheet(CONNECTIONS), CONNECTION_HEADERS,
          [[c.source, titles[c.source], c.target, titles[c.target], c.kind.value, c.label]
           for c in journey.connections()])
    _fill(book.create_sheet(AXES), AXIS_HEADERS,
          [["Stage", s.name, s.goal, None] for s in journey.stages]
          + [["Lane", lane.name, None, lane.kind.value] for lane in journey.lanes])
    _fill(book.create_sheet(PAINS), PAIN_HEADERS,
          [[tp.id, tp.title, journey.stage(tp.stage).name, tp.owner, pain.severity, pain.kind.value, pain.text]
           for tp in journey.touchpoints() for pain in tp.pain_points])
    info = journey.info
    _fill(book.create_sheet(MAP), ("Field", "Value"),
          [[label, getattr(info, name)] for label, name in INFO_FIELDS.items()])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _typed(column: Column, text: str) -> Any:
    """A cell as Excel should hold it: numbers as numbers, nothing for an empty cell."""
    if not text:
        return None
    if column.numbers is not None:
        return float(text) if column.decimals else int(text)
    return text


def _fill(sheet, headers: Iterable[str], rows: list[list[Any]]) -> None:
    """A sheet of a bold header row and `rows`; text is always text, never a formula."""
    headers = list(headers)
    sheet.append(headers)
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value for value in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # "=SUM(…)" typed in a title stays text in Excel
                if "\n" in cell.value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    header_fill = PatternFill("solid", fgColor=theme.STAGE_HEADER_BACKGROUND.lstrip("#"))
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = header_fill
    for index, header in enumerate(headers, 1):
        longest = max([len(header)] + [len(str(row[index - 1] or "").split("\n")[0]) for row in rows[:200]])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), 60)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def write_workbook(journey: JourneyMap, path: str | os.PathLike) -> None:
    try:
        write_atomically(path, to_workbook(journey))
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be written: {error.strerror or error}") from None


# ----------------------------------------------------------------- import
def read_workbook(path: str | os.PathLike, title: str = "") -> tuple[JourneyMap, list[str]]:
    """A map from an .xlsx file; `JourneyFileError` naming the sheet, row and column at fault."""
    source = str(path)
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise JourneyFileError(source, f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise JourneyFileError(source, f"cannot be read: {error.strerror or error}") from None
    try:
        values = load_workbook(BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        why = "it is not a zip archive" if isinstance(error, zipfile.BadZipFile) else str(error) or type(error).__name__
        raise JourneyFileError(source, f"is not an Excel workbook (.xlsx): {why}") from None
    return _WorkbookReader(source, values, formulas).read(title)


class _WorkbookReader:
    def __init__(self, source: str, values, formulas):
        self.source = source
        self.values = values
        self.formulas = formulas

    def fail(self, sheet: str, place: str, reason: str) -> JourneyFileError:
        return JourneyFileError(self.source, reason, f'sheet "{sheet}", {place}' if place else f'sheet "{sheet}"')

    def rows(self, name: str) -> Iterator[tuple[int, list[Any]]]:
        """(row number, cell values) of a sheet; a formula saved without its value is an error."""
        values, formulas = self.values[name], self.formulas[name]
        for number, (row, formula_row) in enumerate(zip(values.iter_rows(), formulas.iter_rows()), 1):
            if number > MAX_ROWS:
                raise self.fail(name, f"row {number}", f"is past the {MAX_ROWS:,} rows Wayfinder reads")
            cells = [cell.value for cell in row]
            for cell, formula in zip(row, formula_row):
                if cell.value is None and formula.data_type == "f":
                    raise self.fail(name, f"cell {formula.coordinate}",
                                    f"holds the formula {_short(formula.value)} but no saved value; Wayfinder "
                                    "never evaluates formulas: open and save the workbook in Excel or "
                                    "LibreOffice so that the value is stored, or type the value")
            yield number, cells

    def read(self, title: str) -> tuple[JourneyMap, list[str]]:
        names = self.values.sheetnames
        sheet = TOUCHPOINTS if TOUCHPOINTS in names else names[0]
        reader = SheetReader(f'{self.source}: sheet "{sheet}"')
        axes = self._axes() if AXES in names else {"stages": [], "lanes": []}
        for name, goal, place in axes["stages"]:
            if name not in reader.stages:
                reader.stages[name] = reader.draft.add_stage(name, place)
        reader.read([(number, [_text(cell) for cell in cells]) for number, cells in self.rows(sheet)])
        if PAINS in names:
            self._pains(reader)
        info = self._info() if MAP in names else {}
        for field_name, (value, place) in info.items():
            reader.draft.set_info(field_name, value, place)
        if title and "title" not in info:
            reader.draft.set_info("title", title, "")
        if CONNECTIONS in names:
            reader.draft.links_given = True
            reader.draft.links_rule = f'touchpoints are connected as the "{CONNECTIONS}" sheet says'
        journey = reader.draft.build()
        self._finish_axes(journey, axes)
        if CONNECTIONS in names:
            self._connections(journey)
        return journey, [*reader.warnings, reader.draft.flow_note]

    def _axes(self) -> dict[str, list]:
        axes: dict[str, list] = {"stages": [], "lanes": []}
        columns: dict[str, int] | None = None
        for number, cells in self.rows(AXES):
            texts = [_text(cell) for cell in cells]
            if columns is None:
                columns = {text.strip().lower(): i for i, text in enumerate(texts) if text.strip()}
                if "kind" not in columns or "name" not in columns:
                    raise self.fail(AXES, f"row {number}", 'needs the columns "Kind" and "Name"')
                continue

            def cell(name: str) -> str:
                index = columns.get(name)
                return texts[index] if index is not None and index < len(texts) else ""

            kind, name, place = cell("kind").strip().lower(), cell("name").strip(), f'sheet "{AXES}", row {number}'
            if not (kind or name):
                continue
            if kind == "stage":
                axes["stages"].append((name or NO_STAGE, cell("goal"), place))
            elif kind == "lane":
                axes["lanes"].append((name, cell("lane kind").strip().lower() or LaneKind.channel.value, place))
            else:
                raise self.fail(AXES, f'row {number}, column "Kind"', f'must be "Stage" or "Lane", not "{cell("kind")}"')
        return axes

    def _finish_axes(self, journey: JourneyMap, axes: dict[str, list]) -> None:
        """Goals for the stages; lanes in the sheet's order and kinds, empty ones included."""
        stage_ids = {stage.name: stage.id for stage in journey.stages}
        try:
            for name, goal, place in axes["stages"]:
                if goal:
                    journey.update_stage(stage_ids[name], goal=goal)
            for index, (name, kind, place) in enumerate(axes["lanes"]):
                lane_ids = {lane.name: lane.id for lane in journey.lanes}
                if name in lane_ids:
                    journey.update_lane(lane_ids[name], kind=kind)
                    journey.move_lane(lane_ids[name], min(index, len(journey.lanes) - 1))
                else:
                    journey.add_lane(name, kind=kind, index=min(index, len(journey.lanes)),
                                     id=f"lane-{len(journey.lanes) + 1}")
        except InvalidChange as error:
            raise JourneyFileError(self.source, error.reason, place) from None

    def _pains(self, reader: SheetReader) -> None:
        cards = {card.id: card for card in reader.draft.cards if card.id}
        for card in cards.values():
            card.fields["pain_points"] = []
        columns: dict[str, int] | None = None
        for number, cells in self.rows(PAINS):
            texts = [_text(cell) for cell in cells]
            if columns is None:
                columns = {text.strip().lower(): i for i, text in enumerate(texts) if text.strip()}
                missing = [h for h in ("Touchpoint id", "Text") if h.lower() not in columns]
                if missing:
                    raise self.fail(PAINS, f"row {number}", f'needs the column "{missing[0]}"')
                continue
            if not any(text.strip() for text in texts):
                continue

            def cell(name: str) -> Any:
                index = columns.get(name.lower())
                return cells[index] if index is not None and index < len(cells) else None

            place = f"row {number}"
            owner = _text(cell("Touchpoint id")).strip()
            if owner not in cards:
                raise self.fail(PAINS, f'{place}, column "Touchpoint id"',
                                f'names no touchpoint of the "{TOUCHPOINTS}" sheet: "{owner}"')
            severity = cell("Severity")
            if severity in (None, ""):
                severity = 2
            if isinstance(severity, bool) or not isinstance(severity, (int, float)) or severity not in (1, 2, 3):
                raise self.fail(PAINS, f'{place}, column "Severity"', f"must be 1, 2 or 3, not {_short(severity)}")
            kind = _text(cell("Kind")).strip().lower().replace(" ", "_").replace("-", "_") or PainKind.frustration.value
            if kind not in {k.value for k in PainKind}:
                raise self.fail(PAINS, f'{place}, column "Kind"',
                                f"must be one of {', '.join(k.value for k in PainKind)}, not \"{_text(cell('Kind'))}\"")
            pains = cards[owner].fields["pain_points"]
            pains.append({"id": f"pain-{len(pains) + 1}", "text": _text(cell("Text")), "severity": int(severity),
                          "kind": kind})
            cards[owner].field_places["pain_points"] = f'sheet "{PAINS}", {place}'

    def _info(self) -> dict[str, tuple[str, str]]:
        info = {}
        for number, cells in self.rows(MAP):
            label = _text(cells[0]).strip() if cells else ""
            if label in INFO_FIELDS and len(cells) > 1:
                info[INFO_FIELDS[label]] = (_text(cells[1]), f'sheet "{MAP}", row {number}')
        return info

    def _connections(self, journey: JourneyMap) -> None:
        columns: dict[str, int] | None = None
        kinds = {kind.value for kind in ConnectionKind}
        for number, cells in self.rows(CONNECTIONS):
            texts = [_text(cell).strip() for cell in cells]
            if columns is None:
                columns = {text.lower(): i for i, text in enumerate(texts) if text}
                if "from id" not in columns or "to id" not in columns:
                    raise self.fail(CONNECTIONS, f"row {number}", 'needs the columns "From id" and "To id"')
                continue
            if not any(texts):
                continue

            def cell(name: str) -> str:
                index = columns.get(name.lower())
                return texts[index] if index is not None and index < len(texts) else ""

            ends = []
            for header in ("From id", "To id"):
                if not journey.has_touchpoint(cell(header)):
                    raise self.fail(CONNECTIONS, f'row {number}, column "{header}"',
                                    f'names no touchpoint of the "{TOUCHPOINTS}" sheet: "{cell(header)}"')
                ends.append(cell(header))
            kind = cell("Kind").lower() or ConnectionKind.main.value
            if kind not in kinds:
                raise self.fail(CONNECTIONS, f'row {number}, column "Kind"',
                                f"must be one of {', '.join(sorted(kinds))}, not \"{cell('Kind')}\"")
            label = _text(cells[columns["label"]]) if "label" in columns and columns["label"] < len(cells) else ""
            try:
                journey.add_connection(*ends, kind=kind, label=label)
            except InvalidChange as error:
                raise self.fail(CONNECTIONS, f"row {number}", error.reason) from None


def _text(value: Any) -> str:
    """A cell's value as the CSV reader reads text: whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:39] + "…"
