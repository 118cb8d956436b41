"""The workers page's actions for a person's rights (Law 91/2025/QH15): export everything
held about a person (JSON + PDF, to answer a request within 2 working days) and erase their
identity, behind a confirmation that makes the clerk type the name or XOA.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...services.worker_rows import WorkerRow
from ..tasks import TaskRunner

CONFIRM_WORD = "XOA"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonActions", text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


class EraseDialog(QDialog):
    """Erasure cannot be undone: OK stays disabled until the name (or XOA) is typed."""

    def __init__(self, full_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_name = full_name
        self.setWindowTitle(self.tr("Xoá vĩnh viễn thông tin nhận dạng"))
        text = QLabel(self.tr(
            "Họ tên, CCCD, ngày sinh, điện thoại, dân tộc, bản và ghi chú của <b>{0}</b> sẽ "
            "bị xoá vĩnh viễn, ở máy này và ở văn phòng tỉnh sau lần đồng bộ tới. Các khoản "
            "vay được giữ cho ngân hàng nhưng không còn gắn với người này. Không hoàn tác "
            "được.<br><br>Gõ họ tên của người này hoặc chữ {1} để xác nhận:")
            .format(full_name, CONFIRM_WORD))
        text.setWordWrap(True)
        self.confirm = QLineEdit()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Xoá vĩnh viễn"))
        self.ok.setEnabled(False)
        self.confirm.textChanged.connect(
            lambda t: self.ok.setEnabled(self.confirmed(t)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (text, self.confirm, self.buttons):
            layout.addWidget(w)

    def confirmed(self, typed: str) -> bool:
        return bool(typed.strip()) and (
            typed.strip() == CONFIRM_WORD or _fold(typed) == _fold(self.full_name))


def add_person_actions(menu: QMenu, page: QWidget, ctx, runner: TaskRunner,
                       row: WorkerRow, after_erase) -> None:
    export = QAction(_tr("Xuất mọi thông tin của người này (JSON + PDF)…"), menu)
    export.triggered.connect(lambda: export_person_file(page, ctx, runner, row))
    erase = QAction(_tr("Xoá vĩnh viễn thông tin nhận dạng…"), menu)
    erase.triggered.connect(lambda: erase_person_confirmed(page, ctx, runner, row, after_erase))
    menu.addSeparator()
    menu.addAction(export)
    menu.addAction(erase)


def export_person_file(page: QWidget, ctx, runner: TaskRunner, row: WorkerRow,
                       target: Path | None = None) -> None:
    if target is None:
        name, _ = QFileDialog.getSaveFileName(page, _tr("Lưu thông tin cá nhân"),
                                              f"{row.full_name}.json", "JSON (*.json)")
        if not name:
            return
        target = Path(name)
    from ...services.person import export_person

    def done(paths) -> None:
        QMessageBox.information(page, _tr("Đã xuất"), _tr(
            "Đã ghi {0} và {1}. Hãy trao cho người yêu cầu trong vòng 2 ngày làm việc.")
            .format(paths[0], paths[1]))

    runner.run(lambda: export_person(ctx, row.id, target), done, parent=page)


def erase_person_confirmed(page: QWidget, ctx, runner: TaskRunner, row: WorkerRow,
                           after_erase, dialog: EraseDialog | None = None) -> None:
    dialog = dialog or EraseDialog(row.full_name, page)
    if dialog.result() != QDialog.DialogCode.Accepted and dialog.exec() != \
            QDialog.DialogCode.Accepted:
        return
    from ...services.person_erase import erase_person

    runner.run(lambda: erase_person(ctx, row.id), lambda _r: after_erase(), parent=page)
