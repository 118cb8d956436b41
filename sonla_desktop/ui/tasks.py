"""Database work off the GUI thread (after Anki's taskman/operations).

``runner.run(fn, on_done)`` calls ``fn()`` on a worker thread and ``on_done(result)`` back on
the GUI thread. A progress dialog appears only if the work takes longer than ~0.5 s.
``UserError`` becomes a plain message box in the UI language; anything else goes to the
crash handler (dialog + log file) and the app stays usable. With ``progress=True`` the work
function receives a ``report(done, total)`` callable and the dialog shows a bar.

Each worker thread gets its own SQLAlchemy connection from the engine pool, so the GUI
thread never blocks on SQLite.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..errors import UserError

PROGRESS_DELAY_MS = 500


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], with_progress: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.with_progress = with_progress
        self.signals = _Signals()

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self.signals.progress.emit) if self.with_progress else self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal, value: object) -> None:
        # RuntimeError: the application is closing and the runner is gone: nobody to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class TaskRunner(QObject):
    """One per main window. ``wait_idle()`` helps tests and shutdown."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._jobs: set[_Job] = set()
        self._held: list[_Job] | None = None

    def hold(self) -> None:
        """Queue new work without starting it until ``release()``.

        At start-up the first frame should not share the CPU with SQLAlchemy loading on a
        worker thread (the first background query imports it): the main window holds the
        runner until it has been painted once.
        """
        if self._held is None:
            self._held = []

    def is_held(self) -> bool:
        return self._held is not None

    def release(self) -> None:
        held, self._held = self._held or [], None
        for job in held:
            self.pool.start(job)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
        progress: bool = False,
        owner: QObject | None = None,
    ) -> None:
        """``on_error`` may return True to say it handled the error itself.

        ``owner`` (default: ``parent``) owns the callbacks: if it has been deleted when the
        work ends (the clerk closed the form), they are not called.
        """
        owner = owner if owner is not None else parent
        job = _Job(fn, progress)
        self._jobs.add(job)
        dialog: list[QProgressDialog] = []
        last = [0, 0]
        timer = QTimer(self)
        timer.setSingleShot(True)

        def show_progress() -> None:
            if job in self._jobs and label:
                box = QProgressDialog(label, "", 0, last[1], parent)
                box.setCancelButton(None)
                box.setWindowModality(Qt.WindowModality.WindowModal)
                box.setMinimumDuration(0)
                box.setValue(last[0])
                box.show()
                dialog.append(box)

        @Slot(int, int)
        def on_progress(done_count: int, total: int) -> None:
            last[:] = [done_count, total]
            for box in dialog:
                box.setMaximum(total)
                box.setValue(done_count)

        def finish() -> None:
            timer.stop()
            timer.deleteLater()  # one timer per job: do not let them pile up on the runner
            self._jobs.discard(job)
            for box in dialog:
                box.close()

        def parent_gone() -> bool:
            # The window that asked (a form the clerk closed meanwhile) no longer exists:
            # its callbacks would touch deleted widgets.
            return owner is not None and not shiboken6.isValid(owner)

        @Slot(object)
        def done(result: object) -> None:
            finish()
            if on_done is not None and not parent_gone():
                on_done(result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            finish()
            if parent_gone():
                if not isinstance(exc, UserError):
                    show_error(exc, None)
                return
            if on_error is not None and on_error(exc):
                return
            show_error(exc, parent)

        job.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        job.signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        timer.timeout.connect(show_progress)
        timer.start(PROGRESS_DELAY_MS)
        if self._held is not None:
            self._held.append(job)
        else:
            self.pool.start(job)

    def busy(self) -> bool:
        return bool(self._jobs)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Wait for the started work (held work has not started: it is not waited for)."""
        return self.pool.waitForDone(timeout_ms)


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, QCoreApplication.translate("tasks", "Không thực hiện được"),
                            str(exc))
        return
    from .crash import report_exception

    report_exception(type(exc), exc, exc.__traceback__, parent)


