"""Loan balances read from the database and computed with the pure rules in domain.loans.

Shared by the loans page, ``loans list/show`` and the progress report, so a balance is
computed one way everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.loan_rules import overdue_multiplier_pct
from ..domain.loans import Instalment, LoanState, Payment, build_schedule, loan_state
from ..domain.policy import PolicyParam, RateRow
from ..models import Disbursement, LoanApplication, Repayment, Worker
from ..models import PolicyParam as PolicyParamRow
from ..models import PolicyRate as PolicyRateRow


def rate_rows(session: Session) -> list[RateRow]:
    return [
        RateRow(r.group_key, Decimal(r.rate_pct_year), r.valid_from, r.valid_to, r.basis)
        for r in session.scalars(select(PolicyRateRow).where(~PolicyRateRow.deleted))
    ]


def policy_params(session: Session) -> list[PolicyParam]:
    return [
        PolicyParam(p.key, Decimal(p.value), p.valid_from, p.valid_to, p.basis)
        for p in session.scalars(select(PolicyParamRow).where(~PolicyParamRow.deleted))
    ]


@dataclass(frozen=True)
class LoanFigures:
    loan_id: str
    worker_id: str
    commune_code: str
    policy_group: str
    status: str
    disbursed_on: date | None
    disbursed_vnd: int
    rate_pct_year: Decimal | None
    term_months: int
    schedule: tuple[Instalment, ...]
    state: LoanState | None  # None until money has been paid out (or after as_of)


def loan_figures(
    session: Session, as_of: date, loan_ids: Iterable[str] | None = None,
    commune_code: str | Iterable[str] | None = None,
) -> list[LoanFigures]:
    """Schedule and state on ``as_of`` of every live loan (optionally some communes' or
    one's: ``commune_code`` is a code or a collection of codes)."""
    stmt = (
        select(LoanApplication, Worker.commune_code)
        .join(Worker, Worker.id == LoanApplication.worker_id)
        .where(~LoanApplication.deleted)
    )
    if loan_ids is not None:
        stmt = stmt.where(LoanApplication.id.in_(list(loan_ids)))
    if isinstance(commune_code, str):
        commune_code = [commune_code] if commune_code else None
    if commune_code is not None:
        stmt = stmt.where(Worker.commune_code.in_(list(commune_code)))
    loans = list(session.execute(stmt))
    ids = [loan.id for loan, _ in loans]
    disbursements: dict[str, list[Disbursement]] = defaultdict(list)
    repayments: dict[str, list[Payment]] = defaultdict(list)
    for chunk in _chunks(ids, 500):
        for d in session.scalars(select(Disbursement).where(
                Disbursement.loan_id.in_(chunk), ~Disbursement.deleted)):
            disbursements[d.loan_id].append(d)
        for r in session.scalars(select(Repayment).where(
                Repayment.loan_id.in_(chunk), ~Repayment.deleted)):
            repayments[r.loan_id].append(
                Payment(r.paid_on, r.principal_vnd, r.interest_vnd, r.overdue_interest_vnd))
    from .loan_rules import loan_rules

    rules = loan_rules(session)
    result = []
    for loan, commune in loans:
        paid_out = [d for d in disbursements[loan.id] if d.disbursed_on <= as_of]
        first = min((d.disbursed_on for d in disbursements[loan.id]), default=None)
        amount = sum(d.amount_vnd for d in paid_out)
        schedule: tuple[Instalment, ...] = ()
        state = None
        if paid_out and loan.rate_pct_year is not None and first is not None:
            schedule = tuple(build_schedule(amount, loan.rate_pct_year, first, loan.term_months,
                                            loan.frequency_months))
            multiplier = overdue_multiplier_pct(rules, as_of)
            payments = [p for p in repayments[loan.id] if p.paid_on <= as_of]
            state = loan_state(list(schedule), payments, loan.rate_pct_year, multiplier, as_of,
                               disbursed_on=first)
        result.append(LoanFigures(
            loan.id, loan.worker_id, commune, loan.policy_group, loan.status, first, amount,
            loan.rate_pct_year, loan.term_months, schedule, state))
    return result


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
