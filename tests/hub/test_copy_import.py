"""New rows of a bundle go into a PostgreSQL hub by COPY (sync/pg_copy.py): the hub stores
exactly what a SQLite hub stores from the same file, and a server refusal is the same
SQLAlchemy error an INSERT gives, with the transaction undone."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bench import province
from sonla_desktop.db import is_retryable
from sonla_desktop.models import Worker
from sonla_desktop.sync.pg_copy import can_copy, copy_insert
from sonla_desktop.sync.records import TABLES


def _rows(hub) -> dict[str, list[tuple]]:
    out = {}
    with hub.db.session() as s:
        for name, spec in TABLES.items():
            t = spec.table
            out[name] = [tuple(r) for r in s.execute(select(t).order_by(t.c.id))]
    return out


def test_a_postgresql_hub_stores_the_same_rows_as_a_sqlite_hub(pg_url, tmp_path):
    pg = province.make_hub(pg_url, "Sở (PostgreSQL)")
    lite = province.make_hub(tmp_path / "hub.db", "Sở (SQLite)")
    try:
        with pg.db.session() as s:
            assert can_copy(s)
        with lite.db.session() as s:
            assert not can_copy(s)
        communes = province.make_communes(tmp_path, {"pg": pg, "lite": lite}, 2, 40,
                                          progress=lambda _: None)
        province.import_all(pg, communes, "pg")
        province.import_all(lite, communes, "lite")
        on_pg, on_lite = _rows(pg), _rows(lite)
        # The communes' tables (the hubs' own seeded tables differ by their writer).
        for name in ("worker", "loan_application", "loan_cost_line", "disbursement",
                     "repayment", "event", "attendance", "consent"):
            assert on_pg[name] == on_lite[name], name
        assert all(on_pg[n] for n in ("worker", "loan_application", "loan_cost_line",
                                      "disbursement", "repayment"))  # COPY had work to do
    finally:
        pg.db.dispose()
        lite.db.dispose()


def test_a_refused_copy_is_an_integrity_error_and_undoes_the_transaction(pg_url, tmp_path):
    hub = province.make_hub(pg_url, "Sở (PostgreSQL)")
    try:
        communes = province.make_communes(tmp_path, {"pg": hub}, 1, 5, progress=lambda _: None)
        province.import_all(hub, communes, "pg")
        t = Worker.__table__
        with hub.db.session() as s:
            rows = [dict(r._mapping) for r in s.execute(select(t).limit(2))]
            before = s.scalar(select(func.count()).select_from(t))
        fresh = {**rows[0], "id": "00000000-0000-4000-8000-000000000001"}
        with pytest.raises(IntegrityError) as caught, hub.db.transaction() as s:
            copy_insert(s, t, [fresh, rows[1]])  # the second id is already here
        assert caught.value.orig.sqlstate == "23505"  # unique_violation, from the server
        assert not is_retryable(caught.value)
        assert rows[1]["full_name"] not in str(caught.value)  # no row values in the message
        with hub.db.session() as s:
            assert s.scalar(select(func.count()).select_from(t)) == before
            assert s.get(Worker, fresh["id"]) is None
    finally:
        hub.db.dispose()
