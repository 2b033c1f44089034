"""Whole processes, as a user starts them: the editor to its first painted canvas, and the command line."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.journey_file import save
from tests.benchmarks.conftest import record
from tests.benchmarks.maps import SAMPLE, bench_map
from tests.factories import large_map

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("probe.py")


def _env(tmp_path: Path) -> dict:
    """A user's environment: settings in the test's folder, and compiled modules cached as on any
    install (a sandbox's PYTHONDONTWRITEBYTECODE would add ~0.1 s of compiling to every start)."""
    environ = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data")}


def _probe(tmp_path: Path, *args: str) -> list[float]:
    """Run probe.py; what it prints last on its one line of figures."""
    done = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True, env=_env(tmp_path),
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return [float(figure) for figure in done.stdout.split()]


def _process_ms(tmp_path: Path, *args: str, rounds: int = 7) -> tuple[list[float], list[float]]:
    """Wall and CPU ms of `main.py ARGS` as whole processes, `rounds` times."""
    walls, cpus = [], []
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "main.py", *args], capture_output=True, env=_env(tmp_path), cwd=ROOT)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(1000 * (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
        assert done.returncode == 0, done.stderr
    return walls, cpus


@pytest.mark.parametrize("column", ["sample", "2,000"], ids=["sample", "2000"])
def test_launch_to_first_paint(tmp_path, column):
    # A copy: the probe exits without closing the map, which leaves its lock beside the file.
    path = tmp_path / "map.journey"
    if column == "sample":
        shutil.copyfile(SAMPLE, path)
    else:
        save(bench_map(column), path)
    _probe(tmp_path, "first-paint", str(path))  # once untimed, so that compiled modules are cached
    runs = [_probe(tmp_path, "first-paint", str(path)) for _ in range(5)]
    record("launch → first painted canvas (process)", column, [1000 * wall for wall, _ in runs],
           [1000 * cpu for _, cpu in runs])


def test_command_line(tmp_path):
    record("main.py validate (sample, process)", "sample", *_process_ms(tmp_path, "validate", str(SAMPLE)))
    record("main.py info (sample, process)", "sample", *_process_ms(tmp_path, "info", str(SAMPLE)))
    hundred = tmp_path / "hundred.journey"
    save(large_map(touchpoints=100, stages=8, lanes=4, connections=150), hundred)
    record("main.py export 100-touchpoint PDF (process)", "200",
           *_process_ms(tmp_path, "export", str(hundred), "-o", str(tmp_path / "out.pdf")))


def test_peak_memory_5000(tmp_path):
    """Open the 5,000 map in the window, scroll it end to end and export it: the process's peak memory."""
    path = tmp_path / "huge.journey"
    save(bench_map("5,000"), path)
    record("peak memory of the app (MB)", "5,000", _probe(tmp_path, "memory", str(path), str(tmp_path / "out.pdf"))[0])
