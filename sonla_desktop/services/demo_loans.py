"""Demo loans: about a fifth of the departed workers borrowed, most repay every month, a few
are overdue; some workers still in training have applications on the way.

Called by ``services.demo.generate_demo`` inside its transaction. Rows go in through
SQLAlchemy Core in bulk (like the workers): 100k demo workers give ~7,000 loans and
~150,000 repayments, far too many for one ORM object each. Every figure still comes from
the real rules: eligible groups, the loan rules' rate on the borrower's facts on the
disbursement date, the schedule
of ``build_schedule``.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Date, DateTime, Table, select
from sqlalchemy.orm import Session

from ..domain.loan_application import Declarations, encode_notes
from ..domain.loan_rules import BorrowerFacts, loan_terms
from ..domain.loans import add_months, build_schedule
from ..domain.policy import Applicant, eligible_groups
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
from ..models.base import DecimalText
from .context import ServiceContext
from .demo_names import ETHNIC_NAMES
from .loan_rules import loan_rules

LOAN_SHARE = 0.2  # of departed (and returned) workers
PIPELINE_SHARE = 0.08  # of workers in training: applications not yet paid out
# The plan's amounts do not depend on the day (whole months, 30/360), only the dates do.
_PLAN_DAY = date(2001, 1, 1)
REJECT_REASONS = (
    "Chưa đủ giấy tờ chứng minh chi phí theo hợp đồng.",
    "Hộ gia đình còn nợ quá hạn khoản vay khác tại NHCSXH.",
    "Người lao động đã rút hồ sơ, không đi nữa.",
)


def _amount(rng: random.Random, market: str | None) -> int:
    millions = {"TW": rng.choice((55, 60, 60, 60, 65)), "KR": rng.choice((90, 100, 100, 110)),
                "JP": rng.randint(150, 200)}.get(market or "", rng.randint(80, 120))
    return millions * 1_000_000


def _cost_lines(rng: random.Random, total: int, market: str | None) -> list[tuple[str, int]]:
    def hundred_k(low: float, high: float) -> int:
        return int(rng.uniform(low, high) * 10) * 100_000

    lines = [("airfare", hundred_k(10, 14) if market == "JP" else hundred_k(6, 9)),
             ("training", hundred_k(8, 15) if market == "JP" else hundred_k(5, 10)),
             ("visa_health", hundred_k(3, 7))]
    if market != "KR" and rng.random() < 0.4:  # Korea's EPS has no deposit
        lines.append(("deposit", hundred_k(5, 10)))
    if rng.random() < 0.3:
        lines.append(("other", hundred_k(1, 3)))
    lines.insert(0, ("service_fee", total - sum(a for _, a in lines)))
    return lines


def _group(rng: random.Random, eligible: list[str]) -> str:
    household = [g for g in eligible if g in ("poor", "near_poor")]
    if "ethnic_minority" in eligible and (not household or rng.random() < 0.8):
        return "ethnic_minority"
    return household[0] if household else eligible[0]


def _person(rng: random.Random) -> str:
    _, families, mid_m, _, given_m, _ = ETHNIC_NAMES[rng.choice(("03", "03", "08", "06"))]
    return f"{rng.choice(families)} {rng.choice(mid_m)} {rng.choice(given_m)}"


def _sqlite_value(value: object) -> object:
    # The text forms SQLAlchemy's SQLite types store (DateTime with microseconds,
    # DecimalText normalised), so rows read back exactly as if written through it.
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def _bulk_insert(s: Session, table: Table, rows: list[dict]) -> None:
    """Insert many rows in the session's transaction.

    On SQLite straight through the driver's executemany: SQLAlchemy's per-parameter
    processing costs more than SQLite itself for ~200,000 repayments. Elsewhere
    (the hub's PostgreSQL) through Core.
    """
    if not rows:
        return
    conn = s.connection()
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    convert = [i for i, c in enumerate(columns)
               if isinstance(table.c[c].type, Date | DateTime | DecimalText)]
    sql = (f'INSERT INTO "{table.name}" ({", ".join(columns)}) '
           f'VALUES ({", ".join("?" * len(columns))})')

    def tuples():
        for row in rows:
            values = [row[c] for c in columns]
            for i in convert:
                values[i] = _sqlite_value(values[i])
            yield values

    conn.connection.driver_connection.executemany(sql, tuples())


def add_demo_loans(ctx: ServiceContext, s: Session, rng: random.Random, today: date,
                   summary) -> None:
    rules = loan_rules(s)
    poor_areas = set(s.scalars(select(AdminUnit.code).where(AdminUnit.is_poor_area)))
    markets = {code: name for code, name in s.execute(select(Market.code, Market.name_vi))}
    clock = ctx.clock(s)
    node = ctx.node_id
    now = utcnow()

    def uid() -> str:
        # A version-4 UUID from the seeded generator, formatted by hand (str(UUID) is
        # slow enough to matter at 200,000 rows).
        h = f"{rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    def sync(row: dict, offset: int = 0) -> dict:
        stamp = now + timedelta(microseconds=offset)  # keeps cost lines in entry order
        row.update(origin=node, version=clock.tick(), deleted=False, created_at=stamp,
                   updated_at=stamp)
        return row

    plans: dict[tuple, list[tuple[int, int]]] = {}
    loans: list[dict] = []
    lines: list[dict] = []
    payouts: list[dict] = []
    payments: list[dict] = []
    workers = s.execute(select(
        Worker.id, Worker.household, Worker.ethnic_code, Worker.commune_code,
        Worker.market_code, Worker.departure_date, Worker.contract_months, Worker.agency,
        Worker.status, Worker.village,
    ).where(~Worker.deleted, Worker.status.in_(("training", "departed", "returned")))
        .order_by(Worker.id))
    for wid, household, ethnic, commune, market, departure, months, agency, status, village \
            in workers:
        departed = status in ("departed", "returned") and departure is not None
        if rng.random() >= (LOAN_SHARE if departed else PIPELINE_SHARE):
            continue
        land = rng.random() < 0.04
        applicant = Applicant(household, ethnic, commune in poor_areas, land, False)
        eligible = eligible_groups(applicant)
        if not eligible:
            continue  # a Kinh worker from an ordinary household: no preferential loan
        group = _group(rng, eligible)
        amount = _amount(rng, market)
        total = amount + (rng.choice((0, 0, 2, 3, 5)) * 1_000_000)
        months = months or 36
        if departed:
            disbursed_on = departure - timedelta(days=rng.randint(3, 25))
            applied = disbursed_on - timedelta(days=rng.randint(15, 45))
        else:
            applied = today - timedelta(days=rng.randint(1, 60))
        freq = 3 if rng.random() < 0.15 and months >= 12 else 1
        loan_id = uid()
        place = village if village.lower().startswith(("bản", "tổ")) else f"bản {village}"
        loan = {
            "id": loan_id, "worker_id": wid, "policy_group": group, "application_date": applied,
            "market_code": market, "agency": agency, "contract_months": months,
            "total_cost_vnd": total, "requested_vnd": amount, "approved_vnd": None,
            "term_months": months, "frequency_months": freq,
            "purpose": f"Chi trả chi phí đi làm việc ở {markets.get(market, 'nước ngoài')} "
                       "theo hợp đồng",
            "savings_group_name": f"Tổ TK&VV {place[0].lower() + place[1:]}",
            "savings_group_head": _person(rng), "status": "draft", "reject_reason": "",
            "state_supported_vnd": 0,
            "notes": encode_notes(Declarations(land_revoked=land), ""),
        }
        borrower = BorrowerFacts(household, ethnic, commune in poor_areas, land, False)
        # Terms as the rules give them: on the application date for a loan on its way,
        # fixed on the payout date for a loan paid out (as services.loans does).
        terms = loan_terms(rules, borrower, amount, disbursed_on if departed else applied)
        loan.update(rate_pct_year=terms.rate.rate_pct_year, rate_basis=terms.rate.basis,
                    collateral_required=terms.collateral_required)
        for i, (kind, value) in enumerate(_cost_lines(rng, total, market)):
            lines.append(sync({"id": uid(), "loan_id": loan_id, "kind": kind, "label": "",
                               "amount_vnd": value}, i))
        if not departed:
            loan["status"] = rng.choices(("draft", "submitted", "approved", "rejected"),
                                         (0.3, 0.3, 0.25, 0.15))[0]
            if loan["status"] == "approved":
                loan["approved_vnd"] = amount
            if loan["status"] == "rejected":
                loan["reject_reason"] = rng.choice(REJECT_REASONS)
            loans.append(sync(loan))
            continue
        rate = terms.rate.rate_pct_year
        loan.update(status="disbursed", approved_vnd=amount)
        payouts.append(sync({"id": uid(), "loan_id": loan_id, "disbursed_on": disbursed_on,
                             "amount_vnd": amount}))
        habit = rng.random()  # 0.95+: stopped paying (overdue); else pays every month
        stop = None if habit < 0.95 else rng.randint(0, 6)
        paid = 0
        key = (amount, rate, months, freq)
        if key not in plans:  # amounts repeat, so most loans reuse a computed plan
            plans[key] = [(i.principal_vnd, i.interest_vnd)
                          for i in build_schedule(amount, rate, _PLAN_DAY, months, freq)]
        for number, (principal, interest) in enumerate(plans[key], start=1):
            # Paid on or a little before the due date (the savings group collects early),
            # so only the deliberate stoppers show up as overdue.
            paid_on = add_months(disbursed_on, number) - timedelta(days=rng.randint(0, 3))
            if paid_on > today or (stop is not None and number > stop):
                break
            payments.append(sync({
                "id": uid(), "loan_id": loan_id, "paid_on": paid_on,
                "principal_vnd": principal, "interest_vnd": interest,
                "overdue_interest_vnd": 0}))
            paid += principal
        if paid == amount:
            loan["status"] = "closed"
        loans.append(sync(loan))
    for model, rows in ((LoanApplication, loans), (LoanCostLine, lines),
                        (Disbursement, payouts), (Repayment, payments)):
        _bulk_insert(s, model.__table__, rows)
    summary.extra["khoản vay"] = len(loans)
    summary.extra["lần trả nợ"] = len(payments)
