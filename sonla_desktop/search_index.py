"""The worker search index (SQLite FTS5 table ``worker_fts``) during bulk writes.

Triggers keep ``worker_fts`` in step with ``worker`` one row at a time, about 0.1 ms per
inserted worker. A write that adds many workers at once (a sync bundle, an Excel list) is
quicker with the triggers dropped and the index rebuilt once at the end, which reads every
row of the table (about 6 µs each). Used by ``sync.merge`` and ``services.excel_import``.

The triggers are dropped and put back inside the caller's write transaction, so a rollback
restores them exactly as they were and the index is never out of step after a commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from .models import Worker

_TRIGGERS = ("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
             "AND tbl_name = 'worker' AND name LIKE 'worker_fts_%' ORDER BY name")


@contextmanager
def suspended_worker_index(session: Session, incoming_workers: int, *, at_least: int,
                           table_share: int) -> Iterator[bool]:
    """On SQLite, when ``incoming_workers`` is at least ``at_least`` and at least
    1/``table_share`` of the workers already stored, suspend the worker FTS triggers for the
    block and rebuild the index after it. Yields whether it did.

    Elsewhere (PostgreSQL, small writes) the block runs unchanged.
    """
    conn = session.connection()
    raw = conn.connection.driver_connection
    use = (conn.dialect.name == "sqlite" and incoming_workers >= at_least
           and hasattr(raw, "in_transaction"))
    if use:
        existing = session.scalar(select(func.count()).select_from(Worker)) or 0
        use = incoming_workers >= existing // table_share
    triggers: list[tuple[str, str]] = []
    if use:
        triggers = [(name, sql) for name, sql in session.execute(text(_TRIGGERS))]
        use = bool(triggers)
    if not use:
        yield False
        return
    if not raw.in_transaction:
        # Python's sqlite3 runs DDL outside any transaction unless one is already open (it
        # only begins one before INSERT/UPDATE/DELETE): without this write that changes
        # nothing, the DROP TRIGGER below would be committed on the spot.
        session.execute(text("UPDATE worker SET id = id WHERE 0"))
    for name, _ in triggers:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    yield True
    for _, sql in triggers:
        session.execute(text(sql))
    session.execute(text("INSERT INTO worker_fts(worker_fts) VALUES('rebuild')"))
