"""Fixtures: a fresh, initialised database per test (DESIGN.md, Tests)."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

import pytest

from tests import pg_backend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sqlite_only(reason): SQLite-specific (FTS5, file copies, pragmas); left "
        "out of the PostgreSQL pass (SONLA_TEST_BACKEND=postgres) with the reason shown")


def pytest_report_header(config):
    return f"database backend: {pg_backend.describe()}"


def pytest_collection_modifyitems(config, items):
    if not pg_backend.ACTIVE:
        return
    for item in items:
        # Screens are tested on SQLite; this pass is for the hub's engine under the services
        # (a crash dialog of a screen would also wait for a click that never comes).
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.skip(reason="screens are tested in the SQLite pass"))
            continue
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else marker.kwargs.get("reason", "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


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
    # The keys a login opened live in the process (services.key_slots): not across tests.
    from sonla_desktop.services.key_slots import forget

    forget()


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
def db_path(tmp_path, request):
    """Where the test's database lives: a file, or on PostgreSQL (``SONLA_TEST_BACKEND``)
    the URL of a database of its own, copied from the seeded template (what ``--db`` takes)."""
    if not pg_backend.ACTIVE:
        yield tmp_path / "test.db"
        return
    server = pg_backend.server()
    name = server.create(template=request.getfixturevalue("_template_db"))
    yield server.url(name)
    server.drop(name)


def _seed(database) -> None:
    from sonla_desktop.services.setup import initialise

    initialise(database, name="UBND phường Chiềng Cơi", communes=["03670"])
    from sonla_desktop.services.users import create_first_admin

    create_first_admin(database, TEST_USER, TEST_PASSWORD)


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory):
    """Migrated and seeded once; each test gets a copy (much faster than re-seeding).

    SQLite: a byte copy of the file. PostgreSQL (``SONLA_TEST_BACKEND=postgres``): a
    database of its own made with ``CREATE DATABASE ... TEMPLATE`` (tests/pg_backend.py).
    """
    from sonla_desktop.db import open_database

    # initialise() creates the node's keys in the user data folder: never the real one.
    # Each test's copy then gets fresh keys in its own folder when it calls initialise().
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SONLA_DATA_DIR", str(tmp_path_factory.mktemp("template-userdata")))
        if pg_backend.ACTIVE:
            server = pg_backend.server()
            name = server.create()
            database = open_database(server.url(name))
        else:
            path = tmp_path_factory.mktemp("template") / "template.db"
            database = open_database(path)
        _seed(database)
    if pg_backend.ACTIVE:
        database.dispose()
        yield name
        server.drop_all()  # itself and the copies some tests made (pg_backend.copy_of)
        return
    database.backup(path.with_name("clean.db"))
    database.dispose()
    yield path.with_name("clean.db")


@pytest.fixture
def db(db_path, _template_db):
    from sonla_desktop.db import open_database

    if pg_backend.ACTIVE:
        database = open_database(db_path)
        yield database
        database.dispose()
        return
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


def serve_communes(ctx, *codes: str) -> None:
    """This test's office serves these communes (an office may serve several): workers of
    them may be entered here. A commune office refuses workers of any other commune
    (``sync.ownership``), since they would never travel."""
    from sqlalchemy import text

    with ctx.db.transaction() as s:
        s.execute(text("UPDATE node SET scope = :s WHERE is_self"), {"s": ",".join(codes)})
    ctx.reset_node()


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
    server = pg_backend.server()
    name = server.create()
    yield server.url(name)
    server.drop(name)
