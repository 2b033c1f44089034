"""Speed of the model on the generated 2,000-touchpoint map (run with `make bench`).

Targets: load and save under 0.3 s each, analysis under 20 ms, layout well under 50 ms.
"""

import pytest

from model.analysis import analyse
from model.journey_file import load, save, to_bytes
from model.layout import layout
from tests.factories import large_map


@pytest.fixture(scope="module")
def big():
    return large_map()


@pytest.fixture(scope="module")
def big_file(big, tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "large.journey"
    save(big, path)
    return path


def test_load(benchmark, big_file):
    journey = benchmark(load, big_file)
    assert len(journey) == 2000


def test_save(benchmark, big, tmp_path):
    benchmark(save, big, tmp_path / "out.journey")
    assert (tmp_path / "out.journey").read_bytes() == to_bytes(big)


def test_analysis(benchmark, big):
    insights = benchmark(analyse, big)
    assert len(insights.stage_scores) == 20


def test_layout(benchmark, big):
    geometry = benchmark(layout, big)
    assert len(geometry.cards) == 2000
