"""A record's history from the audit: when, who, what was done, which fields changed.

Values of sensitive fields are never shown (the audit does not hold them): the list names
the fields only, which is what a clerk needs to answer "who changed this person's CCCD?".
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.worker_rules import FIELD_LABELS_VI
from ...errors import current_language
from ..tasks import TaskRunner

if TYPE_CHECKING:  # the audit service imports SQLAlchemy: only when the history is shown
    from ...services.audit import AuditEntry

ACTION_TEXT = {
    "create": QT_TRANSLATE_NOOP("history", "Thêm mới"),
    "update": QT_TRANSLATE_NOOP("history", "Sửa"),
    "delete": QT_TRANSLATE_NOOP("history", "Xoá"),
    "restore": QT_TRANSLATE_NOOP("history", "Khôi phục"),
    # Excel workbooks, sync files and attendance lists alike: the "Đối tượng" column says
    # which (an export may also be a person's data in a PDF, or a report).
    "import": QT_TRANSLATE_NOOP("history", "Nhập tệp"),
    "export": QT_TRANSLATE_NOOP("history", "Xuất tệp"),
    "print": QT_TRANSLATE_NOOP("history", "In"),
    "erase": QT_TRANSLATE_NOOP("history", "Xoá vĩnh viễn"),
    "move": QT_TRANSLATE_NOOP("history", "Chuyển xã"),
    "move_request": QT_TRANSLATE_NOOP("history", "Đề nghị chuyển xã"),
    "move_refused": QT_TRANSLATE_NOOP("history", "Từ chối chuyển xã"),
    "backup": QT_TRANSLATE_NOOP("history", "Sao lưu"),
    "attend": QT_TRANSLATE_NOOP("history", "Tham dự hội nghị"),
    "init": QT_TRANSLATE_NOOP("history", "Khởi tạo"),
    "demo": QT_TRANSLATE_NOOP("history", "Dữ liệu mẫu"),
    # A loan's steps (domain.loan_application.ACTIONS)
    "submit": QT_TRANSLATE_NOOP("history", "Nộp hồ sơ vay"),
    "approve": QT_TRANSLATE_NOOP("history", "Duyệt khoản vay"),
    "reject": QT_TRANSLATE_NOOP("history", "Từ chối khoản vay"),
    "disburse": QT_TRANSLATE_NOOP("history", "Giải ngân"),
    "close": QT_TRANSLATE_NOOP("history", "Tất toán"),
    # Sync and settings
    "resolve": QT_TRANSLATE_NOOP("history", "Xử lý xung đột đồng bộ"),
    "trust": QT_TRANSLATE_NOOP("history", "Tin cậy máy gửi"),
    "untrust": QT_TRANSLATE_NOOP("history", "Thôi tin cậy máy gửi"),
    "restored": QT_TRANSLATE_NOOP("history", "Phát hiện dữ liệu đã khôi phục"),
    "scan": QT_TRANSLATE_NOOP("history", "Tìm người trùng"),
    "setting": QT_TRANSLATE_NOOP("history", "Đổi cài đặt"),
}


def action_text(action: str) -> str:
    text = ACTION_TEXT.get(action)
    return QCoreApplication.translate("history", text) if text else action


def local_time(entry: AuditEntry) -> str:
    """Audit times are UTC; the clerk reads the PC's local time."""
    return entry.at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")


def field_label(name: str) -> str:
    if current_language() != "en" and name in FIELD_LABELS_VI:
        return FIELD_LABELS_VI[name]
    return name.replace("_", " ")


def fill_table(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HistoryView(QWidget):
    """Loads on first show (``load()``), so an edit form opens as fast as before."""

    def __init__(self, ctx, runner: TaskRunner, entity_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.entity_id = ctx, runner, entity_id
        self.loaded = False
        self.table = make_table([self.tr("Lúc"), self.tr("Người thực hiện"), self.tr("Việc"),
                                 self.tr("Các trường thay đổi")])
        note = QLabel(self.tr("Nhật ký chỉ ghi tên các trường đã thay đổi; giá trị nhạy cảm "
                              "(CCCD, điện thoại, dân tộc, hộ nghèo, số tiền vay…) không được "
                              "lưu trong nhật ký."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        from ...services.audit import record_history

        ctx, entity_id = self.ctx, self.entity_id
        self.runner.run(lambda: record_history(ctx, entity_id), self._show, parent=self)

    def _show(self, entries: list[AuditEntry]) -> None:
        fill_table(self.table, [
            (local_time(e), e.user, action_text(e.action),
             ", ".join(field_label(f) for f in e.fields))
            for e in entries])
