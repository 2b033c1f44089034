"""Speed of the PowerPoint export (run with `make bench`).

Target: `main.py export` of the 100-touchpoint map to .pptx under 2 s as a whole process
(`test_pptx_100_whole_process` times one such process); the 2,000-touchpoint map shows how the
overview's shapes and the stage tables scale.
"""

import subprocess
import sys

import pytest

from app.slides.deck import build_deck
from model.journey_file import save
from tests.command_line import ROOT
from tests.factories import large_map


@pytest.fixture(scope="module")
def hundred():
    return large_map(touchpoints=100, stages=8, lanes=4, connections=150)


def test_pptx_100(benchmark, hundred):
    deck = benchmark(build_deck, hundred)
    assert len(deck.slides) >= 11


def test_pptx_100_whole_process(benchmark, hundred, tmp_path):
    save(hundred, tmp_path / "hundred.journey")
    command = [sys.executable, str(ROOT / "main.py"), "export", str(tmp_path / "hundred.journey"),
               "-o", str(tmp_path / "deck.pptx")]
    result = benchmark.pedantic(subprocess.run, (command,), {"cwd": ROOT, "capture_output": True}, rounds=3)
    assert result.returncode == 0 and (tmp_path / "deck.pptx").stat().st_size > 0


def test_pptx_2000(benchmark):
    deck = benchmark.pedantic(build_deck, (large_map(),), rounds=1, iterations=1)
    assert len(deck.slides) > 20
