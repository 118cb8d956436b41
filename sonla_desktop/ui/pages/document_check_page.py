"""The "Kiểm tra giấy tờ" page: check the signed QR code on a paper from its PDF or a scan
(``services.document_check``), the same check as ``sonla-desktop verify-document``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import current_language
from ...services.context import ServiceContext
from ...services.document_check import DocumentCheck
from ..tasks import TaskRunner

KIND_CHOICES = (
    ("", QT_TRANSLATE_NOOP("DocumentCheckPage", "Tự nhận biết (tệp PDF)")),
    ("dossier", QT_TRANSLATE_NOOP("DocumentCheckPage", "Hồ sơ vay vốn")),
    ("attendance", QT_TRANSLATE_NOOP("DocumentCheckPage", "Danh sách tham dự hội nghị")),
    ("progress", QT_TRANSLATE_NOOP("DocumentCheckPage", "Báo cáo kết quả")),
)


class DocumentCheckPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.kind = QComboBox()
        for key, label in KIND_CHOICES:
            self.kind.addItem(self.tr(label), key)
        self.open_button = QPushButton(self.tr("Chọn tệp PDF hoặc ảnh chụp…"))
        self.open_button.clicked.connect(self.choose)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        note = QLabel(self.tr(
            "Giấy do phần mềm in (hồ sơ vay vốn, danh sách tham dự, báo cáo) có một mã QR mang "
            "chữ ký số của đơn vị lập. Chọn bản PDF, hoặc ảnh chụp / quét của tờ giấy có mã QR: "
            "phần mềm cho biết đơn vị nào lập, ngày nào, các số liệu đã ký, và giấy có bị sửa "
            "hay không. Chỉ xác nhận được giấy của đơn vị có trong danh sách tin cậy (trang "
            "Đồng bộ)."))
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Loại giấy:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Kiểm tra giấy tờ</h2>")))
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addStretch(1)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn giấy cần kiểm tra"), "",
            self.tr("Giấy tờ (*.pdf *.png *.jpg *.jpeg)"))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        """Check ``path`` in the background; the verdict appears on the page."""
        from ...services.document_check import verify_document

        ctx, kind = self.ctx, self.kind.currentData() or None
        self.open_button.setEnabled(False)
        self.verdict.setText(self.tr("Đang đọc mã QR…"))
        self.verdict.setStyleSheet("")
        self.details.clear()
        self.runner.run(lambda: verify_document(ctx, path, kind), self._checked,
                        on_error=self._refused, parent=self)

    def _checked(self, check: DocumentCheck) -> None:
        from ...services.document_check import describe

        self.open_button.setEnabled(True)
        lines = [en if current_language() == "en" else vi for vi, en in describe(check)]
        self.verdict.setText(lines[0])
        self.verdict.setStyleSheet("color: #2e7d32; font-weight: bold;")
        warn = check.record == "changed"
        self.details.setText("\n".join(lines[1:]))
        self.details.setStyleSheet("color: #b26a00;" if warn else "")

    def _refused(self, exc: BaseException) -> bool:
        from ...errors import UserError

        self.open_button.setEnabled(True)
        if not isinstance(exc, UserError):
            return False  # a bug: the usual crash report
        prefix = self.tr("KHÔNG HỢP LỆ: ")
        self.verdict.setText(prefix + str(exc))
        self.verdict.setStyleSheet("color: #c62828; font-weight: bold;")
        return True
