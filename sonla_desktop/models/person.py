"""A person's rights (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): consents and erasures."""

from datetime import date

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncedMixin


class Consent(SyncedMixin, Base):
    """One consent a worker gave for one purpose; withdrawn by setting ``withdrawn_on``.

    A verbal consent names the witness who heard it (Decree 356/2025 asks that consent can be
    proven); ``recorded_by`` is the officer who took it.
    """

    __tablename__ = "consent"
    worker_id: Mapped[str] = mapped_column(String(36), ForeignKey("worker.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(200))
    given_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10))  # written | verbal
    witness: Mapped[str] = mapped_column(String(120), default="")
    recorded_by: Mapped[str] = mapped_column(String(120), default="")
    withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class Erasure(SyncedMixin, Base):
    """The tombstone of a person's erasure: travels by sync so that every office that holds
    the worker anonymises it and scrubs its own copies (``services.person_erase``)."""

    __tablename__ = "erasure"
    worker_id: Mapped[str] = mapped_column(String(36), ForeignKey("worker.id"), index=True)
    commune_code: Mapped[str] = mapped_column(String(5))
    erased_on: Mapped[date] = mapped_column(Date)
