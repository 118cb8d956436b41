"""The start-up read (plain sqlite3) must show exactly what the ORM road would show."""

from __future__ import annotations

import sqlite3

import pytest

from sonla_desktop.db import Database
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.lookups import load_lookups
from sonla_desktop.services.quick_start import read_start
from sonla_desktop.services.workers import WorkerFilter, create_worker, delete_worker, list_workers

# The quick start reads the commune office's SQLite file with plain sqlite3 before the ORM loads.
pytestmark = pytest.mark.sqlite_only("the first page is read from the SQLite file with sqlite3")


@pytest.fixture
def populated(ctx):
    generate_demo(ctx, workers=300, seed=5)
    # Rows the demo does not make: no ethnic group (outer join), a birth year without a
    # date, no CCCD, and a name that sorts first; then delete the first rows in name order.
    create_worker(ctx, {"full_name": "An Văn A", "birth_year": "1999", "sex": "M",
                        "commune_code": "03670", "phone": "0912345678"})
    create_worker(ctx, {"full_name": "Ăn Thị Bé", "birth_date": "02/03/2001", "sex": "F",
                        "commune_code": "03670", "phone": "+84 912 345 679",
                        "ethnic_code": "01", "market_code": "JP", "status": "departed",
                        "departure_date": "05/06/2025"})
    for row in list_workers(ctx, WorkerFilter(), limit=3)[1:]:
        delete_worker(ctx, row.id)
    return ctx


@pytest.mark.parametrize("page_size", [200, 50])
def test_first_page_is_the_orm_first_page(populated, page_size):
    start = read_start(populated.db, page_size)
    assert start is not None
    expected = list_workers(populated, WorkerFilter(), limit=page_size)
    assert len(expected) == page_size
    assert start.first_page == expected
    assert start.page_size == page_size


def test_lists_are_the_orm_lists(populated):
    start = read_start(populated.db, 200)
    assert start is not None
    assert start.lookups == load_lookups(populated)
    assert len(start.lookups.communes) == 75
    assert start.lookups.market_name("JP") == "Nhật Bản"


def test_an_empty_list_is_read_too(ctx):
    start = read_start(ctx.db, 200)
    assert start is not None and start.first_page == []


def _sql(db: Database, statement: str) -> None:
    with sqlite3.connect(db.path) as conn:
        conn.execute(statement)


def test_unusual_databases_take_the_normal_road(tmp_path, ctx):
    # Not SQLite: the hub's PostgreSQL is never touched here (no connection is made).
    assert read_start(Database("postgresql+psycopg://nobody@localhost/none"), 200) is None
    # No file yet: the first run creates it.
    assert read_start(Database(tmp_path / "missing.db"), 200) is None
    assert not (tmp_path / "missing.db").exists()
    # Not a database at all.
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database, but a clerk's renamed letter" * 100)
    assert read_start(Database(junk), 200) is None
    # A migrated file whose node was never set up: the first-run wizard must run.
    _sql(ctx.db, "UPDATE node SET is_self = 0")
    assert read_start(ctx.db, 200) is None
    _sql(ctx.db, "UPDATE node SET is_self = 1")
    assert read_start(ctx.db, 200) is not None
    # A schema from an older (or newer) program: open_database() migrates or refuses.
    _sql(ctx.db, "UPDATE alembic_version SET version_num = 'someoldrevision'")
    assert read_start(ctx.db, 200) is None
