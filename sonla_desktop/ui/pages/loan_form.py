"""The loan application form (Giấy đề nghị vay vốn): borrower facts, declarations,
eligible groups with the rate in force, cost lines with a running total, requested
amount checked against the costs and the collateral threshold as the clerk types.

``open_loan_form(parent, ctx, runner, worker_id)`` is the public entry point; the worker
list calls it to start an application for the selected worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.loan_rules import max_term_months
from ...domain.loans import check_term
from ...domain.policy import POLICY_GROUPS, Applicant, eligible_groups
from ...errors import UserError, ValidationError
from ...services import loans as svc
from ...services.context import ServiceContext
from ...services.loan_queries import LoanFormData, loan_form_data
from .loan_form_checks import RuleChecks
from .loan_labels import (
    FREQUENCIES,
    group_label,
    household_label,
    translate_label,
)
from .loan_widgets import CostLinesEditor, DateField, FieldError, MoneyEdit, show_errors

STARTER_KINDS = ("service_fee", "airfare", "training", "visa_health")


class LoanFormDialog(RuleChecks, QDialog):
    saved = Signal(str)  # loan id

    def __init__(self, ctx: ServiceContext, runner, worker_id: str, loan_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.worker_id, self.loan_id = ctx, runner, worker_id, loan_id
        self.data: LoanFormData | None = None
        self.ready = False
        self.setWindowTitle(self.tr("Sửa đơn vay vốn") if loan_id else self.tr("Lập đơn vay vốn"))
        self.errors: dict[str, FieldError] = {}
        self._build()
        self.setEnabled(False)
        runner.run(lambda: loan_form_data(ctx, worker_id, loan_id), self._loaded, self._failed,
                   parent=self)

    # ---------------------------------------------------------------- layout
    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget,
             note: QLabel | None = None) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        if note is not None:
            box.addWidget(note)
        self.errors[key] = FieldError()
        box.addWidget(self.errors[key])
        form.addRow(label, box)

    def _build(self) -> None:
        self.borrower = QLabel()
        self.borrower.setWordWrap(True)
        self.borrower.setTextFormat(Qt.TextFormat.RichText)
        self.application_date = DateField()
        self.market = QComboBox()
        self.agency = QLineEdit()
        self.contract_months = QSpinBox()
        self.contract_months.setRange(1, 120)
        self.contract_months.setSuffix(self.tr(" tháng"))
        self.land_revoked = QCheckBox(self.tr("Hộ bị thu hồi đất nông nghiệp"))
        self.meritorious = QCheckBox(self.tr("Thân nhân người có công với cách mạng"))
        self.group = QComboBox()
        self.eligibility = QLabel()
        self.eligibility.setWordWrap(True)
        self.requested = MoneyEdit()
        self.supported = MoneyEdit()
        self.rate_note = QLabel()  # the rule that decides the rate, as soon as facts are known
        self.rate_note.setWordWrap(True)
        self.amount_note = QLabel()
        self.amount_note.setWordWrap(True)
        self.term = QSpinBox()
        self.term.setRange(1, 120)
        self.term.setSuffix(self.tr(" tháng"))
        self.frequency = QComboBox()
        for months, label in FREQUENCIES:
            self.frequency.addItem(translate_label(label), months)
        self.purpose = QLineEdit()
        self.savings_group = QLineEdit()
        self.savings_head = QLineEdit()

        left = QFormLayout()
        self._row(left, "application_date", self.tr("Ngày làm đơn"), self.application_date)
        self._row(left, "market_code", self.tr("Nước đến làm việc"), self.market)
        self._row(left, "agency", self.tr("Doanh nghiệp đưa đi"), self.agency)
        self._row(left, "contract_months", self.tr("Thời hạn hợp đồng"), self.contract_months)
        declared = QVBoxLayout()
        declared.addWidget(self.land_revoked)
        declared.addWidget(self.meritorious)
        left.addRow(self.tr("Người vay khai"), declared)
        self._row(left, "policy_group", self.tr("Đối tượng ưu tiên"), self.group,
                  self.eligibility)
        self._row(left, "state_supported_vnd", self.tr("Nhà nước hỗ trợ (không vay)"),
                  self.supported)
        self._row(left, "requested_amount", self.tr("Số tiền đề nghị vay"), self.requested,
                  self.amount_note)
        self._row(left, "rate", self.tr("Lãi suất"), self.rate_note)
        self._row(left, "term_months", self.tr("Thời hạn vay"), self.term)
        self._row(left, "frequency_months", self.tr("Định kỳ trả gốc"), self.frequency)
        self._row(left, "purpose", self.tr("Mục đích sử dụng vốn"), self.purpose)
        self._row(left, "savings_group_name", self.tr("Tổ TK&VV"), self.savings_group)
        self._row(left, "savings_group_head", self.tr("Tổ trưởng"), self.savings_head)

        self.costs = CostLinesEditor()
        self.errors["cost_lines"] = FieldError()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        costs_box = QGroupBox(self.tr("Chi phí theo hợp đồng"))
        costs_layout = QVBoxLayout(costs_box)
        costs_layout.addWidget(self.costs)
        costs_layout.addWidget(self.errors["cost_lines"])
        right = QVBoxLayout()
        right.addWidget(costs_box, 1)
        right.addWidget(QLabel(self.tr("Ghi chú")))
        right.addWidget(self.notes)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        self.general = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Lưu đơn (nháp)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.borrower)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(1180, 660)

    # ---------------------------------------------------------------- data in
    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, UserError):
            self.setEnabled(True)
            self.general.show_message(str(exc))
            self.save_button.setEnabled(False)
            return True
        return False

    def _loaded(self, data: LoanFormData) -> None:
        self.data = data
        w = data.worker
        others = ""
        if data.other_loans:
            others = self.tr(" <span style='color:#b00020'>Người này đã có {0} hồ sơ vay khác."
                             "</span>").format(len(data.other_loans))
        self.borrower.setText(self.tr(
            "Người vay: <b>{0}</b> – CCCD {1} – dân tộc {2} – {3} – {4}, {5}.{6}").format(
            w["full_name"], w["national_id"] or "…", w["ethnic_name"] or "…",
            household_label(w["household"]), w["village"] or "…", w["commune_name"], others))
        self.market.addItem(self.tr("(chưa chọn)"), None)
        for code, name in data.markets:
            self.market.addItem(name, code)
        loan = data.loan
        if loan:
            self._fill(loan)
        else:
            self._defaults(w)
        for signal in (self.application_date.dateChanged, self.contract_months.valueChanged,
                       self.land_revoked.toggled, self.meritorious.toggled,
                       self.group.currentIndexChanged, self.requested.textChanged,
                       self.supported.textChanged,
                       self.term.valueChanged, self.costs.changed):
            signal.connect(self.recheck)
        self.market.currentIndexChanged.connect(self._market_changed)
        self.ready = True
        self.setEnabled(True)
        self.recheck()

    def _select(self, combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _defaults(self, w: dict) -> None:
        self._select(self.market, w["market_code"])
        self.agency.setText(w["agency"] or "")
        self.contract_months.setValue(w["contract_months"] or 36)
        self.term.setValue(self.contract_months.value())
        village = (w["village"] or "").strip()
        if village:  # data for the Vietnamese form, so never translated
            self.savings_group.setText(f"Tổ TK&VV {village[0].lower() + village[1:]}")
        self._market_changed()
        for kind in STARTER_KINDS:
            self.costs.add_line(kind)
        self._groups()
        first = next((i for i in range(self.group.count())
                      if self.group.model().item(i).isEnabled()), 0)
        self.group.setCurrentIndex(first)

    def _fill(self, loan: dict) -> None:
        self.application_date.set_date(date.fromisoformat(loan["application_date"]))
        self._select(self.market, loan["market_code"])
        self.agency.setText(loan["agency"])
        self.contract_months.setValue(loan["contract_months"])
        self.land_revoked.setChecked(loan["declared"]["land_revoked"])
        self.meritorious.setChecked(loan["declared"]["meritorious_relative"])
        self._groups()
        self._select(self.group, loan["policy_group"])
        self.requested.set_amount(loan["requested_vnd"])
        if loan["state_supported_vnd"]:
            self.supported.set_amount(loan["state_supported_vnd"])
        self.term.setValue(loan["term_months"])
        freq = 0 if loan["frequency_months"] >= loan["term_months"] else loan["frequency_months"]
        self._select(self.frequency, freq)
        self.purpose.setText(loan["purpose"])
        self.savings_group.setText(loan["savings_group_name"])
        self.savings_head.setText(loan["savings_group_head"])
        self.costs.set_lines(loan["cost_lines"])
        self.notes.setPlainText(loan["notes"])

    def _market_changed(self) -> None:
        if self.market.currentData() and not self.purpose.isModified():
            # Printed on the Vietnamese form: Vietnamese whatever the screen language.
            name = dict(self.data.markets).get(self.market.currentData(), "")
            self.purpose.setText(f"Chi trả chi phí đi làm việc ở {name} theo hợp đồng")

    # ---------------------------------------------------------------- live checks
    def applicant(self) -> Applicant:
        w = self.data.worker
        return Applicant(w["household"], w["ethnic_code"], self.data.is_poor_area,
                         self.land_revoked.isChecked(), self.meritorious.isChecked())

    def _groups(self) -> None:
        """List every group; the ones the borrower does not qualify for are greyed out."""
        allowed = set(eligible_groups(self.applicant()))
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for key in POLICY_GROUPS:
            self.group.addItem(group_label(key), key)
            # "Other" is for a borrower in no priority group (the rules still lend to them).
            enabled = key in allowed or (key == "other" and not allowed)
            self.group.model().item(self.group.count() - 1).setEnabled(enabled)
        self._select(self.group, current)
        self.group.blockSignals(False)

    def recheck(self) -> None:
        if not self.ready:
            return
        if self.sender() in (self.land_revoked, self.meritorious):
            self._groups()
        for label in self.errors.values():
            label.show_message("")
        self._check_group()
        self._check_rate()
        self._check_amount()
        try:
            limit = max_term_months(self.data.rules, self.contract_months.value(),
                                    self.application_date.value())
            check_term(self.term.value(), limit)
        except UserError as err:
            self.errors["term_months"].show_message(str(err))

    def _check_group(self) -> None:
        allowed = eligible_groups(self.applicant())
        group = self.group.currentData()
        if not allowed:
            self.eligibility.setText(self.tr("Người vay không thuộc đối tượng ưu tiên nào."))
            return
        self.eligibility.setText(self.tr("Đủ điều kiện: {0}.").format(
            ", ".join(group_label(g) for g in allowed)))
        if group not in allowed:
            self.errors["policy_group"].show_message(self.tr(
                "Người vay không thuộc đối tượng “{0}”.").format(group_label(group)))

    # ---------------------------------------------------------------- save
    def values(self) -> dict:
        freq = self.frequency.currentData() or self.term.value()
        return {
            "policy_group": self.group.currentData(),
            "application_date": self.application_date.value(),
            "market_code": self.market.currentData(), "agency": self.agency.text(),
            "contract_months": self.contract_months.value(),
            "term_months": self.term.value(), "frequency_months": min(freq, self.term.value()),
            "requested_vnd": self.requested.text().strip() or "0",
            "state_supported_vnd": self.supported.text().strip() or "0",
            "cost_lines": self.costs.lines(), "purpose": self.purpose.text(),
            "savings_group_name": self.savings_group.text(),
            "savings_group_head": self.savings_head.text(),
            "land_revoked": self.land_revoked.isChecked(),
            "meritorious_relative": self.meritorious.isChecked(),
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> None:
        ctx, raw, loan_id, worker_id = self.ctx, self.values(), self.loan_id, self.worker_id
        if loan_id:
            def job():
                svc.update_loan(ctx, loan_id, raw)
                return loan_id
        else:
            def job():
                return svc.create_loan(ctx, worker_id, raw)
        self.save_button.setEnabled(False)
        self.runner.run(job, self._saved, self._save_failed, parent=self)

    def _saved(self, loan_id: str) -> None:
        self.save_button.setEnabled(True)
        self.loan_id = loan_id
        self.saved.emit(loan_id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> bool:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            labels = {**self.errors, "total_costs": self.errors["cost_lines"]}
            self.general.show_message("\n".join(show_errors(exc, labels)))
            return True
        if isinstance(exc, UserError):
            self.general.show_message(str(exc))
            return True
        return False


def open_loan_form(parent: QWidget | None, ctx: ServiceContext, runner, worker_id: str,
                   loan_id: str | None = None,
                   on_saved: Callable[[str], None] | None = None) -> LoanFormDialog:
    """Open the application form for ``worker_id`` (a new one, or ``loan_id`` to edit a
    draft). Returns the dialog at once; it fills itself when its data has been read."""
    dialog = LoanFormDialog(ctx, runner, worker_id, loan_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.open()
    return dialog
