"""Reading loans: the filtered list (page by page), one loan in full, the form's data,
and the printed dossier.

Outstanding principal is plain SQL (disbursed − principal repaid). Overdue principal needs
the schedule; instead of building thousands of schedules, ``domain.loans.principal_due_by``
gives the principal due by a date in constant time from the loan's columns (the same figure
``loan_state`` uses, property-tested against it), so "overdue only" stays fast on a
province-sized database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from ..domain.loan_application import decode_notes
from ..domain.loan_rules import LoanRule
from ..domain.loans import principal_due_by
from ..domain.text import search_words
from ..errors import NotFoundError, UserError
from ..models import (
    AdminUnit,
    Disbursement,
    EthnicGroup,
    LoanApplication,
    LoanCostLine,
    Market,
    PolicyGroup,
    Repayment,
    Worker,
)
from .context import ServiceContext
from .loan_figures import loan_figures
from .loan_rules import loan_rules, shown_terms
from .loans import load_loan, load_worker

L = LoanApplication
_FEW_LOANS = 500


@dataclass(frozen=True)
class LoanFilter:
    status: str | None = None
    policy_group: str | None = None
    commune_code: str | None = None
    overdue_only: bool = False
    search: str = ""  # name, CCCD, phone, village; accents optional
    worker_id: str | None = None


@dataclass(frozen=True)
class LoanRow:
    id: str
    worker_id: str
    national_id: str | None
    full_name: str
    commune_code: str
    commune_name: str
    policy_group: str
    status: str
    application_date: date
    requested_vnd: int
    approved_vnd: int | None
    disbursed_vnd: int
    disbursed_on: date | None
    rate_pct_year: Decimal | None
    term_months: int
    frequency_months: int
    principal_paid_vnd: int
    overdue_vnd: int = 0

    @property
    def amount_vnd(self) -> int:
        """What the borrower has (or will have): paid out, else approved, else requested."""
        return self.disbursed_vnd or self.approved_vnd or self.requested_vnd

    @property
    def outstanding_vnd(self) -> int:
        return self.disbursed_vnd - self.principal_paid_vnd

    def as_json(self) -> dict:
        return {
            "id": self.id, "worker_id": self.worker_id, "national_id": self.national_id,
            "full_name": self.full_name, "commune_code": self.commune_code,
            "commune_name": self.commune_name, "policy_group": self.policy_group,
            "status": self.status, "application_date": self.application_date.isoformat(),
            "requested_vnd": self.requested_vnd, "approved_vnd": self.approved_vnd,
            "amount_vnd": self.amount_vnd,
            "disbursed_on": self.disbursed_on.isoformat() if self.disbursed_on else None,
            "rate_pct_year": float(self.rate_pct_year) if self.rate_pct_year is not None
            else None,
            "term_months": self.term_months, "outstanding_vnd": self.outstanding_vnd,
            "overdue_principal_vnd": self.overdue_vnd,
        }


def _money_columns(as_of: date):
    disbursed = select(func.coalesce(func.sum(Disbursement.amount_vnd), 0)).where(
        Disbursement.loan_id == L.id, ~Disbursement.deleted,
        Disbursement.disbursed_on <= as_of).scalar_subquery()
    first_on = select(func.min(Disbursement.disbursed_on)).where(
        Disbursement.loan_id == L.id, ~Disbursement.deleted,
        Disbursement.disbursed_on <= as_of).scalar_subquery()
    paid = select(func.coalesce(func.sum(Repayment.principal_vnd), 0)).where(
        Repayment.loan_id == L.id, ~Repayment.deleted,
        Repayment.paid_on <= as_of).scalar_subquery()
    return disbursed, first_on, paid


def _overdue(amount: int, first: date | None, term: int, freq: int, paid: int,
             as_of: date) -> int:
    if not amount or first is None:
        return 0
    return max(0, principal_due_by(amount, first, term, freq, as_of) - paid)


def _where(stmt: Select, flt: LoanFilter) -> Select:
    conds = [~L.deleted, ~Worker.deleted]
    for column, value in ((L.status, flt.status), (L.policy_group, flt.policy_group),
                          (Worker.commune_code, flt.commune_code), (L.worker_id, flt.worker_id)):
        if value:
            conds.append(column == value)
    for token in search_words(flt.search):
        conds.append(Worker.search_text.contains(token, autoescape=True))
    return stmt.where(and_(*conds))


def overdue_loans(s: Session, flt: LoanFilter, as_of: date) -> dict[str, int]:
    """Loan id -> overdue principal on ``as_of``, for the loans of ``flt`` that have any.

    Kept for the session's life: a list's count and first page ask for it together.
    """
    key = ("overdue_loans", replace(flt, overdue_only=False), as_of)
    if key not in s.info:
        s.info[key] = _overdue_loans(s, flt, as_of)
    return s.info[key]


def _overdue_loans(s: Session, flt: LoanFilter, as_of: date) -> dict[str, int]:
    loans = s.execute(_where(select(L.id, L.term_months, L.frequency_months)
                             .join(Worker, Worker.id == L.worker_id), flt)
                      .where(L.status == "disbursed")).all()
    if not loans:
        return {}
    payout_q = select(Disbursement.loan_id, func.sum(Disbursement.amount_vnd),
                      func.min(Disbursement.disbursed_on)).where(
        ~Disbursement.deleted, Disbursement.disbursed_on <= as_of)
    paid_q = select(Repayment.loan_id, func.sum(Repayment.principal_vnd)).where(
        ~Repayment.deleted, Repayment.paid_on <= as_of)
    if len(loans) <= _FEW_LOANS:  # one commune: read just its loans' rows
        ids = [loan_id for loan_id, _, _ in loans]
        payout_q = payout_q.where(Disbursement.loan_id.in_(ids))
        paid_q = paid_q.where(Repayment.loan_id.in_(ids))
    # Otherwise one pass over each table beats thousands of index look-ups.
    payouts = {i: (amount, first) for i, amount, first in
               s.execute(payout_q.group_by(Disbursement.loan_id))}
    paid = {i: total for i, total in s.execute(paid_q.group_by(Repayment.loan_id))}
    result = {}
    for loan_id, term, freq in loans:
        amount, first = payouts.get(loan_id, (0, None))
        overdue = _overdue(amount, first, term, freq, paid.get(loan_id, 0), as_of)
        if overdue:
            result[loan_id] = overdue
    return result


SORTS = {
    "name": (Worker.sort_key,), "commune": (AdminUnit.name, Worker.sort_key),
    "policy_group": (L.policy_group,), "status": (L.status,),
    "application_date": (L.application_date,), "requested": (L.requested_vnd,),
    "term": (L.term_months,),
}


def _filtered(s: Session, flt: LoanFilter, as_of: date, columns: list) -> Select:
    stmt = select(*columns).select_from(L).join(Worker, Worker.id == L.worker_id).join(
        AdminUnit, AdminUnit.code == Worker.commune_code)
    if flt.overdue_only:
        # The ids already satisfy every other condition; repeating them would let SQLite
        # (without ANALYZE statistics) walk all workers instead of fetching the ids.
        return stmt.where(L.id.in_(list(overdue_loans(s, flt, as_of))))
    return _where(stmt, flt)


def search_loans(s: Session, flt: LoanFilter, as_of: date, offset: int = 0, limit: int = 100,
                 sort: str = "name", descending: bool = False) -> list[LoanRow]:
    """One page of loans with their balances on ``as_of``, filtered and sorted in SQL."""
    keys = SORTS.get(sort, SORTS["name"])
    page = _filtered(s, flt, as_of, [L.id]).order_by(
        *[k.desc() if descending else k.asc() for k in keys], Worker.sort_key, L.id,
    ).offset(offset).limit(limit)
    ids = list(s.scalars(page))
    if not ids:
        return []
    # Balances only for the page: SQLite would compute them for every matching loan
    # before sorting if they were in the query above.
    disbursed, first_on, paid = _money_columns(as_of)
    stmt = select(
        L.id, L.worker_id, Worker.national_id, Worker.full_name, Worker.commune_code,
        AdminUnit.name, L.policy_group, L.status, L.application_date, L.requested_vnd,
        L.approved_vnd, disbursed, first_on, L.rate_pct_year, L.term_months,
        L.frequency_months, paid,
    ).join(Worker, Worker.id == L.worker_id).join(
        AdminUnit, AdminUnit.code == Worker.commune_code).where(L.id.in_(ids))
    found = {}
    for r in s.execute(stmt):
        row = LoanRow(*r)
        overdue = _overdue(row.disbursed_vnd, row.disbursed_on, row.term_months,
                           row.frequency_months, row.principal_paid_vnd, as_of)
        found[row.id] = LoanRow(*r, overdue_vnd=overdue if row.status == "disbursed" else 0)
    return [found[i] for i in ids]


def count_loans(s: Session, flt: LoanFilter, as_of: date) -> int:
    if flt.overdue_only:
        return len(overdue_loans(s, flt, as_of))
    return int(s.scalar(_filtered(s, flt, as_of, [func.count(L.id)])) or 0)


def list_loans(ctx: ServiceContext, flt: LoanFilter, as_of: date | None = None,
               offset: int = 0, limit: int = 100, sort: str = "name",
               descending: bool = False) -> list[LoanRow]:
    ctx.require("loans.read")
    with ctx.db.session() as s:
        return search_loans(s, flt, as_of or date.today(), offset, limit, sort, descending)


def loan_list_start(ctx: ServiceContext, flt: LoanFilter, as_of: date, limit: int = 100,
                    sort: str = "name", descending: bool = False) -> tuple[int, list[LoanRow]]:
    """The count and the first page of the loans list, read together in one session."""
    ctx.require("loans.read")
    with ctx.db.session() as s:
        return (count_loans(s, flt, as_of),
                search_loans(s, flt, as_of, 0, limit, sort, descending))


def resolve_loan_id(ctx: ServiceContext, text: str) -> str:
    """A full loan id, or a unique prefix of one (at least 6 characters) as printed."""
    ctx.require("loans.read")
    key = text.strip().lower()
    found: list[str] = []
    if len(key) >= 6:
        with ctx.db.session() as s:
            found = list(s.scalars(select(L.id).where(L.id.startswith(key), ~L.deleted)
                                   .limit(2)))
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(f"Có nhiều khoản vay bắt đầu bằng “{text}”: hãy gõ thêm ký tự.",
                        f"Several loans start with “{text}”: type more characters.")
    raise NotFoundError(f"Không tìm thấy khoản vay “{text}”.", f"Loan “{text}” not found.")


# ------------------------------------------------------------------------ one loan

def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def loan_detail(ctx: ServiceContext, loan_id: str, as_of: date | None = None) -> dict:
    """The loan, its cost lines, payouts, repayments, schedule and state, JSON-ready."""
    ctx.require("loans.read")
    as_of = as_of or date.today()
    with ctx.db.session() as s:
        loan = load_loan(s, loan_id)
        worker = load_worker(s, loan.worker_id)
        declared, free_notes = decode_notes(loan.notes)
        lines = s.scalars(select(LoanCostLine).where(
            LoanCostLine.loan_id == loan_id, ~LoanCostLine.deleted)
            .order_by(LoanCostLine.created_at, LoanCostLine.id))
        payouts = s.scalars(select(Disbursement).where(
            Disbursement.loan_id == loan_id, ~Disbursement.deleted)
            .order_by(Disbursement.disbursed_on))
        payments = s.scalars(select(Repayment).where(
            Repayment.loan_id == loan_id, ~Repayment.deleted).order_by(Repayment.paid_on))
        [fig] = loan_figures(s, as_of, loan_ids=[loan_id])
        state = fig.state
        terms = shown_terms(s, loan, fig.disbursed_on)
        return {
            "id": loan.id, "worker_id": loan.worker_id, "full_name": worker.full_name,
            "national_id": worker.national_id, "commune_code": worker.commune_code,
            "policy_group": loan.policy_group, "status": loan.status,
            "application_date": _iso(loan.application_date), "market_code": loan.market_code,
            "agency": loan.agency, "contract_months": loan.contract_months,
            "total_cost_vnd": loan.total_cost_vnd, "requested_vnd": loan.requested_vnd,
            "approved_vnd": loan.approved_vnd, "term_months": loan.term_months,
            "frequency_months": loan.frequency_months, "purpose": loan.purpose,
            "savings_group_name": loan.savings_group_name,
            "savings_group_head": loan.savings_group_head,
            "reject_reason": loan.reject_reason,
            "state_supported_vnd": loan.state_supported_vnd,
            "rate_pct_year": float(terms.rate_pct_year) if terms.rate_pct_year is not None
            else None,
            "rate_basis": terms.rate_basis,
            "collateral_required": terms.collateral_required,
            # False until the money is paid out: until then the three above follow the
            # rules in force on the application date and the borrower's facts.
            "terms_fixed": fig.disbursed_on is not None,
            "declared": {"land_revoked": declared.land_revoked,
                         "meritorious_relative": declared.meritorious_relative},
            "notes": free_notes,
            "cost_lines": [{"kind": c.kind, "label": c.label, "amount_vnd": c.amount_vnd}
                           for c in lines],
            "disbursements": [{"id": d.id, "disbursed_on": _iso(d.disbursed_on),
                               "amount_vnd": d.amount_vnd} for d in payouts],
            "repayments": [{"id": r.id, "paid_on": _iso(r.paid_on),
                            "principal_vnd": r.principal_vnd, "interest_vnd": r.interest_vnd,
                            "overdue_interest_vnd": r.overdue_interest_vnd} for r in payments],
            "as_of": as_of.isoformat(),
            "schedule": [{"number": i.number, "due_date": _iso(i.due_date),
                          "principal_vnd": i.principal_vnd, "interest_vnd": i.interest_vnd,
                          "balance_after_vnd": i.balance_after_vnd} for i in fig.schedule],
            "state": None if state is None else {
                "disbursed_vnd": state.disbursed_vnd,
                "principal_paid_vnd": state.principal_paid_vnd,
                "outstanding_vnd": state.outstanding_vnd,
                "interest_accrued_vnd": state.interest_accrued_vnd,
                "interest_paid_vnd": state.interest_paid_vnd,
                "interest_due_vnd": state.interest_due_vnd,
                "overdue_principal_vnd": state.overdue_principal_vnd,
                "overdue_days": state.overdue_days,
                "overdue_interest_vnd": state.overdue_interest_vnd,
                "next_due": None if state.next_due is None else {
                    "number": state.next_due.number,
                    "due_date": _iso(state.next_due.due_date),
                    "principal_vnd": state.next_due.principal_vnd,
                    "interest_vnd": state.next_due.interest_vnd},
            },
        }


# ------------------------------------------------------------------------ the form

@dataclass
class LoanFormData:
    """Everything the application form needs, read once off the GUI thread."""

    worker: dict
    is_poor_area: bool
    rules: list[LoanRule]
    markets: list[tuple[str, str]]  # (code, Vietnamese name)
    group_names: dict[str, str]
    loan: dict | None = None  # loan_detail() of the loan being edited
    other_loans: list[str] = field(default_factory=list)  # statuses of the worker's others


def loan_form_data(ctx: ServiceContext, worker_id: str, loan_id: str | None = None) -> LoanFormData:
    ctx.require("loans.read")
    with ctx.db.session() as s:
        worker = load_worker(s, worker_id)
        unit = s.scalar(select(AdminUnit).where(AdminUnit.code == worker.commune_code))
        ethnic = s.scalar(select(EthnicGroup.name).where(EthnicGroup.code == worker.ethnic_code))
        facts = {
            "id": worker.id, "full_name": worker.full_name, "national_id": worker.national_id,
            "birth_date": worker.birth_date, "commune_name": unit.full_name if unit else "",
            "household": worker.household, "ethnic_code": worker.ethnic_code,
            "ethnic_name": ethnic or "", "market_code": worker.market_code,
            "agency": worker.agency, "contract_months": worker.contract_months,
            "village": worker.village,
        }
        markets = [(c, n) for c, n in s.execute(select(Market.code, Market.name_vi)
                                                 .order_by(Market.name_vi))]
        names = {k: n for k, n in s.execute(select(PolicyGroup.key, PolicyGroup.name_vi))}
        others = list(s.scalars(select(L.status).where(
            L.worker_id == worker_id, ~L.deleted, L.id != (loan_id or ""))))
        data = LoanFormData(facts, bool(unit and unit.is_poor_area), loan_rules(s),
                            markets, names, other_loans=others)
    if loan_id:
        data.loan = loan_detail(ctx, loan_id)
    return data


# ------------------------------------------------------------------------ dossier

def dossier_pdf(ctx: ServiceContext, loan_id: str, today: date | None = None) -> bytes:
    """The dossier as PDF bytes, to preview or print. No audit entry: building it is not
    printing it (issue 19); ``services.printing`` records the print once a queue took it."""
    ctx.require("exports.personal")
    from ..reports.dossier import render_dossier
    from .document_papers import dossier_seal
    from .dossier_data import dossier_data

    today = today or date.today()
    with ctx.db.session() as s:
        data = dossier_data(s, loan_id, today)
    data = replace(data, seal=dossier_seal(ctx, loan_id, data, today))
    out = io.BytesIO()
    render_dossier(data, out)
    return out.getvalue()


def export_dossier(ctx: ServiceContext, loan_id: str, out: str | Path | BinaryIO,
                   today: date | None = None) -> None:
    """Write the printable dossier (PDF) and note in the audit log who printed it:
    it carries sensitive personal and financial data."""
    ctx.require("exports.personal")
    payload = dossier_pdf(ctx, loan_id, today)
    if isinstance(out, str | Path):
        from ..files import write_bytes_atomically

        write_bytes_atomically(Path(out), payload)
    else:
        out.write(payload)
    with ctx.transaction() as s:
        ctx.audit(s, "print", "loan_application", loan_id, {"document": (None, "dossier")})
