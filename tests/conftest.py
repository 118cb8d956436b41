"""Fixtures: a fresh, initialised database per test (DESIGN.md, Tests)."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# The administrator every test database has (issue 14): CLI runs and the GUI log in as it.
TEST_USER = "admin"
TEST_PASSWORD = "mật-khẩu-thử-nghiệm"


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    # Never touch the real user's data folder from a test.
    monkeypatch.setenv("SONLA_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.delenv("SONLA_DB", raising=False)
    # Scripts log in through these; `init` on a new database makes this admin. Set again
    # per test, as a test may change them (the session fixture covers module fixtures).
    monkeypatch.setenv("SONLA_USER", TEST_USER)
    monkeypatch.setenv("SONLA_PASSWORD", TEST_PASSWORD)
    monkeypatch.delenv("SONLA_NEW_PASSWORD", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _logged_in_scripts():
    """Module- and session-scoped fixtures that run the CLI log in the same way."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SONLA_USER", TEST_USER)
        mp.setenv("SONLA_PASSWORD", TEST_PASSWORD)
        yield


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_gui_thread(qapp):
    """As in the program (ui/gc_guard.py): a cycle holding a Qt object left by one test must
    not be collected on a task runner's thread in a later one."""
    from sonla_desktop.ui import gc_guard

    collector = gc_guard.install(qapp)
    yield collector


@pytest.fixture(autouse=True)
def _collect_after_each_test(_collect_garbage_on_the_gui_thread):
    yield
    from sonla_desktop.ui.gc_guard import collect_if_due

    collect_if_due(_collect_garbage_on_the_gui_thread.threshold)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory):
    """Migrated and seeded once; each test gets a byte copy (much faster than re-seeding)."""
    from sonla_desktop.db import open_database
    from sonla_desktop.services.setup import initialise

    path = tmp_path_factory.mktemp("template") / "template.db"
    database = open_database(path)
    # initialise() creates the node's keys in the user data folder: never the real one.
    # Each test's copy then gets fresh keys in its own folder when it calls initialise().
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SONLA_DATA_DIR", str(tmp_path_factory.mktemp("template-userdata")))
        initialise(database, name="UBND xã Chiềng Cơi", communes=["03670"])
    from sonla_desktop.services.users import create_first_admin

    create_first_admin(database, TEST_USER, TEST_PASSWORD)
    database.backup(path.with_name("clean.db"))
    database.dispose()
    return path.with_name("clean.db")


@pytest.fixture
def db(db_path, _template_db):
    from sonla_desktop.db import open_database

    shutil.copyfile(_template_db, db_path)
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db):
    from sonla_desktop.services.context import ServiceContext

    # As `services.users.login` would make it for the template's administrator.
    return ServiceContext(db, user=TEST_USER, role="admin")


def make_hub(db) -> None:
    """Turn a test database's node into the provincial hub: targets and other hub data
    (sync.ownership) may only be written there."""
    from sqlalchemy import text

    with db.transaction() as s:
        s.execute(text("UPDATE node SET is_hub = :t, scope = 'hub' WHERE is_self"), {"t": True})


@contextmanager
def hub_for_a_moment(ctx):
    """Act as the hub for a few hub-only writes (a test's target), then be what it was."""
    from sqlalchemy import text

    with ctx.db.transaction() as s:
        was = s.execute(text("SELECT is_hub, scope FROM node WHERE is_self")).one()
    make_hub(ctx.db)
    ctx.reset_node()
    try:
        yield
    finally:
        with ctx.db.transaction() as s:
            s.execute(text("UPDATE node SET is_hub = :h, scope = :s WHERE is_self"),
                      {"h": was[0], "s": was[1]})
        ctx.reset_node()


@pytest.fixture
def as_hub(db):
    """For tests of hub work (targets, province reports): this test's node is the hub."""
    make_hub(db)


def dump_database(db) -> list[tuple]:
    """Every row of every table, for 'database unchanged' assertions."""
    from sqlalchemy import inspect, text

    rows: list[tuple] = []
    with db.engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            if table.startswith("worker_fts"):
                continue
            for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                rows.append((table, *row))
    return rows


@pytest.fixture
def pg_url():
    """A fresh database on a real PostgreSQL server (the hub's engine).

    .ci/run installs and starts the server and sets SONLA_TEST_PG; in CI a missing
    server is a failure. On a developer machine without one the test is skipped
    with the reason printed.
    """
    import uuid

    import sqlalchemy as sa

    base = os.environ.get(
        "SONLA_TEST_PG", "postgresql+psycopg://sonla:sonla@127.0.0.1:5432/postgres")
    try:
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI (.ci/run starts it): {exc}")
        pytest.skip(f"no PostgreSQL server reachable at {base}: run .ci/run's set-up")
    name = f"sonla_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
