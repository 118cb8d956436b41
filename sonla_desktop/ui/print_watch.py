"""After a CUPS queue accepted a job: follow it until the printer has finished with it, then
say so in the status bar, or say what went wrong (issue 19).

The scheduler is asked (``services.ipp.job_status``) on a worker thread every half second, so
a slow scheduler never freezes the window; the watch ends with the job, or after ten minutes
(a job still waiting then is the printer's business: its queue shows it).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from ..services.ipp import ABORTED, CANCELED, COMPLETED, STOPPED, JobStatus, job_status

POLL_MS = 500
GIVE_UP_MS = 10 * 60 * 1000
_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="print-watch")
_watching: set[JobWatch] = set()


def _window(widget: QWidget | None) -> QMainWindow | None:
    while widget is not None:
        if isinstance(widget, QMainWindow):
            return widget
        widget = widget.parentWidget()
    return None


class JobWatch(QObject):
    """Follows one job; ``ended`` carries its last status (state 0: gave up)."""

    ended = Signal(object)

    def __init__(self, job: str, title: str, printer: str, parent: QWidget | None) -> None:
        window = _window(parent)
        super().__init__(window or QApplication.instance())
        self.job, self.title, self.printer, self.window = job, title, printer, window
        self.message_box: QMessageBox | None = None
        self.pending: Future | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(lambda: self._end(JobStatus(0, (), "")))
        _watching.add(self)
        self.timer.start()
        self.deadline.start(GIVE_UP_MS)

    def _tick(self) -> None:
        if self.pending is None:
            self.pending = _pool.submit(job_status, self.job)
            return
        if not self.pending.done():
            return
        status = self.pending.result()
        self.pending = None
        if status.state in (COMPLETED, CANCELED, ABORTED, STOPPED):
            self._end(status)

    def _end(self, status: JobStatus) -> None:
        self.timer.stop()
        self.deadline.stop()
        _watching.discard(self)
        if status.state == COMPLETED:
            text = QCoreApplication.translate("PrintWatch", "Đã in xong “{0}” trên máy in {1}.")
            text = text.format(self.title, self.printer)
            if self.window is not None:
                self.window.statusBar().showMessage(text, 15000)
        elif status.state in (CANCELED, ABORTED, STOPPED):
            why = f" ({status.message})" if status.message else ""
            if status.state == STOPPED:
                text = QCoreApplication.translate(
                    "PrintWatch", "Máy in “{0}” đã dừng khi đang in “{1}”{2}. Hãy kiểm tra máy "
                                  "in (giấy, kẹt giấy, mực) rồi bật lại máy in trong Cài đặt "
                                  "máy in.")
            else:
                text = QCoreApplication.translate(
                    "PrintWatch", "Máy in “{0}” không in xong “{1}”{2}. Hãy kiểm tra máy in "
                                  "(giấy, kẹt giấy, mực, cáp) rồi in lại.")
            title = QCoreApplication.translate("PrintWatch", "In bị lỗi")
            self.message_box = QMessageBox(QMessageBox.Icon.Warning, title,
                                           text.format(self.printer, self.title, why),
                                           QMessageBox.StandardButton.Ok, self.window)
            self.message_box.setObjectName("print_job_failed")
            self.message_box.open()
        self.ended.emit(status)


def watch_job(job: str, title: str, printer: str, parent: QWidget | None) -> JobWatch:
    return JobWatch(job, title, printer, parent)
