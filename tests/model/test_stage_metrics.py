"""Stage metrics: status against target, trend, and refreshing values from a CSV or XLSX file."""

from __future__ import annotations

import datetime as dt

import pytest

from model.entities import Kpi, KpiReading
from model.stage_metrics import (KpiStatus, MetricFileError, Trend, format_value, kpi_status, kpi_trend,
                                 plan_refresh, read_refresh_rows)
from tests.factories import make_map


def metric_map():
    journey = make_map(stages=("Aware", "Buy"))
    journey.update_stage("buy", kpis=(Kpi(name="Drop-off", unit="%", direction="lower_is_better", current=30, target=20,
                                          history=(KpiReading(date=dt.date(2026, 1, 1), value=35),)),
                                      Kpi(name="NPS", current=12, target=10)))
    return journey


def test_status_and_trend_follow_the_metrics_direction():
    drop_off, nps = metric_map().stage("buy").kpis
    assert kpi_status(drop_off) == KpiStatus.missed and kpi_trend(drop_off) == Trend.better
    assert kpi_status(nps) == KpiStatus.met and kpi_trend(nps) == Trend.unknown
    assert kpi_status(Kpi(name="X", target=3)) == KpiStatus.unknown
    assert format_value(drop_off, 30) == "30%" and format_value(Kpi(name="T", unit="min"), 4.5) == "4.5 min"
    assert format_value(nps, None) == "—"


def test_a_metric_names_itself_once_per_stage():
    journey = make_map()
    with pytest.raises(ValueError, match="named once"):
        journey.update_stage("buy", kpis=(Kpi(name="NPS"), Kpi(name="nps")))


def test_a_csv_refresh_adds_dated_values_and_takes_the_latest_as_current(tmp_path):
    journey = metric_map()
    path = tmp_path / "metrics.csv"
    path.write_text("Stage,Metric,Date,Value\nBuy,drop-off,2026-03-01,22\nbuy,Drop-off,2026-02-01,26%\n"
                    "Buy,NPS,2026-03-01,15\n", encoding="utf-8")
    refresh = plan_refresh(journey, read_refresh_rows(path), path.name)
    drop_off, nps = refresh.kpis["buy"]
    assert [(r.date.month, r.value) for r in drop_off.history] == [(1, 35), (2, 26), (3, 22)]
    assert drop_off.current == 22 and nps.current == 15 and refresh.rows == 3
    assert "aware" not in refresh.kpis


def test_a_refresh_names_every_row_that_does_not_match(tmp_path):
    path = tmp_path / "metrics.csv"
    path.write_text("stage,metric,date,value\nPay,NPS,2026-03-01,1\nBuy,CSAT,2026-03-01,1\n"
                    "Buy,NPS,March,1\nBuy,NPS,2026-03-01,lots\n", encoding="utf-8")
    with pytest.raises(MetricFileError) as error:
        plan_refresh(metric_map(), read_refresh_rows(path), path.name)
    assert error.value.problems == [
        "row 2: there is no stage “Pay”", "row 3: stage “Buy” has no metric “CSAT”",
        "row 4: “March” is not a date (YYYY-MM-DD)", "row 5: “lots” is not a number"]


def test_a_file_without_the_header_is_refused(tmp_path):
    path = tmp_path / "metrics.csv"
    path.write_text("Buy,NPS,2026-03-01,1\n", encoding="utf-8")
    with pytest.raises(MetricFileError, match="row 1 must be the header stage, metric, date, value"):
        read_refresh_rows(path)


def test_an_xlsx_refresh_reads_dates_and_numbers_as_cells(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["stage", "metric", "date", "value"])
    sheet.append(["Buy", "NPS", dt.datetime(2026, 4, 1), 18])
    path = tmp_path / "metrics.xlsx"
    workbook.save(path)
    refresh = plan_refresh(metric_map(), read_refresh_rows(path), path.name)
    assert refresh.kpis["buy"][1].current == 18 and refresh.kpis["buy"][1].history[-1].date == dt.date(2026, 4, 1)
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(MetricFileError, match="broken.xlsx: is not a readable XLSX workbook"):
        read_refresh_rows(tmp_path / "broken.xlsx")
