"""GUI entry point: QApplication, language, crash handler, database, first run, main window.

Start-up order matters for how fast the clerk sees the list: on an ordinary day (SQLite file,
schema current, node set up) the window is built from ``services.quick_start`` (plain
sqlite3) and SQLAlchemy loads afterwards on a worker thread with the first background query.
Nothing imported at the top of this module, ``main_window`` or the workers page may import
SQLAlchemy; ``tests/gui_workers/test_startup_cost.py`` checks it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from .. import APP_NAME, APP_TITLE_EN, APP_TITLE_VI, paths
from ..db import Database, open_database, resolve_url
from ..errors import DamagedDatabaseError, UserError
from ..services.context import ServiceContext

if TYPE_CHECKING:
    from . import single_instance
    from .main_window import MainWindow


def app_icon() -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / "app.svg"))


def create_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The QApplication with names, icon and translators for ``lang`` (saved choice if None)."""
    from . import gc_guard
    from .i18n import install_translations, saved_language

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    gc_guard.install(app)
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


def log_in(db: Database) -> ServiceContext | None:
    """The login dialog (or, on a database without accounts, the first administrator's);
    None if cancelled. ``SONLA_USER``/``SONLA_PASSWORD`` log in without the dialog, for
    scripted runs (the installer's smoke test, the bench) as on the command line."""
    from ..services.users import create_first_admin, login, needs_first_admin
    from .login_dialog import LoginDialog

    first = needs_first_admin(db)
    name, password = os.environ.get("SONLA_USER"), os.environ.get("SONLA_PASSWORD")
    if name and password is not None:
        return create_first_admin(db, name, password) if first else login(db, name, password)
    dialog = LoginDialog(db, first_admin=first)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.ctx


def open_main_window(db_arg: str | None = None) -> MainWindow | None:
    """Open the database (first-run wizard if new), log in and show the main window.

    None if the clerk cancelled the first-run wizard or the login; ``UserError`` if the
    database cannot be opened (newer schema, unreachable server...).
    """
    from ..services.quick_start import read_start
    from .idle_lock import IdleLock
    from .main_window import MainWindow
    from .table_models.worker_table_model import PAGE_SIZE

    db = open_database(db_arg)
    if not ensure_initialised(db):
        return None
    ctx = log_in(db)
    if ctx is None:
        return None
    # The first page's rows, read without the ORM, only for a role that may see them.
    start = read_start(Database(db_arg), PAGE_SIZE) if ctx.may("workers.read") else None
    window = MainWindow(ctx, start=start)
    window.idle_lock = IdleLock(window, ctx)
    window.show()
    return window


def run_gui(db_arg: str | None = None, sync_file: str | None = None) -> int:
    """``sync_file``: a ``.sldsync`` path (a double-clicked bundle) to show on the sync page's
    receive tab once the window is up; nothing is imported until the clerk confirms."""
    from ..services.leftovers import clean_leftovers
    from . import single_instance
    from .crash import install_excepthook

    app = create_app()
    install_excepthook()
    # One window per user and database: a later launch (a second double-click on a bundle)
    # gives its file to the program already open and stops here.
    name = single_instance.instance_name(resolve_url(db_arg))
    primary = single_instance.claim(name)
    # If the lock is held but nobody answers (hung, or a foreign lock file), a second window
    # is better than none; the warning is in the log.
    handed = Path(sync_file).resolve() if sync_file else None
    if primary is None and single_instance.hand_over(name, handed):
        return 0
    clean_leftovers(db_arg)  # what a killed export or backup left (issue #12)
    try:
        return _run_primary(app, db_arg, sync_file, primary)
    finally:
        if primary is not None:
            primary.close()


def _run_primary(app: QApplication, db_arg: str | None, sync_file: str | None,
                 primary: single_instance.Primary | None) -> int:
    while True:
        try:
            window = open_main_window(db_arg)
            break
        except DamagedDatabaseError as err:  # not a database: say so, offer another file
            from .db_problem import ask_other_file

            db_arg = ask_other_file(err)
            if db_arg is None:
                return 1
        except UserError as err:
            QMessageBox.critical(None, APP_TITLE_VI, str(err))
            return 1
    if window is None:
        return 0
    if sync_file:
        window.open_sync_file(Path(sync_file).resolve())
    if primary is not None:
        primary.set_handler(lambda path: _handed_over(window, path))
    if os.environ.get("SONLA_EXIT_AFTER_FIRST_PAINT"):
        _exit_after_first_paint(app, window)
    return app.exec()


def _handed_over(window: MainWindow, sync_file: Path | None) -> None:
    """Another launch on this database sent ``sync_file`` (None: just started again)."""
    from . import single_instance

    single_instance.come_forward(window)
    if sync_file is not None:
        window.open_sync_file(sync_file)


def _exit_after_first_paint(app: QApplication, window: QWidget) -> None:
    """Start-up timing from outside the process (installer/smoke_test.py times the frozen
    program against the source one): quit once the window has painted, as the bench does."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)  # after the children's paint in this pass
            return False

    window.installEventFilter(_Painted(window))
