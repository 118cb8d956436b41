"""Loan applications: cleaning the clerk's input, the status workflow, declared facts.

Pure, like the rest of ``domain``: the service passes in what it read from the database
(the worker's facts, the policy rows) and gets back clean values or ``ValidationError``s
that name the field, so the form can show each message next to its widget.

Workflow::

    draft ──submit──▶ submitted ──approve──▶ approved ──disburse──▶ disbursed ──close──▶ closed
                         └──reject──▶ rejected

Only a draft can be edited; repayments are recorded on a disbursed loan; a loan is closed
only when nothing is outstanding.

Two facts decide eligibility but are not in the worker register: "the household's
farmland was revoked" and "relative of a person with meritorious service". The applicant
declares them on the form (the commune confirms them by signing). They are kept with the
application in ``loan_application.notes`` as a first line ``[declared] land_revoked=yes
meritorious_relative=no`` followed by the clerk's free notes: no schema change, and the
declaration travels with the row through sync.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from ..errors import ValidationError
from . import lengths
from .dates import parse_date
from .loan_rules import LoanRule, check_cap, max_term_months
from .loans import check_term, format_vnd
from .policy import POLICY_GROUPS, Applicant, check_group
from .text import clean_multiline, clean_text, text_errors

LOAN_STATUSES = ("draft", "submitted", "approved", "disbursed", "closed", "rejected")
COST_KINDS = ("service_fee", "airfare", "training", "visa_health", "deposit", "other")

STATUS_LABELS_VI = {
    "draft": "Nháp", "submitted": "Đã nộp", "approved": "Đã duyệt",
    "disbursed": "Đã giải ngân", "closed": "Đã tất toán", "rejected": "Bị từ chối",
}
STATUS_LABELS_EN = {
    "draft": "Draft", "submitted": "Submitted", "approved": "Approved",
    "disbursed": "Disbursed", "closed": "Closed", "rejected": "Rejected",
}
COST_KIND_LABELS_VI = {
    "service_fee": "Phí dịch vụ đưa người lao động đi làm việc ở nước ngoài",
    "airfare": "Vé máy bay",
    "training": "Đào tạo, bồi dưỡng kiến thức cần thiết, ngoại ngữ",
    "visa_health": "Khám sức khoẻ, hộ chiếu, thị thực (visa)",
    "deposit": "Tiền ký quỹ",
    "other": "Chi phí khác",
}
COST_KIND_LABELS_EN = {
    "service_fee": "Placement service fee", "airfare": "Airfare",
    "training": "Orientation and language training", "visa_health": "Health check, passport, visa",
    "deposit": "Deposit", "other": "Other costs",
}

# action -> (statuses it is allowed from, status after it)
_WORKFLOW: dict[str, tuple[tuple[str, ...], str | None]] = {
    "edit": (("draft",), None),
    "submit": (("draft",), "submitted"),
    "approve": (("submitted",), "approved"),
    "reject": (("submitted",), "rejected"),
    "disburse": (("approved",), "disbursed"),
    "repay": (("disbursed",), None),
    "close": (("disbursed",), "closed"),
    "delete": (("draft", "rejected"), None),
}
_ACTION_VI = {
    "edit": "sửa", "submit": "nộp", "approve": "duyệt", "reject": "từ chối",
    "disburse": "giải ngân", "repay": "ghi trả nợ cho", "close": "tất toán", "delete": "xoá",
}
_NEEDS_VI = {
    "edit": "đang là bản nháp", "submit": "đang là bản nháp", "approve": "đã nộp",
    "reject": "đã nộp", "disburse": "đã được duyệt", "repay": "đã giải ngân",
    "close": "đã giải ngân", "delete": "là bản nháp hoặc đã bị từ chối",
}


def allowed_actions(status: str) -> set[str]:
    """Actions the workflow allows on a loan in ``status`` (the GUI enables these buttons)."""
    return {a for a, (sources, _) in _WORKFLOW.items() if status in sources}


def check_action(status: str, action: str) -> str:
    """Return the status after ``action``; refuse it (field ``status``) if not allowed now."""
    sources, target = _WORKFLOW[action]
    if status not in sources:
        raise ValidationError(
            "status",
            f"Không thể {_ACTION_VI[action]} khoản vay này: chỉ {_ACTION_VI[action]} được khoản "
            f"vay {_NEEDS_VI[action]} (hiện: {STATUS_LABELS_VI.get(status, status)}).",
            f"Cannot {action} this loan: its status is {STATUS_LABELS_EN.get(status, status)}; "
            f"allowed only from {', '.join(STATUS_LABELS_EN[s] for s in sources)}.",
        )
    return target or status


def frequency_label_vi(frequency_months: int, term_months: int) -> str:
    if frequency_months >= term_months:
        return "Một lần khi đến hạn"
    return {1: "Hàng tháng", 3: "Hàng quý", 6: "6 tháng một lần", 12: "Hàng năm"}.get(
        frequency_months, f"{frequency_months} tháng một lần")


# ----------------------------------------------------------------- declarations

@dataclass(frozen=True)
class Declarations:
    land_revoked: bool = False
    meritorious_relative: bool = False


_DECLARED = "[declared]"
_DECLARED_RE = re.compile(r"\[declared\]((?:\s+\w+=(?:yes|no))*)\s*")


def encode_notes(declared: Declarations, free_notes: str) -> str:
    flags = " ".join(f"{k}={'yes' if getattr(declared, k) else 'no'}"
                     for k in ("land_revoked", "meritorious_relative"))
    free = clean_multiline(free_notes)
    return f"{_DECLARED} {flags}" + (f"\n{free}" if free else "")


def decode_notes(notes: str) -> tuple[Declarations, str]:
    """Split stored notes into the declarations and the clerk's free text."""
    first, _, rest = (notes or "").partition("\n")
    match = _DECLARED_RE.fullmatch(first)
    if not match:
        return Declarations(), notes or ""
    flags = dict(pair.split("=") for pair in match.group(1).split())
    return (Declarations(flags.get("land_revoked") == "yes",
                         flags.get("meritorious_relative") == "yes"), rest)


