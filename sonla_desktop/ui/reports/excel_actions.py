"""The Excel actions (import, blank templates, export everything) as one menu, so the workers
page, the loans page and the File menu offer the same doors as the Reports page, through the
same services (issue 17, item 9)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from ..tasks import TaskRunner

if TYPE_CHECKING:  # the services load SQLAlchemy: not at start-up (see ui/app.py)
    from ...services.context import ServiceContext
    from .import_dialog import ImportDialog

XLSX_FILTER = "Excel (*.xlsx)"
TEMPLATE_NAMES = {"workers": "mau-nguoi-lao-dong.xlsx", "loans": "mau-khoan-vay.xlsx",
                  "attendance": "mau-diem-danh.xlsx", "targets": "mau-chi-tieu.xlsx"}


class ExcelActions(QObject):
    """``imported`` fires after an import wrote rows, so the page showing them reloads."""

    imported = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx, self.runner, self.owner = ctx, runner, owner

    def menu(self, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(self.tr("Dữ liệu &Excel"), parent or self.owner)
        menu.addAction(self.tr("&Nhập từ Excel…"), self.open_import)
        templates = menu.addMenu(self.tr("Tải tệp &mẫu"))
        for kind, text in (("workers", self.tr("Mẫu danh sách người lao động")),
                           ("loans", self.tr("Mẫu danh sách khoản vay")),
                           ("attendance", self.tr("Mẫu điểm danh hội nghị")),
                           ("targets", self.tr("Mẫu chỉ tiêu theo xã"))):
            templates.addAction(text, lambda k=kind: self.save_template(k))
        menu.addAction(self.tr("&Xuất toàn bộ dữ liệu…"), self.export_everything)
        return menu

    def open_import(self) -> ImportDialog:
        from .import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self.runner, self.owner)
        dialog.imported.connect(lambda _: self.imported.emit())
        dialog.open()
        return dialog

    def save_template(self, kind: str, path: str | None = None, year: int | None = None) -> None:
        from ...services.spreadsheets import make_template

        path = path or self._save_path(self.tr("Lưu tệp mẫu"), TEMPLATE_NAMES[kind])
        if path:
            self.runner.run(lambda: make_template(self.ctx, kind, path, year),
                            lambda _: self._saved(path), parent=self.owner)

    def export_everything(self, path: str | None = None) -> None:
        from ...services.spreadsheets import default_export_name, export_workbook

        path = path or self._save_path(self.tr("Xuất toàn bộ dữ liệu"), default_export_name())
        if path:
            self.runner.run(lambda: export_workbook(self.ctx, path), lambda _: self._saved(path),
                            label=self.tr("Đang xuất dữ liệu…"), parent=self.owner)

    def _save_path(self, title: str, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.owner, title, name, XLSX_FILTER)
        return path

    def _saved(self, path: str) -> None:
        text = self.tr("Đã lưu {0}").format(path)
        window = self.owner.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)
        else:
            QMessageBox.information(self.owner, self.tr("Dữ liệu Excel"), text)
