"""GUI entry point: QApplication, language, crash handler, database, first run, main window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .. import APP_NAME, APP_TITLE_EN, APP_TITLE_VI, paths
from ..db import Database, open_database
from ..errors import UserError
from ..services.context import ServiceContext


def app_icon() -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / "app.svg"))


def create_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The QApplication with names, icon and translators for ``lang`` (saved choice if None)."""
    from .i18n import install_translations, saved_language

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("SonLa")
    app.setWindowIcon(app_icon())
    lang = lang or saved_language()
    install_translations(lang, app)
    app.setApplicationDisplayName(APP_TITLE_EN if lang == "en" else APP_TITLE_VI)
    return app


def ensure_initialised(db: Database) -> bool:
    """On an empty database run the first-run wizard; False if the clerk cancelled it."""
    from ..services.setup import is_initialised

    if is_initialised(db):
        return True
    from .first_run import FirstRunWizard

    wizard = FirstRunWizard(db)
    return wizard.exec() == QDialog.DialogCode.Accepted


def run_gui(db_arg: str | None = None) -> int:
    from .crash import install_excepthook

    app = create_app()
    install_excepthook()
    try:
        db = open_database(db_arg)
    except UserError as err:
        QMessageBox.critical(None, APP_TITLE_VI, str(err))
        return 1
    if not ensure_initialised(db):
        return 0
    from .main_window import MainWindow

    window = MainWindow(ServiceContext(db))
    window.show()
    return app.exec()
