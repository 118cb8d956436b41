"""Erasing a person (Law 91/2025/QH15, art. 14; Decree 356/2025/NĐ-CP): the worker's
identity and contact fields are anonymised, the loans stay for the bank's records but point
to an anonymous worker, and an ``erasure`` tombstone travels by sync so that every office
holding the worker does the same (``enforce_erasures``, run by the bundle import).

Afterwards the old values must not be readable from the database file: SQLite keeps deleted
content in free pages, in the write-ahead log and in the FTS index's old segments until they
are overwritten, so ``purge_file`` turns on ``secure_delete``, VACUUMs (which rewrites the
file from the live rows), rebuilds the FTS index (VACUUM may renumber ``worker.rowid``, which
the index follows) and truncates the WAL. The audit never held the values in clear (keyed
hashes, ``domain.audit_chain``), so its chain is left untouched and still verifies.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.person_rights import ERASED_VALUES, is_erased
from ..domain.remembered import forget_personal_values
from ..domain.worker_rules import clean_worker
from ..errors import NotFoundError, UserError
from ..models import Conflict, Consent, Erasure, PossibleDuplicate, Worker
from ..sync.dropped import forget_workers
from ..sync.extra import forget as forget_extra_columns
from .context import ServiceContext
from .erasure_ledger import remember_erasures
from .person import person_row_ids
from .workers import EDITABLE_FIELDS, reference_codes


def _anonymise(ctx: ServiceContext, s: Session, worker: Worker, today: date) -> list[str]:
    """Give ``worker`` the erased values (through the same cleaning as the form, which
    derives the search text and sort key); returns the fields that changed."""
    raw = {k: getattr(worker, k) for k in EDITABLE_FIELDS}
    raw.update(ERASED_VALUES)
    clean, errors = clean_worker(raw, reference_codes(s), today=today)
    if errors:  # cannot happen for a stored worker; never store a half-erased row
        raise next(iter(errors.values()))
    changed = [k for k in EDITABLE_FIELDS if getattr(worker, k) != clean[k]]
    for k in EDITABLE_FIELDS:
        setattr(worker, k, clean[k])
    worker.deleted = True
    ctx.stamp(s, worker)
    for consent in s.scalars(select(Consent).where(Consent.worker_id == worker.id,
                                                   ~Consent.deleted,
                                                   Consent.withdrawn_on.is_(None))):
        consent.withdrawn_on = max(today, consent.given_on)
        ctx.stamp(s, consent)
    return changed


def _scrub_copies(s: Session, worker_id: str) -> None:
    """Remove this office's copies of the person's old values: the conflicts inbox keeps a
    losing version of the worker (names, CCCD) and a duplicate link keeps the CCCD."""
    s.execute(delete(Conflict).where(Conflict.row_id == worker_id))
    s.execute(delete(PossibleDuplicate).where(or_(PossibleDuplicate.worker_id_1 == worker_id,
                                                  PossibleDuplicate.worker_id_2 == worker_id)))
    # Columns a newer program version sent with the person's rows (sync/extra.py): with
    # the loans' too, which stay for the bank but may carry a newer version's personal field.
    forget_extra_columns(s, person_row_ids(s, worker_id))
    # Rows of the person a move dropped here, kept for a restored hub (sync/dropped.py).
    forget_workers(s, [worker_id])


def _audit(ctx: ServiceContext, s: Session, worker_id: str, changed: list[str]) -> None:
    # Which fields were emptied, never their values (not even hashed).
    ctx.audit(s, "erase", "worker", worker_id,
              {"erased": (False, True), "fields": (None, ",".join(sorted(changed)))})


def erase_person(ctx: ServiceContext, worker_id: str, today: date | None = None) -> list[str]:
    """Erase one worker here and leave the tombstone for sync; then purge the file.
    Returns the fields that were emptied."""
    ctx.require("workers.write")
    today = today or date.today()
    with ctx.transaction() as s:
        worker = s.get(Worker, worker_id)
        if worker is None:
            raise NotFoundError(f"Không tìm thấy người lao động {worker_id}.",
                                f"Worker {worker_id} not found.")
        if s.scalar(select(Erasure.id).where(Erasure.worker_id == worker_id, ~Erasure.deleted)):
            raise UserError("Người này đã được xoá thông tin trước đó.",
                            "This person's data was already erased.")
        changed = _anonymise(ctx, s, worker, today)
        tomb = Erasure(worker_id=worker_id, commune_code=worker.commune_code, erased_on=today)
        s.add(tomb)
        ctx.stamp(s, tomb)
        _scrub_copies(s, worker_id)
        s.flush()
        _audit(ctx, s, worker_id, changed)
    with ctx.db.session() as s:  # outside the database: a restore must not bring it back
        remember_erasures(ctx, s)
    purge_file(ctx.db)
    forget_personal_values()  # and nothing left in the rules' caches in memory
    return changed


def enforce_erasures(ctx: ServiceContext, s: Session) -> int:
    """Inside a bundle import, after the merge: every worker with an erasure tombstone is
    anonymised here too (a newer edit made elsewhere meanwhile is erased again) and this
    office's copies scrubbed. Returns how many workers it had to change."""
    changed = 0
    rows = s.execute(select(Erasure.worker_id, Erasure.erased_on).where(~Erasure.deleted))
    for worker_id, erased_on in rows.all():
        worker = s.get(Worker, worker_id)
        if worker is not None:
            changed += erase_restored(ctx, s, worker, erased_on)
        else:  # a person no longer held here may still be in the archive of dropped rows
            forget_workers(s, [worker_id])
    if changed:
        forget_personal_values()
    return changed


def holds_values(worker: Worker) -> bool:
    """Whether ``worker`` still holds what an erasure removes (or is not marked deleted)."""
    return not (is_erased({k: getattr(worker, k) for k in ERASED_VALUES}) and worker.deleted)


def erase_restored(ctx: ServiceContext, s: Session, worker: Worker, erased_on: date) -> int:
    """Erase ``worker`` again if it holds values (a newer edit from elsewhere, a restored
    backup) and scrub this office's copies; 1 if it had to be erased again, else 0."""
    changed = 0
    if holds_values(worker):
        _audit(ctx, s, worker.id, _anonymise(ctx, s, worker, max(erased_on, date.today())))
        changed = 1
    _scrub_copies(s, worker.id)
    return changed


def purge_file(db: Database) -> None:
    """Make deleted values unreadable in a SQLite file (see the module text). On the
    PostgreSQL hub the server reclaims dead rows itself (docs/security.md says so)."""
    if not db.is_sqlite:
        return
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        if raw.in_transaction:
            raw.commit()
        raw.execute("PRAGMA secure_delete = ON")
        raw.execute("VACUUM")
        # VACUUM may renumber worker.rowid, which worker_fts follows (migration 0001).
        raw.execute("INSERT INTO worker_fts(worker_fts) VALUES('rebuild')")
        raw.commit()
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("PRAGMA secure_delete = OFF")
