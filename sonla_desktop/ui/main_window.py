"""Main window: left navigation, pages, menu bar, status bar, shortcuts, geometry."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_TITLE_VI
from ..services.context import ServiceContext
from .pages import PAGES, PageSpec
from .tasks import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("pages", text)


class ComingPage(QWidget):
    """Shown for a section whose issue has not landed yet (never a fake feature)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("<h2>{0}</h2><p>Chức năng này sẽ có trong phiên bản sau.</p>")
                       .format(title))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = TaskRunner(self)
        self.setWindowTitle(APP_TITLE_VI)
        self.nav = QListWidget()
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for spec in PAGES:
            self.nav.addItem(_tr(spec.title))
            page = self._make_page(spec)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.status_db = QLabel(self.tr("CSDL: {0}").format(ctx.db.url.removeprefix("sqlite:///")))
        self.statusBar().addPermanentWidget(self.status_db)
        self._restore_geometry()
        self.nav.setCurrentRow(0)

    def _make_page(self, spec: PageSpec) -> QWidget:
        if spec.target is None:
            return ComingPage(_tr(spec.title))
        module_name, _, class_name = spec.target.partition(":")
        module = importlib.import_module(f"{__package__}.pages.{module_name}")
        return getattr(module, class_name)(self.ctx, self.runner)

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
        quit_action = QAction(self.tr("T&hoát"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_page(self, key: str) -> QWidget:
        index = [spec.key for spec in PAGES].index(key)
        self.nav.setCurrentRow(index)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self._call_page("refresh")

    def _call_page(self, method: str) -> None:
        fn = getattr(self.current_page(), method, None)
        if callable(fn):
            fn()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.runner.wait_idle(5000)
        super().closeEvent(event)
