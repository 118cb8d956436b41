"""Small hand-made records for report tests, written the way services write them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sonla_desktop.models import Attendance, Disbursement, Event, LoanApplication, Repayment
from sonla_desktop.services.workers import create_worker

_serial = iter(range(100000, 999999))


def worker(ctx, name="Lò Văn An", commune="03670", status="departed", departure=None,
           market="JP", household="poor", ethnic="03", returned=None, nid=True,
           birth=date(1995, 5, 1), sex="M") -> str:
    century = (0 if birth.year < 2000 else 2) + (1 if sex == "F" else 0)
    raw = {"full_name": name, "birth_date": birth, "sex": sex, "commune_code": commune,
           "status": status, "departure_date": departure, "market_code": market,
           "household": household, "ethnic_code": ethnic, "return_date": returned,
           "national_id": f"014{century}{birth.year % 100:02d}{next(_serial):06d}"
           if nid else None}
    return create_worker(ctx, raw)


def loan(ctx, worker_id, amount, disbursed: date | None, term=12, group="poor",
         rate="6.6", repayments=(), status="disbursed", frequency=1) -> str:
    with ctx.transaction() as s:
        row = LoanApplication(worker_id=worker_id, policy_group=group,
                              application_date=disbursed or date(2025, 1, 1),
                              requested_vnd=amount, approved_vnd=amount, total_cost_vnd=amount,
                              term_months=term, frequency_months=frequency, status=status,
                              rate_pct_year=Decimal(rate) if disbursed else None,
                              contract_months=36)
        s.add(row)
        ctx.stamp(s, row)
        s.flush()
        if disbursed:
            d = Disbursement(loan_id=row.id, disbursed_on=disbursed, amount_vnd=amount)
            s.add(d)
            ctx.stamp(s, d)
        for paid_on, principal, interest in repayments:
            r = Repayment(loan_id=row.id, paid_on=paid_on, principal_vnd=principal,
                          interest_vnd=interest)
            s.add(r)
            ctx.stamp(s, r)
        return row.id


def event(ctx, on: date, commune="03670", attendees=(), place="Nhà văn hoá bản Mé",
          topic="Tư vấn đi làm việc tại Nhật Bản", markets="JP") -> str:
    with ctx.transaction() as s:
        e = Event(event_date=on, commune_code=commune, place=place, topic=topic, markets=markets)
        s.add(e)
        ctx.stamp(s, e)
        s.flush()
        for worker_id in attendees:
            a = Attendance(event_id=e.id, worker_id=worker_id, interest_market="JP",
                           consent_given=True, consent_method="written", consent_date=on)
            s.add(a)
            ctx.stamp(s, a)
        return e.id
