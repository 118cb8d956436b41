"""The automatic backups the main window makes: daily (soon after start, if the newest is a
day old) and on close. A backup that fails never stops the clerk from working or closing:
it is written to the log and the Backups page shows what exists."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from ..services.context import ServiceContext
from .tasks import TaskRunner

log = logging.getLogger(__name__)


def daily_backup(ctx: ServiceContext, runner: TaskRunner, owner: QWidget) -> None:
    from ..services.backup import auto_backup

    def failed(exc: BaseException) -> bool:
        log.warning("daily backup failed: %s", exc)
        return True  # handled: no dialog for a background backup

    runner.run(lambda: auto_backup(ctx, "daily"), None, failed, owner=owner)


def close_backup(ctx: ServiceContext) -> None:
    from ..services.backup import auto_backup

    try:
        auto_backup(ctx, "close")
    except Exception as exc:  # noqa: BLE001 - closing must go on whatever happens
        log.warning("backup on close failed: %s", exc)
