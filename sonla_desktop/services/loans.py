"""Loan use cases: create/edit a draft, submit, approve, reject, disburse, repay, close.

Each public function is one user action in one transaction: everything is validated
first (domain.loan_application, domain.loans, domain.policy), then written, with
``ctx.stamp`` on every synced row and one audit row. Any error leaves the database as
it was. Reading (lists, details, the form's data) is in ``loan_queries``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.loan_application import (
    check_action,
    check_application,
    check_approval,
    check_disbursement,
    check_repayment_input,
    clean_application,
    decode_notes,
    encode_notes,
    parse_vnd,
)
from ..domain.loan_rules import BorrowerFacts, loan_terms
from ..domain.loans import format_vnd, validate_repayment
from ..domain.policy import Applicant
from ..domain.text import MAX_TEXT_LENGTH, check_text, clean_multiline
from ..errors import NotFoundError, ValidationError
from ..models import (
    AdminUnit,
    Disbursement,
    LoanApplication,
    LoanCostLine,
    Market,
    Repayment,
    Worker,
    utcnow,
)
from .context import ServiceContext
from .loan_figures import loan_figures
from .loan_rules import borrower_facts, loan_borrower, loan_rules

# Columns the form edits (the cost lines are replaced as a whole).
FORM_FIELDS = (
    "policy_group", "application_date", "market_code", "agency", "contract_months",
    "total_cost_vnd", "requested_vnd", "state_supported_vnd", "term_months", "frequency_months",
    "purpose", "savings_group_name", "savings_group_head", "notes",
)
# Decided by the loan rules on the borrower's facts (domain.loan_rules), never typed in.
TERM_FIELDS = ("rate_pct_year", "rate_basis", "collateral_required")


def _raise_first(errors: Mapping[str, ValidationError]) -> None:
    if errors:
        err = next(iter(errors.values()))
        err.all_errors = dict(errors)  # the form shows every field's message at once
        raise err


def load_worker(s: Session, worker_id: str) -> Worker:
    worker = s.get(Worker, worker_id)
    if worker is None or worker.deleted:
        raise NotFoundError(f"Không tìm thấy người lao động {worker_id}.",
                            f"Worker {worker_id} not found.")
    return worker


def find_borrower(ctx: ServiceContext, text: str) -> tuple[str, dict[str, object]]:
    """The live worker a command names by id or CCCD, with what a new loan of theirs
    defaults to (contract months, market, agency)."""
    ctx.require("loans.read")
    key = text.strip()
    with ctx.db.session() as s:
        worker = s.scalars(select(Worker).where(
            (Worker.id == key) | (Worker.national_id == key), ~Worker.deleted).limit(1)).first()
        if worker is None:
            raise NotFoundError(f"Không tìm thấy người lao động “{text}”.",
                                f"Worker “{text}” not found.")
        return worker.id, {"contract_months": worker.contract_months,
                           "market_code": worker.market_code, "agency": worker.agency}


def load_loan(s: Session, loan_id: str) -> LoanApplication:
    loan = s.get(LoanApplication, loan_id)
    if loan is None or loan.deleted:
        raise NotFoundError(f"Không tìm thấy khoản vay {loan_id}.", f"Loan {loan_id} not found.")
    return loan


def applicant_of(s: Session, worker: Worker, land_revoked: bool,
                 meritorious_relative: bool) -> Applicant:
    poor_area = s.scalar(select(AdminUnit.is_poor_area).where(
        AdminUnit.code == worker.commune_code))
    return Applicant(worker.household, worker.ethnic_code, bool(poor_area), land_revoked,
                     meritorious_relative)


def _terms(rules, borrower: BorrowerFacts, amount_vnd: int, on: date) -> dict[str, object]:
    terms = loan_terms(rules, borrower, amount_vnd, on)
    return {"rate_pct_year": terms.rate.rate_pct_year, "rate_basis": terms.rate.basis,
            "collateral_required": terms.collateral_required}


def _validated_values(s: Session, worker: Worker, raw: Mapping[str, object]) -> tuple[dict, list]:
    clean, errors = clean_application(raw)
    market = clean["market_code"]
    if market and s.scalar(select(Market.code).where(Market.code == market)) is None:
        errors["market_code"] = ValidationError(
            "market_code", f"Thị trường: không có mã “{market}” trong danh mục.",
            f"Unknown market code “{market}”.")
    needed = ("policy_group", "application_date", "contract_months", "term_months",
              "cost_lines", "requested_amount", "state_supported_vnd")
    rules = loan_rules(s)
    if all(k in clean for k in needed):
        declared = clean["declared"]
        applicant = applicant_of(s, worker, declared.land_revoked, declared.meritorious_relative)
        for field, err in check_application(clean, applicant, rules).items():
            errors.setdefault(field, err)
    _raise_first(errors)
    values = {k: clean[k] for k in FORM_FIELDS if k in clean}
    values["requested_vnd"] = clean["requested_amount"]
    values["notes"] = encode_notes(clean["declared"], clean["free_notes"])
    # The draft carries the rate, its basis and the collateral requirement from the start,
    # as in force on the application date; disbursement fixes them on its own date.
    borrower = borrower_facts(s, worker, clean["declared"].land_revoked,
                              clean["declared"].meritorious_relative)
    values.update(_terms(rules, borrower, values["requested_vnd"], clean["application_date"]))
    return values, clean["cost_lines"]


def _add_cost_lines(ctx: ServiceContext, s: Session, loan_id: str, lines: list) -> None:
    # Lines are listed by created_at; a coarse clock (Windows: ~15 ms) would tie them.
    base = utcnow()
    for n, line in enumerate(lines):
        stamp = base + timedelta(microseconds=n)
        row = LoanCostLine(loan_id=loan_id, kind=line.kind, label=line.label,
                           amount_vnd=line.amount_vnd, created_at=stamp, updated_at=stamp)
        s.add(row)
        ctx.stamp(s, row)


def _live_lines(s: Session, loan_id: str) -> list[LoanCostLine]:
    return list(s.scalars(select(LoanCostLine).where(
        LoanCostLine.loan_id == loan_id, ~LoanCostLine.deleted)
        .order_by(LoanCostLine.created_at, LoanCostLine.id)))


def _lines_json(lines) -> list[list[object]]:
    return [[line.kind, line.label, line.amount_vnd] for line in lines]


def create_loan(ctx: ServiceContext, worker_id: str, raw: Mapping[str, object]) -> str:
    """A new application in draft for ``worker_id``; returns its id."""
    ctx.require("loans.write")
    with ctx.transaction() as s:
        worker = load_worker(s, worker_id)
        values, lines = _validated_values(s, worker, raw)
        loan = LoanApplication(worker_id=worker_id, status="draft", **values)
        s.add(loan)
        ctx.stamp(s, loan)
        s.flush()
        _add_cost_lines(ctx, s, loan.id, lines)
        changes = {k: (None, v) for k, v in values.items()}
        changes["worker_id"] = (None, worker_id)
        changes["cost_lines"] = (None, _lines_json(lines))
        ctx.audit(s, "create", "loan_application", loan.id, changes)
        return loan.id


def update_loan(ctx: ServiceContext, loan_id: str, raw: Mapping[str, object]) -> None:
    """Edit a draft; the cost lines are replaced by the ones given (old ones tombstoned)."""
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        check_action(loan.status, "edit")
        values, lines = _validated_values(s, load_worker(s, loan.worker_id), raw)
        changes = {k: (getattr(loan, k), v) for k, v in values.items() if getattr(loan, k) != v}
        old_lines = _live_lines(s, loan_id)
        if _lines_json(old_lines) != _lines_json(lines):
            changes["cost_lines"] = (_lines_json(old_lines), _lines_json(lines))
            for row in old_lines:
                row.deleted = True
                ctx.stamp(s, row)
            _add_cost_lines(ctx, s, loan_id, lines)
        if not changes:
            return
        for k, v in values.items():
            setattr(loan, k, v)
        ctx.stamp(s, loan)
        ctx.audit(s, "update", "loan_application", loan_id, changes)


def _set_status(ctx: ServiceContext, s: Session, loan: LoanApplication, action: str,
                extra: dict[str, tuple[object, object]] | None = None) -> None:
    new = check_action(loan.status, action)
    changes = {"status": (loan.status, new), **(extra or {})}
    loan.status = new
    for field, (_, value) in (extra or {}).items():
        setattr(loan, field, value)
    ctx.stamp(s, loan)
    ctx.audit(s, action, "loan_application", loan.id, changes)


def submit_loan(ctx: ServiceContext, loan_id: str) -> None:
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        # Rules may have changed since the draft was saved (a new decree, the worker's
        # household status): check again before it leaves the office.
        declared, _ = decode_notes(loan.notes)
        raw = {k: getattr(loan, k) for k in FORM_FIELDS}
        raw.update(requested_vnd=loan.requested_vnd,
                   state_supported_vnd=loan.state_supported_vnd, land_revoked=declared.land_revoked,
                   meritorious_relative=declared.meritorious_relative,
                   cost_lines=[{"kind": c.kind, "label": c.label, "amount_vnd": c.amount_vnd}
                               for c in _live_lines(s, loan_id)])
        check_action(loan.status, "submit")
        values, _ = _validated_values(s, load_worker(s, loan.worker_id), raw)
        terms = {k: (getattr(loan, k), values[k]) for k in TERM_FIELDS
                 if getattr(loan, k) != values[k]}
        _set_status(ctx, s, loan, "submit", terms)


def approve_loan(ctx: ServiceContext, loan_id: str, approved_vnd: object) -> None:
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        check_action(loan.status, "approve")
        amount = parse_vnd(approved_vnd, "approved_vnd", "Số tiền duyệt")
        check_approval(amount, loan.requested_vnd)
        _set_status(ctx, s, loan, "approve", {"approved_vnd": (loan.approved_vnd, amount)})


def reject_loan(ctx: ServiceContext, loan_id: str, reason: str) -> None:
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        check_action(loan.status, "reject")
        text = clean_multiline(reason)
        if not text:
            raise ValidationError("reason", "Hãy ghi lý do từ chối.",
                                  "A reason for the rejection is required.")
        check_text("reason", text, MAX_TEXT_LENGTH, "Lý do từ chối", "The reason")
        _set_status(ctx, s, loan, "reject", {"reject_reason": (loan.reject_reason, text)})


def disburse_loan(ctx: ServiceContext, loan_id: str, on: date, amount_vnd: object,
                  today: date | None = None) -> str:
    """Record the payout; the loan's rate is fixed to the rate in force on ``on``."""
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        check_action(loan.status, "disburse")
        amount = parse_vnd(amount_vnd, "amount_vnd", "Số tiền giải ngân")
        check_disbursement(amount, loan.approved_vnd or 0, on, loan.application_date,
                           today or date.today())
        # Fixed now, on the borrower's facts and the rules in force on the payout day.
        terms = _terms(loan_rules(s), loan_borrower(s, loan), loan.approved_vnd or amount, on)
        row = Disbursement(loan_id=loan_id, disbursed_on=on, amount_vnd=amount)
        s.add(row)
        ctx.stamp(s, row)
        s.flush()
        _set_status(ctx, s, loan, "disburse",
                    {k: (getattr(loan, k), v) for k, v in terms.items()})
        ctx.audit(s, "create", "disbursement", row.id,
                  {"loan_id": (None, loan_id), "disbursed_on": (None, on),
                   "amount_vnd": (None, amount)})
        return row.id


