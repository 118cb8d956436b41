"""Consent records per worker (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): add, withdraw,
remove a mistaken entry, list, and the worker form's warning.

Each public function is one user action in one transaction, with its audit row. Consents
sync like the worker they belong to (``sync.ownership``: the worker's commune).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ..domain.person_rights import clean_consent_record, consent_warning, needs_consent
from ..errors import NotFoundError, UserError
from ..models import Consent, LoanApplication, Worker
from .context import ServiceContext


@dataclass(frozen=True)
class ConsentRow:
    id: str
    worker_id: str
    purpose: str
    given_on: date
    method: str
    witness: str
    recorded_by: str
    withdrawn_on: date | None

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None

    def as_json(self) -> dict:
        return {"id": self.id, "worker_id": self.worker_id, "purpose": self.purpose,
                "given_on": self.given_on.isoformat(), "method": self.method,
                "witness": self.witness, "recorded_by": self.recorded_by,
                "withdrawn_on": self.withdrawn_on.isoformat() if self.withdrawn_on else None}


def _row(c: Consent) -> ConsentRow:
    return ConsentRow(c.id, c.worker_id, c.purpose, c.given_on, c.method, c.witness,
                      c.recorded_by, c.withdrawn_on)


def _worker(s: Session, worker_id: str) -> Worker:
    worker = s.get(Worker, worker_id)
    if worker is None or worker.deleted:
        raise NotFoundError(f"Không tìm thấy người lao động {worker_id}.",
                            f"Worker {worker_id} not found.")
    return worker


def _consent(s: Session, consent_id: str) -> Consent:
    row = s.get(Consent, consent_id)
    if row is None or row.deleted:
        raise NotFoundError(f"Không tìm thấy bản ghi đồng ý {consent_id}.",
                            f"Consent record {consent_id} not found.")
    return row


def add_consent(ctx: ServiceContext, worker_id: str, raw: Mapping[str, object]) -> str:
    """Record a consent; ``recorded_by`` defaults to the logged-in user."""
    ctx.require("workers.write")
    values = dict(raw)
    if not values.get("recorded_by"):
        values["recorded_by"] = ctx.user
    clean = clean_consent_record(values)
    with ctx.transaction() as s:
        _worker(s, worker_id)
        row = Consent(worker_id=worker_id, **clean)
        s.add(row)
        ctx.stamp(s, row)
        s.flush()
        ctx.audit(s, "create", "consent", row.id,
                  {"worker_id": (None, worker_id), "purpose": (None, clean["purpose"]),
                   "method": (None, clean["method"]), "given_on": (None, clean["given_on"])})
        return row.id


def withdraw_consent(ctx: ServiceContext, consent_id: str, on: date | None = None) -> None:
    """The person takes a consent back (from ``on``, default today); the record stays."""
    ctx.require("workers.write")
    with ctx.transaction() as s:
        row = _consent(s, consent_id)
        if row.withdrawn_on is not None:
            raise UserError("Sự đồng ý này đã được rút lại trước đó.",
                            "This consent was already withdrawn.")
        clean = clean_consent_record({**_row(row).__dict__, "withdrawn_on": on or date.today()})
        ctx.apply(s, row, "consent", {"withdrawn_on": (None, clean["withdrawn_on"])},
                  action="withdraw")


def delete_consent(ctx: ServiceContext, consent_id: str) -> None:
    """Remove an entry made by mistake (a tombstone, so sync carries it)."""
    ctx.require("workers.write")
    with ctx.transaction() as s:
        row = _consent(s, consent_id)
        row.deleted = True
        ctx.stamp(s, row)
        ctx.audit(s, "delete", "consent", consent_id, {"deleted": (False, True)})


def consents_of(s: Session, worker_id: str) -> list[ConsentRow]:
    stmt = (select(Consent).where(Consent.worker_id == worker_id, ~Consent.deleted)
            .order_by(Consent.given_on, Consent.id))
    return [_row(c) for c in s.scalars(stmt)]


def list_consents(ctx: ServiceContext, worker_id: str) -> list[ConsentRow]:
    ctx.require("workers.read")
    with ctx.db.session() as s:
        return consents_of(s, worker_id)


def has_active_consent(s: Session, worker_id: str) -> bool:
    return bool(s.scalar(select(exists().where(
        Consent.worker_id == worker_id, ~Consent.deleted, Consent.withdrawn_on.is_(None)))))


def form_warning(ctx: ServiceContext, worker_id: str | None,
                 values: Mapping[str, object]) -> tuple[str, str] | None:
    """The worker form's warning (vi, en) for ``values`` as typed, or None.

    A new worker (``worker_id`` None) has no consent yet: the warning then reminds the clerk
    to record it once the worker is saved."""
    ctx.require("workers.read")
    has_loan = has_consent = False
    if worker_id:
        with ctx.db.session() as s:
            has_consent = has_active_consent(s, worker_id)
            has_loan = bool(s.scalar(select(exists().where(
                LoanApplication.worker_id == worker_id, ~LoanApplication.deleted))))
    return consent_warning(needs_consent(values, has_loan), has_consent)


def consent_state(ctx: ServiceContext, worker_id: str) -> tuple[list[ConsentRow], bool]:
    """The worker form's consent tab: the consents and whether the worker has a loan."""
    ctx.require("workers.read")
    with ctx.db.session() as s:
        has_loan = bool(s.scalar(select(exists().where(
            LoanApplication.worker_id == worker_id, ~LoanApplication.deleted))))
        return consents_of(s, worker_id), has_loan