# ----------------------------------------------------------------- number input

def parse_vnd(value: object, field: str, label_vi: str = "Số tiền") -> int:
    """Whole VND from a number or text such as ``60.000.000``, ``60,000,000`` or ``60 000 000``."""
    bad = ValidationError(
        field, f"{label_vi}: “{clean_text(str(value))}” không phải số tiền hợp lệ "
        "(số đồng nguyên, ví dụ 60.000.000).",
        f"“{clean_text(str(value))}” is not a valid amount (whole đồng, e.g. 60.000.000).")
    if isinstance(value, bool) or value is None:
        raise bad
    if isinstance(value, int):
        number = value
    elif isinstance(value, float | Decimal):
        try:
            if Decimal(value) != Decimal(value).to_integral_value():
                raise bad
            number = int(value)
        except (InvalidOperation, ValueError, OverflowError):
            raise bad from None
    else:
        text = clean_text(str(value)).replace(" ", "").replace("\u00a0", "")
        text = text.removesuffix("đ").removesuffix("đồng").removesuffix("VND")
        # Either plain digits, or groups of three separated consistently by "." or ",".
        if not re.fullmatch(r"\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+", text):
            raise bad
        number = int(text.replace(".", "").replace(",", ""))
    if number < 0:
        raise ValidationError(field, f"{label_vi} không được âm.", "The amount cannot be negative.")
    return number


def parse_int(value: object, field: str, low: int, high: int, label_vi: str, label_en: str) -> int:
    try:
        number = int(str(value).strip()) if not isinstance(value, bool) else None
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise ValidationError(
            field, f"{label_vi} phải là số từ {low} đến {high}.",
            f"{label_en} must be a whole number from {low} to {high}.")
    return number


# ----------------------------------------------------------------- the application

@dataclass(frozen=True)
class CostLineInput:
    kind: str
    label: str
    amount_vnd: int


