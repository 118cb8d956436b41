"""Rules across records, applied at the end of every merge inside its transaction.

* Loans (``domain.loan_invariants``): after the rows merged, each loan the bundle touched is
  checked; a payout or repayment that does not fit is tombstoned (a new write of this node,
  so it travels) and an inbox entry says why; one that fits again is brought back.
* The same CCCD on two live workers (created at both ends): both stay, both stay editable,
  and a ``possible_duplicate`` link records the pair for the hub's duplicates view.

``stamp()`` gives this node's next clock version (past everything the merge received).
Every decision depends only on rows all nodes end up holding, so all decide the same.
Rows are read in chunks with IN lists: a full import touches every loan and worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..domain.loan_invariants import Payment, Payout, kept_rows
from ..models import Disbursement, LoanApplication, PossibleDuplicate, Repayment, Worker, utcnow
from .conflict_rules import conflict_values, duplicate_id
from .records import TABLES

Stamp = Callable[[], str]
_CHUNK = 500


def _chunks(ids: Iterable[str]):
    items = sorted(set(ids))
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def enforce_loan_rules(s: Session, self_id: str, loan_ids: Iterable[str],
                       stamp: Stamp) -> list[dict]:
    """Bring each loan's payouts and repayments in line; return new inbox entries."""
    entries: list[dict] = []
    loans_t, workers_t = LoanApplication.__table__, Worker.__table__
    tables = {"disbursement": Disbursement.__table__, "repayment": Repayment.__table__}
    for chunk in _chunks(loan_ids):
        loans = {r.id: r for r in s.execute(
            select(loans_t.c.id, loans_t.c.status, loans_t.c.approved_vnd,
                   workers_t.c.commune_code)
            .join(workers_t, workers_t.c.id == loans_t.c.worker_id)
            .where(loans_t.c.id.in_(chunk), loans_t.c.deleted.is_(False)))}
        rows: dict[str, dict[str, dict[str, dict]]] = {lid: {n: {} for n in tables}
                                                      for lid in loans}
        for name, t in tables.items():
            for r in s.execute(select(t).where(t.c.loan_id.in_(list(loans)))):
                rows[r.loan_id][name][r.id] = dict(r._mapping)
        for loan_id, loan in loans.items():
            mine = rows[loan_id]
            payouts = [Payout(r["id"], r["amount_vnd"], r["created_at"])
                       for r in mine["disbursement"].values()]
            payments = [Payment(r["id"], r["principal_vnd"], r["paid_on"], r["created_at"])
                        for r in mine["repayment"].values()]
            if not payouts and not payments:
                continue
            kept, out = kept_rows(loan.status, loan.approved_vnd, payouts, payments)
            for name, by_id in mine.items():
                t = tables[name]
                for row_id, old in sorted(by_id.items()):
                    deleted = row_id not in kept
                    if old["deleted"] == deleted:
                        continue
                    new = {**old, "deleted": deleted, "origin": self_id, "version": stamp(),
                           "updated_at": utcnow()}
                    s.execute(update(t).where(t.c.id == row_id).values(
                        deleted=deleted, origin=self_id, version=new["version"],
                        updated_at=new["updated_at"]))
                    if deleted:
                        entries.append(conflict_values(TABLES[name], new, old,
                                                       loan.commune_code, out[row_id]))
    return entries


def link_duplicates(s: Session, worker_ids: Iterable[str]) -> list[dict]:
    """Links (without their stamp) for live workers sharing a CCCD with a touched worker."""
    w = Worker.__table__
    live = (w.c.deleted.is_(False), w.c.national_id.is_not(None), w.c.national_id != "")
    # One pass over the table's CCCD index finds every shared CCCD; usually there is none.
    shared = set(s.scalars(select(w.c.national_id).where(*live)
                           .group_by(w.c.national_id).having(func.count() > 1)))
    if not shared:
        return []
    touched = set(worker_ids)
    links: dict[str, dict] = {}
    holders: dict[str, list] = {}
    for chunk in _chunks(shared):
        for r in s.execute(select(w.c.id, w.c.national_id, w.c.commune_code)
                           .where(*live, w.c.national_id.in_(chunk))):
            holders.setdefault(r.national_id, []).append(r)
    for nid, rows in holders.items():
        rows.sort(key=lambda r: r.id)
        for i, first in enumerate(rows):
            for second in rows[i + 1:]:
                if first.id not in touched and second.id not in touched:
                    continue
                link_id = duplicate_id(first.id, second.id)
                if s.get(PossibleDuplicate, link_id) is not None:
                    continue
                now = utcnow()
                links[link_id] = {
                    "id": link_id, "worker_id_1": first.id, "worker_id_2": second.id,
                    "commune_code_1": first.commune_code, "commune_code_2": second.commune_code,
                    "reason": "national_id", "national_id": nid, "status": "open",
                    "deleted": False, "created_at": now, "updated_at": now}
    return list(links.values())
