"""Trust store: this office's key, the offices it trusts, and confirming a new one."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.context import ServiceContext
from ...services.lookups import load_lookups
from ...services.sync_trust import (
    TrustPreview,
    export_public_key,
    forget_peer,
    list_peers,
    preview_trust,
    read_public_key_file,
    self_info,
    trust_peer,
)
from ..tasks import TaskRunner
from .sync_transfer import ERROR_STYLE, OK_STYLE, scope_text

FINGERPRINT_STYLE = "font-family: monospace; font-size: 16pt; font-weight: bold;"


class TrustDialog(QDialog):
    """Shows who the key file claims to be; trusting needs the phone check ticked."""

    def __init__(self, preview: TrustPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xác nhận đơn vị tin cậy"))
        peer = preview.peer
        intro = QLabel(self.tr(
            "Gọi điện cho đơn vị này và nhờ họ đọc dấu vân tay trên màn hình của họ "
            "(mục Đồng bộ → Khoá và đơn vị tin cậy). Chỉ tin cậy khi mọi chữ số khớp."))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.name = QLineEdit(preview.name)
        self.name.setMaxLength(200)
        node = QLabel(peer.node_id)
        node.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scope = QLabel(scope_text(self, peer.scope) + "  " + self.tr(
            "(đơn vị này chỉ được ghi dữ liệu trong phạm vi này)"))
        scope.setWordWrap(True)
        fingerprint = QLabel(preview.fingerprint)
        fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Tên đơn vị:"), self.name)
        form.addRow(self.tr("Mã đơn vị:"), node)
        form.addRow(self.tr("Phạm vi:"), scope)
        form.addRow(self.tr("Dấu vân tay:"), fingerprint)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        status = {
            "same": self.tr("Đơn vị này đã được tin cậy với đúng khoá và phạm vi này."),
            "changed_scope": self.tr("Đơn vị này đã được tin cậy; tệp này ĐỔI PHẠM VI của họ."),
            "changed_keys": self.tr(
                "CẢNH BÁO: đơn vị này đã được tin cậy với KHOÁ KHÁC. Tệp này có thể là giả "
                "mạo. Chỉ thay khi đã gọi điện và họ xác nhận vừa tạo khoá mới."),
        }.get(preview.status, "")
        self.warning.setText(status)
        self.warning.setVisible(bool(status))
        self.confirmed = QCheckBox(self.tr("Tôi đã gọi điện và dấu vân tay khớp từng chữ số"))
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(
            self.tr("Thay khoá và tin cậy") if preview.status == "changed_keys"
            else self.tr("Tin cậy đơn vị này"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setEnabled(False)
        self.confirmed.toggled.connect(self.accept_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.confirmed)
        layout.addWidget(buttons)
        self.resize(640, 360)


class TrustPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner

        mine = QGroupBox(self.tr("Đơn vị này"))
        form = QFormLayout(mine)
        self.my_name = QLabel()
        self.my_id = QLabel()
        self.my_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.my_scope = QLabel()
        self.my_fingerprint = QLabel()
        self.my_fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.my_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_key = QPushButton(self.tr("Xuất tệp khoá công khai…"))
        form.addRow(self.tr("Tên:"), self.my_name)
        form.addRow(self.tr("Mã đơn vị:"), self.my_id)
        form.addRow(self.tr("Phạm vi:"), self.my_scope)
        form.addRow(self.tr("Dấu vân tay:"), self.my_fingerprint)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_key)
        export_row.addStretch(1)
        form.addRow("", export_row)

        peers = QGroupBox(self.tr("Các đơn vị tin cậy"))
        peers_layout = QVBoxLayout(peers)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Tên"), self.tr("Phạm vi"),
                                              self.tr("Dấu vân tay"), self.tr("Tin cậy từ")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Thêm đơn vị từ tệp khoá…"))
        self.remove_button = QPushButton(self.tr("Ngừng tin cậy"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.message, 1)
        peers_layout.addWidget(self.table)
        peers_layout.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addWidget(peers, 1)
        self.export_key.clicked.connect(self._export_key)
        self.add_button.clicked.connect(self._choose_key_file)
        self.remove_button.clicked.connect(self._forget)
        self.peer_ids: list[str] = []

    def refresh(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: (self_info(ctx), list_peers(ctx), load_lookups(ctx)), self._show,
                        parent=self)

    def _show(self, result) -> None:
        info, peers, lookups = result
        self.my_name.setText(info.name)
        self.my_id.setText(info.node_id)
        self.my_scope.setText(scope_text(self, info.scope, lookups))
        self.my_fingerprint.setText(info.fingerprint)
        self.table.setRowCount(len(peers))
        self.peer_ids = [p.node_id for p in peers]
        for row, p in enumerate(peers):
            since = p.trusted_at.replace(tzinfo=UTC).astimezone() if p.trusted_at else None
            for col, text in enumerate((p.name, scope_text(self, p.scope, lookups), p.fingerprint,
                                        since.strftime("%d/%m/%Y") if since else "")):
                item = QTableWidgetItem(text)
                item.setToolTip(p.node_id)
                self.table.setItem(row, col, item)

    def _export_key(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp khoá công khai"),
                                              "khoa-cong-khai.pub",
                                              self.tr("Tệp khoá công khai (*.pub)"))
        if name:
            self.export_key_to(Path(name))

    def export_key_to(self, path: Path) -> None:
        ctx = self.ctx

        def done(written: Path) -> None:
            self.message.setStyleSheet(OK_STYLE)
            self.message.setText(self.tr("Đã lưu khoá công khai vào {0}. Trao tệp này cho đơn "
                                         "vị kia (qua USB) và đọc dấu vân tay cho họ qua điện "
                                         "thoại.").format(written))

        self.runner.run(lambda: export_public_key(ctx, path), done, parent=self)

    def _choose_key_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khoá công khai"), "",
                                              self.tr("Tệp khoá công khai (*.pub);;Mọi tệp (*)"))
        if name:
            self.add_from_file(Path(name))

    def add_from_file(self, path: Path, dialog_hook=None) -> None:
        """Read and check the file off the GUI thread, then ask for confirmation."""
        ctx = self.ctx

        def read():
            text = read_public_key_file(path)
            return text, preview_trust(ctx, text)

        self.runner.run(read, lambda result: self._confirm(*result, dialog_hook), parent=self)

    def _confirm(self, text: str, preview: TrustPreview, dialog_hook=None) -> None:
        dialog = TrustDialog(preview, self)
        if dialog_hook is not None:
            dialog_hook(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.name.text().strip() or None
        replace = preview.status == "changed_keys"
        ctx = self.ctx

        def done(info) -> None:
            self.message.setStyleSheet(OK_STYLE)
            self.message.setText(self.tr("Đã tin cậy {0}.").format(info.name))
            self.refresh()
            self.changed.emit()

        self.runner.run(lambda: trust_peer(ctx, text, name, replace=replace), done, parent=self)

    def _forget(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.peer_ids):
            return
        name = self.table.item(row, 0).text()
        answer = QMessageBox.question(
            self, self.tr("Ngừng tin cậy"),
            self.tr("Ngừng tin cậy {0}? Tệp đồng bộ của đơn vị này sẽ bị từ chối cho tới khi "
                    "được tin cậy lại.").format(name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        node_id, ctx = self.peer_ids[row], self.ctx

        def done(_result) -> None:
            self.refresh()
            self.changed.emit()

        self.runner.run(lambda: forget_peer(ctx, node_id), done, parent=self)
