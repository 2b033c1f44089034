"""Speed of the model on the generated 2,000-touchpoint map: load, save, analysis and layout."""

import pytest

from model.analysis import analyse
from model.journey_file import load, save, to_bytes
from model.layout import layout
from tests.benchmarks.maps import bench_map


@pytest.fixture(scope="module")
def big():
    return bench_map("2,000")


def test_model(bench, big, tmp_path):
    path = tmp_path / "large.journey"
    bench("save the file (model)", "2,000", lambda: save(big, path))
    assert path.read_bytes() == to_bytes(big)
    bench("load the file (model)", "2,000", lambda: load(path))
    bench("analysis (model)", "2,000", lambda: analyse(big), rounds=15)
    bench("layout (model)", "2,000", lambda: layout(big), rounds=15)
