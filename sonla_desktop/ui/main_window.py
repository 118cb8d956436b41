"""Main window: left navigation, pages, menu bar, status bar, shortcuts, geometry."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .. import APP_TITLE_EN, APP_TITLE_VI, paths
from ..errors import current_language
from .page_access import page_action
from .pages import PAGES, PageSpec
from .reports.excel_actions import ExcelActions
from .settings import ui_settings
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..services.context import ServiceContext
    from ..services.quick_start import StartData
    from ..services.status import OfficeStatus


DAILY_BACKUP_DELAY_MS = 20_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("pages", text)


def app_title() -> str:
    return APP_TITLE_EN if current_language() == "en" else APP_TITLE_VI


class ComingPage(QWidget):
    """Shown for a section whose issue has not landed yet (never a fake feature)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("<h2>{0}</h2><p>Chức năng này sẽ có trong phiên bản sau.</p>")
                       .format(title))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)


class _Pages(Mapping[str, QWidget]):
    """The pages by key, each built the first time it is asked for.

    Start-up only builds the first page: the others (and whatever their modules import,
    e.g. PDF or Excel libraries) cost nothing until the clerk opens them.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            if key not in {spec.key for spec in PAGES}:
                raise KeyError(key)
            self._built[key] = self._window._install_page(key)
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter([spec.key for spec in PAGES])

    def __len__(self) -> int:
        return len(PAGES)

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None,
                 start: StartData | None = None) -> None:
        """``start``: what ``services.quick_start`` read for the first page, if anything."""
        super().__init__(parent)
        self.ctx = ctx
        self._start = start
        self.runner = TaskRunner(self)
        if start is not None:
            self.runner.hold()  # until the first paint: see paintEvent
        self.setWindowTitle(app_title())
        self.nav = QListWidget()
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } "
                               "QListWidget::item { padding: 7px 6px; }")
        self.stack = QStackedWidget()
        self.pages = _Pages(self)
        at_commune = any(spec.hub_only for spec in PAGES) and bool(ctx.owned_scope)
        for spec in PAGES:
            self.nav.addItem(_tr(spec.title))
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
            if spec.hub_only and at_commune:  # the hub's pages: nothing to show at a commune
                self.nav.item(self.nav.count() - 1).setHidden(True)
        # Wide enough for the longest title in the UI language, never narrower than 175 px.
        self.nav.setFixedWidth(max(175, self.nav.sizeHintForColumn(0) + 30))
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.status_office = QLabel()
        self.status_sync = QLabel()
        self.status_db = QLabel(self.tr("CSDL: {0}").format(self.db_display()))
        self.status_db.setToolTip(ctx.db.url.removeprefix("sqlite:///"))
        self.status_user = QLabel(self.tr("Người dùng: {0}").format(ctx.user))
        for label in (self.status_user, self.status_office, self.status_sync, self.status_db):
            self.statusBar().addPermanentWidget(label)
        self._restore_geometry()
        # Pages the role may not open are not offered (the services refuse them anyway).
        # The hub's own pages are not offered at a commune office either.
        allowed_rows = [i for i, spec in enumerate(PAGES) if ctx.may(page_action(spec.key))
                        and not (spec.hub_only and at_commune)]
        for i in range(len(PAGES)):
            self.nav.item(i).setHidden(i not in allowed_rows)
        # builds the first page, which queues its rows first
        self.nav.setCurrentRow(allowed_rows[0] if allowed_rows else 0)
        # The daily backup waits until the first page is shown and the clerk can work.
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, self, self._daily_backup)

    def db_display(self) -> str:
        path = self.ctx.db.path
        return path.name if path is not None else self.ctx.db.url.split("@")[-1]

    def _make_page(self, spec: PageSpec) -> QWidget:
        if spec.target is None:
            return ComingPage(_tr(spec.title))
        module_name, _, class_name = spec.target.partition(":")
        module = importlib.import_module(f"{__package__}.pages.{module_name}")
        page_class = getattr(module, class_name)
        if self._start is not None and spec is PAGES[0]:
            start, self._start = self._start, None  # read once, at start: later it is stale
            return page_class(self.ctx, self.runner, start=start)
        return page_class(self.ctx, self.runner)

    def _install_page(self, key: str) -> QWidget:
        index = [spec.key for spec in PAGES].index(key)
        page = self._make_page(PAGES[index])
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        saved = getattr(page, "saved", None)
        if saved is not None and hasattr(saved, "connect"):
            saved.connect(self.refresh_status)
        return page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        for text, shortcut, method in (
            (self.tr("&Thêm mới"), QKeySequence.StandardKey.New, "new_item"),
            (self.tr("&Tìm kiếm"), QKeySequence.StandardKey.Find, "focus_search"),
            (self.tr("&Lưu"), QKeySequence.StandardKey.Save, "save"),
            (self.tr("Làm &mới"), QKeySequence(Qt.Key.Key_F5), "refresh"),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(lambda _=False, m=method: self._call_page(m))
            file_menu.addAction(action)
        file_menu.addSeparator()
        # The Excel doors of the Reports page, from any page (issue 17, item 9).
        self.excel = ExcelActions(self.ctx, self.runner, self)
        self.excel.imported.connect(lambda: self._call_page("refresh"))
        file_menu.addMenu(self.excel.menu(file_menu))
        file_menu.addSeparator()
        password_action = QAction(self.tr("Đổi &mật khẩu…"), self)
        password_action.triggered.connect(self.change_own_password)
        file_menu.addAction(password_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("T&hoát"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Đi tới"))
        for i, spec in enumerate(PAGES):
            action = QAction(_tr(spec.title), self)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        logs = QAction(self.tr("Mở thư mục &nhật ký lỗi"), self)
        logs.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir()))))
        about = QAction(self.tr("&Giới thiệu"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(logs)
        help_menu.addSeparator()
        help_menu.addAction(about)

    def change_own_password(self) -> QDialog:
        from ..services.users import confirm_password, set_password
        from .pages.user_dialogs import OwnPasswordDialog

        ctx = self.ctx
        dialog = OwnPasswordDialog(ctx.user, lambda pw: confirm_password(ctx, pw),
                                   lambda pw: set_password(ctx, ctx.user, pw), self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("Đã đổi mật khẩu."), 5000))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QDialog:
        from .about_dialog import AboutDialog  # on demand: nothing of it at start-up

        dialog = AboutDialog(self.ctx, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_sync_file(self, path: Path) -> None:
        """A ``.sldsync`` file the clerk double-clicked: the sync page's "receive" tab, with
        the file's signature and contents checked and shown before anything is imported."""
        page = self.show_page("sync")
        page.tabs.setCurrentWidget(page.import_panel)
        page.import_panel.verify_file(Path(path))

    # -- status bar -------------------------------------------------------------------------
    def refresh_status(self) -> None:
        ctx = self.ctx

        def status() -> OfficeStatus:
            # Imported here, on the worker thread: see the start-up note in ui/app.py.
            from ..services.status import office_status

            return office_status(ctx)

        self.runner.run(status, self._show_status, owner=self)

    def _show_status(self, status: OfficeStatus) -> None:
        self.status_office.setText(status.office_name or self.tr("(chưa đặt tên văn phòng)"))
        if status.last_sync_at is None:
            self.status_sync.setText(self.tr("Chưa đồng bộ"))
            return
        local = status.last_sync_at.replace(tzinfo=UTC).astimezone()
        when = f"{local:%d/%m/%Y %H:%M}"
        text = (self.tr("Đồng bộ lần cuối: {0} (gửi đi)") if status.last_sync_direction == "out"
                else self.tr("Đồng bộ lần cuối: {0} (nhận về)"))
        self.status_sync.setText(text.format(when))

    # -- pages ------------------------------------------------------------------------------
    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_page(self, key: str) -> QWidget:
        index = [spec.key for spec in PAGES].index(key)
        self.nav.setCurrentRow(index)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        page = self.pages[PAGES[row].key]  # built on first show
        self.stack.setCurrentWidget(page)
        self._call_page("refresh")

    def _call_page(self, method: str) -> None:
        fn = getattr(self.current_page(), method, None)
        if callable(fn):
            fn()
        if method == "refresh":
            self.refresh_status()

    def _restore_geometry(self) -> None:
        """The clerk's last size and state (maximised or not); maximised the first time.

        The worker list needs about 1,300 px for all its columns, which a 1366x768 office
        screen only gives maximised; un-maximising then falls back to a size that fits the
        screen's free area (the taskbar excluded), centred.
        """
        geometry = ui_settings().value("main_window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            return
        area = self.screen().availableGeometry()
        size = QSize(area.width() * 9 // 10, area.height() * 9 // 10)
        self.setGeometry(QStyle.alignedRect(Qt.LayoutDirection.LeftToRight,
                                            Qt.AlignmentFlag.AlignCenter, size, area))
        self.setWindowState(Qt.WindowState.WindowMaximized)  # takes effect at show()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.runner.is_held():
            # The first frame (with the list read at start) is on its way: the background
            # queries, and SQLAlchemy with them, may start now. Children paint after this
            # window in the same pass, hence the zero timer.
            QTimer.singleShot(0, self.runner.release)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        settings = ui_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.sync()
        self.runner.wait_idle(5000)
        self._close_backup()
        super().closeEvent(event)

    def _daily_backup(self) -> None:
        from .backup_hooks import daily_backup

        daily_backup(self.ctx, self.runner, self)

    def _close_backup(self) -> None:
        from .backup_hooks import close_backup

        close_backup(self.ctx)
