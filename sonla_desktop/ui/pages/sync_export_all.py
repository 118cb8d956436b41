"""The hub's "Xuất cho tất cả xã" tab (issue #16 item 4): one bundle per trusted commune
into a folder, with a progress bar over the communes (``services.sync_all.export_all``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.context import ServiceContext
from ..tasks import TaskRunner
from .sync_transfer import ERROR_STYLE, OK_STYLE


class ExportAllPanel(QWidget):
    exported = Signal()
    progressed = Signal(int, int, str)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        note = QLabel(self.tr(
            "Văn phòng tỉnh: ghi một tệp đồng bộ cho mỗi xã/phường đã tin cậy (hồ sơ của xã "
            "với các sửa đổi của tỉnh, chỉ tiêu, chính sách, danh mục, kết quả xét trùng). "
            "Tên tệp ghi rõ xã nào, ví dụ ubnd-xa-muong-bu-03847-20261206.sldsync."))
        note.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Thư mục hoặc ổ USB"))
        browse = QPushButton(self.tr("Chọn thư mục…"))
        browse.clicked.connect(self._browse)
        self.full = QCheckBox(self.tr("Xuất toàn bộ (không chỉ phần mới)"))
        self.export_button = QPushButton(self.tr("Xuất cho tất cả xã"))
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v/%m xã/phường"))
        self.progress.hide()
        self.current = QLabel()
        self.result = QLabel()
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Lưu vào:")))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.full)
        layout.addWidget(self.export_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.progressed.connect(self._progress)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục để lưu tệp"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> None:
        from ...services.sync_all import export_all

        folder = self.folder.text().strip()
        if not folder:
            self.result.setStyleSheet(ERROR_STYLE)
            self.result.setText(self.tr("Hãy chọn ổ USB hoặc thư mục để lưu tệp."))
            return
        ctx, full = self.ctx, self.full.isChecked()
        self.export_button.setEnabled(False)
        self.result.clear()
        self.progress.setValue(0)
        self.progress.show()

        def work():
            return export_all(ctx, Path(folder), full=full, progress=self.progressed.emit)

        self.runner.run(work, self._done, on_error=self._failed, parent=self)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.current.setText(self.tr("Đang ghi tệp cho {0}…").format(name) if name else "")

    def _done(self, items) -> None:
        self.export_button.setEnabled(True)
        failed = [i for i in items if i.error]
        lines = [self.tr("Đã ghi {0}/{1} tệp vào {2}.").format(
            len(items) - len(failed), len(items), self.folder.text().strip())]
        lines += [f"  {i.path.name}" for i in items if i.result]
        lines += [self.tr("KHÔNG ghi được cho {0}: {1}").format(i.name, i.error)
                  for i in failed]
        self.result.setStyleSheet(ERROR_STYLE if failed else OK_STYLE)
        self.result.setText("\n".join(lines))
        self.exported.emit()

    def _failed(self, exc: BaseException) -> bool:
        self.progress.hide()
        self.export_button.setEnabled(True)
        return False  # the runner shows the message (e.g. refused at a commune)
