"""Small dialogs for one loan action each: approve, reject, disburse, record a repayment,
and picking the worker a new application is for.

Each runs its service call off the GUI thread; a ``ValidationError`` comes back as a red
line under the field it names, and the dialog stays open with what the clerk typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.loan_rules import BorrowerFacts, LoanRule, decide_rate
from ...errors import UserError, ValidationError
from ...services import loans as svc
from ...services.context import ServiceContext
from ...services.workers import WorkerFilter, list_workers
from .loan_labels import day, money, rate_text
from .loan_widgets import DateField, FieldError, MoneyEdit, show_errors


class ActionDialog(QDialog):
    """A form that runs one service action; errors stay inline, input is never lost."""

    def __init__(self, title: str, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.runner = runner
        self.result_value: object = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.form = QFormLayout()
        self.errors: dict[str, FieldError] = {}
        self.general = FieldError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ghi nhận"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        error = FieldError()
        self.errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(label, box)

    def action(self) -> Callable[[], object]:
        """The service call to run, with the values read from the widgets now."""
        raise NotImplementedError

    def submit(self) -> None:
        try:
            job = self.action()
        except ValidationError as err:  # a value the widgets could not even read
            self._failed(err)
            return
        self.buttons.setEnabled(False)
        self.runner.run(job, self._done, self._failed, parent=self)

    def _done(self, result: object) -> None:
        self.buttons.setEnabled(True)
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.general.show_message("\n".join(show_errors(exc, self.errors)))
            return True
        if isinstance(exc, UserError):
            self.general.show_message(str(exc))
            return True
        return False


def _amount_text(edit: MoneyEdit) -> str:
    return edit.text().strip() or "0"


class ApproveDialog(ActionDialog):
    def __init__(self, ctx: ServiceContext, runner, detail: dict, parent=None) -> None:
        super().__init__(self.tr("Ghi nhận ngân hàng duyệt cho vay"), runner, parent)
        self.ctx, self.loan_id = ctx, detail["id"]
        self.intro.setText(self.tr("{0} đề nghị vay <b>{1} đồng</b>.").format(
            detail["full_name"], money(detail["requested_vnd"])))
        self.amount = MoneyEdit()
        self.amount.set_amount(detail["requested_vnd"])
        self.add_field("approved_vnd", self.tr("Số tiền được duyệt (đồng)"), self.amount)

    def action(self):
        ctx, loan_id, amount = self.ctx, self.loan_id, _amount_text(self.amount)
        return lambda: svc.approve_loan(ctx, loan_id, amount)


class RejectDialog(ActionDialog):
    def __init__(self, ctx: ServiceContext, runner, detail: dict, parent=None) -> None:
        super().__init__(self.tr("Ghi nhận hồ sơ bị từ chối"), runner, parent)
        self.ctx, self.loan_id = ctx, detail["id"]
        self.intro.setText(self.tr("Hồ sơ vay của {0}.").format(detail["full_name"]))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.add_field("reason", self.tr("Lý do từ chối"), self.reason)

    def action(self):
        ctx, loan_id, reason = self.ctx, self.loan_id, self.reason.toPlainText()
        return lambda: svc.reject_loan(ctx, loan_id, reason)


class DisburseDialog(ActionDialog):
    """Pay-out date and amount; shows the rate that date will fix for the whole loan."""

    def __init__(self, ctx: ServiceContext, runner, detail: dict, rules: list[LoanRule],
                 borrower: BorrowerFacts, parent=None) -> None:
        super().__init__(self.tr("Ghi nhận giải ngân"), runner, parent)
        self.ctx, self.loan_id, self.rules, self.borrower = ctx, detail["id"], rules, borrower
        self.intro.setText(self.tr("{0} – được duyệt <b>{1} đồng</b>.").format(
            detail["full_name"], money(detail["approved_vnd"])))
        self.on = DateField(date.today())
        self.amount = MoneyEdit()
        self.amount.set_amount(detail["approved_vnd"])
        self.rate_label = QLabel()
        self.add_field("disbursed_on", self.tr("Ngày giải ngân"), self.on)
        self.add_field("amount_vnd", self.tr("Số tiền giải ngân (đồng)"), self.amount)
        self.form.addRow(self.tr("Lãi suất áp dụng"), self.rate_label)
        self.on.dateChanged.connect(self._show_rate)
        self._show_rate()

    def _show_rate(self) -> None:
        try:
            decision = decide_rate(self.rules, self.borrower, self.on.value())
        except UserError as err:
            self.rate_label.setText(str(err))
            return
        self.rate_label.setText(self.tr("{0} ({1}; cố định cho cả khoản vay)").format(
            rate_text(decision.rate_pct_year), decision.basis))

    def action(self):
        ctx, loan_id, on, amount = self.ctx, self.loan_id, self.on.value(), \
            _amount_text(self.amount)
        return lambda: svc.disburse_loan(ctx, loan_id, on, amount)


class RepaymentDialog(ActionDialog):
    """One payment; pre-filled with what is due today, the clerk types what was paid."""

    def __init__(self, ctx: ServiceContext, runner, detail: dict, parent=None) -> None:
        super().__init__(self.tr("Nhập trả nợ"), runner, parent)
        self.ctx, self.loan_id = ctx, detail["id"]
        state = detail["state"] or {}
        nxt = state.get("next_due") or {}
        self.intro.setText(self.tr(
            "{0}: dư nợ gốc <b>{1} đồng</b>; nợ gốc quá hạn {2}; lãi đến hạn {3}; "
            "lãi quá hạn {4}. Kỳ tới {5}.").format(
            detail["full_name"], money(state.get("outstanding_vnd", 0)),
            money(state.get("overdue_principal_vnd", 0)), money(state.get("interest_due_vnd", 0)),
            money(state.get("overdue_interest_vnd", 0)), day(nxt.get("due_date"))))
        self.paid_on = DateField(date.today())
        self.principal = MoneyEdit()
        self.principal.set_amount(state.get("overdue_principal_vnd", 0)
                                  + nxt.get("principal_vnd", 0))
        self.interest = MoneyEdit()
        self.interest.set_amount(state.get("interest_due_vnd", 0))
        self.overdue = MoneyEdit()
        self.overdue.set_amount(state.get("overdue_interest_vnd", 0))
        self.add_field("paid_on", self.tr("Ngày trả"), self.paid_on)
        self.add_field("principal", self.tr("Tiền gốc (đồng)"), self.principal)
        self.add_field("interest_vnd", self.tr("Tiền lãi (đồng)"), self.interest)
        self.add_field("overdue_interest_vnd", self.tr("Lãi quá hạn (đồng)"), self.overdue)

    def action(self):
        ctx, loan_id, on = self.ctx, self.loan_id, self.paid_on.value()
        values = [_amount_text(e) for e in (self.principal, self.interest, self.overdue)]
        return lambda: svc.record_repayment(ctx, loan_id, on, *values)


class WorkerPickerDialog(QDialog):
    """Find the worker a new application is for (name, CCCD or phone; accents optional)."""

    def __init__(self, ctx: ServiceContext, runner, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chọn người vay"))
        self.ctx, self.runner = ctx, runner
        self.worker_id: str | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên, số CCCD hoặc số điện thoại…"))
        self.results = QListWidget()
        self.results.itemActivated.connect(self._choose)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _: self.timer.start())
        self.search.returnPressed.connect(self._choose_first)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lập đơn vay"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(lambda: self._choose(self.results.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _run_search(self) -> None:
        ctx, text = self.ctx, self.search.text()
        self.runner.run(lambda: list_workers(ctx, WorkerFilter(search=text), limit=50),
                        self._show)

    def _show(self, rows) -> None:
        self.results.clear()
        for r in rows:
            born = day(r.birth_date) if r.birth_date else (str(r.birth_year or ""))
            item = QListWidgetItem(f"{r.full_name} – {born} – {r.national_id or '…'} – "
                                   f"{r.commune_name}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def _choose_first(self) -> None:
        self._choose(self.results.item(0))

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.worker_id = item.data(Qt.ItemDataRole.UserRole)
            self.accept()
