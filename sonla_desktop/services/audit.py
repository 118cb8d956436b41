"""The audit trail: appending to its hash chain, reading it, verifying it.

``ServiceContext.audit`` (one row) and the Excel import's bulk writer (many rows) both append
through ``append_rows``, inside the action's own transaction. The chain has one head (the
``audit_head`` setting); two transactions appending at once would fork it, so the first
append of a transaction takes the database's write lock on that setting row before reading
it (a no-op UPDATE: on SQLite it starts the write transaction, on PostgreSQL it locks the
row until commit) and the transaction keeps the head in ``session.info`` afterwards.

"Who" is ``ServiceContext.user`` (the CLI's ``--user``, the GUI's user today); when logins
exist the context will carry the logged-in name and nothing here changes.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, text, update

from ..domain.audit_chain import (
    GENESIS,
    Break,
    ChainRow,
    format_head,
    link,
    parse_head,
    verify,
)
from ..models import AuditLog, Setting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .context import ServiceContext

HEAD_SETTING = "audit_head"
KEY_FILE = "audit.key"
_HEAD_INFO = "audit_chain_head"


# --------------------------------------------------------------------- the keyed hash's key

def audit_key(node_id: str) -> bytes | None:
    """The node's secret for keyed hashes of sensitive values: 32 random bytes in
    ``<keys>/<node id>/audit.key`` (made on first use, 0600), never in the database.
    None before ``init`` (no node yet) or when the folder cannot be written."""
    if not node_id or node_id == "local":
        return None
    from .setup import node_keys_dir

    path = node_keys_dir(node_id) / KEY_FILE
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_hex(32) + "\n")
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileExistsError:  # another thread made it meanwhile
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except OSError:
        return None


# ------------------------------------------------------------------------------ appending

def _lock_head(session: Session) -> tuple[int, str]:
    cached = session.info.get(_HEAD_INFO)
    if cached is not None:
        return cached
    session.flush()
    session.execute(update(Setting).where(Setting.key == HEAD_SETTING)
                    .values(value=Setting.value).execution_options(synchronize_session=False))
    value = session.execute(select(Setting.value).where(Setting.key == HEAD_SETTING)).scalar()
    if value is None:
        session.add(Setting(key=HEAD_SETTING, value=format_head(0, GENESIS)))
        session.flush()
    head = parse_head(value)
    session.info[_HEAD_INFO] = head
    return head


def append_rows(session: Session, rows: list[dict]) -> list[dict]:
    """Give each row (dicts with id, at, user, node_id, action, entity, entity_id, changes)
    its ``seq``, ``prev_hash`` and ``row_hash`` and move the head; the caller inserts them."""
    if not rows:
        return rows
    seq, prev = link(rows, *_lock_head(session))
    session.execute(update(Setting).where(Setting.key == HEAD_SETTING)
                    .values(value=format_head(seq, prev))
                    .execution_options(synchronize_session=False))
    session.info[_HEAD_INFO] = (seq, prev)
    return rows


def record(ctx: ServiceContext, action: str, entity: str, entity_id: str,
           changes: dict[str, tuple[object, object]] | None = None) -> None:
    """One audit row in a short transaction of its own: for reads that leave the program
    (an export, a print) right after the file was written. Not an action of its own: the
    calling service has checked its permission, and every role's actions are audited."""
    with ctx.transaction() as s:
        ctx.audit(s, action, entity, entity_id, changes)


# -------------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    user: str
    node_id: str
    action: str
    entity: str
    entity_id: str
    changes: dict

    @property
    def fields(self) -> list[str]:
        return sorted(self.changes)

    def as_json(self) -> dict:
        return {"seq": self.seq, "at": self.at.isoformat(timespec="seconds"),
                "user": self.user, "node_id": self.node_id, "action": self.action,
                "entity": self.entity, "entity_id": self.entity_id, "changes": self.changes}


def _entry(row: AuditLog) -> AuditEntry:
    try:
        changes = json.loads(row.changes or "{}")
    except ValueError:
        changes = {}
    return AuditEntry(row.seq, row.at, row.user, row.node_id, row.action, row.entity,
                      row.entity_id, changes if isinstance(changes, dict) else {})


def list_entries(ctx: ServiceContext, action: str | None = None, entity_id: str | None = None,
                 limit: int | None = 500) -> list[AuditEntry]:
    """The newest entries first, optionally of one action or one record."""
    ctx.require("audit.read")
    return _entries(ctx, action, entity_id, limit)


def _entries(ctx: ServiceContext, action: str | None, entity_id: str | None,
             limit: int | None) -> list[AuditEntry]:
    stmt = select(AuditLog).order_by(AuditLog.seq.desc())
    if action:
        stmt = stmt.where(AuditLog.action == action)
    if entity_id:
        stmt = stmt.where(AuditLog.entity_id == entity_id)
    if limit:
        stmt = stmt.limit(limit)
    with ctx.db.session() as s:
        return [_entry(r) for r in s.scalars(stmt)]


def record_history(ctx: ServiceContext, entity_id: str, limit: int = 200) -> list[AuditEntry]:
    """What happened to one record (the worker form's history tab): for whoever may read
    the record; values of sensitive fields are never in the audit anyway."""
    ctx.require("workers.read")
    return _entries(ctx, None, entity_id, limit)


def actions(ctx: ServiceContext) -> list[str]:
    ctx.require("audit.read")
    with ctx.db.session() as s:
        return list(s.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)))


# ------------------------------------------------------------------------------ verifying

@dataclass(frozen=True)
class VerifyResult:
    rows: int
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None

    @property
    def message_vi(self) -> str:
        if self.broken is None:
            count = f"{self.rows:,}".replace(",", ".")  # Vietnamese digit grouping
            return f"Nhật ký nguyên vẹn: {count} dòng, không dòng nào bị sửa hay xoá."
        return "Nhật ký đã bị can thiệp: " + self.broken.vi

    @property
    def message_en(self) -> str:
        if self.broken is None:
            return f"The audit log is intact: {self.rows:,} rows, none edited or deleted."
        return "The audit log was tampered with: " + self.broken.en


def _walk(session: Session) -> Iterator[tuple[ChainRow, str]]:
    cols = (AuditLog.seq, AuditLog.id, AuditLog.at, AuditLog.user, AuditLog.node_id,
            AuditLog.action, AuditLog.entity, AuditLog.entity_id, AuditLog.changes,
            AuditLog.prev_hash, AuditLog.row_hash)
    result = session.execute(select(*cols).order_by(AuditLog.seq).execution_options(
        yield_per=2000))
    for r in result:
        yield ChainRow(r.seq, r.id, r.at, r.user, r.node_id, r.action, r.entity, r.entity_id,
                       r.changes, r.prev_hash), r.row_hash


def verify_chain(ctx: ServiceContext) -> VerifyResult:
    ctx.require("audit.read")
    with ctx.db.session() as s:
        head = parse_head(s.execute(text("SELECT value FROM setting WHERE key = :k"),
                                    {"k": HEAD_SETTING}).scalar())
        count, broken = verify(_walk(s), head)
    return VerifyResult(count, broken)