def _last_payment(s: Session, loan_id: str) -> date | None:
    return s.scalar(select(func.max(Repayment.paid_on)).where(
        Repayment.loan_id == loan_id, ~Repayment.deleted))


def record_repayment(
    ctx: ServiceContext, loan_id: str, paid_on: date, principal_vnd: object,
    interest_vnd: object = 0, overdue_interest_vnd: object = 0, today: date | None = None,
) -> str:
    """One payment of principal, interest and overdue interest; returns the repayment id."""
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        check_action(loan.status, "repay")
        principal = parse_vnd(principal_vnd, "principal", "Tiền gốc")
        interest = parse_vnd(interest_vnd, "interest_vnd", "Tiền lãi")
        overdue = parse_vnd(overdue_interest_vnd, "overdue_interest_vnd", "Tiền lãi quá hạn")
        first = s.scalar(select(func.min(Disbursement.disbursed_on)).where(
            Disbursement.loan_id == loan_id, ~Disbursement.deleted))
        check_repayment_input(paid_on, first, today or date.today(), principal, interest, overdue)
        # A payment entered late (dated before one already recorded) must still fit the
        # balance left after every payment, so look from the latest date of the two.
        last = _last_payment(s, loan_id)
        as_of = max(paid_on, last) if last else paid_on
        [fig] = loan_figures(s, as_of, loan_ids=[loan_id])
        validate_repayment(fig.state, principal)
        row = Repayment(loan_id=loan_id, paid_on=paid_on, principal_vnd=principal,
                        interest_vnd=interest, overdue_interest_vnd=overdue)
        s.add(row)
        ctx.stamp(s, row)
        s.flush()
        ctx.audit(s, "create", "repayment", row.id, {
            "loan_id": (None, loan_id), "paid_on": (None, paid_on),
            "principal_vnd": (None, principal), "interest_vnd": (None, interest),
            "overdue_interest_vnd": (None, overdue)})
        return row.id