def _cost_lines(raw_lines: object) -> list[CostLineInput]:
    lines: list[CostLineInput] = []
    for n, raw in enumerate(raw_lines or [], start=1):
        kind = clean_text(str(raw.get("kind") or "other"))
        if kind not in COST_KINDS:
            raise ValidationError("cost_lines", f"Dòng chi phí {n}: loại “{kind}” không hợp lệ.",
                                  f"Cost line {n}: unknown kind “{kind}”.")
        amount = parse_vnd(raw.get("amount_vnd"), "cost_lines", f"Dòng chi phí {n}")
        if amount == 0:
            raise ValidationError("cost_lines", f"Dòng chi phí {n}: số tiền phải lớn hơn 0.",
                                  f"Cost line {n}: the amount must be greater than 0.")
        label = clean_text(str(raw.get("label") or "")) or COST_KIND_LABELS_VI[kind]
        lines.append(CostLineInput(kind, label[:200], amount))
    if not lines:
        raise ValidationError("cost_lines", "Hãy nhập ít nhất một khoản chi phí theo hợp đồng.",
                              "Enter at least one contract cost line.")
    return lines


_TEXT_LABELS_VI = {"agency": "Doanh nghiệp", "purpose": "Mục đích vay",
                   "savings_group_name": "Tổ tiết kiệm và vay vốn",
                   "savings_group_head": "Tổ trưởng", "free_notes": "Ghi chú"}


def clean_application(raw: Mapping[str, object]) -> tuple[dict, dict[str, ValidationError]]:
    """Clean the form's values; return (clean values, errors by field) like ``clean_worker``."""
    clean: dict = {}
    errors: dict[str, ValidationError] = {}

    def check(field: str, fn) -> None:
        try:
            clean[field] = fn()
        except ValidationError as err:
            errors[field] = err

    def group() -> str:
        value = clean_text(str(raw.get("policy_group") or ""))
        if value not in POLICY_GROUPS:
            raise ValidationError("policy_group", "Hãy chọn đối tượng ưu tiên.",
                                  "Choose a priority group.")
        return value

    check("policy_group", group)
    check("application_date", lambda: parse_date(raw.get("application_date"), "application_date"))
    # The term before the contract: the first error is the one shown on the command line,
    # and a contract length left out falls back to the term (--term 0 blamed the contract).
    check("term_months", lambda: parse_int(
        raw.get("term_months"), "term_months", 1, 120, "Thời hạn vay (tháng)",
        "The loan term (months)"))
    check("contract_months", lambda: parse_int(
        raw.get("contract_months"), "contract_months", 1, 120,
        "Thời hạn hợp đồng (tháng)", "The contract length (months)"))
    check("frequency_months", lambda: parse_int(
        raw.get("frequency_months", 1), "frequency_months", 1, 120,
        "Định kỳ trả gốc (tháng)", "The principal repayment period (months)"))
    check("cost_lines", lambda: _cost_lines(raw.get("cost_lines")))
    check("requested_amount", lambda: parse_vnd(
        raw.get("requested_vnd"), "requested_amount", "Số tiền đề nghị vay"))
    check("state_supported_vnd", lambda: parse_vnd(
        raw.get("state_supported_vnd") or 0, "state_supported_vnd",
        "Phần chi phí Nhà nước hỗ trợ"))
    clean["market_code"] = clean_text(str(raw.get("market_code") or "")).upper() or None
    for field, limit in (("agency", 200), ("purpose", 2000), ("savings_group_name", 200),
                         ("savings_group_head", 120)):
        clean[field] = clean_text(str(raw.get(field) or ""))[:limit]
    clean["declared"] = Declarations(bool(raw.get("land_revoked")),
                                     bool(raw.get("meritorious_relative")))
    clean["free_notes"] = clean_multiline(str(raw.get("notes") or ""))
    for field, err in text_errors(clean, lengths.LOAN_APPLICATION, _TEXT_LABELS_VI).items():
        errors.setdefault(field, err)
    if "term_months" in clean and "frequency_months" in clean \
            and clean["frequency_months"] > clean["term_months"]:
        errors["frequency_months"] = ValidationError(
            "frequency_months", "Định kỳ trả gốc không được dài hơn thời hạn vay.",
            "The principal repayment period cannot be longer than the loan term.")
    if "cost_lines" in clean:
        clean["total_cost_vnd"] = sum(line.amount_vnd for line in clean["cost_lines"])
    return clean, errors


