"""Counselling conferences (hội nghị tư vấn) and who attended."""

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain import lengths
from .base import Base, SyncedMixin


class Event(SyncedMixin, Base):
    __tablename__ = "event"
    event_date: Mapped[date] = mapped_column(Date, index=True)
    commune_code: Mapped[str] = mapped_column(String(5), ForeignKey("admin_unit.code"))
    place: Mapped[str] = mapped_column(String(lengths.EVENT["place"]))
    topic: Mapped[str] = mapped_column(String(lengths.EVENT["topic"]))
    organiser: Mapped[str] = mapped_column(String(lengths.EVENT["organiser"]), default="")
    counsellors: Mapped[str] = mapped_column(Text, default="")
    agencies: Mapped[str] = mapped_column(Text, default="")
    markets: Mapped[str] = mapped_column(String(lengths.EVENT["markets"]), default="")  # ISO codes, comma separated
    notes: Mapped[str] = mapped_column(Text, default="")


class Attendance(SyncedMixin, Base):
    __tablename__ = "attendance"
    event_id: Mapped[str] = mapped_column(String(36), ForeignKey("event.id"), index=True)
    worker_id: Mapped[str] = mapped_column(String(36), ForeignKey("worker.id"), index=True)
    interest_market: Mapped[str | None] = mapped_column(String(2), nullable=True)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_method: Mapped[str] = mapped_column(String(20), default="")  # written | verbal
    consent_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
