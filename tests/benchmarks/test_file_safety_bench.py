"""How fast hostile files are refused (run with `make bench`).

Targets: a 60 MB array of numbers and a named pipe are each refused well under a second.
"""

import os

import pytest

from model.errors import JourneyFileError
from model.journey_file import load
from tests.model.test_hostile_files import hostile_array


def refused(path):
    with pytest.raises(JourneyFileError):
        load(path)


def test_refuse_a_60_mb_array_of_numbers(benchmark, tmp_path):
    path = hostile_array(tmp_path / "numbers.journey")
    benchmark(refused, path)


def test_refuse_a_named_pipe(benchmark, tmp_path):
    fifo = tmp_path / "x.journey"
    os.mkfifo(fifo)
    benchmark(refused, fifo)
