"""search_index.suspended_worker_index: the worker search triggers are dropped for a bulk
write and rebuilt after it, inside the caller's transaction, so that a failure anywhere puts
them back and the index never disagrees with the table after a commit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from sonla_desktop.domain.worker_rules import clean_worker
from sonla_desktop.models import Worker
from sonla_desktop.search_index import suspended_worker_index
from sonla_desktop.services.workers import (
    EDITABLE_FIELDS,
    WorkerFilter,
    create_worker,
    list_workers,
    reference_codes,
)


class Refused(Exception):
    pass


def _triggers(db) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return list(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'worker_fts_%' ORDER BY name"))


def _add(session, name: str, serial: int) -> None:
    raw = {"full_name": name, "birth_date": date(1996, 4, 2), "sex": "M",
           "national_id": f"014096{serial:06d}", "commune_code": "03670"}
    clean, errors = clean_worker(raw, reference_codes(session))
    assert not errors
    session.add(Worker(source="office", **{k: clean[k] for k in EDITABLE_FIELDS}))
    session.flush()


def _found(ctx, words: str) -> list[str]:
    return [r.full_name for r in list_workers(ctx, WorkerFilter(search=words))]


def test_bulk_write_is_indexed_once_at_the_end_and_triggers_come_back(ctx, db):
    create_worker(ctx, {"full_name": "Cầm Thị Duyên", "birth_date": "03/03/1999", "sex": "F",
                        "commune_code": "03670"})
    triggers = _triggers(db)
    # the block is the first to write: it has to open the transaction itself
    with db.transaction() as s, suspended_worker_index(s, 2, at_least=1, table_share=2) as bulk:
        assert bulk
        assert s.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE 'worker_fts_%'")).scalar() == 0
        _add(s, "Lường Văn Pâng", 1)
        _add(s, "Quàng Thị Ún", 2)
    assert _triggers(db) == triggers
    assert _found(ctx, "luong van pang") == ["Lường Văn Pâng"]
    assert _found(ctx, "cam thi duyen") == ["Cầm Thị Duyên"]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO worker_fts(worker_fts) VALUES('integrity-check')")
    # and the triggers index the next worker again, one at a time
    create_worker(ctx, {"full_name": "Mùa A Sếnh", "birth_date": "01/01/2000", "sex": "M",
                        "commune_code": "03670"})
    assert _found(ctx, "mua a senh") == ["Mùa A Sếnh"]


@pytest.mark.parametrize("write_first", [False, True])
def test_a_failure_inside_the_block_restores_the_triggers(ctx, db, write_first):
    triggers = _triggers(db)
    with pytest.raises(Refused), db.transaction() as s:
        if write_first:
            _add(s, "Lò Văn Ơn", 3)
        with suspended_worker_index(s, 5, at_least=1, table_share=2):
            _add(s, "Lò Văn Khằm", 4)
            raise Refused
    assert _triggers(db) == triggers
    assert _found(ctx, "lo van") == []
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM worker")) == 0


def test_small_writes_and_large_tables_keep_the_triggers(ctx, db):
    for serial, name in enumerate(("Hà Văn Một", "Hà Văn Hai", "Hà Văn Ba", "Hà Văn Tư",
                                   "Hà Văn Năm"), start=10):
        with db.transaction() as s:
            _add(s, name, serial)
    with db.transaction() as s:
        with suspended_worker_index(s, 1, at_least=2, table_share=1) as bulk:
            assert not bulk  # fewer than at_least
        with suspended_worker_index(s, 1, at_least=1, table_share=2) as bulk:
            assert not bulk  # 1 is less than half of the 5 stored
        with suspended_worker_index(s, 1, at_least=1, table_share=5) as bulk:
            assert bulk  # a fifth of the table
            _add(s, "Hà Thị Sáu", 20)
    assert len(_found(ctx, "ha")) == 6
