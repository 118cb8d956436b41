"""Garbage holding Qt objects is collected on the GUI thread, never on a runner's thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from sonla_desktop.ui import gc_guard


def test_cycles_wait_for_the_gui_thread(qtbot, qapp):
    gc_guard.install(qapp)
    assert not gc.isenabled()
    collected_on: list[str] = []

    class Holder:
        pass

    holder = Holder()
    holder.me = holder  # a cycle only the cycle collector can free
    holder.qt = QObject()
    weakref.finalize(holder, lambda: collected_on.append(threading.current_thread().name))
    del holder

    kept: list = []

    def allocate() -> None:
        # Far past the generation-0 threshold (and kept, so the count stays past it): with
        # automatic collection on, the cycle above would be freed right here, on this thread.
        kept.append([[i] for i in range(200_000)])

    worker = threading.Thread(target=allocate, name="runner-thread")
    worker.start()
    worker.join()
    assert collected_on == []
    qtbot.waitUntil(lambda: collected_on != [], timeout=5000)
    assert collected_on == [threading.main_thread().name]
    kept.clear()


def test_installing_twice_keeps_one_collector(qapp):
    assert gc_guard.install(qapp) is gc_guard.install(qapp)
    assert len(qapp.findChildren(gc_guard.GuiThreadCollector)) == 1
