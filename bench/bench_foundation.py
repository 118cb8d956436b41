"""Search over 100k workers vs a bare LIKE scan; demo generation vs plain inserts."""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import BIG, big_database, report, timed


def bench_search() -> None:
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.workers import WorkerFilter, list_workers

    path = big_database()
    ctx = ServiceContext(open_database(path), role="admin")
    raw = sqlite3.connect(path)
    for query in ("nguyen van duc", "lo thi", "014"):
        ours = timed(lambda q=query: list_workers(ctx, WorkerFilter(search=q), limit=100))
        like = " AND ".join(["search_text LIKE ?"] * len(query.split()))
        params = [f"%{t}%" for t in query.split()]
        base = timed(lambda like=like, params=params: raw.execute(
            f"SELECT id, full_name FROM worker WHERE deleted = 0 AND {like} "
            "ORDER BY sort_key LIMIT 100", params).fetchall())
        report(f"search first page '{query}' ({BIG:,} workers)", ours, base,
               "<= 50 ms and faster than the scan")


def bench_demo() -> None:
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.demo import _WorkerFactory, generate_demo
    from sonla_desktop.services.setup import initialise

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.db")
        initialise(db)
        start = time.perf_counter()
        generate_demo(ServiceContext(db, role="admin"), workers=BIG, seed=5)
        ours = time.perf_counter() - start
        # Baseline: the same rows made by the same factory, written with bare sqlite3
        # executemany into a table with no indexes, no FTS and no ORM.
        from datetime import date

        factory = _WorkerFactory(random.Random(5), [("03670", "ward"), ("03847", "commune")],
                                 date.today())
        conn = sqlite3.connect(Path(tmp) / "plain.db")
        conn.execute("CREATE TABLE w (id, full_name, birth_date, phone, search_text, sort_key)")
        start = time.perf_counter()
        rows = (factory.make() for _ in range(BIG))
        conn.executemany("INSERT INTO w VALUES (?,?,?,?,?,?)",
                         ((r["id"], r["full_name"], r["birth_date"].isoformat(), r["phone"],
                           r["search_text"], r["sort_key"]) for r in rows))
        conn.commit()
        base = time.perf_counter() - start
        conn.close()
        db.dispose()
    report(f"demo --workers {BIG:,}", ours, base, "<= 60 s", unit="s")


def main() -> None:
    bench_demo()
    bench_search()
