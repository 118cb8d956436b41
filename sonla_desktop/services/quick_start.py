"""What the main window needs to show itself, read with plain sqlite3 before the ORM loads.

Importing SQLAlchemy and our models takes longer than everything else at start-up put
together (about 0.6 s of a 1.1 s start on the office PCs' class of hardware). The clerk's
first screen only needs three reference lists and the first page of the worker list in name
order, so those are read here with the standard library while SQLAlchemy loads later on a
worker thread. Anything unusual (not SQLite, a schema that needs migrating, the first run,
a locked or damaged file) returns None and the caller takes the normal road, which knows
how to explain the problem to the clerk.

``tests/services/test_quick_start.py`` checks the page and the lists equal what
``services.workers.search_workers`` and ``services.lookups.load_lookups`` give.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from ..db import Database, _fast_head
from .lookups import Lookups, read_lookups
from .worker_rows import WorkerRow

# The default view of services.workers.search_workers (WorkerFilter(), sort by name) in the
# SQL it compiles to on SQLite: same columns, same joins, same order, same tie-breakers.
FIRST_PAGE_SQL = """
SELECT worker.id, worker.full_name, worker.birth_date, worker.birth_year, worker.sex,
       worker.national_id, worker.phone, worker.ethnic_code, ethnic_group.name,
       worker.commune_code, admin_unit.name, worker.village, worker.household,
       worker.market_code, worker.status, worker.departure_date
FROM worker JOIN admin_unit ON admin_unit.code = worker.commune_code
LEFT OUTER JOIN ethnic_group ON ethnic_group.code = worker.ethnic_code
WHERE worker.deleted = 0
ORDER BY worker.sort_key, worker.id
LIMIT ?
"""


@dataclass(frozen=True)
class StartData:
    lookups: Lookups
    first_page: list[WorkerRow]
    page_size: int


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def read_start(db: Database, page_size: int) -> StartData | None:
    """The lists and the first page, or None when the normal (ORM) road must be taken."""
    path = db.path
    if path is None or not path.is_file():
        return None
    head = _fast_head()
    try:
        # A short timeout: if another program holds a write lock, start the normal way
        # (which waits and reports) rather than freeze before the window exists.
        conn = sqlite3.connect(path, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        revisions = [r for (r,) in conn.execute("SELECT version_num FROM alembic_version")]
        if head is None or revisions != [head]:
            return None  # new, old or branched schema: open_database() deals with it
        if conn.execute("SELECT 1 FROM node WHERE is_self = 1").fetchone() is None:
            return None  # first run: the wizard comes first
        lookups = read_lookups(lambda sql: conn.execute(sql).fetchall())
        rows = [
            WorkerRow(*row[:2], _day(row[2]), *row[3:15], _day(row[15]))
            for row in conn.execute(FIRST_PAGE_SQL, (page_size,))
        ]
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()
    return StartData(lookups, rows, page_size)
