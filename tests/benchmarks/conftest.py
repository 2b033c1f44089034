"""`make bench`: what the user feels, timed, and printed as one table with the goal beside each figure.

Benchmarks run only when WAYFINDER_BENCH is set (`make bench` sets it), so `make test` never
waits on them and never asserts a time. Each measurement records a median in milliseconds
under a row (what the user does) and a column (which map); the session ends by printing the table.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Callable

import pytest

from tests.app.conftest import dialogs, settings_dir, window  # noqa: F401  (the GUI benchmarks use them)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MAPS = ("sample", "200", "2,000", "5,000")

# (what the user does, map) -> goal in ms; a row's goal for "2,000" holds for the smaller maps too.
GOALS: dict[tuple[str, str], float] = {
    ("launch → first painted canvas (process)", "sample"): 800,
    ("launch → first painted canvas (process)", "2,000"): 1500,
    ("open a map (File → Open, painted)", "2,000"): 1500,
    ("zoom one step from fit (Ctrl++)", "sample"): 10,
    ("zoom one step from fit (Ctrl++)", "2,000"): 30,
    ("zoom one step from fit (Ctrl++)", "5,000"): 60,
    ("drag a card, per mouse move", "2,000"): 8,
    ("drag a card, per mouse move", "5,000"): 16,
    ("drop a card into another cell", "2,000"): 50,
    ("Enter → title editor shown", "2,000"): 30,
    ("undo one step (Ctrl+Z)", "2,000"): 30,
    ("type one character in the inspector", "2,000"): 30,
    ("scroll one page (PgDn), painted", "5,000"): 60,
    ("peak memory of the app (MB)", "5,000"): 500,
    ("main.py validate (sample, process)", "sample"): 250,
    ("main.py info (sample, process)", "sample"): 250,
    ("main.py export 100-touchpoint PDF (process)", "200"): 500,
    ("load the file (model)", "2,000"): 300,
    ("save the file (model)", "2,000"): 300,
    ("analysis (model)", "2,000"): 20,
    ("layout (model)", "2,000"): 50,
}


def goal(row: str, column: str) -> float | None:
    if (row, column) in GOALS:
        return GOALS[row, column]
    if column in ("sample", "200"):
        return GOALS.get((row, "2,000"))
    return None


RESULTS: dict[tuple[str, str], tuple[float, float | None]] = {}  # (row, map) -> (wall, cpu) medians
ROWS: list[str] = []


def record(row: str, column: str, wall: list[float] | float, cpu: list[float] | float | None = None) -> None:
    """Record the medians of wall-clock and CPU times (ms) of one row and map."""
    if row not in ROWS:
        ROWS.append(row)
    middle = lambda v: statistics.median(v) if isinstance(v, list) else v  # noqa: E731
    RESULTS[row, column] = (middle(wall), None if cpu is None else middle(cpu))


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, cpu) ms of one call. CPU time is what a loaded machine cannot inflate by making us wait."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


@pytest.fixture
def bench():
    """`bench(row, column, run, rounds=..., setup=...)` times `run` (after an untimed `setup`) and records it."""
    def measure(row: str, column: str, run: Callable[[], object], rounds: int = 7,
                setup: Callable[[], object] | None = None) -> None:
        walls, cpus = [], []
        for _ in range(rounds):
            if setup is not None:
                setup()
            wall, cpu = timed(run)
            walls.append(wall)
            cpus.append(cpu)
        record(row, column, walls, cpus)
    return measure


@pytest.fixture
def benchmark(request, bench):
    """pytest-benchmark's `benchmark(fn, *args)` and `benchmark.pedantic(fn, args, kwargs, rounds=...)` for
    benchmarks written for it: `make bench` runs without that plugin, so they join the one table, as a
    row named after the test, on the 2,000 map."""
    row = request.node.name.removeprefix("test_").replace("_", " ")

    class Benchmark:
        def __init__(self):
            self.extra_info: dict = {}  # what pytest-benchmark stores beside its figures; the table leaves it out

        def __call__(self, fn, *args, **kwargs):
            return self.pedantic(fn, args, kwargs, rounds=15)

        def pedantic(self, fn, args=(), kwargs=None, rounds=1, iterations=1):
            results = []
            bench(row, "2,000", lambda: results.append(fn(*args, **(kwargs or {}))), rounds=rounds * iterations)
            return results[-1]
    return Benchmark()


def pytest_collection_modifyitems(config, items):
    if os.environ.get("WAYFINDER_BENCH"):
        return
    skip = pytest.mark.skip(reason="benchmarks run with `make bench`")
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(skip)


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _cell(row: str, column: str) -> str:
    if (row, column) not in RESULTS:
        return ""
    (wall, cpu), target = RESULTS[row, column], goal(row, column)
    figure = _figure(wall) + (f" ({_figure(cpu)})" if cpu is not None else "")
    if target is None:
        return figure
    return f"{figure} / {target:,.0f} {'ok' if wall <= target else 'SLOW'}"


def pytest_terminal_summary(terminalreporter):
    if not RESULTS:
        return
    width = max(len(r) for r in ROWS)
    cells = {(r, c): _cell(r, c) for r in ROWS for c in MAPS}
    widths = {c: max(len(c), *(len(cells[r, c]) for r in ROWS)) for c in MAPS}
    write = terminalreporter.write_line
    load = os.getloadavg()
    write("")
    write(f"Wayfinder: median wall ms (CPU ms) / goal (memory in MB); load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f} on {os.cpu_count()} cores")
    write(" | ".join([" " * width, *(c.rjust(widths[c]) for c in MAPS)]))
    write("-+-".join(["-" * width, *("-" * widths[c] for c in MAPS)]))
    for row in ROWS:
        write(" | ".join([row.ljust(width), *(cells[row, c].rjust(widths[c]) for c in MAPS)]))
