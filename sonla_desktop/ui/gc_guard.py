"""Python's cycle collector runs only on the GUI thread.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If
that is one of the task runner's threads and the garbage holds a Qt object (a closed dialog
caught in a reference cycle with its slots), the object is destroyed off the GUI thread and
the program can crash. Seen here as a segmentation fault "Garbage-collecting" inside a
background query. So automatic collection is switched off and the GUI thread collects on a
timer, generation by generation, as the default thresholds would (the pattern pyqtgraph and
others use for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_if_due(threshold: tuple[int, int, int]) -> None:
    """What automatic collection would have done by now, on the calling thread."""
    count0, count1, count2 = gc.get_count()
    if count0 > threshold[0]:
        gc.collect(0)
        if count1 > threshold[1]:
            gc.collect(1)
            if count2 > threshold[2]:
                gc.collect(2)


class GuiThreadCollector(QObject):
    """Owned by the QApplication; one per process."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: collect_if_due(self.threshold))
        self.timer.start(interval_ms)


def install(app: QObject) -> GuiThreadCollector:
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
