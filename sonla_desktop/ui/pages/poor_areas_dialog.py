"""The communes and wards with particularly difficult socio-economic conditions (Decree
338/2025, Art. 15: a Kinh worker of a poor household living there borrows at the
poor-household rate). The hub's admin ticks a unit from the Government's list; the flag is
hub data and reaches the communes with the next bundle. No list ships with the program
(docs/user-guide.md), so every box starts unticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import fold
from ...errors import UserError
from ...services.admin_units import UnitRow, list_units, set_poor_area
from ...services.context import ServiceContext
from .loan_widgets import FieldError


class PoorAreasDialog(QDialog):
    def __init__(self, ctx: ServiceContext, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.setWindowTitle(self.tr("Xã/phường có điều kiện kinh tế - xã hội đặc biệt khó khăn"))
        self.editable = not ctx.owned_scope and ctx.may("rules.write")
        self.intro = intro = QLabel(self.tr(
            "Đánh dấu các xã/phường thuộc danh sách vùng đặc biệt khó khăn do Chính phủ ban "
            "hành. Người Kinh thuộc hộ nghèo sống ở đây được vay với lãi suất hộ nghèo (NĐ "
            "338/2025/NĐ-CP, Điều 15). Chương trình không kèm danh sách nào: hãy đánh dấu theo "
            "văn bản của Chính phủ."))
        intro.setWordWrap(True)
        if not self.editable:
            intro.setText(intro.text() + "\n" + self.tr(
                "Danh sách do văn phòng tỉnh đặt và gửi xuống qua tệp đồng bộ; ở đây chỉ xem."))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm xã/phường…"))
        self.search.textChanged.connect(self._filter)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Đặc biệt khó khăn"), self.tr("Mã"), self.tr("Tên")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = FieldError()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.resize(640, 620)
        self.rows: list[UnitRow] = []
        self._filling = False
        self.table.itemChanged.connect(self._toggled)
        self.reload()

    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: list_units(ctx), self._fill, parent=self)

    def _fill(self, rows: list[UnitRow]) -> None:
        self._filling = True
        self.rows = rows
        self.table.setRowCount(len(rows))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        for n, unit in enumerate(rows):
            box = QTableWidgetItem()
            box.setFlags(flags)
            box.setCheckState(Qt.CheckState.Checked if unit.is_poor_area
                              else Qt.CheckState.Unchecked)
            box.setData(Qt.ItemDataRole.UserRole, unit.code)
            self.table.setItem(n, 0, box)
            self.table.setItem(n, 1, QTableWidgetItem(unit.code))
            self.table.setItem(n, 2, QTableWidgetItem(unit.full_name))
        self.table.resizeColumnsToContents()
        self._filling = False
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        wanted = fold(text)
        for n, unit in enumerate(self.rows):
            self.table.setRowHidden(n, bool(wanted) and wanted not in fold(
                f"{unit.full_name} {unit.code}"))

    def row_of(self, code: str) -> int:
        return next(n for n, unit in enumerate(self.rows) if unit.code == code)

    def _toggled(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        ctx, code = self.ctx, item.data(Qt.ItemDataRole.UserRole)
        flag = item.checkState() == Qt.CheckState.Checked
        self.table.setEnabled(False)
        self.runner.run(lambda: set_poor_area(ctx, code, flag),
                        lambda _changed: self._saved(code, flag), self._failed, parent=self)

    def _saved(self, code: str, flag: bool) -> None:
        self.table.setEnabled(True)
        self.message.setStyleSheet("color: #1b5e20;")
        what = self.tr("đã đánh dấu") if flag else self.tr("đã bỏ dấu")
        self.message.show_message(self.tr("Xã/phường {code} {what}; thay đổi sẽ đi theo tệp "
                                          "đồng bộ tới các văn phòng xã/phường.")
                                  .format(code=code, what=what))
        self.reload()

    def _failed(self, exc: BaseException) -> bool:
        self.table.setEnabled(True)
        self.reload()  # the box goes back to what the database holds
        if isinstance(exc, UserError):
            self.message.setStyleSheet("color: #b00020;")
            self.message.show_message(str(exc))
            return True
        return False