def check_application(
    clean: Mapping[str, object], applicant: Applicant, rules: Sequence[LoanRule],
) -> dict[str, ValidationError]:
    """The loan rules in force on the application date: group, cap, term (by field)."""
    errors: dict[str, ValidationError] = {}
    on = clean["application_date"]

    def amount() -> None:
        if clean["requested_amount"] <= 0:
            raise ValidationError("requested_amount", "Số tiền đề nghị vay phải lớn hơn 0.",
                                  "The requested amount must be greater than 0.")
        check_cap(rules, clean["requested_amount"], clean["total_cost_vnd"],
                  clean.get("state_supported_vnd", 0), on)

    def term() -> None:
        limit = max_term_months(rules, clean["contract_months"], on)
        check_term(clean["term_months"], limit)

    checks = [
        ("policy_group", lambda: check_group(applicant, clean["policy_group"])),
        ("requested_amount", amount),
        ("term_months", term),
    ]
    for field, fn in checks:
        try:
            fn()
        except ValidationError as err:
            errors[err.field or field] = err
    return errors


def check_approval(approved_vnd: int, requested_vnd: int) -> None:
    if approved_vnd <= 0:
        raise ValidationError("approved_vnd", "Số tiền duyệt cho vay phải lớn hơn 0.",
                              "The approved amount must be greater than 0.")
    if approved_vnd > requested_vnd:
        raise ValidationError(
            "approved_vnd",
            f"Số tiền duyệt {format_vnd(approved_vnd)} đồng lớn hơn số tiền đề nghị vay "
            f"{format_vnd(requested_vnd)} đồng.",
            f"The approved amount {format_vnd(approved_vnd)} VND is more than the requested "
            f"{format_vnd(requested_vnd)} VND.")


def check_disbursement(amount_vnd: int, approved_vnd: int, on: date, application_date: date,
                       today: date) -> None:
    if on < application_date:
        raise ValidationError(
            "disbursed_on", f"Ngày giải ngân {on:%d/%m/%Y} trước ngày làm đơn "
            f"{application_date:%d/%m/%Y}.",
            f"The disbursement date {on.isoformat()} is before the application date.")
    if on > today:
        raise ValidationError("disbursed_on", "Ngày giải ngân không được sau ngày hôm nay.",
                              "The disbursement date cannot be in the future.")
    if amount_vnd <= 0 or amount_vnd > approved_vnd:
        raise ValidationError(
            "amount_vnd", f"Số tiền giải ngân phải từ 1 đến {format_vnd(approved_vnd)} đồng "
            "(số tiền đã duyệt).",
            f"The amount paid out must be between 1 and {format_vnd(approved_vnd)} VND "
            "(the approved amount).")


def check_repayment_input(paid_on: date, disbursed_on: date, today: date, principal_vnd: int,
                          interest_vnd: int, overdue_interest_vnd: int) -> None:
    """Dates and signs of a repayment; the principal limit is ``loans.validate_repayment``."""
    if paid_on < disbursed_on:
        raise ValidationError(
            "paid_on", f"Ngày trả {paid_on:%d/%m/%Y} trước ngày giải ngân {disbursed_on:%d/%m/%Y}.",
            f"The payment date {paid_on.isoformat()} is before the disbursement.")
    if paid_on > today:
        raise ValidationError("paid_on", "Ngày trả không được sau ngày hôm nay.",
                              "The payment date cannot be in the future.")
    for field, value, vi in (("interest_vnd", interest_vnd, "Tiền lãi"),
                             ("overdue_interest_vnd", overdue_interest_vnd, "Tiền lãi quá hạn")):
        if value < 0:
            raise ValidationError(field, f"{vi} không được âm.", "The amount cannot be negative.")
    if principal_vnd + interest_vnd + overdue_interest_vnd == 0:
        raise ValidationError("principal", "Hãy nhập số tiền gốc hoặc lãi đã trả.",
                              "Enter the principal or interest paid.")
