"""Task runner progress and the crash handler: slow work shows progress, bugs are logged."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from sonla_desktop.errors import UserError
from sonla_desktop.ui import crash
from sonla_desktop.ui.tasks import TaskRunner


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_fast_work_shows_no_progress_dialog(qtbot):
    runner = TaskRunner()
    done = []
    runner.run(lambda: 42, done.append, label="Đang làm…")
    qtbot.waitUntil(lambda: done == [42], timeout=2000)
    qtbot.wait(600)
    assert _dialogs() == []


def test_slow_work_shows_a_progress_bar_after_half_a_second(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner()
    done, seen = [], []

    def work(report):
        for i in range(1, 4):
            report(i, 3)
            time.sleep(0.35)
        return "ok"

    runner.run(work, done.append, label="Đang tạo dữ liệu…", parent=parent, progress=True)
    qtbot.wait(200)
    assert _dialogs() == []  # not before ~0.5 s
    qtbot.waitUntil(lambda: _dialogs() != [], timeout=2000)
    box = _dialogs()[0]
    seen.append((box.labelText(), box.maximum()))
    qtbot.waitUntil(lambda: done == ["ok"], timeout=5000)
    assert seen == [("Đang tạo dữ liệu…", 3)]
    assert _dialogs() == []


def test_user_errors_become_a_message_and_bugs_go_to_the_crash_handler(qtbot, monkeypatch):
    messages, crashes = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(
        (title, text)))
    monkeypatch.setattr(crash, "report_exception",
                        lambda t, e, tb, parent=None: crashes.append(e))
    runner = TaskRunner()

    def user_error():
        raise UserError("Số CCCD đã có.", "ID exists.")

    def bug():
        raise ZeroDivisionError("boom")

    runner.run(user_error)
    runner.run(bug)
    qtbot.waitUntil(lambda: len(messages) == 1 and len(crashes) == 1, timeout=3000)
    assert messages[0][1] == "Số CCCD đã có."
    assert isinstance(crashes[0], ZeroDivisionError)


def test_callbacks_of_a_closed_window_are_skipped(qtbot):
    runner = TaskRunner()
    form = QWidget()
    called = []
    runner.run(lambda: time.sleep(0.2), lambda _r: called.append(form.isVisible()), parent=form)
    form.deleteLater()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=3000)
    assert called == []


def test_unexpected_error_in_a_slot_is_logged_and_the_app_keeps_running(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.windowTitle(), box.text(), box.detailedText())) or 0)
    hook = sys.excepthook
    crash.install_excepthook()
    try:
        assert sys.excepthook is crash.report_exception

        def broken_slot():
            raise KeyError("worker-missing-key")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=3000)
    finally:
        sys.excepthook = hook
    title, text, details = shown[0]
    assert title == "Lỗi không mong muốn"
    assert crash.log_file() in text
    assert "worker-missing-key" in details and "broken_slot" in details
    with open(crash.log_file(), encoding="utf-8") as fh:
        logged = fh.read()
    assert "worker-missing-key" in logged and "Traceback" in logged
    # Still alive: the event loop goes on delivering work.
    later = []
    QTimer.singleShot(0, lambda: later.append("ok"))
    qtbot.waitUntil(lambda: later == ["ok"], timeout=2000)
