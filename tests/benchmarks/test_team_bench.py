"""Diff and merge of the 2,000-touchpoint map: what `git diff` and `git merge` wait for."""

import pytest

from model.diff import diff
from model.journey_file import map_from_bytes, to_bytes
from model.merge import merge
from tests.factories import large_map


@pytest.fixture(scope="module")
def versions():
    base = large_map()
    ours, theirs = (map_from_bytes(to_bytes(base)) for _ in range(2))
    ids = [tp.id for tp in base.touchpoints()]
    for tp_id in ids[::50]:
        ours.update_touchpoint(tp_id, title="Ours")
    for tp_id in ids[25::50]:
        theirs.update_touchpoint(tp_id, emotion=2)
    return base, ours, theirs


def test_diff(benchmark, versions):
    base, ours, _ = versions
    changes = benchmark(diff, base, ours)
    assert len(changes) == 40


def test_merge(benchmark, versions):
    merged = benchmark(merge, *versions)
    assert merged.conflicts == ()
