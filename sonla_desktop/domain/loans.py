"""Loan maths for VBSP labour-export loans: limits, repayment schedule and loan state.

All money is integer VND; rates are Decimal percent per year; every figure that a decree
sets (limits, thresholds, overdue multiplier) comes from effective-dated ``PolicyParam``
rows (see ``policy.py``), looked up on the date that matters.

Conventions (chosen to be simple, deterministic and checkable by hand):

* **Schedule.** One row per month: VBSP collects interest monthly through the village
  savings-and-loan group, while principal falls due every ``frequency_months`` months
  (1, 3, 6, or ``term_months`` for a single repayment at maturity). Principal instalments
  are equal, rounded down to whole VND; the last one takes the remainder so the
  instalments add up to the principal exactly. Month ``k`` is due on the same day of the
  month as the disbursement, ``k`` months later, clamped to the month's end
  (31 Jan -> 28/29 Feb -> 31 Mar).
* **Normal interest: 30/360 by whole months.** A whole month costs outstanding × (yearly
  rate / 12), however many calendar days it has, so the printed schedule and the bank's
  "0.55 %/month" agree. Each month's interest is rounded half-up to whole VND.
* **Part months (loan state).** Interest accrues day by day: day ``d`` bears interest on the
  principal held at the start of that day (a payment made on day ``d`` counts from day
  ``d + 1``), so the days from the disbursement to ``as_of`` are ``as_of − disbursed_on``.
  Inside month ``k`` (the days after due date ``k−1`` up to and including due date ``k``),
  each day earns 1/(days in that month) of the monthly interest. A month with a constant
  balance therefore costs exactly one monthly instalment of interest, and the running
  month is charged pro rata by actual days. Each month's total is rounded half-up.
* **Overdue: actual/360.** Principal not repaid by its due date becomes overdue on the next
  day. From then on it no longer bears normal interest but overdue interest at
  ``rate × overdue_multiplier_pct / 100`` per year, counted per actual day over a 360-day
  year (the way Vietnamese banks count overdue days), rounded half-up once over the whole
  overdue history. Repayments settle the oldest instalment first. Unpaid interest itself
  bears no interest.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sonla_desktop.domain.policy import (
    COLLATERAL_THRESHOLD_VND,
    MAX_LOAN_SHARE_PCT,
    PolicyParam,
    param_on,
)
from sonla_desktop.errors import ValidationError

_ONE_DAY = timedelta(days=1)


def format_vnd(amount: int) -> str:
    """``60000000`` -> ``"60.000.000"`` (Vietnamese digit grouping)."""
    return f"{amount:,}".replace(",", ".")


def _round_vnd(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def add_months(start: date, months: int) -> date:
    """``start`` moved by ``months`` calendar months, clamped to the end of the month."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = start.day if start.day <= 28 else min(start.day, _month_days(year, month))
    return date(year, month, day)


@functools.lru_cache(maxsize=4096)
def _month_days(year: int, month: int) -> int:
    # Every schedule of the province asks for the same few hundred months.
    return calendar.monthrange(year, month)[1]


# ---------------------------------------------------------------------------- limits


def check_amount(
    requested_vnd: int, total_costs_vnd: int, params: Iterable[PolicyParam], on: date
) -> None:
    """Refuse a requested amount that is not positive or above the allowed share of costs."""
    if requested_vnd <= 0:
        raise ValidationError(
            "requested_amount",
            "Số tiền đề nghị vay phải lớn hơn 0.",
            "The requested amount must be greater than 0.",
        )
    if total_costs_vnd <= 0:
        raise ValidationError(
            "total_costs",
            "Tổng chi phí theo hợp đồng phải lớn hơn 0.",
            "The total contract costs must be greater than 0.",
        )
    share = param_on(params, MAX_LOAN_SHARE_PCT, on)
    # Compare requested/costs with share/100 without dividing, so no rounding decides it.
    if Decimal(requested_vnd) * 100 > share * total_costs_vnd:
        limit = int(share * total_costs_vnd / 100)
        raise ValidationError(
            "requested_amount",
            f"Số tiền đề nghị vay {format_vnd(requested_vnd)} đồng vượt mức tối đa "
            f"{share.normalize():f}% chi phí ({format_vnd(limit)} đồng).",
            f"The requested amount {format_vnd(requested_vnd)} VND exceeds the maximum of "
            f"{share.normalize():f}% of the costs ({format_vnd(limit)} VND).",
        )


