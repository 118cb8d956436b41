"""The loan form's live checks against the loan rules (``domain.loan_rules``): the rule that
decides the rate, the cap and the collateral requirement, shown as soon as the facts are
known. A mixin of ``LoanFormDialog``, kept apart so the form's file stays small; its texts
are translated in the dialog's context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.loan_rules import BorrowerFacts, check_cap, collateral_threshold, decide_rate
from ...errors import UserError, ValidationError
from .loan_labels import day, money, rate_text


class RuleChecks:
    """Needs ``data``, the declaration check boxes, the amount fields and the note labels."""

    def borrower_facts(self) -> BorrowerFacts:
        w = self.data.worker
        return BorrowerFacts(w["household"], w["ethnic_code"], self.data.is_poor_area,
                             self.land_revoked.isChecked(), self.meritorious.isChecked())

    def _check_rate(self) -> None:
        """The rate the rules give this borrower on the application date, and why."""
        on = self.application_date.value()
        try:
            decision = decide_rate(self.data.rules, self.borrower_facts(), on)
        except UserError as err:
            self.rate_note.setText(str(err))
            return
        text = QCoreApplication.translate(
            "LoanFormDialog", "<b>{0}</b> – {1}. Ngày làm đơn {2}; lãi suất chính thức theo "
            "quy định có hiệu lực ngày giải ngân.")
        self.rate_note.setText(text.format(rate_text(decision.rate_pct_year), decision.basis,
                                           day(on)))

    def _check_amount(self) -> None:
        total, requested = self.costs.total(), self.requested.amount()
        supported = self.supported.amount()
        on = self.application_date.value()
        bad = QCoreApplication.translate("LoanFormDialog", "Số tiền không hợp lệ (ví dụ {0}).")
        if supported is None:
            supported = 0
            if self.supported.text().strip():
                self.errors["state_supported_vnd"].show_message(bad.format("4.530.000"))
        if requested is None:
            self.amount_note.setText(QCoreApplication.translate(
                "LoanFormDialog", "Tổng chi phí {0} đồng.").format(money(total)))
            if self.requested.text().strip():
                self.errors["requested_amount"].show_message(bad.format("60.000.000"))
            return
        try:
            if requested <= 0 or total <= 0:
                raise ValidationError(
                    "requested_amount", "Số tiền đề nghị vay và tổng chi phí phải lớn hơn 0.",
                    "The requested amount and the total costs must be greater than 0.")
            cap = check_cap(self.data.rules, requested, total, supported, on)
            threshold = collateral_threshold(self.data.rules, on)
            note = QCoreApplication.translate("LoanFormDialog", "Tối đa {0} đồng ({1}).").format(
                money(cap.limit_vnd), cap.rule.legal_basis) + " "
            if requested > threshold:
                note += QCoreApplication.translate(
                    "LoanFormDialog", "<b>Phải có tài sản bảo đảm</b>: khoản vay trên {0} đồng "
                    "(ngưỡng áp dụng ngày {1}).").format(money(threshold), day(on))
            else:
                note += QCoreApplication.translate(
                    "LoanFormDialog", "Không cần tài sản bảo đảm (ngưỡng {0} đồng).").format(
                    money(threshold))
            self.amount_note.setText(note)
        except UserError as err:
            self.amount_note.setText("")
            self.errors[getattr(err, "field", None) or "requested_amount"].show_message(str(err))
