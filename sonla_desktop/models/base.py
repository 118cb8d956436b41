"""Declarative base and the columns every synced table carries (see DESIGN.md, Data)."""

import os
import threading
import time
import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Reference rows get ids derived from their natural code, so every node that seeds the
# same CSV creates the same UUIDs and sync never sees two "Thái" rows.
REFERENCE_NAMESPACE = uuid.UUID("6f1c3a52-8a4e-4c1e-9a57-2b3c7d0e5f10")


def new_id() -> str:
    """A random (version 4) UUID in its usual text form: the same 122 random bits from
    ``os.urandom`` as ``str(uuid.uuid4())``, written without building a ``UUID`` object (an
    import of 10,000 people makes ~70,000 ids; the object costs four times the randomness)."""
    h = _random_bytes(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


# Where the randomness comes from: a module attribute, so the convergence test can draw ids
# from its seed and a failing seed runs the same actions again.
_random_bytes = os.urandom


# RFC 4122 variant: the top two bits of byte 8 are 10, so its first hex digit is 8, 9, a or b.
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


def ordered_id() -> str:
    """A UUID in RFC 9562's version 7 layout whose text sorts in the order this process made
    them: milliseconds since 1970, then 74 bits that start random each millisecond and count
    up within it (and past a clock that went back).

    For rows that are only ever appended (the audit log): a random id lands anywhere in the
    primary key's index, so every insert of a large import touches another page; ordered
    ids go to its right edge. The time it shows is the row's own ``at`` anyway.
    """
    global _last_ms, _tail
    with _ordered_lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            # Top bit clear: room to count up ~2**73 times before the millisecond carries.
            _last_ms, _tail = ms, int.from_bytes(os.urandom(10), "big") >> 7
        else:
            _tail += 1
            if _tail >> 74:
                _last_ms, _tail = _last_ms + 1, 0
        ms, tail = _last_ms, _tail
    value = (ms << 80) | (0x7 << 76) | ((tail >> 62) << 64) | (0b10 << 62) | (
        tail & ((1 << 62) - 1))
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_ordered_lock = threading.Lock()
_last_ms = 0
_tail = 0


def reference_id(table: str, code: str) -> str:
    return str(uuid.uuid5(REFERENCE_NAMESPACE, f"{table}:{code}"))


def utcnow() -> datetime:
    # Stored naive in UTC: SQLite has no time zones and PostgreSQL gets the same values.
    return datetime.now(UTC).replace(tzinfo=None)


class DecimalText(TypeDecorator):
    """Exact decimals stored as text: SQLite has no DECIMAL, and rates must not drift."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return format(Decimal(value).normalize(), "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    pass


class SyncedMixin:
    """UUID key, last writer, hybrid-logical-clock version and tombstone."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    origin: Mapped[str] = mapped_column(String(36), default="")
    version: Mapped[str] = mapped_column(String(64), default="", index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


SYNC_COLUMNS = ("id", "origin", "version", "deleted", "created_at", "updated_at")

__all__ = ["Base", "SyncedMixin", "DecimalText", "Text", "new_id", "reference_id", "utcnow"]
