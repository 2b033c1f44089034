"""The editor's process, set up before anything paints so that painting stays quick.

Both settings hold for the whole process and are read once, so `prepare_painting` runs before the
QApplication is made (the test suite calls it too, so that its windows paint as the editor's do).
"""

from __future__ import annotations

import ctypes
import os
import sys

# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
KEPT_FREE_MEMORY = 64 << 20  # freed memory the process keeps instead of handing it back to the system
LARGEST_FROM_HEAP = 32 << 20  # glibc's own ceiling for allocations it serves from the heap


def prepare_painting() -> None:
    """Set the process up to paint: on the painting thread alone, with the memory it frees kept."""
    _paint_on_one_thread()
    _keep_freed_memory()


def _paint_on_one_thread() -> None:
    """Qt's raster engine hands each fill of more than 96 lines to a pool of threads and waits for
    them. The canvas's fills are plain colours, and on a machine of two cores with other work on
    them the hand-off cost more than the fill: the canvas's vertical scroll bar took 0.9 ms to
    repaint instead of 0.2. Qt reads the switch when the pool is first asked for."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def _keep_freed_memory() -> None:
    """A zoom step paints every card in view into a new pixmap and frees the old ones. glibc gave the
    freed memory back to the system after each frame and took it back in the next, each page
    faulted in and zeroed again: a tenth of a zoom step on the sample map. Setting the trim
    threshold stops glibc moving the mmap threshold, so that is set too, to glibc's own ceiling."""
    if not sys.platform.startswith("linux"):
        return
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)  # the C library the interpreter runs on
    if mallopt is not None:
        mallopt(_M_TRIM_THRESHOLD, KEPT_FREE_MEMORY)
        mallopt(_M_MMAP_THRESHOLD, LARGEST_FROM_HEAP)
