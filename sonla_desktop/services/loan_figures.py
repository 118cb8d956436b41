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
    # Plain rows, not ORM objects: the hub reads every payout and repayment of the province
    # here, and building an object for each cost more than the balances themselves.
    disbursements: dict[str, list[tuple[date, int]]] = defaultdict(list)
    repayments: dict[str, list[Payment]] = defaultdict(list)
    for chunk in _chunks(ids, 500):
        for loan_id, on, amount in session.execute(
                select(Disbursement.loan_id, Disbursement.disbursed_on, Disbursement.amount_vnd)
                .where(Disbursement.loan_id.in_(chunk), ~Disbursement.deleted)):
            disbursements[loan_id].append((on, amount))
        for loan_id, *paid in session.execute(
                select(Repayment.loan_id, Repayment.paid_on, Repayment.principal_vnd,
                       Repayment.interest_vnd, Repayment.overdue_interest_vnd)
                .where(Repayment.loan_id.in_(chunk), ~Repayment.deleted)):
            repayments[loan_id].append(Payment(*paid))
    from .loan_rules import loan_rules

    rules = loan_rules(session)
    multipliers: list[Decimal] = []  # the rule in force on as_of: the same for every loan
    result = []
    for loan, commune in loans:
        paid_out = [(on, n) for on, n in disbursements[loan.id] if on <= as_of]
        first = min((on for on, _ in disbursements[loan.id]), default=None)
        amount = sum(n for _, n in paid_out)
        schedule: tuple[Instalment, ...] = ()
        state = None
        if paid_out and loan.rate_pct_year is not None and first is not None:
            schedule = tuple(build_schedule(amount, loan.rate_pct_year, first, loan.term_months,
                                            loan.frequency_months))
            if not multipliers:  # asked only when a loan needs it, as before
                multipliers.append(overdue_multiplier_pct(rules, as_of))
            multiplier = multipliers[0]
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
