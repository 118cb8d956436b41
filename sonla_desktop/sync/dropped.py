"""The archive of rows a move dropped (issue #20, convergence hunt seed 438).

``transfers.drop_moved_out`` deletes a commune office's copy of a worker the hub moved
away. The hub's acknowledgement said it held that copy when it made the bundle; but a bundle
can arrive after the hub was restored to a backup made before it ever had the worker. The
restored hub then holds the move (it comes home in the repair bundles) and no worker, the
new commune never had it, and the old one just dropped it: the person would be held nowhere.

So the old commune keeps the rows of its own (origin = this office) that a move drops, as
bundle records, in ``sync_dropped`` (local, never synced itself), and sends them again in
the repair bundle it owes a hub found restored (``exporter.write_export``). The restored hub
takes them like any record of this office: LWW against what it holds (nothing, or a newer
row, which wins), and ``follow_moves`` carries the move out again.

Bounds: a row archived is deleted when the hub confirms a repair bundle made after it was
dropped (it holds the row again), when the person is erased here (``person_erase``), and
in any case ``KEEP_DAYS`` after it was dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..models import BundleLog, Conflict, DroppedRow, LoanApplication, Worker, utcnow
from .records import TABLES, encode_values

# A hub restored to a backup older than this loses the rows a move dropped here before it.
KEEP_DAYS = 180


def keep(session: Session, table: str, rows: list[dict], worker_of: dict[str, str]) -> None:
    """Archive ``rows`` (full rows of ``table`` read here, all written by this office)."""
    spec = TABLES[table]
    for row in rows:
        record = json.dumps(encode_values(spec, row), ensure_ascii=False, sort_keys=True)
        old = session.get(DroppedRow, (table, row["id"]))
        if old is None:
            session.add(DroppedRow(table_name=table, row_id=row["id"],
                                   worker_id=worker_of.get(row["id"], ""), record=record,
                                   dropped_at=utcnow()))
        else:
            old.record, old.dropped_at = record, utcnow()
    session.flush()


def prune(session: Session) -> None:
    """Forget what was dropped more than ``KEEP_DAYS`` ago."""
    session.execute(delete(DroppedRow).where(
        DroppedRow.dropped_at < utcnow() - timedelta(days=KEEP_DAYS)))


def records_for(session: Session, table: str) -> list[dict]:
    """The archived records of ``table`` whose worker is not held here again. A worker moved
    back is sent from its live rows; its dropped rows that did not come back with it stay
    out (sent alone, the hub would hold a row of ours in our commune that we lack, and our
    acknowledgement would keep it from ever coming back: convergence seed 20)."""
    rows = list(session.scalars(select(DroppedRow).where(DroppedRow.table_name == table)))
    if not rows:
        return []
    held = set()
    ids = sorted({r.worker_id for r in rows})
    for start in range(0, len(ids), 500):
        held.update(session.scalars(select(Worker.id).where(
            Worker.id.in_(ids[start:start + 500]))))
    # A row the drop already put in the inbox (``moved_out``: the hub had not received it)
    # is not sent: the hub's "have" for us no longer says what that old edit knew, so it
    # could overwrite a later write of the hub's without a clash (convergence seed 411).
    rows = [r for r in rows if r.worker_id not in held]
    in_inbox = set()
    ids = [r.row_id for r in rows]
    for start in range(0, len(ids), 500):
        in_inbox.update(session.scalars(select(Conflict.row_id).where(
            Conflict.table_name == table, Conflict.reason == "moved_out",
            Conflict.row_id.in_(ids[start:start + 500]))))
    return [json.loads(r.record) for r in rows if r.row_id not in in_inbox]


def records_wanted(session: Session, table: str, wanted: dict[str, list[str]]) -> list[dict]:
    """Archived records the hub asked for by id (``sync/wanted.py``): a loan (with its lines,
    payouts and repayments) or a worker, not held here again. A restored hub asks so for a
    row of ours a commune carried it as a witness (``sync/witness.py``): the move dropped it
    here, maybe with an inbox entry, and only we may bring it back (convergence seed 787)."""
    loans = set(wanted.get("loan_application", ()))
    ids = loans if table == "loan_application" else set(wanted.get("worker", ())) \
        if table == "worker" else set()
    if not loans and not ids:
        return []
    out = []
    for row in session.scalars(select(DroppedRow).where(DroppedRow.table_name == table)):
        record = json.loads(row.record)
        if row.row_id in ids or record.get("loan_id") in loans:
            out.append(record)
    model = TABLES[table].table
    held: set[str] = set()
    found = [r["id"] for r in out]
    for start in range(0, len(found), 500):
        held.update(session.scalars(select(model.c.id).where(
            model.c.id.in_(found[start:start + 500]))))
    return [r for r in out if r["id"] not in held]


def wanted_back(session: Session) -> list[tuple[str, str]]:
    """Our own loans a move dropped whose worker is held here again without them: asked of
    the hub by id (``sync/wanted.py``), which sends them with their lines and payouts. Our
    acknowledgement for our own writes would otherwise keep them from ever coming back
    (convergence seed 45: a loan held only by the hub after its worker moved back)."""
    rows = session.execute(
        select(DroppedRow.row_id).join(Worker, Worker.id == DroppedRow.worker_id)
        .where(DroppedRow.table_name == "loan_application")).scalars().all()
    if not rows:
        return []
    held = set()
    for start in range(0, len(rows), 500):
        held.update(session.scalars(select(LoanApplication.id).where(
            LoanApplication.id.in_(rows[start:start + 500]))))
    return [("loan_application", i) for i in rows if i not in held]


def forget_workers(session: Session, worker_ids: Iterable[str]) -> None:
    """An erased person's archived rows go (their old names, CCCD, loans)."""
    ids = sorted(set(worker_ids))
    for start in range(0, len(ids), 500):
        session.execute(delete(DroppedRow).where(DroppedRow.worker_id.in_(ids[start:start + 500])))


def repaired(session: Session, self_id: str, sequence: int) -> None:
    """The hub imported our repair bundle number ``sequence`` (or a later one): what was
    dropped before that bundle was made travelled in it, and the hub holds it again."""
    made = session.scalar(select(BundleLog.at).where(
        BundleLog.direction == "out", BundleLog.sender == self_id,
        BundleLog.sequence == sequence))
    if made is not None:
        session.execute(delete(DroppedRow).where(DroppedRow.dropped_at <= made))


__all__ = ["KEEP_DAYS", "forget_workers", "keep", "prune", "records_for", "records_wanted",
           "repaired", "wanted_back"]
