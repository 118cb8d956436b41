"""Import from Excel: pick a file, check it (nothing written), import it. Errors appear in a
table (sheet · row · column · message) and can be saved as a copy of the workbook with the
bad cells marked red and commented."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import ImportRowsError
from ...services.context import ServiceContext
from ...services.excel_import import ImportIssue, ImportResult, import_workbook, write_marked_copy
from ..tasks import TaskRunner


class IssueModel(QAbstractTableModel):
    """The errors of one check, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issues: list[ImportIssue] = []
        self.headers = [self.tr("Trang"), self.tr("Dòng"), self.tr("Cột"), self.tr("Lỗi")]

    def set_issues(self, issues: list[ImportIssue]) -> None:
        self.beginResetModel()
        self.issues = list(issues)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        issue = self.issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (issue.sheet, "" if issue.row is None else str(issue.row), issue.column,
                    issue.message)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult, after a successful (written) import

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None,
                 path: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.setWindowTitle(self.tr("Nhập dữ liệu từ Excel"))
        self.resize(980, 600)
        self.path_edit = QLineEdit(path or "")
        self.path_edit.setPlaceholderText(self.tr("Chọn tệp Excel (.xlsx) đã điền theo mẫu"))
        self.path_edit.textChanged.connect(self._file_changed)
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self.choose_file)
        self.check_button = QPushButton(self.tr("Kiểm tra"))
        self.check_button.setToolTip(self.tr("Kiểm tra mọi dòng, không ghi gì"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QPushButton(self.tr("Nhập vào cơ sở dữ liệu"))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.save_errors_button = QPushButton(self.tr("Lưu bản đánh dấu lỗi…"))
        self.save_errors_button.setToolTip(self.tr(
            "Ghi một bản sao của tệp, các ô sai tô đỏ và có chú thích, để sửa rồi nhập lại"))
        self.save_errors_button.clicked.connect(self.save_errors)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.reject)

        self.status = QLabel(self.tr("Mọi dòng được kiểm tra trước; chỉ cần một dòng sai là "
                                     "không ghi gì."))
        self.status.setWordWrap(True)
        self.model = IssueModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col, width in ((0, 130), (1, 60), (2, 150)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setMaximumHeight(110)
        self.notices.setPlaceholderText(self.tr("Ghi chú khi nhập (số CCCD được thêm số 0, "
                                                "cột bị bỏ qua…) hiện ở đây."))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tệp:")))
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.save_errors_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notices)
        layout.addLayout(buttons)
        self.last_errors: list[ImportIssue] = []
        self.last_result: ImportResult | None = None
        self._file_changed()

    def _file_changed(self) -> None:
        has_file = bool(self.path_edit.text().strip())
        self.check_button.setEnabled(has_file)
        self.import_button.setEnabled(has_file)
        self.save_errors_button.setEnabled(False)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp Excel"), "",
                                              self.tr("Sổ làm việc Excel (*.xlsx)"))
        if path:
            self.path_edit.setText(path)

    def run(self, dry_run: bool) -> None:
        path = self.path_edit.text().strip()
        if not path:
            return
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Đang kiểm tra…") if dry_run else self.tr("Đang nhập…"))
        self.runner.run(lambda: import_workbook(self.ctx, path, dry_run=dry_run),
                        lambda result: self._done(result, dry_run), self._failed,
                        label=self.tr("Đang đọc tệp Excel…"), parent=self)

    def _show(self, result: ImportResult | None, errors: list[ImportIssue]) -> None:
        self.last_result = result
        self.last_errors = list(errors)
        self.model.set_issues(errors)
        if len(errors) <= 300:  # wrapping every row of thousands would freeze the dialog
            self.table.resizeRowsToContents()
        notices = [n.line() for n in result.notices] if result else []
        self.notices.setPlainText("\n".join(notices))
        self.save_errors_button.setEnabled(bool(errors))
        has_file = bool(self.path_edit.text().strip())
        self.check_button.setEnabled(has_file)
        self.import_button.setEnabled(has_file)

    def _done(self, result: ImportResult, dry_run: bool) -> None:
        self._show(result, [])
        self.status.setText(result.headline())
        if not dry_run:
            self.imported.emit(result)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ImportRowsError):
            self._show(getattr(exc, "result", None), exc.errors)
            self.status.setText(self.tr("<b>{0}</b> Sửa các ô trong bảng dưới (hoặc lưu bản "
                                        "đánh dấu lỗi) rồi kiểm tra lại.").format(str(exc)))
            return True
        self._show(None, [])
        self.status.setText(str(exc))
        return False  # the task runner shows it too

    def save_errors(self) -> None:
        source = Path(self.path_edit.text().strip())
        suggested = str(source.with_name(source.stem + "-loi.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bản đánh dấu lỗi"), suggested,
                                              self.tr("Sổ làm việc Excel (*.xlsx)"))
        if path:
            self.write_errors_copy(path)

    def write_errors_copy(self, path: str) -> None:
        errors, source = self.last_errors, self.path_edit.text().strip()
        self.runner.run(lambda: write_marked_copy(source, errors, path),
                        lambda n: self.status.setText(
                            self.tr("Đã lưu {0}: {1} ô được đánh dấu.").format(path, n)),
                        parent=self)
