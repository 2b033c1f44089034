"""Reading refuses early: what is not a regular file, too large, or too many values is refused
before it can block, take seconds or take gigabytes, with the usual one line."""

from __future__ import annotations

import os
import socket
import time

import pytest

from model import journey_file
from model.errors import JourneyFileError
from model.journey_file import load, save
from tests.command_line import wayfinder
from tests.factories import make_map

HOSTILE_VALUES = 30_000_000  # "[1,1,1,…]": 60 MB, under the size limit


def hostile_array(path, values: int = HOSTILE_VALUES):
    path.write_bytes(b"[" + b"1," * (values - 1) + b"1]")
    return path


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "x.journey"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(JourneyFileError, match="x.journey: is a named pipe, not a map file"):
        load(fifo)
    assert time.perf_counter() - started < 1


def test_validate_on_the_command_line_does_not_hang_on_a_named_pipe(tmp_path):
    fifo = tmp_path / "x.journey"
    os.mkfifo(fifo)
    result = wayfinder("validate", str(fifo))  # times out (and fails) if it blocks
    assert result.returncode == 1 and "is a named pipe" in result.stdout


def test_folders_devices_and_sockets_are_refused(tmp_path):
    with pytest.raises(JourneyFileError, match="is a folder"):
        load(tmp_path)
    with pytest.raises(JourneyFileError, match="is a device"):
        load("/dev/zero")  # would read forever
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "s.journey"))
        with pytest.raises(JourneyFileError, match="is a socket"):
            load(tmp_path / "s.journey")


def test_an_oversized_file_is_refused_by_its_size_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "sparse.journey"
    with open(path, "wb") as stream:
        stream.truncate(journey_file.MAX_FILE_BYTES + 1)  # sparse: nothing to read, were it read
    read = []
    monkeypatch.setattr(journey_file.os, "fdopen", lambda *a, **k: read.append(a))
    with pytest.raises(JourneyFileError, match="is larger than 64 MiB"):
        load(path)
    assert read == []


def test_a_60_mb_array_of_numbers_is_refused_before_parsing(tmp_path, monkeypatch):
    path = hostile_array(tmp_path / "numbers.journey")
    parsed = []
    monkeypatch.setattr(journey_file, "parse_json", lambda data: parsed.append(1))
    with pytest.raises(JourneyFileError, match="holds more than 600,000 values"):
        load(path)
    assert parsed == []  # the bench records the time: tests/benchmarks/test_file_safety_bench.py


def test_the_value_limit_leaves_room_for_maps_seven_times_the_large_one():
    from tests.factories import large_map

    assert journey_file.to_bytes(large_map()).count(b",") * 7 < journey_file.MAX_VALUES


@pytest.mark.parametrize("error", [MemoryError, RecursionError])
def test_running_out_of_memory_or_stack_is_one_clear_line(tmp_path, monkeypatch, error):
    path = tmp_path / "map.journey"
    save(make_map(), path)

    def exhausted(*args, **kwargs):
        raise error()

    monkeypatch.setattr(journey_file.JourneyDocument, "model_validate", exhausted)
    with pytest.raises(JourneyFileError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}: ") and "\n" not in str(caught.value)
