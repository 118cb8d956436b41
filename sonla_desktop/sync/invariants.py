"""Rules across records, applied at the end of every merge inside its transaction.

* Loans (``domain.loan_invariants``): after the rows merged, each loan the bundle touched is
  checked; a payout or repayment that does not fit is tombstoned (a new write of this node,
  so it travels) and an inbox entry says why; one that fits again is brought back.
* The same CCCD on two live workers (created at both ends): both stay, both stay editable,
  and a ``possible_duplicate`` link records the pair for the hub's duplicates view.

``stamp()`` gives this node's next clock version (past everything the merge received).
Every decision depends only on rows all nodes end up holding, so all decide the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..domain.loan_invariants import Payment, Payout, kept_rows
from ..models import Disbursement, LoanApplication, PossibleDuplicate, Repayment, Worker, utcnow
from .conflict_rules import conflict_values, duplicate_id
from .records import TABLES

Stamp = Callable[[], str]



def enforce_loan_rules(s: Session, self_id: str, loan_ids: Iterable[str],
                       stamp: Stamp) -> list[dict]:
    """Bring each loan's payouts and repayments in line; return new inbox entries."""
    entries: list[dict] = []
    for loan_id in sorted(set(loan_ids)):
        loan = s.execute(select(LoanApplication.__table__)
                         .where(LoanApplication.id == loan_id)).first()
        if loan is None or loan.deleted:
            continue
        tables = {"disbursement": Disbursement.__table__, "repayment": Repayment.__table__}
        rows = {name: {r.id: dict(r._mapping) for r in s.execute(
            select(t).where(t.c.loan_id == loan_id))} for name, t in tables.items()}
        payouts = [Payout(r["id"], r["amount_vnd"], r["created_at"])
                   for r in rows["disbursement"].values()]
        payments = [Payment(r["id"], r["principal_vnd"], r["paid_on"], r["created_at"])
                    for r in rows["repayment"].values()]
        kept, out = kept_rows(loan.status, loan.approved_vnd, payouts, payments)
        commune = None
        for name, by_id in rows.items():
            spec = TABLES[name]
            for row_id, old in by_id.items():
                deleted = row_id not in kept
                if old["deleted"] == deleted:
                    continue
                new = {**old, "deleted": deleted, "origin": self_id, "version": stamp(),
                       "updated_at": utcnow()}
                s.execute(update(tables[name]).where(tables[name].c.id == row_id).values(
                    deleted=deleted, origin=self_id, version=new["version"],
                    updated_at=new["updated_at"]))
                if deleted:
                    if commune is None:
                        commune = s.scalar(select(Worker.commune_code)
                                           .where(Worker.id == loan.worker_id))
                    entries.append(conflict_values(spec, new, old, commune, out[row_id]))
    return entries


def link_duplicates(s: Session, worker_ids: Iterable[str]) -> list[dict]:
    """Links (without their stamp) for live workers sharing a CCCD with a touched worker."""
    w = Worker.__table__
    links: dict[str, dict] = {}
    ids = sorted(set(worker_ids))
    for i in range(0, len(ids), 500):
        touched = s.execute(select(w.c.id, w.c.national_id).where(
            w.c.id.in_(ids[i:i + 500]), w.c.deleted.is_(False),
            w.c.national_id.is_not(None), w.c.national_id != "")).all()
        for row in touched:
            others = s.execute(select(w.c.id, w.c.commune_code).where(
                w.c.national_id == row.national_id, w.c.id != row.id,
                w.c.deleted.is_(False))).all()
            for other in others:
                link_id = duplicate_id(row.id, other.id)
                if link_id in links or s.get(PossibleDuplicate, link_id) is not None:
                    continue
                pair = sorted((row.id, other.id))
                communes = dict(s.execute(select(w.c.id, w.c.commune_code)
                                          .where(w.c.id.in_(pair))).all())
                now = utcnow()
                links[link_id] = {
                    "id": link_id, "worker_id_1": pair[0], "worker_id_2": pair[1],
                    "commune_code_1": communes[pair[0]], "commune_code_2": communes[pair[1]],
                    "reason": "national_id", "national_id": row.national_id,
                    "status": "open", "deleted": False, "created_at": now, "updated_at": now}
    return list(links.values())