def needs_collateral(amount_vnd: int, params: Iterable[PolicyParam], on: date) -> bool:
    """True when ``amount_vnd`` is strictly above the collateral threshold in force on ``on``."""
    return amount_vnd > param_on(params, COLLATERAL_THRESHOLD_VND, on)


def check_term(term_months: int, contract_months: int) -> None:
    """The loan term must be at least one month and no longer than the labour contract."""
    if term_months < 1:
        raise ValidationError(
            "term_months",
            "Thời hạn vay phải từ 1 tháng trở lên.",
            "The loan term must be at least 1 month.",
        )
    if term_months > contract_months:
        raise ValidationError(
            "term_months",
            f"Thời hạn vay ({term_months} tháng) không được dài hơn thời hạn hợp đồng "
            f"({contract_months} tháng).",
            f"The loan term ({term_months} months) may not exceed the contract term "
            f"({contract_months} months).",
        )


# -------------------------------------------------------------------------- schedule


def monthly_rate_pct(yearly: Decimal) -> Decimal:
    """Monthly rate in percent: 6.6 -> 0.55, 6.24 -> 0.52."""
    return Decimal(yearly) / 12


@dataclass(frozen=True)
class Instalment:
    number: int  # month number, 1 = first month after disbursement
    due_date: date
    principal_vnd: int
    interest_vnd: int
    balance_after_vnd: int


def _principal_plan(principal_vnd: int, term_months: int,
                    frequency_months: int) -> tuple[set[int], int, int]:
    """Months in which principal falls due, the regular share and the last share."""
    months = set(range(frequency_months, term_months, frequency_months))
    months.add(term_months)
    share = principal_vnd // len(months)
    return months, share, principal_vnd - share * (len(months) - 1)


def months_elapsed(disbursed_on: date, as_of: date) -> int:
    """How many monthly due dates (``add_months(disbursed_on, k)``, k >= 1) fall before
    ``as_of``: the number of instalments already past due on ``as_of``."""
    months = (as_of.year - disbursed_on.year) * 12 + as_of.month - disbursed_on.month
    # add_months clamps to the month end, so check the candidate instead of comparing days.
    while months > 0 and add_months(disbursed_on, months) >= as_of:
        months -= 1
    return max(months, 0)


