"""Records about sync itself that travel like data: the conflicts inbox and possible duplicates.

Both were once local notes of the node that noticed them, so a node whose edit lost never
learnt of it (issue #20). They are now synced rows (UUID key, origin, version, tombstone):
the node that notices a clash writes the entry, bundles carry it to the other nodes of the
row's commune, and a person's decision on it is a newer version of the same entry.
Ids are derived from what the entry is about (``sync.conflict_rules``), so two nodes noticing
the same clash write the same row and merge instead of listing it twice.
"""

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncedMixin


class Conflict(SyncedMixin, Base):
    """One version that lost a merge (or was kept out by a rule), next to the one that won."""

    __tablename__ = "conflict"
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    # The two versions as bundle records (JSON): absolute, so every node reads them the same;
    # "mine"/"theirs" is worked out per node when the inbox is shown.
    winner: Mapped[str] = mapped_column(Text)
    loser: Mapped[str] = mapped_column(Text)
    # The commune the row belongs to (its scope when the entry travels); None for hub tables.
    commune_code: Mapped[str | None] = mapped_column(String(5), nullable=True, index=True)
    # "" for two concurrent edits of one row; a rule key (conflict_rules.RULES) when a row
    # was kept out because keeping it would break a rule across records.
    reason: Mapped[str] = mapped_column(String(40), default="")
    resolution: Mapped[str] = mapped_column(String(10), default="")  # "" | winner | loser
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(36), default="")  # node id


class PossibleDuplicate(SyncedMixin, Base):
    """Two worker records that may be one person (the same CCCD arrived from two ends).

    Both records stay and stay editable; the hub's duplicates view (issue #16) lists the
    links so a person can decide. ``status`` is "open" until someone decides.
    """

    __tablename__ = "possible_duplicate"
    worker_id_1: Mapped[str] = mapped_column(String(36), index=True)  # the smaller id
    worker_id_2: Mapped[str] = mapped_column(String(36), index=True)
    commune_code_1: Mapped[str] = mapped_column(String(5), index=True)
    commune_code_2: Mapped[str] = mapped_column(String(5), index=True)
    reason: Mapped[str] = mapped_column(String(20), default="national_id")
    national_id: Mapped[str] = mapped_column(String(12), default="")
    status: Mapped[str] = mapped_column(String(12), default="open")
