"""Stage metrics: the usual KPIs, whether each meets its target, its trend, and refreshing values
from a CSV or XLSX file (columns stage, metric, date, value).

A refresh matches rows to stages by name or id and to metrics by name (both ignoring case).
A row that names no stage, no metric of that stage, or holds no date or number is refused with
its row number and the reason; nothing is written unless every row matches, so a half-read
file never leaves half-refreshed metrics.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable, Optional

from .entities import Kpi, KpiDirection, KpiReading

# The metrics a stage usually carries: name -> (unit, direction). Any other name is a custom metric.
KPI_PRESETS: dict[str, tuple[str, KpiDirection]] = {
    "Time to task": ("min", KpiDirection.lower_is_better),
    "Completion rate": ("%", KpiDirection.higher_is_better),
    "Drop-off": ("%", KpiDirection.lower_is_better),
    "NPS": ("", KpiDirection.higher_is_better),
    "CSAT": ("%", KpiDirection.higher_is_better),
}

REFRESH_COLUMNS = ("stage", "metric", "date", "value")


class KpiStatus(str, Enum):
    """Where a metric stands against its target."""

    met = "met"
    missed = "missed"
    unknown = "unknown"  # no current value, or no target


class Trend(str, Enum):
    """How the latest change went, judged by the metric's direction."""

    better = "better"
    worse = "worse"
    flat = "flat"
    unknown = "unknown"  # fewer than two values


def kpi_status(kpi: Kpi) -> KpiStatus:
    if kpi.current is None or kpi.target is None:
        return KpiStatus.unknown
    higher = kpi.direction == KpiDirection.higher_is_better
    return KpiStatus.met if (kpi.current >= kpi.target if higher else kpi.current <= kpi.target) else KpiStatus.missed


def kpi_series(kpi: Kpi) -> list[float]:
    """The values to draw as a trend: the history, then the current value unless it is the latest reading."""
    values = [reading.value for reading in kpi.history]
    if kpi.current is not None and (not values or values[-1] != kpi.current):
        values.append(kpi.current)
    return values


def kpi_trend(kpi: Kpi) -> Trend:
    series = kpi_series(kpi)
    if len(series) < 2:
        return Trend.unknown
    change = series[-1] - series[-2]
    if change == 0:
        return Trend.flat
    better = change > 0 if kpi.direction == KpiDirection.higher_is_better else change < 0
    return Trend.better if better else Trend.worse


def format_value(kpi: Kpi, value: Optional[float]) -> str:
    """A value as the metrics lane and the PDF show it: '72%', '4.5 min', '—' when unmeasured."""
    if value is None:
        return "—"
    number = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    if not kpi.unit:
        return number
    return f"{number}{kpi.unit}" if kpi.unit == "%" else f"{number} {kpi.unit}"


class MetricFileError(ValueError):
    """A metrics file that cannot be used: which file, which rows, and why."""

    def __init__(self, source: str, problems: list[str]):
        self.source, self.problems = source, problems
        shown = problems[:10] + ([f"… and {len(problems) - 10} more"] if len(problems) > 10 else [])
        super().__init__(f"{source}: " + "; ".join(shown))


@dataclass
class MetricRefresh:
    """The new metrics of every stage a file named, ready for one undo step."""

    source: str
    kpis: dict[str, tuple[Kpi, ...]] = field(default_factory=dict)
    rows: int = 0


def read_refresh_rows(path: str | Path) -> list[tuple[int, list[object]]]:
    """(row number, cells) of a CSV or XLSX file after its header row; the header must name the four columns."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise MetricFileError(path.name, [f"cannot be read ({error})"]) from None
        rows = list(csv.reader(io.StringIO(text)))
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(str(c or "").strip() for c in row)]
    if not numbered:
        raise MetricFileError(path.name, ["is empty: it needs a header row stage, metric, date, value"])
    (_, header), body = numbered[0], numbered[1:]
    names = [str(c or "").strip().casefold() for c in header]
    if names[:4] != list(REFRESH_COLUMNS):
        raise MetricFileError(path.name, [f"row 1 must be the header {', '.join(REFRESH_COLUMNS)} "
                                          f"(it is {', '.join(str(c) for c in header)})"])
    return body


def _xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook  # only a metrics refresh needs it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise MetricFileError(path.name, [f"is not a readable XLSX workbook ({error})"]) from None
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def plan_refresh(journey, rows: Iterable[tuple[int, list[object]]], source: str) -> MetricRefresh:
    """Each named stage's metrics with the rows' dated values added to their history and the
    latest as current; raises `MetricFileError` naming every row that does not match."""
    by_name = {}
    for stage in journey.stages:
        by_name.setdefault(stage.name.strip().casefold(), stage)
        by_name.setdefault(stage.id.casefold(), stage)
    readings: dict[tuple[str, str], dict[dt.date, float]] = {}
    problems: list[str] = []
    count = 0
    for number, cells in rows:
        cells = list(cells) + [None] * (4 - len(cells))
        stage_name, metric_name = str(cells[0] or "").strip(), str(cells[1] or "").strip()
        stage = by_name.get(stage_name.casefold())
        if stage is None:
            problems.append(f"row {number}: there is no stage “{stage_name}”")
            continue
        kpi = next((k for k in stage.kpis if k.name.casefold() == metric_name.casefold()), None)
        if kpi is None:
            problems.append(f"row {number}: stage “{stage.name}” has no metric “{metric_name}”")
            continue
        when, value = _date(cells[2]), _number(cells[3])
        if when is None:
            problems.append(f"row {number}: “{cells[2]}” is not a date (YYYY-MM-DD)")
        elif value is None:
            problems.append(f"row {number}: “{cells[3]}” is not a number")
        else:
            readings.setdefault((stage.id, kpi.name), {})[when] = value
            count += 1
    if problems:
        raise MetricFileError(source, problems)
    refresh = MetricRefresh(source, rows=count)
    for stage in journey.stages:
        if not any(stage_id == stage.id for stage_id, _ in readings):
            continue
        refresh.kpis[stage.id] = tuple(_with_readings(kpi, readings.get((stage.id, kpi.name), {}))
                                       for kpi in stage.kpis)
    return refresh


def _with_readings(kpi: Kpi, new: dict[dt.date, float]) -> Kpi:
    if not new:
        return kpi
    history = {reading.date: reading.value for reading in kpi.history}
    history.update(new)
    ordered = tuple(KpiReading(date=day, value=history[day]) for day in sorted(history))
    return kpi.model_copy(update={"history": ordered, "current": ordered[-1].value})


def _date(cell: object) -> Optional[dt.date]:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    try:
        return dt.date.fromisoformat(str(cell or "").strip())
    except ValueError:
        return None


def _number(cell: object) -> Optional[float]:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        return float(cell)
    try:
        value = float(str(cell or "").strip().rstrip("%").replace(",", ""))
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None
