"""Issue 14 item 5's SQLCipher evaluation: the same work on plain SQLite and on SQLCipher.

Not part of ``make bench`` (sqlcipher3 is not a dependency, and was not adopted: see
docs/security.md, "The database file"). To repeat the measurement::

    .venv/bin/pip install sqlcipher3-wheels
    .venv/bin/python -m bench.sqlcipher_eval [WORKERS]
    .venv/bin/pip uninstall -y sqlcipher3-wheels

It builds the real schema with the real migrations, generates WORKERS demo workers with
their loans through the services, then runs the first page of three searches and the
Excel-style listing of every worker, once on a plain file and once on an SQLCipher file
(``PRAGMA key`` with a random 256-bit raw key, SQLCipher 4 defaults: AES-256, 4 KiB pages,
HMAC-SHA512 per page). The ratio is SQLCipher's time over plain SQLite's, same run.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
import time
from pathlib import Path

from bench.common import report, timed


def _cipher_database(path: Path, key: bytes):
    """A ``Database`` whose engine talks to the file through SQLCipher's DB-API module."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import sessionmaker
    from sqlcipher3 import dbapi2

    from sonla_desktop.db import Database, _sqlite_pragmas

    db = Database(path)

    def keyed(conn, record) -> None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")  # raw key: no KDF on every open
        _sqlite_pragmas(conn, record)

    engine = create_engine(db.url, module=dbapi2, future=True, hide_parameters=True)
    event.listen(engine, "connect", keyed)
    db._engine, db._sessionmaker = engine, sessionmaker(engine, expire_on_commit=False)
    return db


def _build(db, workers: int) -> dict[str, float]:
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.demo import generate_demo
    from sonla_desktop.services.setup import initialise

    times = {}
    start = time.perf_counter()
    initialise(db)
    times["migrate + seed (init)"] = time.perf_counter() - start
    start = time.perf_counter()
    generate_demo(ServiceContext(db, role="admin"), workers=workers, seed=5)
    times[f"demo --workers {workers:,}"] = time.perf_counter() - start
    return times


def _reads(workers: int) -> dict[str, object]:
    from sonla_desktop.services.workers import WorkerFilter, list_workers

    reads = {f"search '{q}'": (lambda ctx, q=q: list_workers(ctx, WorkerFilter(search=q),
                                                             limit=100))
             for q in ("nguyen van duc", "lo thi", "014")}
    reads["list every worker"] = lambda ctx: list_workers(ctx, WorkerFilter(), limit=workers)
    return reads


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    workers = int(args[0]) if args else 5000
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext

    with tempfile.TemporaryDirectory() as tmp:
        plain_db = open_database(Path(tmp) / "plain.db")
        cipher_db = _cipher_database(Path(tmp) / "cipher.db", secrets.token_bytes(32))
        plain, cipher = _build(plain_db, workers), _build(cipher_db, workers)
        raw = (Path(tmp) / "cipher.db").read_bytes()[:16]
        assert raw != b"SQLite format 3\x00", "the SQLCipher file is not encrypted"
        ctxs = ServiceContext(plain_db, role="admin"), ServiceContext(cipher_db, role="admin")
        # Reads alternate plain / SQLCipher, three rounds, so load on a shared machine and
        # warm caches fall on both alike; the best round of each is kept.
        for name, read in _reads(workers).items():
            rounds = [(timed(lambda r=read: r(ctxs[0])), timed(lambda r=read: r(ctxs[1])))
                      for _ in range(3)]
            plain[name] = min(p for p, _ in rounds)
            cipher[name] = min(c for _, c in rounds)
        plain_db.dispose()
        cipher_db.dispose()
    for name, base in plain.items():
        report(f"sqlcipher: {name}", cipher[name], base, "<= 1.3x plain SQLite")


if __name__ == "__main__":
    main()
