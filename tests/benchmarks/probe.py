"""Run as a process by the benchmarks: how long until the canvas first paints, and the app's peak memory.

`probe.py first-paint FILE`: starts Wayfinder as `main.py FILE` would and prints the seconds from
the process's start to the canvas's first paint event, and the CPU seconds spent by then, then exits.
`probe.py memory FILE OUT.pdf`: opens FILE in the window, scrolls it end to end, exports it to PDF
and prints the process's peak resident memory in MB.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _process_age() -> float:
    """Seconds since this process started (from /proc, so interpreter start-up is counted)."""
    ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    boot = float(Path("/proc/uptime").read_text().split()[0])
    return boot - ticks / os.sysconf("SC_CLK_TCK")


def first_paint(path: str) -> None:
    import app.gui as gui

    make_application = gui.create_application

    def create_application(argv=None):
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QGraphicsView

        application = make_application(argv)

        class FirstPaint(QObject):
            def eventFilter(self, watched, event):
                if (event.type() == QEvent.Type.Paint and isinstance(watched.parent(), QGraphicsView)
                        and watched.parent().scene() is not None and watched.parent().scene().items()):
                    print(f"{_process_age():.3f} {time.process_time():.3f}", flush=True)
                    os._exit(0)
                return False

        application.first_paint = FirstPaint()
        application.installEventFilter(application.first_paint)
        return application

    gui.create_application = create_application
    from app.cli import main

    sys.exit(main([path]))


def memory(path: str, out: str) -> None:
    from PySide6.QtWidgets import QApplication

    from app.gui import create_application
    from app.main_window import MainWindow
    from app.pdf.report import render_pdf

    create_application()
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.open_path(path)
    QApplication.processEvents()
    window.view.actual_size()
    bar = window.view.verticalScrollBar()
    for scroll in (bar, window.view.horizontalScrollBar()):
        while scroll.value() < scroll.maximum():
            scroll.setValue(scroll.value() + scroll.pageStep())
            window.view.viewport().repaint()
    Path(out).write_bytes(render_pdf(window.document.journey, "A3", "landscape"))
    # VmHWM, not ru_maxrss: the latter keeps the high-water mark of the parent this process was forked from.
    peak_kb = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
                   if line.startswith("VmHWM:"))
    print(f"{peak_kb / 1024:.0f}", flush=True)
    window.document.undo_stack.setClean()
    os._exit(0)


if __name__ == "__main__":
    {"first-paint": first_paint, "memory": memory}[sys.argv[1]](*sys.argv[2:])
