"""Tables that stay on this machine: nodes and trust, sync bookkeeping, audit, settings."""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, new_id, utcnow


class Node(Base):
    """This installation (is_self) and the peers it trusts."""

    __tablename__ = "node"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(Text, default="")  # commune codes, comma separated
    is_hub: Mapped[bool] = mapped_column(Boolean, default=False)
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    public_key: Mapped[str] = mapped_column(Text, default="")  # exported public key file text
    trusted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class AuditLog(Base):
    """Who changed what, written in the same transaction as the change.

    Sensitive values are never stored in clear and rows are hash-chained
    (``domain.audit_chain``, migration 0008); the chain's head is the ``audit_head`` setting.
    """

    __tablename__ = "audit_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(80))
    node_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[str] = mapped_column(Text, default="")  # JSON {field: [old, new]}
    seq: Mapped[int | None] = mapped_column(Integer, unique=True, index=True)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="")


class PeerAck(Base):
    """Per peer and per origin: the highest version the peer is known to hold."""

    __tablename__ = "peer_ack"
    peer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[str] = mapped_column(String(64), default="")


class BundleLog(Base):
    """Bundles written or imported, for sequence chains and replay refusal."""

    __tablename__ = "bundle_log"
    bundle_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # out | in
    sender: Mapped[str] = mapped_column(String(36), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="")


class SyncExtra(Base):
    """Columns of a synced row that this program version does not have, as a newer
    version's bundle carried them (``sync/extra.py``): kept so they travel on unchanged and
    a later upgrade that adds the column can take the values. Empty until offices run
    different versions."""

    __tablename__ = "sync_extra"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    columns: Mapped[str] = mapped_column(Text, default="{}")  # JSON {column: value}


class DroppedRow(Base):
    """A row of this office's own that a move dropped (``sync/dropped.py``): kept for a
    while, so that a hub restored to before it had the row gets it back in the repair
    bundle this office owes it (convergence hunt, seed 438). Never synced itself."""

    __tablename__ = "sync_dropped"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # The person the row belongs to: an erasure purges the person's archived rows.
    worker_id: Mapped[str] = mapped_column(String(36), index=True)
    record: Mapped[str] = mapped_column(Text, default="{}")  # the bundle record, as JSON
    dropped_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