def close_loan(ctx: ServiceContext, loan_id: str, today: date | None = None) -> None:
    """Mark a fully repaid loan closed (settled)."""
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        check_action(loan.status, "close")
        last = _last_payment(s, loan_id)
        as_of = max(today or date.today(), last or date.min)
        [fig] = loan_figures(s, as_of, loan_ids=[loan_id])
        outstanding = fig.state.outstanding_vnd if fig.state else fig.disbursed_vnd
        if outstanding:
            raise ValidationError(
                "outstanding_vnd",
                f"Chưa tất toán được: còn dư nợ gốc {format_vnd(outstanding)} đồng.",
                f"Cannot close: {format_vnd(outstanding)} VND of principal is outstanding.")
        _set_status(ctx, s, loan, "close")


def delete_loan(ctx: ServiceContext, loan_id: str) -> None:
    """Remove a draft or rejected application (tombstones, so sync carries the removal)."""
    ctx.require("loans.write")
    with ctx.transaction() as s:
        loan = load_loan(s, loan_id)
        check_action(loan.status, "delete")
        for row in _live_lines(s, loan_id):
            row.deleted = True
            ctx.stamp(s, row)
        loan.deleted = True
        ctx.stamp(s, loan)
        ctx.audit(s, "delete", "loan_application", loan_id, {"deleted": (False, True)})
