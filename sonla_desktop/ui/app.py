"""GUI entry point: QApplication, database, main window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, APP_TITLE_VI, paths
from ..db import open_database
from ..errors import UserError
from ..services.context import ServiceContext


def app_icon() -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / "app.svg"))


def run_gui(db_arg: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE_VI)
    app.setOrganizationName("SonLa")
    app.setWindowIcon(app_icon())
    try:
        db = open_database(db_arg)
    except UserError as err:
        QMessageBox.critical(None, APP_TITLE_VI, str(err))
        return 1
    from .main_window import MainWindow

    window = MainWindow(ServiceContext(db))
    window.show()
    return app.exec()
