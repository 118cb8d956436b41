"""The test suite's PostgreSQL server: fresh databases per test, made from a template.

``SONLA_TEST_BACKEND=postgres`` (``make test-pg``) makes the ``db`` fixture hand each test a
database of its own on the server named by ``SONLA_TEST_PG``, copied server-side with
``CREATE DATABASE ... TEMPLATE`` from one seeded once per session. Tests that need a real
server regardless (``pg_url``) come through here too. In CI (``CI`` set) a missing server
fails the test instead of skipping it.
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
import secrets

import pytest

DEFAULT_URL = "postgresql+psycopg://sonla:sonla@127.0.0.1:5432/postgres"
ACTIVE = os.environ.get("SONLA_TEST_BACKEND", "sqlite").lower() in ("postgres", "postgresql",
                                                                     "pg")


def base_url() -> str:
    return os.environ.get("SONLA_TEST_PG", DEFAULT_URL)


def describe() -> str:
    return f"PostgreSQL ({base_url().rsplit('@', 1)[-1]})" if ACTIVE else "SQLite"


class Server:
    def __init__(self, url: str) -> None:
        import sqlalchemy as sa

        self.base = url
        self.made: set[str] = set()
        self.admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1)
        with self.admin.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        # Dropping takes as long as creating: done on a thread while the next test runs.
        self._dropper = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self._pending: list[concurrent.futures.Future] = []

    def url(self, name: str) -> str:
        return self.base.rsplit("/", 1)[0] + "/" + name

    def create(self, template: str = "template0") -> str:
        import sqlalchemy as sa

        # Not uuid4: the convergence test draws uuid4 from its seed, so the same names came
        # again in the next PostgreSQL pass and met databases a stopped run had left behind.
        name = f"sonla_test_{secrets.token_hex(6)}"
        # A template must have no other connection while it is copied: its owner disposed
        # of its engine; nothing else connects to it. (STRATEGY FILE_COPY was measured: no
        # faster here, and its checkpoints slow down when the server is busy.)
        with self.admin.connect() as conn:
            conn.execute(sa.text(
                f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{template}"'))
        self.made.add(name)
        return name

    def _drop_now(self, name: str) -> None:
        import sqlalchemy as sa

        with self.admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop(self, name: str) -> None:
        """Drop a test's database (in the background: the caller disposed of its engine)."""
        if name in self.made:
            self.made.discard(name)
            self._pending.append(self._dropper.submit(self._drop_now, name))

    def drop_all(self) -> None:
        for name in sorted(self.made):
            self.drop(name)
        for future in self._pending:
            future.result()  # a failed drop is reported, not forgotten
        self._pending.clear()


@functools.cache
def _connect(url: str) -> Server | str:
    try:
        return Server(url)
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def server() -> Server:
    """The server, or fail (CI, or the PostgreSQL pass) / skip (a developer machine)."""
    found = _connect(base_url())
    if isinstance(found, Server):
        return found
    if os.environ.get("CI") or ACTIVE:
        pytest.fail(f"PostgreSQL is required here (.ci/run starts it) at {base_url()}: {found}")
    pytest.skip(f"no PostgreSQL server reachable at {base_url()}: run .ci/run's set-up")


def copy_of(template, path):
    """A fresh copy of the seeded template for a test that needs a second database: the file
    copied to ``path`` (SQLite), or a database of its own on the server (its URL)."""
    if not ACTIVE:
        import shutil

        return shutil.copyfile(template, path)
    server_ = server()
    return server_.url(server_.create(template=template))


def url_of(template):
    """What ``open_database`` takes to read the template itself (never to write it)."""
    return server().url(template) if ACTIVE else template
