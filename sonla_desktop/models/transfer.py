"""A worker's move between communes: requested by a commune, carried out by the hub.

The row travels to the commune the worker leaves and to the one it joins (``sync.scope``),
so the old office learns that the person is no longer in its care ("moved out") and drops its
copy (``sync.transfers``). ``worker_id`` is not a foreign key: the office the worker left keeps
the transfer row after it has dropped the worker.
"""

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncedMixin

TRANSFER_STATUSES = ("requested", "done", "refused")


class Transfer(SyncedMixin, Base):
    __tablename__ = "transfer"
    __table_args__ = (Index("ix_transfer_worker", "worker_id"),)
    worker_id: Mapped[str] = mapped_column(String(36))
    from_commune: Mapped[str] = mapped_column(String(5))
    to_commune: Mapped[str] = mapped_column(String(5))
    status: Mapped[str] = mapped_column(String(10), default="requested")
    note: Mapped[str] = mapped_column(Text, default="")
