"""Issue 14 item 5: would encrypting the database file itself (SQLCipher) cost too much?

The rule we set: adopt SQLCipher if wheels exist for Windows and Linux (sqlcipher3 ≥ 0.6.4
ships cp311 win_amd64 and manylinux wheels) and the same work on an encrypted copy of the
demo database costs ≤ 1.3× the plain file. Both sides run through the same sqlcipher3
module (the same SQLite inside), with and without a key, so the ratio is the cipher alone;
each step opens a fresh connection, so pages are decrypted as on a cold start.
The key is given raw (``x'…'``): a password would go through argon2 at login anyway, so
SQLCipher's own PBKDF2 on every open is left out of the per-page cost and reported apart.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from bench.common import big_database, report, timed

RAW_KEY = "x'" + "2b7e151628aed2a6abf7158809cf4f3c" * 2 + "'"
GOAL = "≤ 1.3× (adopt SQLCipher)"

# The worker list's first page (services.quick_start.FIRST_PAGE_SQL), a search that scans
# every row's folded text, one through the name index, the report's counts, the loans.
QUERIES = {
    "first page of the worker list": (
        "SELECT worker.id, worker.full_name, admin_unit.name FROM worker "
        "JOIN admin_unit ON admin_unit.code = worker.commune_code "
        "LEFT OUTER JOIN ethnic_group ON ethnic_group.code = worker.ethnic_code "
        "WHERE worker.deleted = 0 ORDER BY worker.sort_key, worker.id LIMIT 100"),
    "search without diacritics (full scan)": (
        "SELECT count(*) FROM worker WHERE search_text LIKE '%nguyen van%'"),
    "report: counts by commune and status": (
        "SELECT commune_code, status, count(*) FROM worker WHERE deleted = 0 "
        "GROUP BY commune_code, status"),
    "search by the name index (FTS5)": (
        "SELECT count(*) FROM worker_fts WHERE worker_fts MATCH 'nguyen'"),
    "loans with their workers": (
        "SELECT count(*), sum(loan_application.requested_vnd) FROM loan_application "
        "JOIN worker ON worker.id = loan_application.worker_id"),
}


def _connect(path: Path, key: str | None):
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    if key is not None:
        conn.execute(f'PRAGMA key = "{key}"')
    return conn


def _encrypted_copy(plain: Path, target: Path) -> None:
    conn = _connect(plain, None)
    conn.execute(f"ATTACH DATABASE '{target}' AS enc KEY \"{RAW_KEY}\"")
    conn.execute("SELECT sqlcipher_export('enc')")
    conn.execute("DETACH DATABASE enc")
    conn.close()


def _query(path: Path, key: str | None, sql: str) -> None:
    conn = _connect(path, key)
    conn.execute(sql).fetchall()
    conn.close()


def _insert(path: Path, key: str | None) -> None:
    """2,000 new workers in one transaction (an Excel import), on a fresh copy each time."""
    conn = _connect(path, key)
    with conn:
        conn.execute("CREATE TEMP TABLE src AS SELECT * FROM worker LIMIT 2000")
        conn.execute("UPDATE src SET id = lower(hex(randomblob(16))), national_id = NULL")
        conn.execute("INSERT INTO worker SELECT * FROM src")
    conn.close()


def main() -> None:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        print("sqlcipher3 is not installed: pip install -e '.[dev]'")
        return
    source = big_database()
    with tempfile.TemporaryDirectory() as tmp:
        plain, secret = Path(tmp) / "plain.db", Path(tmp) / "secret.db"
        shutil.copyfile(source, plain)
        _encrypted_copy(plain, secret)
        assert b"SQLite format 3" not in secret.read_bytes()[:16]  # really encrypted
        print(f"database: {os.path.getsize(plain) // 1024:,} KiB plain, "
              f"{os.path.getsize(secret) // 1024:,} KiB encrypted")
        for name, sql in QUERIES.items():
            ours = timed(lambda sql=sql: _query(secret, RAW_KEY, sql))
            base = timed(lambda sql=sql: _query(plain, None, sql))
            report(f"sqlcipher: {name}", ours, base, GOAL)

        def insert_into(path: Path, key: str | None) -> float:
            copy = Path(tmp) / f"copy-{path.name}"
            samples = []
            for _ in range(3):
                shutil.copyfile(path, copy)
                samples.append(timed(lambda: _insert(copy, key), repeat=1))
            return sorted(samples)[1]

        report("sqlcipher: 2,000 workers in one transaction", insert_into(secret, RAW_KEY),
               insert_into(plain, None), GOAL)
        # What a password-derived key (SQLCipher's default PBKDF2, 256,000 rounds) adds
        # to every connection the program opens.
        keyed = Path(tmp) / "password.db"
        conn = _connect(keyed, "mật khẩu")
        conn.execute("CREATE TABLE t (x)")
        conn.close()
        report("sqlcipher: open with a password (PBKDF2)",
               timed(lambda: _query(keyed, "mật khẩu", "SELECT count(*) FROM t")),
               timed(lambda: _query(plain, None, "SELECT 1")), "once per connection")
