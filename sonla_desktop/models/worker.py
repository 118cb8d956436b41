"""People who want to work abroad, from registration to return."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain import lengths
from .base import Base, SyncedMixin

WORKER_STATUSES = ("registered", "training", "departed", "returned", "cancelled")
HOUSEHOLD_STATUSES = ("poor", "near_poor", "none")


class Worker(SyncedMixin, Base):
    __tablename__ = "worker"
    __table_args__ = (
        Index("ix_worker_live_sort", "deleted", "sort_key"),
        Index("ix_worker_commune_sort", "commune_code", "sort_key"),
        Index("ix_worker_status_sort", "status", "sort_key"),
    )
    full_name: Mapped[str] = mapped_column(String(lengths.WORKER["full_name"]))
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Conference sign-in sheets often have the year only; kept in step with birth_date.
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sex: Mapped[str] = mapped_column(String(1))  # M | F
    national_id: Mapped[str | None] = mapped_column(String(lengths.WORKER["national_id"]), nullable=True, index=True)
    id_issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    phone: Mapped[str] = mapped_column(String(lengths.WORKER["phone"]), default="", index=True)
    ethnic_code: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("ethnic_group.code"), nullable=True
    )
    commune_code: Mapped[str] = mapped_column(String(5), ForeignKey("admin_unit.code"))
    village: Mapped[str] = mapped_column(String(lengths.WORKER["village"]), default="")
    household: Mapped[str] = mapped_column(String(10), default="none")
    education: Mapped[str] = mapped_column(String(lengths.WORKER["education"]), default="")
    market_code: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("market.code"), nullable=True
    )
    occupation: Mapped[str] = mapped_column(String(lengths.WORKER["occupation"]), default="")
    agency: Mapped[str] = mapped_column(String(lengths.WORKER["agency"]), default="")
    status: Mapped[str] = mapped_column(String(12), default="registered")
    departure_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    return_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    contract_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(20), default="office")  # office | event | import
    notes: Mapped[str] = mapped_column(Text, default="")
    # Folded "name cccd phone village" for diacritics-insensitive search (FTS5 on SQLite).
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Vietnamese collation key: given name first, then family/middle, tones last.
    sort_key: Mapped[str] = mapped_column(String(400), default="")
