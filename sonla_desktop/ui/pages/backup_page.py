"""Backups page: the encrypted backups of this office, make one now, restore one.

Restoring asks first, verifies the backup completely before touching anything
(``services.backup.restore_backup``) and keeps the file it replaces beside it.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import current_language
from ...services.backup import BackupInfo, RestoreResult
from ...services.context import ServiceContext
from ..labels import group_digits
from ..tasks import TaskRunner
from ..widgets.history_view import fill_table, make_table

REASONS = {"daily": QT_TRANSLATE_NOOP("BackupPage", "Hằng ngày"),
           "close": QT_TRANSLATE_NOOP("BackupPage", "Khi đóng chương trình"),
           "manual": QT_TRANSLATE_NOOP("BackupPage", "Làm ngay")}


class BackupPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.backups: list[BackupInfo] = []
        self.table = make_table([self.tr("Lúc"), self.tr("Loại"), self.tr("Dung lượng"),
                                 self.tr("Tệp")])
        self.table.itemSelectionChanged.connect(self._selection)
        self.make_button = QPushButton(self.tr("Sao lưu ngay"))
        self.restore_button = QPushButton(self.tr("Khôi phục bản đã chọn…"))
        self.restore_file_button = QPushButton(self.tr("Khôi phục từ tệp khác…"))
        self.restore_button.setEnabled(False)
        self.make_button.clicked.connect(self.make_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(self.tr(
            "Chương trình tự sao lưu mỗi ngày và mỗi khi đóng, giữ 7 bản hằng ngày và 4 bản "
            "hằng tuần. Bản sao lưu được mã hoá bằng khoá của văn phòng này: tệp bị lấy mất "
            "một mình không đọc được; nhưng mất khoá (thư mục keys) thì cũng không khôi phục "
            "được. Hãy chép thêm bản sao lưu ra USB cất nơi khác."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_file_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Sao lưu và khôi phục</h2>")))
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        from ...services.backup import list_backups

        self.runner.run(list_backups, self._show, parent=self)

    def _show(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        fill_table(self.table, [
            (b.at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M"),
             self.tr(REASONS.get(b.reason, b.reason)),
             f"{group_digits(max(1, b.size // 1024))} KB", b.path.name) for b in backups])
        self._selection()

    def _selection(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def make_now(self) -> None:
        from ...services.backup import make_backup

        ctx = self.ctx
        self.make_button.setEnabled(False)

        def done(info: BackupInfo) -> None:
            self.make_button.setEnabled(True)
            self.status.setText(self.tr("Đã sao lưu: {0}").format(info.path))
            self.refresh()

        def failed(_exc: BaseException) -> None:
            self.make_button.setEnabled(True)

        self.runner.run(lambda: make_backup(ctx), done, failed,
                        label=self.tr("Đang sao lưu…"), parent=self)

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.restore(self.backups[rows[0].row()].path)

    def restore_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn bản sao lưu"), "", self.tr("Bản sao lưu (*.sldbak)"))
        if path:
            self.restore(path)

    def restore(self, path) -> None:
        answer = QMessageBox.question(
            self, self.tr("Khôi phục"),
            self.tr("Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu {0}?\n\nMọi thay đổi sau "
                    "lúc sao lưu sẽ không còn trong dữ liệu (tệp hiện tại được giữ lại bên "
                    "cạnh). Bản sao lưu được kiểm tra trước; nếu hỏng hay của văn phòng khác "
                    "thì không có gì thay đổi.").format(getattr(path, "name", path)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from ...services.backup import restore_backup

        ctx = self.ctx
        self.runner.wait_idle(5000)
        self.runner.run(lambda: restore_backup(ctx.db, path, user=ctx.user), self._restored,
                        label=self.tr("Đang kiểm tra và khôi phục…"), parent=self)

    def _restored(self, result: RestoreResult) -> None:
        self.ctx.reset_node()
        notice = result.notice_en if current_language() == "en" else result.notice_vi
        kept = self.tr("Tệp cũ được giữ lại: {0}").format(result.previous) if result.previous \
            else ""
        self.status.setText(self.tr("Đã khôi phục từ {0}.").format(result.restored_from.name))
        QMessageBox.information(self, self.tr("Đã khôi phục"), "\n\n".join(
            x for x in (self.tr("Đã khôi phục từ {0}.").format(result.restored_from.name),
                        kept, notice) if x))
        window = self.window()
        if hasattr(window, "refresh_status"):
            window.refresh_status()
