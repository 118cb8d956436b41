"""Unexpected errors: a readable dialog, a log file in the user data folder, app keeps going."""

from __future__ import annotations

import datetime as _dt
import logging
import os
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import paths
from ..redact import format_exception

log = logging.getLogger("sonla_desktop")


def log_file() -> str:
    return str(paths.log_dir() / "sonla-desktop.log")


def setup_logging() -> None:
    target = os.path.abspath(log_file())
    for existing in list(log.handlers):
        if isinstance(existing, logging.FileHandler):
            if existing.baseFilename == target:
                return
            # The data folder moved (SONLA_DATA_DIR changed): log where the user will look.
            log.removeHandler(existing)
            existing.close()
    handler = logging.FileHandler(target, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def report_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
    parent: QWidget | None = None,
) -> None:
    setup_logging()
    text = format_exception(exc_type, exc, tb)  # no personal data in the log or dialog
    log.error("Unexpected error\n%s", text)
    if QApplication.instance() is None:
        print(text, file=sys.stderr, end="")
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("crash", "Lỗi không mong muốn"))
    box.setText(QCoreApplication.translate(
        "crash", "Chương trình gặp lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng; "
                 "bạn có thể tiếp tục làm việc.\n\nNhật ký lỗi: {0}").format(log_file()))
    box.setDetailedText(f"{_dt.datetime.now():%d/%m/%Y %H:%M:%S}\n{text}")
    box.exec()


def install_excepthook() -> None:
    setup_logging()
    sys.excepthook = report_exception
