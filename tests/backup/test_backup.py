"""Issue 14, item 6: encrypted backups (real SQLite files, real age) and a restore that
verifies first, keeps the previous file and changes nothing when the backup is bad."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta

import pyrage
import pytest

from sonla_desktop.errors import UserError
from sonla_desktop.services.audit import list_entries, verify_chain
from sonla_desktop.services.backup import (
    auto_backup,
    list_backups,
    make_backup,
    restore_backup,
)
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.setup import initialise, node_keys_dir
from sonla_desktop.services.workers import create_worker, get_worker
from tests.conftest import dump_database

CCCD = "014098001234"
DUC = {"full_name": "Nguyễn Văn Đức", "birth_date": "12/03/1998", "sex": "Nam",
       "national_id": CCCD, "phone": "0912345678", "ethnic_code": "01",
       "commune_code": "03670", "village": "Bản Mòng", "household": "poor"}


@pytest.fixture
def office(ctx):
    """The test database's node with its own key folder in this test's user data."""
    initialise(ctx.db, name="UBND phường Chiềng Cơi", communes=["03670"])
    ctx.reset_node()
    return ctx


def _plain(ctx: ServiceContext, backup, tmp_path):
    """Decrypt with the standard age tool and gunzip, as an administrator could."""
    age = shutil.which("age")
    if age is None:
        pytest.fail("'age' not found: install it (apt-get install age)")
    key = node_keys_dir(ctx.node_id) / "age.key"
    out = subprocess.run([age, "-d", "-i", str(key), str(backup)], capture_output=True,
                         timeout=60, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    copy = tmp_path / "opened.db"
    copy.write_bytes(gzip.decompress(out.stdout))
    return copy


def test_a_backup_is_encrypted_to_the_office_and_opens_with_age(office, tmp_path):
    wid = create_worker(office, DUC)
    info = make_backup(office, tmp_path / "b.sldbak")
    raw = info.path.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1")
    assert CCCD.encode() not in raw and b"SQLite format 3" not in raw
    conn = sqlite3.connect(_plain(office, info.path, tmp_path))
    assert conn.execute("SELECT national_id FROM worker WHERE id = ?", (wid,)).fetchone() == (CCCD,)
    conn.close()
    assert [e.action for e in list_entries(office, action="backup")] == ["backup"]


def test_restore_brings_back_the_backup_and_keeps_the_previous_file(office, tmp_path):
    first = create_worker(office, DUC)
    backup = make_backup(office, tmp_path / "b.sldbak").path
    second = create_worker(office, dict(DUC, national_id="014098009999", phone="0987654321"))
    result = restore_backup(office.db, backup, user="test-clerk")
    office.reset_node()
    assert get_worker(office, first)["national_id"] == CCCD
    with pytest.raises(UserError):
        get_worker(office, second)
    assert result.previous is not None and result.previous.exists()
    kept = sqlite3.connect(result.previous)
    assert kept.execute("SELECT count(*) FROM worker WHERE id = ?", (second,)).fetchone() == (1,)
    kept.close()
    assert "sau lúc sao lưu không còn" in result.notice_vi
    assert "tệp đồng bộ cuối cùng" not in result.notice_vi  # never synced: no sync alarm
    assert list_entries(office, action="restore") and verify_chain(office).ok
    # The search index answers for the restored rows.
    from sonla_desktop.services.workers import WorkerFilter, list_workers
    assert [w.id for w in list_workers(office, WorkerFilter(search="Đức"))] == [first]


def _unchanged_after(office, attempt) -> str:
    before = dump_database(office.db)
    raw_before = office.db.path.read_bytes()
    with pytest.raises(UserError) as err:
        attempt()
    assert dump_database(office.db) == before
    assert office.db.path.read_bytes() == raw_before
    assert not list(office.db.path.parent.glob("*.truoc-khoi-phuc-*"))
    return err.value.vi


def test_a_corrupted_backup_changes_nothing_and_says_why(office, tmp_path):
    create_worker(office, DUC)
    backup = make_backup(office, tmp_path / "b.sldbak").path
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))
    message = _unchanged_after(office, lambda: restore_backup(office.db, backup))
    assert "cơ sở dữ liệu giữ nguyên" in message and "hỏng" in message


def test_a_backup_of_another_office_is_refused(office, tmp_path, db_path):
    """Another office's backup: its key cannot decrypt it."""
    other_path = tmp_path / "other.db"
    shutil.copyfile(db_path, other_path)
    from sonla_desktop.db import open_database
    other = ServiceContext(open_database(other_path), role="admin")
    with other.db.transaction() as s:
        from sqlalchemy import text
        s.execute(text("UPDATE node SET id = '11111111-2222-4333-8444-555555555555' "
                       "WHERE is_self"))
    other.reset_node()
    initialise(other.db, name="UBND xã khác", communes=["03670"])
    other.reset_node()
    backup = make_backup(other, tmp_path / "other.sldbak").path
    other.db.dispose()
    message = _unchanged_after(office, lambda: restore_backup(office.db, backup))
    assert "không phải bản sao lưu của văn phòng này" in message


