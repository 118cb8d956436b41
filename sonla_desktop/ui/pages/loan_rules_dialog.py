"""Loan rules (Quy định cho vay): the rules in force by date, and the admin's one action,
adding a rule or a new value of a published rate with its legal basis and a note.

Rules are a hub-owned table: one added at the hub reaches every commune with the next
bundle (docs/user-guide.md, "Khi có quyết định mới về lãi suất").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.loan_rules import (
    RULE_KINDS,
    SERIES,
    VALUE_KINDS,
    describe_conditions,
    format_pct,
)
from ...errors import UserError, ValidationError
from ...services.context import ServiceContext
from ...services.loan_rules import RuleRow, add_rule, list_rules
from .loan_labels import day, money
from .loan_widgets import DateField, FieldError, show_errors


def value_text(row: RuleRow) -> str:
    r = row.rule
    if r.value_kind == "vnd":
        return f"{money(int(r.value))} đồng"
    if r.value_kind == "multiple_of":
        return f"{format_pct(r.value * 100)}% × {r.base}"
    if r.value_kind == "percent_year":
        return f"{format_pct(r.value)} %/năm"
    less = " − hỗ trợ NN" if r.value_kind == "percent_of_costs_less_supported" else ""
    return f"{format_pct(r.value)}%{less}"


class LoanRulesDialog(QDialog):
    def __init__(self, ctx: ServiceContext, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.setWindowTitle(self.tr("Quy định cho vay theo ngày hiệu lực"))
        columns = [self.tr("Loại"), self.tr("Mã"), self.tr("Từ ngày"), self.tr("Đến ngày"),
                   self.tr("Áp dụng cho"), self.tr("Giá trị"), self.tr("Căn cứ"),
                   self.tr("Ghi chú")]
        self.kind_labels = {
            "series": self.tr("Lãi suất công bố (chuỗi)"), "loan_rate": self.tr("Lãi suất cho vay"),
            "overdue": self.tr("Lãi suất nợ quá hạn"),
            "collateral_threshold": self.tr("Ngưỡng phải có bảo đảm tiền vay"),
            "cap": self.tr("Mức cho vay tối đa"), "term_limit": self.tr("Thời hạn vay tối đa"),
        }
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.errors: dict[str, FieldError] = {}
        self.kind = QComboBox()
        for kind in RULE_KINDS:
            self.kind.addItem(self.kind_labels[kind], kind)
        self.key = QComboBox()
        self.key.setEditable(True)
        self.valid_from = DateField(date.today())
        self.has_end = QCheckBox(self.tr("có ngày hết hiệu lực"))
        self.valid_to = DateField(date.today())
        self.conditions = QLineEdit("any")
        self.value_kind = QComboBox()
        self.value = QLineEdit()
        self.base = QComboBox()
        self.base.setEditable(True)
        self.legal_basis = QLineEdit()
        self.label_vi = QLineEdit()
        self.note = QLineEdit()
        form = QFormLayout()
        end = QHBoxLayout()
        end.addWidget(self.has_end)
        end.addWidget(self.valid_to, 1)
        for key, label, widget in (
            ("kind", self.tr("Loại quy định"), self.kind), ("key", self.tr("Mã"), self.key),
            ("valid_from", self.tr("Hiệu lực từ ngày"), self.valid_from),
            ("valid_to", self.tr("Đến ngày"), end),
            ("conditions", self.tr("Áp dụng cho (dữ kiện)"), self.conditions),
            ("value_kind", self.tr("Cách tính"), self.value_kind),
            ("value", self.tr("Giá trị"), self.value),
            ("base", self.tr("Theo lãi suất"), self.base),
            ("legal_basis", self.tr("Căn cứ pháp lý"), self.legal_basis),
            ("label_vi", self.tr("Diễn giải (in trên hồ sơ)"), self.label_vi),
            ("note", self.tr("Ghi chú"), self.note),
        ):
            box = QVBoxLayout()
            box.addWidget(widget) if isinstance(widget, QWidget) else box.addLayout(widget)
            self.errors[key] = FieldError()
            box.addWidget(self.errors[key])
            form.addRow(label, box)
        self.general = FieldError()
        self.add_button = QPushButton(self.tr("Thêm quy định"))
        self.add_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.general)
        # "Lives in a particularly difficult area" is a fact of the commune (admin_unit),
        # set from the Government's list next to the rules that read it.
        self.areas_button = QPushButton(self.tr("Xã/phường đặc biệt khó khăn…"))
        self.areas_button.clicked.connect(self.open_areas)
        buttons = QHBoxLayout()
        buttons.addWidget(self.areas_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.resize(1100, 760)
        self.rows: list[RuleRow] = []
        if ctx.owned_scope:
            # Loan rules are the hub's (sync.ownership): a commune office reads them here.
            for widget in (self.kind, self.key, self.valid_from, self.has_end, self.valid_to,
                           self.conditions, self.value_kind, self.value, self.base,
                           self.legal_basis, self.label_vi, self.note, self.add_button):
                widget.setEnabled(False)
            self.read_only_note = QLabel(self.tr(
                "Quy định cho vay do văn phòng tỉnh đặt và gửi xuống qua tệp đồng bộ; văn phòng "
                "xã/phường chỉ xem. Khi có quyết định mới, hãy đề nghị văn phòng tỉnh cập nhật."))
            self.read_only_note.setWordWrap(True)
            layout.insertWidget(0, self.read_only_note)
        self.reload()

    def open_areas(self) -> None:
        from .poor_areas_dialog import PoorAreasDialog

        self.areas = PoorAreasDialog(self.ctx, self.runner, self)
        self.areas.show()

    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: list_rules(ctx), self._fill, parent=self)

    def _fill(self, rows: list[RuleRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            r = row.rule
            cells = (self.kind_labels.get(r.kind, r.kind), r.key,
                     day(r.valid_from) if r.valid_from else "…",
                     day(r.valid_to) if r.valid_to else "…",
                     describe_conditions(r.conditions), value_text(row), r.legal_basis,
                     r.note or row.confidence)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # long conditions and bases are cut in the column
                self.table.setItem(n, c, item)
        self.table.resizeColumnsToContents()
        for column, most in ((0, 190), (1, 190), (4, 240), (6, 260)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind, typed = self.kind.currentData(), self.key.currentText()
        keys = sorted({r.rule.key for r in self.rows if r.rule.kind == kind})
        series = sorted({r.rule.key for r in self.rows if r.rule.kind == SERIES})
        for combo, items in ((self.key, keys), (self.value_kind, VALUE_KINDS[kind]),
                             (self.base, [*series, "loan_rate"])):
            combo.clear()
            combo.addItems(list(items))
        if typed and self.sender() is not self.kind:
            self.key.setCurrentText(typed)  # after adding, the admin's key stays

    def values(self) -> dict:
        return {
            "kind": self.kind.currentData(), "key": self.key.currentText(),
            "valid_from": self.valid_from.value(),
            "valid_to": self.valid_to.value() if self.has_end.isChecked() else None,
            "conditions": self.conditions.text(), "value_kind": self.value_kind.currentText(),
            "value": self.value.text(),
            "base": self.base.currentText() if "multiple" in self.value_kind.currentText()
            else "",
            "legal_basis": self.legal_basis.text(), "label_vi": self.label_vi.text(),
            "note": self.note.text(),
        }

    def submit(self) -> None:
        ctx, raw = self.ctx, self.values()
        self.add_button.setEnabled(False)
        self.runner.run(lambda: add_rule(ctx, raw), self._added, self._failed, parent=self)

    def _added(self, _rule_id: str) -> None:
        self.add_button.setEnabled(True)
        for label in (*self.errors.values(), self.general):
            label.show_message("")
        self.value.clear()
        self.general.setStyleSheet("color: #1b5e20;")
        self.general.show_message(self.tr("Đã thêm quy định. Quy định cũ cùng mã được đóng vào "
                                          "ngày trước ngày hiệu lực mới."))
        self.reload()

    def _failed(self, exc: BaseException) -> bool:
        self.add_button.setEnabled(True)
        self.general.setStyleSheet("color: #b00020;")
        if isinstance(exc, ValidationError):
            self.general.show_message("\n".join(show_errors(exc, self.errors)))
            return True
        if isinstance(exc, UserError):
            self.general.show_message(str(exc))
            return True
        return False
