"""Data for a person's-rights test: one worker with a loan, a payout, a repayment."""

from __future__ import annotations

from datetime import date

from sonla_desktop.models import Disbursement, Repayment
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import add_loan

NAME = "Nguyễn Văn Đức"
CCCD = "014098001234"
PHONE = "0912345678"
DUC = {
    "full_name": NAME, "birth_date": "12/03/1998", "sex": "Nam", "national_id": CCCD,
    "phone": "+84 912 345 678", "ethnic_code": "01", "commune_code": "03670",
    "village": "Bản Mòng", "household": "poor",
}


def worker_with_loan(ctx: ServiceContext, **extra) -> tuple[str, str]:
    wid = create_worker(ctx, {**DUC, **extra})
    loan_id = add_loan(ctx, wid, amount=60_000_000)
    with ctx.transaction() as s:
        for row in (Disbursement(loan_id=loan_id, disbursed_on=date(2025, 4, 1),
                                 amount_vnd=60_000_000),
                    Repayment(loan_id=loan_id, paid_on=date(2025, 5, 1),
                              principal_vnd=1_250_000, interest_vnd=330_000)):
            s.add(row)
            ctx.stamp(s, row)
    return wid, loan_id


def file_bytes(db) -> bytes:
    """The database file and its WAL as they are on disk, after a checkpoint."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    path = db.path
    data = path.read_bytes()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if extra.exists():
            data += extra.read_bytes()
    return data


def held(data: bytes, *values: str) -> list[str]:
    return [v for v in values if v.encode("utf-8") in data]
