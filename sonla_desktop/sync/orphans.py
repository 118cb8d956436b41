"""Records whose parent row is here neither in the bundle nor in the database (issue #20).

A loan whose worker, a payout whose loan, an attendance whose event or worker this database
does not hold is not a forgery: restores make it happen between honest offices. The hub,
restored to before it moved a worker out of commune B, writes a loan for that worker and
sends it to B, which dropped the worker when it learnt the move; a commune restored to
before one of its own workers existed receives the hub's loan for it before the repair
bundle (full, ``generation``) brings the worker back. Such a record used to refuse the whole
bundle, with every unrelated record in it (and the next ones). Now ``split_orphans`` sets
it aside and the rest of the bundle imports:

* **gone**: its worker is one this office dropped because the hub moved it out of the
  office's communes (``transfers.drop_moved_out``; the ``done`` transfer is still here). The
  record is the sender's, about a person held elsewhere: nothing of this office is lost and
  the sender keeps it (it travels with the worker once the hub knows the move again). It is
  not applied and counts as received, like a ``stale`` edit, with no inbox entry.
* **orphan**: anything else. It is not applied and goes to this office's conflicts inbox
  (reason ``orphan``: a plain sentence tells the clerk to ask the sender for a full export).
  Its version does not count as received, so the sender may send it again; once the parent
  is here (the repair bundle, or the parent's next edit, which carries its children) it
  imports like any record, and ``close_arrived`` closes its entry in that same import.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Conflict, Event, LoanApplication, Worker, utcnow
from .conflict_rules import conflict_values
from .records import TableSpec, decode_stored
from .scope import LOAN_CHILD_TABLES, Scope
from .transfers import latest_moves_of

ORPHAN = "orphan"
_IN_CHUNK = 500

# table -> (column, the table it points to)
PARENTS: dict[str, tuple[tuple[str, type], ...]] = {
    "loan_application": (("worker_id", Worker),),
    **{name: (("loan_id", LoanApplication),) for name in LOAN_CHILD_TABLES},
    "attendance": (("event_id", Event), ("worker_id", Worker)),
    "consent": (("worker_id", Worker),),
    "erasure": (("worker_id", Worker),),
}


def _present(session: Session, model, ids: set[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(i for i in ids if i is not None)
    for i in range(0, len(wanted), _IN_CHUNK):
        found.update(session.scalars(select(model.id).where(
            model.id.in_(wanted[i : i + _IN_CHUNK]))))
    return found


def _moved_out(session: Session, worker_ids: set[str], own_scope: Scope) -> set[str]:
    """Workers not held here whose latest ``done`` move (the rows stay after the worker was
    dropped) leads out of this commune office's communes."""
    if not own_scope or not worker_ids:
        return set()
    latest = latest_moves_of(session, worker_ids)
    return {wid for wid, t in latest.items() if t.to_commune not in own_scope}


def split_orphans(session: Session, spec: TableSpec, items: list[tuple[int, dict]],
                  existing: dict[str, dict], own_scope: Scope,
                  set_aside_loans: dict[str, str],
                  ) -> tuple[list[tuple[int, dict]], list[tuple[int, dict]],
                             list[tuple[int, dict]]]:
    """(records to merge, orphans for the inbox, records of workers moved out of here).

    ``existing``: the rows here with the records' ids (an update's parent is here: foreign
    keys). ``set_aside_loans`` (loan id -> worker id): loans of this bundle already set
    aside (stale or orphan or gone); their children go the same way. The caller adds this
    call's loans to it.
    """
    parents = PARENTS.get(spec.name)
    if not parents or not items:
        return items, [], []
    present = {column: _present(session, model, {v[column] for _, v in items})
               for column, model in parents}
    missing: dict[str, str | None] = {}  # record id -> its worker id, when known
    for _, v in items:
        if v["id"] in existing:
            continue
        if any(v[column] not in present[column] for column, _ in parents):
            worker = v.get("worker_id") or set_aside_loans.get(v.get("loan_id"))
            missing[v["id"]] = worker
    if not missing:
        return items, [], []
    gone_workers = _moved_out(session, {w for w in missing.values() if w}, own_scope)
    keep, orphans, gone = [], [], []
    for line, v in items:
        if v["id"] not in missing:
            keep.append((line, v))
        elif missing[v["id"]] in gone_workers:
            gone.append((line, v))
        else:
            orphans.append((line, v))
    return keep, orphans, gone


def orphan_entry(spec: TableSpec, record: dict, commune: str | None) -> dict:
    """The inbox entry for a record set aside for want of its parent: the record is both
    sides (nothing here wins over it); it is kept in ``commune`` (this office's, or the
    sending commune's at the hub), so it travels to where the record came from or goes."""
    return conflict_values(spec, record, record, commune, reason=ORPHAN)


def close_arrived(session: Session, applied: dict[tuple[str, str], str], self_id: str,
                  stamp: Callable[[], str]) -> list[tuple[str, str]]:
    """Close the open ``orphan`` entries whose record this import applied (``applied``:
    (table, row id) -> the version written), at that version or a later one: the parent
    came, the record is here, and the entry's "ask for a full export" no longer holds.

    Closed as a clerk's "read" here would close it (services.sync_conflicts
    .resolve_conflict keeping "theirs"): a new version of this node, so the decision
    travels and wins over the open copies elsewhere (conflict_rules.merge_rank). An entry
    about a later version than the one applied stays open: that version is still to come.
    Returns the (table, row id) closed, for the caller's audit."""
    if not applied:
        return []
    closed: list[tuple[str, str]] = []
    # Open entries are few (an inbox): all of them, rather than one look-up per record.
    rows = session.scalars(
        select(Conflict).where(Conflict.reason == ORPHAN, Conflict.resolved_at.is_(None))
        .order_by(Conflict.id).execution_options(populate_existing=True)).all()
    for row in rows:
        version = applied.get((row.table_name, row.row_id))
        if version is None:
            continue
        record = decode_stored(row.loser)[1]  # the record set aside (both sides are it)
        if version < record["version"]:
            continue
        now = utcnow()
        row.origin, row.version = self_id, stamp()
        row.updated_at = row.resolved_at = now
        # "theirs" is the loser unless this office wrote the record (sync_conflicts._sides);
        # both sides are the same record, so only the words shown differ.
        row.resolution = "winner" if record["origin"] == self_id else "loser"
        row.resolved_by = self_id
        closed.append((row.table_name, row.row_id))
    session.flush()
    return closed


__all__ = ["ORPHAN", "PARENTS", "close_arrived", "orphan_entry", "split_orphans"]
