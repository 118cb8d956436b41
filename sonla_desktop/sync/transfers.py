"""How a worker's move between communes travels (see ``models.Transfer``).

The hub moves a worker from commune B to A and writes a ``transfer`` row (status ``done``);
the row travels to B and to A (``scope.scope_condition``). Two things follow here:

* ``split_stale`` (at the receiver of a commune's bundle, normally the hub): a record of a
  worker held here in a commune outside the sender's (its loans, their lines, its
  attendance) is a stale edit, not a forgery: the hub moved the worker away, or a restore
  made the hub forget such a move. It goes to the conflicts inbox with the reason ``stale``,
  is never applied, and the rest of the bundle imports. A worker record that names a
  commune outside the sender's scope by itself is still refused by ``merge``.
* ``drop_moved_out`` (at the commune the worker left): when the latest ``done`` transfer of a
  worker held here leads out of this node's communes, the copy is dropped with its loans,
  their lines and its attendance. Edits of those rows made here that the hub had not yet
  received are kept in the conflicts inbox (reason ``moved_out``), never lost silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..models import (
    Attendance,
    Conflict,
    Disbursement,
    LoanApplication,
    LoanCostLine,
    Repayment,
    Transfer,
    Worker,
)
from . import dropped
from .conflict_rules import conflict_values
from .records import TABLES, TableSpec, record_error
from .scope import LOAN_CHILD_TABLES, Scope

STALE = "stale"
MOVED_OUT = "moved_out"
_IN_CHUNK = 500


def _chunks(items: list, size: int = _IN_CHUNK):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _pairs(session: Session, stmt_for, ids: Iterable[str]) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    for chunk in _chunks(sorted({i for i in ids if i is not None})):
        for key, *rest in session.execute(stmt_for(chunk)):
            out[key] = tuple(rest)
    return out


def _owner_here(session: Session, table: str, items: list[tuple[int, dict]],
                existing: dict[str, dict], stale_loans: dict[str, str],
                ) -> dict[str, tuple[str | None, str | None]]:
    """Per record id: (worker id, that worker's commune) as this database knows them."""
    out: dict[str, tuple[str | None, str | None]] = {}
    if table == "worker":
        for _, v in items:
            old = existing.get(v["id"])
            out[v["id"]] = (v["id"], old["commune_code"] if old else None)
        return out
    if table in ("loan_application", "attendance"):
        workers = {v["id"]: (existing.get(v["id"]) or v)["worker_id"] for _, v in items}
        communes = _pairs(session, lambda c: select(Worker.id, Worker.commune_code)
                          .where(Worker.id.in_(c)), workers.values())
        return {rid: (wid, communes.get(wid, (None,))[0]) for rid, wid in workers.items()}
    loans = {v["id"]: (existing.get(v["id"]) or v)["loan_id"] for _, v in items}
    owners = _pairs(session, lambda c: select(LoanApplication.id, Worker.id, Worker.commune_code)
                    .join(Worker, Worker.id == LoanApplication.worker_id)
                    .where(LoanApplication.id.in_(c)), loans.values())
    # A loan this bundle brought for a moved-out worker was set aside, not written: its
    # disbursements and repayments in the same bundle go with it to the inbox.
    set_aside = {lid: stale_loans[lid] for lid in loans.values()
                 if lid not in owners and lid in stale_loans}
    communes = _pairs(session, lambda c: select(Worker.id, Worker.commune_code)
                      .where(Worker.id.in_(c)), set_aside.values())
    for lid, wid in set_aside.items():
        owners[lid] = (wid, communes.get(wid, (None,))[0])
    return {rid: owners.get(lid, (None, None)) for rid, lid in loans.items()}


def split_stale(session: Session, spec: TableSpec, items: list[tuple[int, dict]],
                existing: dict[str, dict], scope: Scope, own_id: str = "",
                stale_loans: dict[str, str] | None = None,
                witnessed: dict[tuple[str, str], str] | None = None,
                ) -> tuple[list[tuple[int, dict]], list[tuple[int, dict]]]:
    """(records to merge, stale records of workers moved out of the sender's scope).

    ``stale_loans`` (loan id -> worker id) are the loans of this bundle already set aside;
    a new loan's children follow it (the caller adds this call's stale loans to it).

    A record written by this very node (``own_id``) is never stale: it is our own write
    coming back to us after a restore (``inbound.admit``), newer than what the restore left.
    Nor is one at exactly the version a commune carried to this restored hub (``witnessed``,
    sync/witness.py): the hub had relayed it before its restore, so before the move.
    """
    name = spec.name
    if scope is None or name not in ("worker", "loan_application", "attendance",
                                     *LOAN_CHILD_TABLES):
        return items, []
    owners = _owner_here(session, name, items, existing, stale_loans or {})
    outside = {rid: wid for rid, (wid, commune) in owners.items()
               if commune is not None and commune not in scope}
    if not outside:
        return items, []
    keep, stale = [], []
    for line, v in items:
        wid = outside.get(v["id"])
        # A worker record must still claim the sender's commune: one that names another
        # commune by itself is a write outside the sender's scope, refused by merge.
        ok_claim = name != "worker" or v["commune_code"] in scope
        home = (bool(own_id) and v["origin"] == own_id) or (
            witnessed is not None and witnessed.get((name, v["id"])) == v["version"])
        # Held here in a commune outside the sender's: moved away by the hub (a transfer
        # says so), or by a move the hub forgot in a restore and has not had back yet. The
        # sender's copy is stale either way; it is never applied, and never a reason to
        # refuse the rest of the bundle.
        (stale if wid is not None and ok_claim and not home else keep).append((line, v))
    return keep, stale


def check_transfers(items: list[tuple[int, dict]], existing: dict[str, dict], scope: Scope,
                    sender_id: str, communes: frozenset[str], own_id: str = "") -> None:
    """A transfer names known communes; a commune office sends only its own requests for
    workers of its communes (the hub's decisions it relays are compared by version; our
    own decision coming home after a restore, ``inbound.admit``, is ours to take back)."""
    for line, v in items:
        for code in (v["from_commune"], v["to_commune"]):
            if code not in communes:
                raise record_error(line, "transfer", f"mã xã/phường {code} không có trong danh mục",
                                   f"unknown commune code {code}")
        if scope is None or (own_id and v["origin"] == own_id):
            continue
        old = existing.get(v["id"])
        own = v["origin"] == sender_id
        if (own and (v["status"] != "requested" or v["from_commune"] not in scope)) or (
                old is not None and old["from_commune"] not in scope):
            raise record_error(
                line, "transfer",
                "đơn vị gửi không phải văn phòng tỉnh nên chỉ được gửi đề nghị chuyển xã cho người "
                "lao động của mình",
                "the sender is not the hub, so it may only send transfer requests for its own "
                "workers")


def stale_entry(spec: TableSpec, local: dict | None, stale: dict, scope: frozenset[str]) -> dict:
    """The inbox entry for a late edit of a worker moved out of the sender's communes: the
    row here wins, the edit lost. It travels to the sender's commune (the loser's office)."""
    commune = stale["commune_code"] if spec.name == "worker" else min(scope)
    return conflict_values(spec, local or stale, stale, commune, reason=STALE)


def follow_moves(session: Session, self_id: str, stamp: Callable[[], str]) -> list[str]:
    """At the hub, after a merge: every worker stands where its latest ``done`` transfer
    put it (up to a move inside one office's own communes, which no transfer records).

    Only a restore breaks this: the hub forgot a move, and its transfer row comes back in a
    commune's bundle before (or without) the moved worker row. The hub then carries out its
    own decision again, as a new write, so both communes learn where the worker is.
    """
    from ..models import Node, utcnow
    from .scope import parse_scope

    offices = [parse_scope(n.scope) or frozenset() for n in session.scalars(
        select(Node).where(~Node.is_hub, ~Node.is_self))]

    def same_office(a: str, b: str) -> bool:
        return a == b or any(a in o and b in o for o in offices)

    # Deleted workers too: a tombstone travels by its commune like a live row, and the old
    # commune drops its copy whatever its state (drop_moved_out).
    stmt = (select(Transfer, Worker).join(Worker, Worker.id == Transfer.worker_id)
            .where(Transfer.status == "done", ~Transfer.deleted))
    latest: dict[str, tuple[Transfer, Worker]] = {}
    for t, w in session.execute(stmt):
        if t.worker_id not in latest or _later(t, latest[t.worker_id][0]):
            latest[t.worker_id] = (t, w)
    moved = []
    for t, w in latest.values():
        if not same_office(w.commune_code, t.to_commune):
            w.commune_code = t.to_commune
            w.origin, w.version, w.updated_at = self_id, stamp(), utcnow()
            moved.append(w.id)
    session.flush()
    return moved


_CHILDREN = (("loan_cost_line", LoanCostLine), ("disbursement", Disbursement),
             ("repayment", Repayment))


def _latest_moves(session: Session, scope: frozenset[str]) -> dict[str, Transfer]:
    """Latest done transfer of each worker held here in one of ``scope``'s communes."""
    stmt = (select(Transfer).join(Worker, Worker.id == Transfer.worker_id)
            .where(Transfer.status == "done", ~Transfer.deleted,
                   Worker.commune_code.in_(sorted(scope))))
    latest: dict[str, Transfer] = {}
    for t in session.scalars(stmt):
        if t.worker_id not in latest or _later(t, latest[t.worker_id]):
            latest[t.worker_id] = t
    return latest


def latest_moves_of(session: Session, worker_ids: Iterable[str]) -> dict[str, Transfer]:
    """The latest ``done`` transfer (``_later``: the hub's order) of each of ``worker_ids``
    that has one, whatever its worker's state here."""
    latest: dict[str, Transfer] = {}
    for chunk in _chunks(sorted(set(worker_ids))):
        for t in session.scalars(select(Transfer).where(
                Transfer.worker_id.in_(chunk), Transfer.status == "done", ~Transfer.deleted)):
            if t.worker_id not in latest or _later(t, latest[t.worker_id]):
                latest[t.worker_id] = t
    return latest


def _later(t: Transfer, other: Transfer) -> bool:
    """Which of two done moves of one worker the hub decided last: by the time of its write
    (``updated_at``; a move forgotten in a restore comes home with a new version only, see
    ``merge_after._restamp_home``), then by version."""
    return (t.updated_at, t.version) > (other.updated_at, other.version)


def _worker_of(table: str, row: dict, loan_worker: dict[str, str]) -> str:
    if table == "worker":
        return row["id"]
    if "worker_id" in row:
        return row["worker_id"]
    return loan_worker.get(row["loan_id"], "")


def drop_moved_out(session: Session, self_id: str, scope: Scope,
                   sender_knows_mine: str, stamp: Callable[[], str], sender_id: str = "",
                   sender_forgot: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Drop the copies of workers the hub moved out of this commune office's scope.

    Returns the dropped workers' ids. Rows written here that the sender (the hub) had not yet
    received when it made the bundle go to the conflicts inbox first (reason ``moved_out``),
    and so do the sender's own rows that it lost in a restore (its manifest's ``forgotten``
    ranges): a loan the hub wrote, sent here and then forgot is held nowhere else, and the
    restored hub's move must not drop it silently.
    """
    forgot = list(sender_forgot)
    if not scope:
        return []
    moves = _latest_moves(session, scope)
    gone = [wid for wid, t in moves.items() if t.to_commune not in scope]
    if not gone:
        return []
    inbox: list[dict] = []
    loan_worker: dict[str, str] = {}

    def take(table: str, model, cond) -> None:
        spec = TABLES[table]
        t = spec.table
        rows = [dict(r._mapping) for r in session.execute(select(t).where(cond))]
        # Our own rows are archived (sync/dropped.py): a hub restored to before it had them
        # gets them back in our repair bundle (convergence hunt, seed 438).
        own = [r for r in rows if r["origin"] == self_id]
        if own:
            dropped.keep(session, table, own, {r["id"]: _worker_of(table, r, loan_worker)
                                               for r in own})
        for row in rows:
            unsent = row["origin"] == self_id and row["version"] > sender_knows_mine
            lost = bool(sender_id) and row["origin"] == sender_id and any(
                a < row["version"] <= b for a, b in forgot)
            if unsent or lost:
                theirs = dict(row)
                if table == "worker":
                    theirs["commune_code"] = moves[row["id"]].to_commune
                # Kept in this office's own commune, so the entry also reaches the hub.
                commune = row["commune_code"] if table == "worker" else min(scope)
                entry = conflict_values(spec, theirs, row, commune, reason=MOVED_OUT)
                inbox.append({**entry, "origin": self_id, "version": stamp()})
        if rows:
            session.execute(delete(model).where(model.id.in_([r["id"] for r in rows])))

    dropped.prune(session)
    for chunk in _chunks(gone):
        loans = select(LoanApplication.id).where(LoanApplication.worker_id.in_(chunk))
        loan_worker.update(dict(session.execute(
            select(LoanApplication.id, LoanApplication.worker_id)
            .where(LoanApplication.worker_id.in_(chunk))).all()))
        take("attendance", Attendance, Attendance.worker_id.in_(chunk))
        for table, model in _CHILDREN:
            take(table, model, model.loan_id.in_(loans))
        take("loan_application", LoanApplication, LoanApplication.worker_id.in_(chunk))
        take("worker", Worker, Worker.id.in_(chunk))
    for entry in inbox:
        if session.get(Conflict, entry["id"]) is None:
            session.execute(Conflict.__table__.insert(), [entry])
    return gone


__all__ = ["MOVED_OUT", "STALE", "check_transfers", "drop_moved_out", "follow_moves", "stale_entry",
           "split_stale"]
