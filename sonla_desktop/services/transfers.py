"""Moving a worker to another commune: a hub action that a commune office requests.

At the hub, ``move_worker`` changes the worker's commune and writes a ``transfer`` row
(status ``done``) in the same transaction; the row travels to both offices and the one the
worker left drops its copy (``sync.transfers.drop_moved_out``). At a commune office the same
command writes a ``requested`` row instead, which travels to the hub with the next bundle:
the worker stays where it is until the hub carries the move out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.text import clean_text
from ..errors import NotFoundError, UserError, ValidationError

# The statuses a command may filter on, re-exported so commands need not import the models.
from ..models import TRANSFER_STATUSES as TRANSFER_STATUSES
from ..models import AdminUnit, Transfer, Worker
from .context import ServiceContext


@dataclass(frozen=True)
class MoveResult:
    transfer_id: str
    status: str  # done (the hub moved it) | requested (a commune office asked the hub)
    worker_id: str
    from_commune: str
    to_commune: str


@dataclass(frozen=True)
class TransferRow:
    id: str
    worker_id: str
    worker_name: str
    from_commune: str
    to_commune: str
    status: str
    note: str
    updated_at: datetime

    def as_json(self) -> dict:
        return {"id": self.id, "worker_id": self.worker_id, "worker_name": self.worker_name,
                "from_commune": self.from_commune, "to_commune": self.to_commune,
                "status": self.status, "note": self.note,
                "updated_at": self.updated_at.isoformat()}


def record_move(ctx: ServiceContext, session: Session, worker: Worker, old: str,
                note: str = "") -> Transfer:
    """At the hub, inside the caller's transaction: the ``done`` transfer for a commune
    change already written to ``worker`` (marking the commune's open request done)."""
    row = session.scalars(select(Transfer).where(
        Transfer.worker_id == worker.id, Transfer.status == "requested", ~Transfer.deleted,
        Transfer.to_commune == worker.commune_code).limit(1)).first()
    if row is None:
        row = Transfer(worker_id=worker.id, from_commune=old, to_commune=worker.commune_code)
        session.add(row)
    row.status = "done"
    row.from_commune = old
    if note:
        row.note = note
    ctx.stamp(session, row)
    session.flush()
    ctx.audit(session, "move", "worker", worker.id, {
        "commune_code": (old, worker.commune_code), "transfer": (None, row.id)})
    return row


def move_worker(ctx: ServiceContext, worker_id: str, commune_code: str,
                note: str = "") -> MoveResult:
    """``workers move ID --commune CODE``: done at the hub, a request at a commune office."""
    ctx.require("workers.write")
    note = clean_text(note or "")
    with ctx.transaction() as s:
        worker = s.get(Worker, worker_id)
        if worker is None or worker.deleted:
            raise NotFoundError(f"Không tìm thấy người lao động {worker_id}.",
                                f"Worker {worker_id} not found.")
        if s.scalar(select(AdminUnit.id).where(AdminUnit.code == commune_code,
                                               ~AdminUnit.deleted)) is None:
            raise ValidationError("commune_code", f"Không có xã/phường mã {commune_code}.",
                                  f"Unknown commune code {commune_code}.")
        old = worker.commune_code
        if old == commune_code:
            raise UserError(f"Người lao động này đã thuộc xã/phường {commune_code}.",
                            f"This worker already belongs to commune {commune_code}.")
        scope = ctx.owned_scope
        if scope and commune_code not in scope:
            return _request(ctx, s, worker, commune_code, note)
        worker.commune_code = commune_code
        ctx.stamp(s, worker)
        if scope:  # between two communes of this same office: nobody else has to know
            ctx.audit(s, "move", "worker", worker.id, {"commune_code": (old, commune_code)})
            return MoveResult("", "done", worker.id, old, commune_code)
        row = record_move(ctx, s, worker, old, note)
        return MoveResult(row.id, "done", worker.id, old, commune_code)


def _request(ctx: ServiceContext, s: Session, worker: Worker, to: str, note: str) -> MoveResult:
    row = s.scalars(select(Transfer).where(
        Transfer.worker_id == worker.id, Transfer.status == "requested",
        ~Transfer.deleted)).first()
    if row is None:
        row = Transfer(worker_id=worker.id, from_commune=worker.commune_code, to_commune=to,
                       status="requested", note=note)
        s.add(row)
    else:
        row.to_commune, row.note = to, note or row.note
    ctx.stamp(s, row)
    s.flush()
    ctx.audit(s, "move_request", "worker", worker.id, {
        "commune_code": (worker.commune_code, to), "transfer": (None, row.id)})
    return MoveResult(row.id, "requested", worker.id, worker.commune_code, to)


def refuse_request(ctx: ServiceContext, transfer_id: str, note: str = "") -> None:
    """At the hub: answer a commune's move request with no (the answer travels back)."""
    ctx.require("workers.write")
    note = clean_text(note or "")
    with ctx.transaction() as s:
        row = s.get(Transfer, transfer_id)
        if row is None:
            row = s.scalars(select(Transfer).where(Transfer.id.startswith(transfer_id))
                            .limit(2)).all()
            row = row[0] if len(row) == 1 and len(transfer_id) >= 4 else None
        if row is None or row.deleted:
            raise NotFoundError(f"Không có đề nghị chuyển {transfer_id}.",
                                f"No transfer request {transfer_id}.")
        if row.status != "requested":
            raise UserError("Đề nghị này đã được trả lời.", "This request was already answered.")
        row.status = "refused"
        row.note = note or row.note
        ctx.stamp(s, row)  # a commune may not do this (sync.ownership)
        ctx.audit(s, "move_refused", "worker", row.worker_id, {"transfer": (None, row.id)})


def list_transfers(ctx: ServiceContext, status: str | None = None) -> list[TransferRow]:
    """Moves and move requests this node knows of, newest first."""
    ctx.require("workers.read")
    with ctx.db.session() as s:
        stmt = (select(Transfer, Worker.full_name)
                .outerjoin(Worker, Worker.id == Transfer.worker_id)
                .where(~Transfer.deleted).order_by(Transfer.version.desc()))
        if status:
            stmt = stmt.where(Transfer.status == status)
        return [TransferRow(t.id, t.worker_id, name or "", t.from_commune, t.to_commune,
                            t.status, t.note, t.updated_at) for t, name in s.execute(stmt)]


__all__ = ["MoveResult", "TransferRow", "list_transfers", "move_worker", "record_move",
           "refuse_request"]
