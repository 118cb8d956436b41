"""db.retrying on a real PostgreSQL server: a serialization failure runs the work again on a
fresh snapshot, so the other clerk's committed change is kept; other errors are not retried."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sonla_desktop.db import Database, retrying


@pytest.fixture
def counter(pg_url):
    db = Database(pg_url)
    with db.engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE counter (n integer NOT NULL)"))
        conn.execute(sa.text("INSERT INTO counter VALUES (0)"))
    other = sa.create_engine(pg_url)
    yield db, other
    other.dispose()
    db.dispose()


def test_a_conflicting_transaction_is_run_again_and_keeps_the_other_write(counter):
    db, other = counter
    seen = []

    def add_one() -> None:
        with db.transaction(isolation="REPEATABLE READ") as s:
            n = s.scalar(sa.text("SELECT n FROM counter"))  # this attempt's snapshot
            if not seen:  # another clerk's program commits in between, once
                with other.begin() as conn:
                    conn.execute(sa.text("UPDATE counter SET n = n + 10"))
            seen.append(n)
            s.execute(sa.text("UPDATE counter SET n = :n"), {"n": n + 1})

    retrying(add_one)
    assert seen == [0, 10]
    with db.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT n FROM counter")) == 11  # nobody's write lost


def test_other_errors_are_raised_at_once(counter):
    db, _ = counter
    calls = []

    def bad() -> None:
        calls.append(1)
        with db.transaction() as s:
            s.execute(sa.text("UPDATE counter SET n = NULL"))

    with pytest.raises(sa.exc.IntegrityError):
        retrying(bad)
    assert calls == [1]


def test_it_gives_up_after_the_last_attempt(counter):
    db, other = counter
    calls = []

    def always_conflicts() -> None:
        calls.append(1)
        with db.transaction(isolation="REPEATABLE READ") as s:
            s.scalar(sa.text("SELECT n FROM counter"))
            with other.begin() as conn:
                conn.execute(sa.text("UPDATE counter SET n = n + 1"))
            s.execute(sa.text("UPDATE counter SET n = 0"))

    with pytest.raises(sa.exc.OperationalError) as err:
        retrying(always_conflicts, attempts=3, pause=0.001)
    assert err.value.orig.sqlstate == "40001" and len(calls) == 3
