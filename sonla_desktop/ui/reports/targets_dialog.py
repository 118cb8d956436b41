"""Target editor: one year's departure targets for the province and each commune, with what
has been achieved so far beside them. Empty cell = no target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.progress import year_period
from ...services.context import ServiceContext
from ...services.lookups import load_lookups
from ...services.progress_report import progress_figures
from ...services.spreadsheets import make_template
from ...services.targets import list_targets, set_targets
from ..tasks import TaskRunner


@dataclass
class _Line:
    code: str | None
    name: str
    target: int | None
    stored: int | None
    achieved: int


class TargetModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[_Line] = []
        self.headers = [self.tr("Xã/Phường"), self.tr("Mã"), self.tr("Chỉ tiêu (người)"),
                        self.tr("Đã xuất cảnh")]

    def load(self, lines: list[_Line]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def changes(self) -> list[tuple[str | None, int | None]]:
        return [(ln.code, ln.target) for ln in self.lines if ln.target != ln.stored]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 4

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.lines[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = (line.name, line.code or "", line.target, line.achieved)[col]
            if col == 2 and value is None:
                return "" if role == Qt.ItemDataRole.DisplayRole else 0
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and line.code is None:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != 2:
            return False
        text = str(value).strip()
        if text == "":
            number = None
        elif text.isdigit():
            number = int(text)
        else:
            return False
        self.lines[index.row()].target = number
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class TargetsDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, year: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.setWindowTitle(self.tr("Chỉ tiêu đưa người lao động đi làm việc ở nước ngoài"))
        self.resize(720, 640)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or date.today().year)
        self.year.valueChanged.connect(self.reload)
        self.model = TargetModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.info = QLabel(self.tr("Gõ số người vào cột Chỉ tiêu; để trống là chưa giao chỉ "
                                   "tiêu. Dòng Toàn tỉnh là chỉ tiêu chung của tỉnh. Cũng có thể điền "
                                   "mẫu chỉ tiêu Excel rồi dùng nút Nhập từ Excel."))
        self.info.setWordWrap(True)
        template = QPushButton(self.tr("Tải mẫu chỉ tiêu (Excel)…"))
        template.clicked.connect(self.save_template)
        save = QPushButton(self.tr("Lưu"))
        save.setDefault(True)
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm:")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(template)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(save)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def _load(self, year: int) -> list[_Line]:
        communes = [(c.code, c.short_vi) for c in load_lookups(self.ctx).communes]
        stored = {t.commune_code: t.departures for t in list_targets(self.ctx, year)}
        # Every commune's departures this database holds, whatever the office's scope.
        figures = progress_figures(self.ctx, year_period(year), province=True)
        lines = [_Line(None, self.tr("Toàn tỉnh"), stored.get(None), stored.get(None),
                       figures.departures_total)]
        for code, name in communes:
            lines.append(_Line(code, name, stored.get(code), stored.get(code),
                               figures.departures_by_commune.get(code, 0)))
        return lines

    def reload(self) -> None:
        year = self.year.value()
        self.runner.run(lambda: self._load(year), self.model.load, parent=self)

    def save(self) -> None:
        year, changes = self.year.value(), self.model.changes()
        if not changes:
            self.info.setText(self.tr("Không có gì thay đổi."))
            return

        def done(count: int) -> None:
            self.info.setText(self.tr("Đã lưu {0} chỉ tiêu của năm {1}.").format(count, year))
            self.saved.emit()
            self.reload()

        self.runner.run(lambda: set_targets(self.ctx, year, changes), done, parent=self)

    def save_template(self) -> None:
        year = self.year.value()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu mẫu chỉ tiêu"),
                                              f"chi-tieu-{year}.xlsx",
                                              self.tr("Sổ làm việc Excel (*.xlsx)"))
        if path:
            self.runner.run(lambda: make_template(self.ctx, "targets", path, year),
                            lambda _: self.info.setText(self.tr("Đã lưu {0}.").format(path)),
                            parent=self)
