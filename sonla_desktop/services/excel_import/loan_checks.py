"""A loans-sheet row's checks: errors collected by field, and the cap in force.

Split from ``loans_sheet`` to keep it short; the rules themselves are the domain's.
"""

from __future__ import annotations

from datetime import date

from ...domain.loan_rules import check_cap
from ...errors import UserError, ValidationError
from .reader import Row


class Checker:
    """Collects a row's errors; ``ok`` stays True while none was found."""

    def __init__(self, row: Row) -> None:
        self.row = row
        self.ok = not row.bad

    def fail(self, field: str, vi: str, en: str) -> None:
        self.row.error(field, vi, en)
        self.ok = False

    def need(self, field: str, vi: str, en: str) -> object:
        value = self.row.values.get(field)
        if value in (None, ""):
            if field not in self.row.bad:
                self.fail(field, vi, en)
            return None
        return value

    def rule(self, field: str, fn) -> object:
        try:
            return fn()
        except UserError as err:
            self.fail(field, err.vi, err.en)
            return None


# The loan form's fields and the sheet's columns for the same figures.
_CAP_FIELDS = {"requested_amount": "amount_vnd", "state_supported_vnd": "state_supported_vnd"}


def check_row_cap(c: Checker, rules, amount: int | None, on: date) -> tuple[int, int]:
    """The costs and state-supported amount of a row, checked against the cap in force on
    the application date with the loan form's own rule (``domain.loan_rules.check_cap``:
    from 2026 the costs minus what the state budget supports)."""
    v = c.row.values
    supported = v.get("state_supported_vnd") or 0
    costs = v.get("total_cost_vnd")
    unreadable = c.row.bad & {"amount_vnd", "total_cost_vnd", "state_supported_vnd"}
    if costs is None:
        if supported and not unreadable:
            unreadable = {"total_cost_vnd"}
            c.fail("total_cost_vnd",
                   "Có phần Nhà nước hỗ trợ thì phải nhập chi phí trước xuất cảnh để tính số "
                   "tiền vay tối đa.",
                   "With a state-supported amount, enter the pre-departure costs so that the "
                   "loan cap can be worked out.")
        costs = amount or 0  # an old sheet: the loan covered the costs it states
    if amount is None or unreadable:
        return costs, supported
    try:
        check_cap(rules, amount, costs, supported, on)
    except ValidationError as err:
        c.fail(_CAP_FIELDS.get(err.field, "amount_vnd"), err.vi, err.en)
    except UserError as err:  # no cap rule in force on that day
        c.fail("amount_vnd", err.vi, err.en)
    return costs, supported