def principal_due_by(
    principal_vnd: int, disbursed_on: date, term_months: int, frequency_months: int,
    as_of: date,
) -> int:
    """Principal of the instalments of ``build_schedule`` due strictly before ``as_of``.

    The same figure as summing the schedule, in constant time: the loans list uses it to
    find overdue loans among thousands without building every schedule
    (overdue principal = this − principal repaid up to ``as_of``, as in ``loan_state``).
    """
    months = months_elapsed(disbursed_on, as_of)
    if months >= term_months:
        return principal_vnd
    # As _principal_plan: instalments in months freq, 2·freq, … < term, and at term.
    share = principal_vnd // ((term_months - 1) // frequency_months + 1)
    # Before maturity only regular shares have fallen due.
    return share * (months // frequency_months)


def build_schedule(
    principal_vnd: int,
    yearly_rate_pct: Decimal,
    disbursed_on: date,
    term_months: int,
    frequency_months: int = 1,
) -> list[Instalment]:
    """Monthly repayment plan: interest every month, equal principal every ``frequency_months``.

    If the term is not a multiple of the frequency, the last principal instalment falls at
    maturity anyway (e.g. 10 months quarterly: months 3, 6, 9 and 10).
    """
    if principal_vnd <= 0:
        raise ValidationError(
            "principal", "Số tiền vay phải lớn hơn 0.", "The loan amount must be greater than 0."
        )
    if term_months < 1:
        raise ValidationError(
            "term_months",
            "Thời hạn vay phải từ 1 tháng trở lên.",
            "The loan term must be at least 1 month.",
        )
    if not 1 <= frequency_months <= term_months:
        raise ValidationError(
            "frequency_months",
            f"Kỳ hạn trả gốc phải từ 1 đến {term_months} tháng.",
            f"The principal repayment period must be between 1 and {term_months} months.",
        )
    rate = Decimal(yearly_rate_pct)
    if rate < 0:
        raise ValidationError(
            "rate", "Lãi suất không được âm.", "The interest rate cannot be negative."
        )

    principal_months, share, last_share = _principal_plan(
        principal_vnd, term_months, frequency_months)

    schedule: list[Instalment] = []
    balance = principal_vnd
    for month in range(1, term_months + 1):
        # 30/360: a whole month costs balance × yearly/12 regardless of its length.
        interest = _round_vnd(balance * rate / 1200)
        if month == term_months:
            paid = last_share
        elif month in principal_months:
            paid = share
        else:
            paid = 0
        balance -= paid
        schedule.append(Instalment(month, add_months(disbursed_on, month), paid, interest, balance))
    return schedule


# ------------------------------------------------------------------------ loan state


@dataclass(frozen=True)
class Payment:
    paid_on: date
    principal_vnd: int
    interest_vnd: int
    overdue_interest_vnd: int = 0


@dataclass(frozen=True)
class LoanState:
    """Where a loan stands at the end of day ``as_of``.

    ``interest_accrued_vnd`` is the normal interest earned from disbursement up to and
    including ``as_of`` (running month pro rata); ``interest_due_vnd`` is what is left of
    it after the interest paid, i.e. what settles the interest today.
    ``overdue_interest_vnd`` is the overdue interest accrued and not yet paid.
    ``overdue_days`` counts from the due date of the oldest unpaid past-due instalment.
    """

    as_of: date
    disbursed_vnd: int
    principal_paid_vnd: int
    outstanding_vnd: int
    interest_accrued_vnd: int
    interest_paid_vnd: int
    interest_due_vnd: int
    overdue_principal_vnd: int
    overdue_days: int
    overdue_interest_vnd: int
    next_due: Instalment | None


def loan_state(
    schedule: Sequence[Instalment],
    payments: Iterable[Payment],
    yearly_rate_pct: Decimal,
    overdue_multiplier_pct: Decimal,
    as_of: date,
    *,
    disbursed_on: date | None = None,
) -> LoanState:
    """State of a loan at the end of ``as_of`` (see the module docstring for conventions).

    ``disbursed_on`` should be passed; without it, it is taken as one month before the
    first due date, which is exact unless the loan was disbursed on the 29th–31st.
    Payments dated after ``as_of`` are ignored.
    """
    if not schedule:
        raise ValueError("empty schedule")
    schedule = sorted(schedule, key=lambda i: i.due_date)
    start = disbursed_on if disbursed_on is not None else add_months(schedule[0].due_date, -1)
    pays = sorted((p for p in payments if p.paid_on <= as_of), key=lambda p: p.paid_on)
    disbursed = sum(i.principal_vnd for i in schedule)
    principal_paid = sum(p.principal_vnd for p in pays)
    if principal_paid > disbursed:
        raise ValueError("principal repaid exceeds the amount disbursed")

    rate = Decimal(yearly_rate_pct)
    multiplier = Decimal(overdue_multiplier_pct)

    # Everything that matters is constant between "the day after a due date" and "the day
    # after a payment", so work on those stretches instead of day by day.
    cuts = {start + _ONE_DAY, as_of + _ONE_DAY}
    cuts.update(i.due_date + _ONE_DAY for i in schedule)
    cuts.update(p.paid_on + _ONE_DAY for p in pays)
    cuts = sorted(c for c in cuts if start < c <= as_of + _ONE_DAY)

    # Per month k: Σ(in-term balance × days); month k spans (due[k-1], due[k]].
    bounds = [start] + [i.due_date for i in schedule]
    balance_days = [0] * len(schedule)
    overdue_balance_days = 0
    month = 0
    # Principal paid and fallen due before each segment, as running sums: payments and
    # instalments are sorted by date and segments come in order, so each is added once
    # (the hub computes every loan of the province; a sum per segment was quadratic).
    paid = due = 0
    next_pay = next_inst = 0
    for seg_start, seg_end in zip(cuts, cuts[1:], strict=False):
        days = (seg_end - seg_start).days
        while next_pay < len(pays) and pays[next_pay].paid_on < seg_start:
            paid += pays[next_pay].principal_vnd
            next_pay += 1
        while next_inst < len(schedule) and schedule[next_inst].due_date < seg_start:
            due += schedule[next_inst].principal_vnd
            next_inst += 1
        overdue = max(0, due - paid)
        in_term = disbursed - paid - overdue
        overdue_balance_days += overdue * days
        while month < len(schedule) and bounds[month + 1] < seg_start:
            month += 1
        if month < len(schedule):
            balance_days[month] += in_term * days
        # After maturity every unpaid đồng is overdue, so in_term is 0 there.

    interest_accrued = sum(
        # One division per figure, so an exact half is not blurred by an earlier rounding.
        _round_vnd(bd * rate / (1200 * (bounds[k + 1] - bounds[k]).days))
        for k, bd in enumerate(balance_days)
        if bd
    )
    overdue_accrued = _round_vnd(overdue_balance_days * rate * multiplier / (100 * 100 * 360))
    interest_paid = sum(p.interest_vnd for p in pays)
    overdue_paid = sum(p.overdue_interest_vnd for p in pays)

    principal_due = sum(i.principal_vnd for i in schedule if i.due_date < as_of)
    overdue_principal = max(0, principal_due - principal_paid)
    overdue_days = 0
    if overdue_principal:
        covered = 0
        for inst in schedule:
            covered += inst.principal_vnd
            if covered > principal_paid:  # oldest instalment not fully repaid
                overdue_days = (as_of - inst.due_date).days
                break

    outstanding = disbursed - principal_paid
    next_due = None
    if outstanding:
        next_due = next((i for i in schedule if i.due_date >= as_of), None)

    return LoanState(
        as_of=as_of,
        disbursed_vnd=disbursed,
        principal_paid_vnd=principal_paid,
        outstanding_vnd=outstanding,
        interest_accrued_vnd=interest_accrued,
        interest_paid_vnd=interest_paid,
        interest_due_vnd=max(0, interest_accrued - interest_paid),
        overdue_principal_vnd=overdue_principal,
        overdue_days=overdue_days,
        overdue_interest_vnd=max(0, overdue_accrued - overdue_paid),
        next_due=next_due,
    )


def validate_repayment(state: LoanState, principal_vnd: int) -> None:
    """Refuse a principal repayment that is negative or larger than the outstanding balance."""
    if principal_vnd < 0:
        raise ValidationError(
            "principal",
            "Số tiền gốc trả không được âm.",
            "The principal repaid cannot be negative.",
        )
    if principal_vnd > state.outstanding_vnd:
        raise ValidationError(
            "principal",
            f"Số tiền gốc trả {format_vnd(principal_vnd)} đồng lớn hơn dư nợ còn lại "
            f"{format_vnd(state.outstanding_vnd)} đồng.",
            f"The principal repaid, {format_vnd(principal_vnd)} VND, is more than the "
            f"outstanding balance of {format_vnd(state.outstanding_vnd)} VND.",
        )
