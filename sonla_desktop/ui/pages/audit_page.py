"""The audit page (for the office's administrator): every action, newest first, filtered by
kind, and a button that checks the hash chain (``services.audit.verify_chain``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import current_language
from ...services.audit import AuditEntry, VerifyResult
from ...services.context import ServiceContext
from ..tasks import TaskRunner
from ..widgets.history_view import action_text, field_label, fill_table, local_time, make_table

LIMIT = 1000


class AuditPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.action = QComboBox()
        self.action.addItem(self.tr("Mọi việc"), "")
        self.action.currentIndexChanged.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Kiểm tra toàn vẹn nhật ký"))
        self.verify_button.clicked.connect(self.verify)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.table = make_table([self.tr("#"), self.tr("Lúc"), self.tr("Người thực hiện"),
                                 self.tr("Việc"), self.tr("Đối tượng"), self.tr("Mã"),
                                 self.tr("Các trường thay đổi")])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Loại việc:")))
        top.addWidget(self.action)
        top.addStretch(1)
        top.addWidget(self.verify_button)
        note = QLabel(self.tr(
            "Mỗi thêm, sửa, xoá, nhập, xuất, in được ghi một dòng: ai, lúc nào, bản ghi nào, "
            "trường nào. Giá trị nhạy cảm không được lưu. Các dòng được nối bằng mã băm: "
            "sửa hay xoá một dòng sẽ bị phát hiện khi kiểm tra."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Nhật ký hoạt động</h2>")))
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        self._actions_loaded = False

    def refresh(self) -> None:
        from ...services.audit import actions, list_entries

        ctx, action = self.ctx, self.action.currentData() or None
        load_actions = not self._actions_loaded

        def work() -> tuple[list[str] | None, list[AuditEntry]]:
            return (actions(ctx) if load_actions else None,
                    list_entries(ctx, action=action, limit=LIMIT))

        self.runner.run(work, self._show, parent=self)

    def _show(self, result: tuple[list[str] | None, list[AuditEntry]]) -> None:
        kinds, entries = result
        if kinds is not None:
            self._actions_loaded = True
            self.action.blockSignals(True)
            for kind in kinds:
                self.action.addItem(action_text(kind), kind)
            self.action.blockSignals(False)
        fill_table(self.table, [
            (str(e.seq), local_time(e), e.user, action_text(e.action), e.entity,
             e.entity_id[:8], ", ".join(field_label(f) for f in e.fields)) for e in entries])

    def verify(self) -> None:
        from ...services.audit import verify_chain

        ctx = self.ctx
        self.verify_button.setEnabled(False)
        self.runner.run(lambda: verify_chain(ctx), self._verified, parent=self)

    def _verified(self, result: VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        self.verdict.setText(result.message_en if current_language() == "en"
                             else result.message_vi)
        self.verdict.setStyleSheet("color: #2e7d32;" if result.ok
                                   else "color: #c62828; font-weight: bold;")
