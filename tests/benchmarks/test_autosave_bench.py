"""Autosave on the generated 2,000-touchpoint map (run with `make bench`).

Targets: the window's part (the snapshot) well under 30 ms; while the background thread turns
it into bytes and writes them, the event loop never waits more than 30 ms; the copy is on disk
about 2 s after the last change. The last two figures are in the bench's extra info.
"""

import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from model.document import to_document
from model.journey_file import document_bytes
from tests.app.conftest import dialogs, settings_dir, window  # noqa: F401 (fixtures)
from tests.factories import large_map


@pytest.fixture(scope="module")
def big():
    return large_map()


def test_snapshot_on_the_ui_thread(benchmark, big):
    benchmark(to_document, big)


def test_bytes_in_the_background_thread(benchmark, big):
    benchmark(document_bytes, to_document(big))


def test_latency_and_longest_ui_block(benchmark, window, big, qtbot):
    """Latency: last change to the copy on disk. UI block: the longest the event loop waited from
    the moment autosave began (the snapshot) until the copy was written; the canvas's own work
    right after the change is measured by the canvas benches."""
    window.document.replace(big, None)
    qtbot.wait(200)
    tp = next(iter(big.touchpoint_ids()))
    blocks, clock, began = [], QElapsedTimer(), []
    ticker = QTimer(interval=1)
    ticker.timeout.connect(lambda: blocks.append((time.perf_counter(), clock.restart())))
    window.autosave._quiet.timeout.connect(lambda: began.append(time.perf_counter()))  # runs after write_now

    def edit_and_wait():
        blocks.clear()
        began.clear()
        window.editing.step_emotion(tp, 1 if (big.touchpoint(tp).emotion or 0) < 2 else -1)
        edited = time.perf_counter()
        clock.start()
        ticker.start()
        with qtbot.waitSignal(window.autosave.written, timeout=10000):
            pass
        latency = time.perf_counter() - edited
        qtbot.wait(20)
        ticker.stop()
        longest.append(max(gap for end, gap in blocks if end >= began[0]))
        return latency

    longest: list[int] = []
    benchmark.pedantic(edit_and_wait, rounds=3, iterations=1)
    benchmark.extra_info["longest_ui_block_ms"] = max(longest)
    print(f"\nlongest event-loop wait while autosaving: {longest} ms")