def test_a_backup_that_is_not_a_good_database_is_refused(office, tmp_path):
    """Encrypted to this office's key but holding a damaged database: integrity_check."""
    create_worker(office, DUC)
    copy = tmp_path / "copy.db"
    office.db.backup(copy)
    data = bytearray(copy.read_bytes())
    for i in range(8192, len(data), 4096):  # every page after the first two: garbage
        data[i + 100:i + 200] = b"\x55" * 100
    recipient = pyrage.x25519.Recipient.from_str(
        (node_keys_dir(office.node_id) / "node.json").read_text().split('"age_recipient": "')[1]
        .split('"')[0])
    bad = tmp_path / "bad.sldbak"
    bad.write_bytes(pyrage.encrypt(gzip.compress(bytes(data)), [recipient]))
    message = _unchanged_after(office, lambda: restore_backup(office.db, bad))
    assert "cơ sở dữ liệu giữ nguyên" in message


def test_daily_backup_is_made_once_a_day_and_rotated(office):
    start = datetime(2026, 1, 1, 8, 0, 0)
    for day in range(60):
        auto_backup(office, "daily", now=start + timedelta(days=day))
        assert auto_backup(office, "daily", now=start + timedelta(days=day, hours=3)) is None
    kept = list_backups()
    assert len(kept) == 7 + 4
    assert kept[0].at == start + timedelta(days=59)
    newest_days = {b.at.date() for b in kept[:7]}
    assert len(newest_days) == 7


def test_on_close_a_backup_is_always_made(office):
    now = datetime(2026, 3, 2, 17, 0, 0)
    assert auto_backup(office, "close", now=now) is not None
    assert auto_backup(office, "close", now=now + timedelta(minutes=5)) is not None
    assert [b.reason for b in list_backups()] == ["close"]  # the same day: the newest kept


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sonla_desktop", *args], capture_output=True,
                          text=True, timeout=120)


def test_cli_backup_and_restore(office, tmp_path):
    import os
    wid = create_worker(office, DUC)
    out = tmp_path / "cli.sldbak"
    office.db.dispose()
    env_db = str(office.db.path)
    assert os.environ.get("SONLA_DATA_DIR")
    made = _cli("--db", env_db, "backup", "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert out.exists()
    done = _cli("--db", env_db, "restore", str(out))
    assert done.returncode == 0, done.stderr
    assert "khôi phục" in done.stdout
    assert get_worker(office, wid)["national_id"] == CCCD
    refused = _cli("--db", env_db, "restore", str(tmp_path / "missing.sldbak"))
    assert refused.returncode == 1 and "giữ nguyên" in refused.stderr


def test_cli_says_postgres_uses_pg_dump():
    result = _cli("--db", "postgresql+psycopg://u:p@127.0.0.1:1/x", "backup", "-o", "x.sldbak")
    assert result.returncode == 1 and "pg_dump" in result.stderr
    result = _cli("--db", "postgresql+psycopg://u:p@127.0.0.1:1/x", "restore", "x.sldbak")
    assert result.returncode == 1 and "pg_restore" in result.stderr


def test_a_lost_database_file_is_restored_with_the_key_folder_alone(office, tmp_path):
    """The PC's database is gone (deleted, disk replaced) but the key folder is there."""
    wid = create_worker(office, DUC)
    backup = make_backup(office, tmp_path / "b.sldbak").path
    office.db.dispose()
    path = office.db.path
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    result = restore_backup(path, backup)
    assert result.previous is None
    from sonla_desktop.db import open_database
    again = ServiceContext(open_database(path), role="admin")
    assert get_worker(again, wid)["national_id"] == CCCD
    assert verify_chain(again).ok
    again.db.dispose()
