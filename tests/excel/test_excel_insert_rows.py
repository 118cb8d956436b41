"""writer.insert_rows hands SQLite each value the way SQLAlchemy's own INSERT would (the
column types' bind processors), without SQLAlchemy's per-row work. Held to the real thing:
the rows of a whole import, inserted both ways, must be stored byte for byte the same."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, select
from workbook_factory import COMMUNES, fill_workbook, make_people

from sonla_desktop.db import open_database
from sonla_desktop.models import (
    Attendance,
    AuditLog,
    Disbursement,
    Event,
    LoanApplication,
    Repayment,
    Worker,
)
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.excel_import.writer import insert_rows
from sonla_desktop.services.spreadsheets import make_template
from tests.conftest import serve_communes
from tests.excel.report_data import event, worker
from tests.pg_backend import copy_of, url_of

# In the order foreign keys allow.
TABLES = [Worker, Event, LoanApplication, Disbursement, Repayment, Attendance, AuditLog]


def _raw(db, table) -> list[tuple]:
    """Rows as SQLite stores them (text dates, 0/1 booleans, decimal text), no conversion."""
    with db.engine.connect() as conn:
        return list(conn.exec_driver_sql(f'SELECT * FROM "{table.name}" ORDER BY id'))


@pytest.fixture
def imported(ctx, tmp_path):
    """A database filled by an import (every column kind the import writes), plus a
    conference with attendees so that attendance rows exist too."""
    make_template(ctx, "workers", tmp_path / "w.xlsx")
    make_template(ctx, "loans", tmp_path / "l.xlsx")
    people, loans = make_people(50, seed=23)
    serve_communes(ctx, *COMMUNES)  # one office for the three communes of the list
    book = tmp_path / "list.xlsx"
    fill_workbook(tmp_path / "w.xlsx", tmp_path / "l.xlsx", book, people, loans)
    import_workbook(ctx, book, today=date(2025, 12, 31))
    a = worker(ctx, "Lò Văn Một", departure=date(2025, 2, 2), market="TW")
    event(ctx, date(2025, 3, 3), "03670", attendees=(a,))
    return ctx


def test_rows_are_stored_exactly_as_sqlalchemy_stores_them(imported, _template_db, tmp_path):
    template = open_database(url_of(_template_db))
    with template.session() as s:
        setup_entries = set(s.scalars(select(AuditLog.id)))
    template.dispose()
    rows = {}
    with imported.db.session() as s:
        for model in TABLES:
            table = model.__table__
            rows[model] = [dict(r) for r in s.execute(select(table)).mappings()
                           if r["id"] not in setup_entries]  # already in both copies
    assert all(rows.values()), {m.__name__: len(r) for m, r in rows.items()}
    assert any(r["rate_pct_year"] is not None for r in rows[LoanApplication])
    assert any(r["consent_given"] for r in rows[Attendance])

    ours, theirs = (open_database(copy_of(_template_db, tmp_path / name))
                    for name in ("ours.db", "sqlalchemy.db"))
    with ours.transaction() as s:
        for model in TABLES:
            insert_rows(s, model.__table__, rows[model])
    with theirs.transaction() as s:
        for model in TABLES:
            s.execute(insert(model.__table__), rows[model])
    for model in TABLES:
        assert _raw(ours, model.__table__) == _raw(theirs, model.__table__), model.__name__
        assert _raw(ours, model.__table__) == _raw(imported.db, model.__table__)
    ours.dispose()
    theirs.dispose()
