"""File work of the conferences page: import a sign-in sheet, print or save the attendance
sheet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPlainTextEdit, QWidget

from ...errors import ImportRowsError
from ...services.attendance_import import ImportSummary, import_attendance_file
from ...services.context import ServiceContext
from ...services.event_documents import attendance_sheet_pdf, print_attendance_sheet
from ...services.events import EventRow
from ..print_view import preview_paper
from ..printing import PrintableDoc
from ..tasks import TaskRunner


class EventFiles(QObject):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.widget = ctx, runner, parent

    def import_sign_in_sheet(self, event: EventRow, consent: str,
                             on_done: Callable[[], None]) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Chọn tệp Excel có trang “Điểm danh”"), "",
            self.tr("Tệp Excel (*.xlsx)"))
        if not path:
            return

        def done(summary: ImportSummary) -> None:
            text = self.tr("Đã nhập %1 dòng: %2 người mới, %3 người đã có, %4 người đã có trong "
                           "danh sách.").replace("%1", str(summary.rows)) \
                .replace("%2", str(summary.created)).replace("%3", str(summary.linked)) \
                .replace("%4", str(summary.already))
            if summary.warnings:
                text += "\n\n" + "\n".join(str(w) for w in summary.warnings)
            QMessageBox.information(self.widget, self.tr("Nhập danh sách"), text)
            on_done()

        self.runner.run(lambda: import_attendance_file(self.ctx, path, event.id,
                                                       consent_method=consent),
                        done, self._import_failed, label=self.tr("Đang nhập…"),
                        parent=self.widget)

    def _import_failed(self, exc: BaseException) -> bool:
        """Every row error in a scrollable box: the clerk fixes the sheet from this list."""
        if not isinstance(exc, ImportRowsError):
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Chưa nhập được"), str(exc),
                          parent=self.widget)
        details = QPlainTextEdit("\n".join(str(e) for e in exc.errors))
        details.setReadOnly(True)
        box.layout().addWidget(details, box.layout().rowCount(), 0, 1, -1)
        box.exec()
        return True

    def print_sheet(self, event: EventRow) -> None:
        """The sign-in sheet previewed as it prints (A4 landscape), with "In…" (the shared
        print path) and "Lưu PDF…"; printing is recorded once a printer took it."""
        title = self.tr("Danh sách ký tên {0}").format(event.event_date.strftime("%d/%m/%Y"))

        def show(pdf: bytes) -> None:
            doc = PrintableDoc(pdf, "attendance_sheet", event.id, title,
                               lambda: self.save_sheet(event))
            self.preview = preview_paper(self.widget, self.ctx, doc)

        self.runner.run(lambda: attendance_sheet_pdf(self.ctx, event.id), show,
                        label=self.tr("Đang lập danh sách…"), parent=self.widget)

    def save_sheet(self, event: EventRow) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.widget, self.tr("Lưu danh sách ký tên"),
            f"danh-sach-ky-ten-{event.event_date}.pdf", self.tr("Tệp PDF (*.pdf)"))
        if path:
            self.runner.run(
                lambda: print_attendance_sheet(self.ctx, event.id, path),
                lambda _: QDesktopServices.openUrl(QUrl.fromLocalFile(path)), parent=self.widget)
