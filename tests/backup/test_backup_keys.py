"""Backups when the office's keys are encrypted at rest (issue 14, item 5): a backup needs
only the public key; a restore needs the key a logged-in account's slot opened."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sonla_desktop.services import key_slots
from sonla_desktop.services.backup import make_backup, restore_backup
from sonla_desktop.services.setup import initialise, node_keys_dir
from sonla_desktop.services.users import login
from sonla_desktop.services.workers import create_worker, get_worker
from tests.backup.test_backup import DUC, _unchanged_after
from tests.conftest import TEST_PASSWORD, TEST_USER


@pytest.fixture
def office(ctx):
    """The office upgraded and logged in: its key folder holds the vault, no plain key."""
    initialise(ctx.db, name="UBND phường Chiềng Cơi", communes=["03670"])
    ctx.reset_node()
    session = login(ctx.db, TEST_USER, TEST_PASSWORD)
    assert not (node_keys_dir(ctx.node_id) / "age.key").exists()
    return session


def test_restore_uses_the_key_the_login_opened_and_nothing_else(office, tmp_path):
    wid = create_worker(office, DUC)
    backup = make_backup(office, tmp_path / "b.sldbak").path
    key_slots.forget()  # the same files, but nobody has logged in
    message = _unchanged_after(office, lambda: restore_backup(office.db, backup,
                                                              user=TEST_USER))
    assert "chưa mở được" in message
    login(office.db, TEST_USER, TEST_PASSWORD)
    restore_backup(office.db, backup, user=TEST_USER)
    assert get_worker(office, wid)["national_id"] == DUC["national_id"]


def _cli(*args: str, password: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SONLA_PASSWORD=password)
    return subprocess.run([sys.executable, "-m", "sonla_desktop", *args], capture_output=True,
                          text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def test_a_lost_database_is_restored_with_the_key_folder_and_a_password(office, tmp_path):
    """No database left to log in to: the key slot itself checks the password."""
    wid = create_worker(office, DUC)
    backup = make_backup(office, tmp_path / "b.sldbak").path
    office.db.dispose()
    path = office.db.path
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    wrong = _cli("--db", str(path), "restore", str(backup), password="đoán-mò-thôi")
    assert wrong.returncode == 1 and "giữ nguyên" in wrong.stderr, wrong.stderr
    assert "chưa mở được" in wrong.stderr
    done = _cli("--db", str(path), "restore", str(backup), password=TEST_PASSWORD)
    assert done.returncode == 0, done.stderr
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext

    again = ServiceContext(open_database(path), role="admin")
    assert get_worker(again, wid)["national_id"] == DUC["national_id"]
    again.db.dispose()
