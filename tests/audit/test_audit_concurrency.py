"""Two actions at once append to one chain, on SQLite (the GUI's runner threads, a CLI beside
the GUI) and on PostgreSQL (several clerks on the hub): no fork, no gap, verify passes."""

from __future__ import annotations

import threading

from sonla_desktop.db import open_database
from sonla_desktop.services.audit import list_entries, record, verify_chain
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.workers import create_worker

PER_THREAD = 15
NAMES = ["An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Long", "Minh", "Nam"]


def _hammer(make_ctx, threads: int = 3) -> list[BaseException]:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        ctx = make_ctx(f"clerk-{n}")
        try:
            for i in range(PER_THREAD):
                # An export or print writes only its audit row: nothing else serialises it.
                record(ctx, "export", "workbook", "-", {"n": (None, i)})
                create_worker(ctx, {"full_name": f"Lò Văn {NAMES[n]} {NAMES[i % len(NAMES)]}",
                                    "sex": "M",
                                    "commune_code": "03670"})
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return errors


def test_concurrent_actions_on_sqlite_keep_one_chain(db):
    assert _hammer(lambda user: ServiceContext(db, user=user, role="admin")) == []
    ctx = ServiceContext(db, role="admin")
    result = verify_chain(ctx)
    assert result.ok, result.message_en
    creates = [e for e in list_entries(ctx, action="create", limit=None)
               if e.entity != "user"]  # the template's administrator account
    assert len(creates) == 3 * PER_THREAD
    assert len(list_entries(ctx, action="export", limit=None)) == 3 * PER_THREAD
    assert {e.user for e in creates} == {"clerk-0", "clerk-1", "clerk-2"}


def test_concurrent_actions_on_postgresql_keep_one_chain(pg_url):
    db = open_database(pg_url)
    initialise(db, name="Sở Nội vụ Sơn La", hub=True)
    try:
        assert _hammer(lambda user: ServiceContext(db, user=user, role="admin"), threads=4) == []
        ctx = ServiceContext(db, role="admin")
        result = verify_chain(ctx)
        assert result.ok, result.message_en
        assert len(list_entries(ctx, action="create", limit=None)) == 4 * PER_THREAD
    finally:
        db.dispose()
