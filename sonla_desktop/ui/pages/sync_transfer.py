"""Sending a bundle to a USB stick and receiving one: the two everyday sync tasks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_local_time
from ...errors import SyncError, current_language
from ...services.context import ServiceContext
from ...services.lookups import Lookups
from ...services.sync import check_bundle, export_bundle, export_preview, import_bundle
from ...services.sync_conflicts import TABLE_LABELS_EN, TABLE_LABELS_VI
from ...services.sync_notices import export_notices, import_notices
from ...services.sync_trust import list_peers
from ..labels import group_digits
from ..tasks import TaskRunner
from .sync_drives import removable_drives

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #c62828;"


def table_label(table: str) -> str:
    labels = TABLE_LABELS_EN if current_language() == "en" else TABLE_LABELS_VI
    return labels.get(table, table)


def counts_lines(counts: dict[str, int]) -> str:
    return "\n".join(f"• {table_label(t)}: {group_digits(n)}" for t, n in counts.items())


def scope_text(widget: QWidget, scope: list[str], lookups: Lookups | None = None) -> str:
    """"Phường Chiềng Cơi (03670)" with the lookups; the bare codes without them."""
    if scope == ["hub"]:
        return QCoreApplication.translate("SyncScope", "toàn tỉnh")
    if lookups is None:
        return ", ".join(scope)
    lang = current_language()
    return ", ".join(f"{lookups.commune_label(c, lang)} ({c})" for c in scope)


class ExportPanel(QWidget):
    """Choose the recipient and the stick, see what goes, write the file."""

    progressed = Signal(str, int)
    exported = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.planned: dict[str, int] = {}
        self._done: dict[str, int] = {}

        box = QGroupBox(self.tr("Gửi dữ liệu ra USB"))
        form = QFormLayout(box)
        self.peer = QComboBox()
        self.peer.setMinimumWidth(360)
        self.full = QCheckBox(self.tr("Gửi toàn bộ (không chỉ phần thay đổi từ lần trước)"))
        self.drive = QComboBox()
        self.drive.setMinimumWidth(360)
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.browse = QPushButton(self.tr("Chọn thư mục…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        form.addRow(self.tr("Gửi cho:"), self.peer)
        form.addRow("", self.full)
        form.addRow(self.tr("Ổ USB:"), self.drive)
        form.addRow(self.tr("Lưu vào thư mục:"), folder_row)
        form.addRow(self.tr("Sẽ gửi:"), self.counts)

        self.export_button = QPushButton(self.tr("Xuất ra USB"))
        self.export_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Mở thư mục chứa tệp"))
        self.open_folder.hide()
        self.progress.setMinimumWidth(400)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.progress)
        row.addStretch(1)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_folder)
        open_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addLayout(open_row)
        layout.addStretch(1)
        box.setMaximumWidth(900)

        self.peer.currentIndexChanged.connect(self.update_preview)
        self.full.toggled.connect(self.update_preview)
        self.drive.currentIndexChanged.connect(self._drive_chosen)
        self.browse.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.export)
        self.open_folder.clicked.connect(self._open_folder)
        self.progressed.connect(self._progress)
        self.last_path: Path | None = None

    def refresh(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: list_peers(ctx), self._fill, parent=self)

    def _fill(self, peers) -> None:
        current = self.peer.currentData()
        self.peer.blockSignals(True)
        self.peer.clear()
        for p in peers:
            self.peer.addItem(f"{p.name} ({scope_text(self, p.scope)})", p.node_id)
        index = self.peer.findData(current)
        self.peer.setCurrentIndex(max(index, 0))
        self.peer.blockSignals(False)
        self.drive.blockSignals(True)
        self.drive.clear()
        for d in removable_drives():
            free = d.free_bytes / 1e9
            self.drive.addItem(self.tr("{0} – còn trống {1:.1f} GB").format(d.label, free),
                               str(d.path))
        if self.drive.count() == 0:
            self.drive.addItem(self.tr("(không thấy ổ USB nào – hãy cắm USB hoặc chọn thư mục)"),
                               "")
        self.drive.blockSignals(False)
        self._drive_chosen()
        self.update_preview()

    def _drive_chosen(self) -> None:
        path = self.drive.currentData()
        if path:
            self.folder.setText(path)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục để lưu tệp"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def update_preview(self) -> None:
        peer = self.peer.currentData()
        has_peer = peer is not None
        self.export_button.setEnabled(has_peer)
        if not has_peer:
            self.counts.setText(self.tr("Chưa có đơn vị tin cậy nào: vào thẻ “Khoá và đơn vị "
                                        "tin cậy” để thêm nơi nhận."))
            return
        self.counts.setText(self.tr("Đang đếm…"))
        ctx, full = self.ctx, self.full.isChecked()
        self.runner.run(lambda: export_preview(ctx, peer, full)[1], self._show_counts,
                        parent=self)

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.planned = counts
        self.counts.setText(counts_lines(counts) or self.tr("Không có gì mới để gửi (vẫn có "
                                                            "thể xuất để báo đã nhận)."))

    def export(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.result.setStyleSheet(ERROR_STYLE)
            self.result.setText(self.tr("Hãy chọn ổ USB hoặc thư mục để lưu tệp."))
            return
        peer, full, ctx = self.peer.currentData(), self.full.isChecked(), self.ctx
        self._done = {}
        total = sum(self.planned.values())
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.result.clear()
        self.open_folder.hide()

        def work():
            return export_bundle(ctx, Path(folder), to=peer, full=full,
                                 progress=self.progressed.emit)

        self.runner.run(work, self._exported, on_error=self._failed, parent=self)

    def _progress(self, table: str, n: int) -> None:
        self._done[table] = n
        self.progress.setValue(min(sum(self._done.values()), self.progress.maximum()))

    def _exported(self, result) -> None:
        self.progress.setValue(self.progress.maximum())
        self.export_button.setEnabled(True)
        self.last_path = result.path
        self.result.setStyleSheet(OK_STYLE)
        self.result.setText(self.tr(
            "Đã ghi xong tệp {0} ({1} bản ghi, số thứ tự {2}) vào thư mục {3}.\n"
            "Hãy rút USB an toàn rồi mang tới {4} để nhập.").format(
                result.path.name, result.total, result.sequence, result.path.parent,
                result.to_name) + "".join("\n" + n for n in export_notices(result)))
        self.open_folder.show()
        self.exported.emit()
        self.update_preview()

    def _failed(self, exc: BaseException) -> bool:
        self.progress.hide()
        self.export_button.setEnabled(True)
        return False  # the runner shows the message

    def _open_folder(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))


class ImportPanel(QWidget):
    """Pick a file, see the verification in words, then apply it."""

    imported = Signal(int)  # conflicts found

    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.path: Path | None = None
        self.checked = None

        box = QGroupBox(self.tr("Nhận dữ liệu từ USB"))
        box_layout = QVBoxLayout(box)
        self.choose = QPushButton(self.tr("Chọn tệp đồng bộ (.sldsync)…"))
        self.file_label = QLabel(self.tr("Chưa chọn tệp."))
        self.file_label.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Nhập dữ liệu"))
        self.apply_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addWidget(self.file_label, 1)
        box_layout.addLayout(row)
        box_layout.addWidget(self.verdict)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.apply_button)
        apply_row.addStretch(1)
        box_layout.addLayout(apply_row)

        self.summary = QTableWidget(0, 5)
        self.summary.setHorizontalHeaderLabels([
            self.tr("Loại dữ liệu"), self.tr("Mới"), self.tr("Cập nhật"),
            self.tr("Giữ nguyên"), self.tr("Xung đột")])
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary.verticalHeader().hide()
        self.summary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary.hide()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary, 1)
        layout.addStretch(0)
        box.setMaximumWidth(900)
        self.summary.setMaximumWidth(900)

        self.choose.clicked.connect(self._choose)
        self.apply_button.clicked.connect(self.apply)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp đồng bộ"), "",
                                              self.tr("Tệp đồng bộ (*.sldsync)"))
        if name:
            self.verify_file(Path(name))

    def verify_file(self, path: Path) -> None:
        self.path = path
        self.checked = None
        self.file_label.setText(str(path))
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Đang kiểm tra chữ ký và tính toàn vẹn…"))
        self.apply_button.setEnabled(False)
        self.summary.hide()
        self.summary_label.clear()
        ctx = self.ctx
        self.runner.run(lambda: check_bundle(ctx, path), self._verified,
                        on_error=self._refused, parent=self)

    def _verified(self, check) -> None:
        self.checked = check
        self.verdict.setStyleSheet(OK_STYLE)
        text = self.tr("Tệp hợp lệ: chữ ký đúng của {0}, dữ liệu nguyên vẹn, số thứ tự {1}, "
                       "tạo lúc {2}.").format(check.sender_name, check.sequence,
                                              format_local_time(check.created))
        lines = counts_lines(check.counts) or self.tr("(không có bản ghi nào)")
        if check.already_imported:
            text += "\n" + self.tr("Tệp này đã được nhập trước đây; nhập lại không thay đổi gì.")
        self.verdict.setText(text + "\n" + self.tr("Gồm:") + "\n" + lines)
        self.apply_button.setEnabled(not check.already_imported)

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, SyncError):
            self.verdict.setStyleSheet(ERROR_STYLE)
            self.verdict.setText(self.tr("Không nhập tệp này. ") + str(exc))
            self.apply_button.setEnabled(False)
            return True
        return False

    def apply(self) -> None:
        if self.checked is None or self.path is None:
            return
        self.apply_button.setEnabled(False)
        path, ctx = self.path, self.ctx
        self.runner.run(lambda: import_bundle(ctx, path), self._imported,
                        on_error=self._refused, label=self.tr("Đang nhập dữ liệu…"),
                        parent=self)

    def _imported(self, result) -> None:
        if result.already_imported:
            self.summary_label.setText(self.tr("Tệp này đã được nhập trước đây; không có gì "
                                               "thay đổi."))
            return
        self.summary_label.setStyleSheet(OK_STYLE)
        self.summary_label.setText(self.tr(
            "Đã nhập tệp số {0} của {1}: {2} bản ghi mới, {3} cập nhật, {4} xung đột.").format(
                result.check.sequence, result.check.sender_name, result.total("inserted"),
                result.total("updated"), result.conflicts)
            + "".join("\n" + n for n in import_notices(result)))
        self.summary.setRowCount(0)
        for table, tally in result.tallies.items():
            row = self.summary.rowCount()
            self.summary.insertRow(row)
            self.summary.setItem(row, 0, QTableWidgetItem(table_label(table)))
            for col, key in enumerate(("inserted", "updated", "unchanged", "conflicts"), 1):
                self.summary.setItem(row, col, QTableWidgetItem(str(tally[key])))
        self.summary.show()
        self.imported.emit(result.conflicts)
