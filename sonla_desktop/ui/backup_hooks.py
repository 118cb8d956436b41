"""The automatic backups the main window makes: daily (soon after start, if the newest is a
day old) and on close. A backup that fails never stops the clerk from working or closing:
it is written to the log and the Backups page shows what exists."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.text import group_digits
from ..services.context import ServiceContext
from .tasks import TaskRunner

log = logging.getLogger(__name__)


def daily_backup(ctx: ServiceContext, runner: TaskRunner, owner: QWidget) -> None:
    """First the erasures (a database file copied back by hand may hold people erased since:
    they are erased again before a backup copies them), then the day's backup."""
    from ..services.backup import auto_backup
    from ..services.erasure_ledger import check_erasures

    def failed(exc: BaseException) -> bool:
        log.warning("daily backup failed: %s", exc)
        return True  # handled: no dialog for a background backup

    def backup(_=None) -> None:
        runner.run(lambda: auto_backup(ctx, "daily"), None, failed, owner=owner)

    def erased(again: int) -> None:
        if again:
            QMessageBox.information(owner, QCoreApplication.translate(
                "BackupHooks", "Đã xoá lại thông tin"), QCoreApplication.translate(
                "BackupHooks",
                "Tệp cơ sở dữ liệu đang mở còn thông tin của {0} người đã được xoá theo yêu "
                "cầu (tệp được chép lại từ bản cũ?). Thông tin đó vừa được xoá lại.").format(
                    group_digits(again)))
        backup()

    def check_failed(exc: BaseException) -> bool:
        log.warning("erasure check failed: %s", exc)
        backup()
        return True

    if ctx.may("workers.write"):
        runner.run(lambda: check_erasures(ctx), erased, check_failed, owner=owner)
    else:
        backup()


def close_backup(ctx: ServiceContext) -> None:
    from ..services.backup import auto_backup

    try:
        auto_backup(ctx, "close")
    except Exception as exc:  # noqa: BLE001 - closing must go on whatever happens
        log.warning("backup on close failed: %s", exc)
