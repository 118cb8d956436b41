from __future__ import annotations

from sonla_desktop import APP_TITLE_VI
from sonla_desktop.ui.main_window import MainWindow
from sonla_desktop.ui.pages import PAGES


def test_main_window_has_vietnamese_title_and_navigation(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == APP_TITLE_VI
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[:3] == ["Người lao động", "Khoản vay", "Hội nghị tư vấn"]
    assert len(labels) == len(PAGES)
    window.show_page("settings")
    assert window.stack.currentWidget() is window.pages["settings"]


def test_task_runner_returns_results_on_the_gui_thread(qtbot, ctx):
    from PySide6.QtCore import QThread

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    results = []
    window.runner.run(lambda: QThread.currentThread(), results.append)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
    assert results[0] is not window.thread()  # the work ran elsewhere
