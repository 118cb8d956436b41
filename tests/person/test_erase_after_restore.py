"""A person erased after a backup was made stays erased when that backup is restored: the
office's list of erasures lives outside the database (``services.erasure_ledger``), and the
restore erases them again before anyone sees them. Before, the restored file held the
person's name, CCCD and phone again, with no tombstone, until a peer happened to send one."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sonla_desktop.models import Erasure, Worker
from sonla_desktop.services.audit import list_entries, verify_chain
from sonla_desktop.services.backup import make_backup, restore_backup
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.erasure_ledger import LEDGER_FILE
from sonla_desktop.services.person_erase import erase_person
from sonla_desktop.services.setup import initialise, node_keys_dir
from sonla_desktop.services.workers import WorkerFilter, list_workers
from tests.person.helpers import CCCD, NAME, PHONE, file_bytes, held, worker_with_loan
from tests.sync_db.sync_helpers import copy_back

pytestmark = pytest.mark.sqlite_only("restores a SQLite file and reads its bytes")


@pytest.fixture
def office(ctx):
    initialise(ctx.db, name="UBND phường Chiềng Cơi", communes=["03670"])
    ctx.reset_node()
    return ctx


def _restore(office, backup) -> tuple[ServiceContext, str]:
    result = restore_backup(office.db, backup, user="test-clerk")
    office.reset_node()
    return office, result.notice_vi


def test_a_restored_backup_does_not_bring_an_erased_person_back(office, tmp_path):
    wid, loan_id = worker_with_loan(office)
    backup = make_backup(office, tmp_path / "before.sldbak").path
    erase_person(office, wid)
    with office.db.session() as s:
        tomb_id = s.scalar(select(Erasure.id))

    office, notice = _restore(office, backup)
    assert held(file_bytes(office.db), NAME, CCCD, PHONE, "nguyen van duc") == []
    with office.db.session() as s:
        w = s.get(Worker, wid)
        assert (w.full_name, w.national_id, w.phone, w.deleted) == ("Đã xoá", None, "", True)
        # The same tombstone as before, stamped anew so that it travels again.
        tomb = s.get(Erasure, tomb_id)
        assert tomb is not None and tomb.worker_id == wid and tomb.origin == office.node_id
    assert list_workers(office, WorkerFilter(search="duc")) == []
    assert "1 người đã được xoá thông tin theo yêu cầu sau lúc sao lưu" in notice
    assert [e.entity_id for e in list_entries(office, action="erase")] == [wid]
    assert verify_chain(office).ok


def test_the_list_of_erasures_holds_no_personal_value(office):
    wid, _ = worker_with_loan(office)
    erase_person(office, wid)
    text = (node_keys_dir(office.node_id) / LEDGER_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert [e["worker_id"] for e in data["erasures"]] == [wid]
    assert set(data["erasures"][0]) == {"id", "worker_id", "commune_code", "erased_on"}
    assert held(text.encode(), NAME, CCCD, PHONE, "Bản Mòng") == []


def test_a_restore_of_a_backup_made_after_the_erasure_changes_nothing_more(office, tmp_path):
    wid, _ = worker_with_loan(office)
    erase_person(office, wid)
    backup = make_backup(office, tmp_path / "after.sldbak").path
    office, notice = _restore(office, backup)
    assert "xoá lại" not in notice
    assert [e.entity_id for e in list_entries(office, action="erase")] == [wid]  # once


@pytest.mark.parametrize("damage", ["another office", "a bad entry", "not JSON", "too large"])
def test_a_damaged_list_of_erasures_is_ignored_whole(office, tmp_path, damage):
    keep, _ = worker_with_loan(office)
    other, _ = worker_with_loan(office, national_id="014098009999", phone="0987654321")
    backup = make_backup(office, tmp_path / "before.sldbak").path
    erase_person(office, keep)
    path = node_keys_dir(office.node_id) / LEDGER_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    # Whatever else the file says, it must not erase: the other worker is named in each.
    data["erasures"].append(dict(data["erasures"][0], worker_id=other))
    if damage == "another office":
        data["node"] = "6f1c3a52-8a4e-4c1e-9a57-2b3c7d0e5f10"
    elif damage == "a bad entry":
        data["erasures"].append({"id": "x", "worker_id": other, "commune_code": "03670",
                                 "erased_on": "2026-01-01"})
    text = json.dumps(data)
    if damage == "not JSON":
        text = text[:-2]
    elif damage == "too large":
        text += " " * (16 << 20)
    path.write_text(text, encoding="utf-8")

    office, notice = _restore(office, backup)
    with office.db.session() as s:
        assert s.get(Worker, other).full_name == NAME and not s.get(Worker, other).deleted
        assert s.get(Worker, keep).full_name == NAME  # the ledger was not trusted at all
    assert "xoá lại" not in notice


def test_a_database_file_copied_back_by_hand_is_erased_again_at_start(office, tmp_path,
                                                                       qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from sonla_desktop.ui.backup_hooks import daily_backup
    from sonla_desktop.ui.tasks import TaskRunner

    wid, _ = worker_with_loan(office)
    old_copy = tmp_path / "copy.db"
    office.db.backup(old_copy)
    erase_person(office, wid)
    copy_back(office.db, old_copy)
    assert held(file_bytes(office.db), NAME, CCCD) == [NAME, CCCD]  # back in the file

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: told.append(text))
    owner = QWidget()
    qtbot.addWidget(owner)
    runner = TaskRunner(owner)
    daily_backup(office, runner, owner)  # what the main window runs after the first paint
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    runner.wait_idle(30_000)
    assert "1 người đã được xoá theo yêu cầu" in told[0]
    assert held(file_bytes(office.db), NAME, CCCD, PHONE) == []
    with office.db.session() as s:
        assert s.get(Worker, wid).deleted and s.scalar(select(Erasure.worker_id)) == wid


def test_the_start_check_changes_nothing_when_nothing_was_copied_back(office):
    from sonla_desktop.services.erasure_ledger import check_erasures
    from tests.conftest import dump_database

    wid, _ = worker_with_loan(office)
    erase_person(office, wid)
    before = dump_database(office.db)
    assert check_erasures(office) == 0
    assert dump_database(office.db) == before


def test_the_command_line_erases_a_copied_back_file_again_before_the_command(
        office, tmp_path, capsys):
    from sonla_desktop.cli import main as cli_main

    wid, _ = worker_with_loan(office)
    old_copy = tmp_path / "copy.db"
    office.db.backup(old_copy)
    erase_person(office, wid)
    copy_back(office.db, old_copy)
    assert cli_main(["--db", str(office.db.path), "workers", "list", "--search", "duc"]) == 0
    out, err = capsys.readouterr()
    assert "1 người đã được xoá" in err and NAME not in out
    assert held(file_bytes(office.db), NAME, CCCD, PHONE) == []
