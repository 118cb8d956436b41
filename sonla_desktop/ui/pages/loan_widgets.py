"""Small input widgets for the loan screens: money, dates, inline field errors, and the
editable table of contract cost lines with its running total."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.loan_application import COST_KINDS, parse_vnd
from ...errors import ValidationError
from .loan_labels import cost_label, money


class MoneyEdit(QLineEdit):
    """Whole đồng; shows 60.000.000 once the clerk leaves the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        self.editingFinished.connect(self._reformat)

    def amount(self) -> int | None:
        """The amount typed, or None when empty or not a valid amount."""
        if not self.text().strip():
            return None
        try:
            return parse_vnd(self.text(), "amount")
        except ValidationError:
            return None

    def set_amount(self, value: int | None) -> None:
        self.setText(money(value))

    def _reformat(self) -> None:
        value = self.amount()
        if value is not None:
            self.setText(money(value))


class DateField(QDateEdit):
    """dd/mm/yyyy with a calendar; typing works as well as picking."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.set_date(value or date.today())

    def value(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())

    def set_date(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class FieldError(QLabel):
    """A red line under a field; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def show_errors(err: ValidationError, labels: Mapping[str, FieldError]) -> list[str]:
    """Put each field's message under its field; return the messages with no field shown."""
    errors = getattr(err, "all_errors", None) or {err.field: err}
    for label in labels.values():
        label.show_message("")
    rest = []
    for field, e in errors.items():
        if field in labels:
            labels[field].show_message(str(e))
        else:
            rest.append(str(e))
    return rest


class CostLinesEditor(QWidget):
    """Kind, description and amount per line; the total updates as the clerk types."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Khoản chi phí"), self.tr("Diễn giải (không bắt buộc)"),
             self.tr("Số tiền (đồng)")])
        header = self.table.horizontalHeader()
        # Fixed: the kind is a combo box, whose text ResizeToContents does not measure.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 230)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 130)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._item_changed)
        add = QPushButton(self.tr("Thêm dòng"))
        add.clicked.connect(lambda: self.add_line())
        remove = QPushButton(self.tr("Xoá dòng"))
        remove.clicked.connect(self.remove_current)
        self.total_label = QLabel()
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_total()

    def add_line(self, kind: str = "other", label: str = "", amount: int | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for key in COST_KINDS:
            combo.addItem(cost_label(key), key)
        combo.setCurrentIndex(COST_KINDS.index(kind) if kind in COST_KINDS else 0)
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(row, 0, combo)
        self.table.blockSignals(True)
        self.table.setItem(row, 1, QTableWidgetItem(label))
        item = QTableWidgetItem(money(amount))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 2, item)
        self.table.blockSignals(False)
        self._update_total()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._update_total()

    def set_lines(self, lines: list[dict]) -> None:
        self.table.setRowCount(0)
        for line in lines:
            self.add_line(line["kind"], line.get("label", ""), line["amount_vnd"])

    def lines(self) -> list[dict]:
        """Raw lines for the service (amounts as typed; the service validates them)."""
        out = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            label = self.table.item(row, 1).text() if self.table.item(row, 1) else ""
            amount = self.table.item(row, 2).text() if self.table.item(row, 2) else ""
            if not label.strip() and not amount.strip():
                continue  # an empty row left by "Thêm dòng" is not a cost
            out.append({"kind": combo.currentData(), "label": label, "amount_vnd": amount})
        return out

    def total(self) -> int:
        """Sum of the valid amounts typed so far (the running total)."""
        total = 0
        for line in self.lines():
            with contextlib.suppress(ValidationError):
                total += parse_vnd(line["amount_vnd"], "cost_lines")
        return total

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            try:
                value = parse_vnd(item.text(), "cost_lines") if item.text().strip() else None
            except ValidationError:
                value = None
            if value is not None and item.text() != money(value):
                self.table.blockSignals(True)
                item.setText(money(value))
                self.table.blockSignals(False)
        self._update_total()

    def _update_total(self) -> None:
        self.total_label.setText(self.tr("Tổng chi phí: <b>{0} đồng</b>").format(
            money(self.total())))
        self.changed.emit()
