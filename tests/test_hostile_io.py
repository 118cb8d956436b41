"""Issue #12 items 7 and 8: personal data stays in the database, and a file system or a
database that refuses gives a message, never a traceback.

The full-disk and read-only cases use a real tiny tmpfs (CI runs as root); nothing of the
program is mocked.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sonla_desktop import files
from sonla_desktop.cli import main as cli_main
from sonla_desktop.db import open_database
from sonla_desktop.errors import UserError
from sonla_desktop.redact import redact
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import export_workbook
from sonla_desktop.services.worker_rows import WorkerFilter
from sonla_desktop.services.workers import _search_tokens, create_worker, list_workers
from tests.conftest import dump_database

CCCD = "014095001234"
WORKER = {"full_name": "Lò Văn An", "sex": "M", "commune_code": "03670",
          "birth_date": date(1995, 3, 4), "phone": "0912345678"}


# --------------------------------------------------------------------------- item 7

def test_a_failed_statement_does_not_carry_its_values(db):
    with pytest.raises(Exception) as info, db.transaction() as s:
        s.execute(text("INSERT INTO worker (id, full_name, national_id) VALUES "
                       "(:id, :name, :nid)"), {"id": "x", "name": "Lò Văn An", "nid": CCCD})
    message = str(info.value)
    assert "NOT NULL" in message or "constraint" in message.lower()
    assert CCCD not in message and "Lò Văn An" not in message


def test_crash_text_is_redacted():
    sample = ('sqlalchemy.exc.IntegrityError: (psycopg.errors.UniqueViolation) duplicate key\n'
              f'DETAIL:  Key (national_id)=({CCCD}) already exists.\n'
              '[SQL: INSERT INTO worker (full_name, national_id) VALUES (%s, %s)]\n'
              f"[parameters: ('Lò Văn An', '{CCCD}')]\n"
              '(Background on this error at: https://sqlalche.me/e/20/gkpj)\n'
              'DETAIL:  Failing row contains (x, Lò Văn An, null).\n')
    cleaned = redact(sample)
    assert CCCD not in cleaned and "Lò Văn An" not in cleaned
    assert "Key (national_id)=" in cleaned and "[SQL: INSERT INTO worker" in cleaned


def test_crash_log_and_console_keep_personal_data_out(tmp_path):
    # A process without a QApplication: the crash hook logs and prints (no dialog).
    code = ("import sys\n"
            "from sonla_desktop.ui import crash\n"
            "try:\n"
            f"    raise RuntimeError(\"[parameters: ('Lò Văn An', '{CCCD}')]\")\n"
            "except RuntimeError as exc:\n"
            "    crash.report_exception(type(exc), exc, exc.__traceback__)\n"
            "print(crash.log_file())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={**os.environ, "SONLA_DATA_DIR": str(tmp_path)})
    log = Path(done.stdout.strip()).read_text(encoding="utf-8")
    assert "RuntimeError" in log and CCCD not in log
    assert "RuntimeError" in done.stderr and CCCD not in done.stderr


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_openpyxl_temp_files_go_to_the_target_folder_and_leftovers_are_cleaned(
        ctx, tmp_path):
    create_worker(ctx, WORKER)
    target = tmp_path / "out"
    target.mkdir()
    leftover = target / f"{files.TEMP_PREFIX}{_dead_pid()}-abcd.xml"
    leftover.write_text("Lò Văn An 014095001234")  # what a killed export left behind
    two_hours_ago = time.time() - 7200
    os.utime(leftover, (two_hours_ago, two_hours_ago))
    live = target / f"{files.TEMP_PREFIX}{os.getpid()}-live.xml"  # ours: never touched
    live.write_text("")
    os.utime(live, (two_hours_ago, two_hours_ago))
    # Young, not in any journal: maybe another computer's save into a shared folder.
    young = target / f"{files.TEMP_PREFIX}{_dead_pid()}-young.xml"
    young.write_text("")
    system_tmp = set(os.listdir(tempfile.gettempdir()))
    seen: list[str] = []

    from openpyxl.worksheet import _writer

    original_cleanup = _writer.WorksheetWriter.cleanup

    def watch(self):  # records where openpyxl streamed the sheet, then cleans as usual
        seen.append(self.out)
        original_cleanup(self)

    _writer.WorksheetWriter.cleanup = watch
    try:
        export_workbook(ctx, target / "export.xlsx")
    finally:
        _writer.WorksheetWriter.cleanup = original_cleanup
    assert seen and all(Path(p).parent == target for p in seen)
    assert not leftover.exists() and live.exists() and young.exists()
    assert sorted(p.name for p in target.iterdir()) == sorted(["export.xlsx", live.name,
                                                               young.name])
    new_in_tmp = set(os.listdir(tempfile.gettempdir())) - system_tmp
    assert not [n for n in new_in_tmp if n.startswith("openpyxl")]


# --------------------------------------------------------------------------- item 8

def test_a_folder_or_a_pipe_as_bundle_or_workbook_is_a_message(tmp_path, db_path, db,
                                                               capsys):
    folder = tmp_path / "folder.sldsync"
    folder.mkdir()
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)
    for argv, words in (
        (["bundle", "import", str(folder)], "là một thư mục"),
        (["bundle", "verify", str(folder)], "là một thư mục"),
        (["import-excel", str(folder)], "là một thư mục"),
        (["import-excel", str(pipe)], "không phải là tệp thông thường"),
    ):
        assert cli_main(["--db", str(db_path), *argv]) == 1
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err


def test_a_pipe_as_bundle_does_not_hang(tmp_path, db_path, db):
    pipe = tmp_path / "pipe.sldsync"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "sonla_desktop", "--db", str(db_path), "bundle", "import",
         str(pipe)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 1
    assert "không phải là tệp thông thường" in done.stderr


def test_a_long_pasted_search_is_capped(ctx):
    create_worker(ctx, WORKER)
    query = "Lò " + "a" * 70_000 + " b" * 5_000
    assert len(_search_tokens(query)) <= 8
    assert sum(len(t) for t in _search_tokens(query)) <= 200
    assert list_workers(ctx, WorkerFilter(search=query)) == []
    assert len(list_workers(ctx, WorkerFilter(search="Lò An"))) == 1


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 2 MB tmpfs (CI runs as root). Yields its folder; unmounted after."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs the suite as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(folder / "filler.bin", "wb") as fh:
        fh.write(b"\0" * max(free - leave, 0))


def test_export_to_a_full_disk_is_a_message_and_leaves_no_temp_file(ctx, tiny_disk):
    for i in range(30):
        create_worker(ctx, {**WORKER, "national_id": None, "phone": f"09123456{i:02d}",
                            "village": "Bản Mé " * 10})
    target = tiny_disk / "export.xlsx"
    target.write_bytes(b"last week's export")
    _fill(tiny_disk, 4096)
    with pytest.raises(UserError) as info:
        export_workbook(ctx, target)
    assert "Không đủ chỗ trống" in info.value.vi
    assert target.read_bytes() == b"last week's export"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["export.xlsx", "filler.bin"]


def _workbook(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws.append(["Họ và tên", "Giới tính", "Xã/Phường", "Bản/Tổ dân phố", "Ghi chú"])
    for i in range(rows):
        ws.append([f"Lò Văn An {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}", "Nam", "03670",
                   "Bản Mé", "ghi chú " * 20])
    wb.save(path)
    return path


def test_import_into_a_database_on_a_full_disk_is_a_message_and_writes_nothing(
        _template_db, tiny_disk, tmp_path):
    import shutil

    db_file = tiny_disk / "register.db"
    shutil.copyfile(_template_db, db_file)
    db = open_database(db_file)
    try:
        before = dump_database(db)
        book = _workbook(tmp_path / "many.xlsx", 600)
        _fill(tiny_disk, 8192)
        with pytest.raises(UserError) as info:
            import_workbook(ServiceContext(db, user="clerk", role="admin"), book)
        assert "đầy" in info.value.vi
        (tiny_disk / "filler.bin").unlink()
        assert dump_database(db) == before
    finally:
        db.dispose()


def test_a_read_only_file_system_is_a_message(_template_db, tiny_disk, ctx):
    import shutil

    db_file = tiny_disk / "register.db"
    shutil.copyfile(_template_db, db_file)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    # SQLite in WAL mode cannot even open a database on a read-only drive.
    with pytest.raises(UserError) as info:
        open_database(db_file, upgrade=False)
    assert "chỉ cho phép đọc" in info.value.vi
    with pytest.raises(UserError) as info:
        export_workbook(ctx, tiny_disk / "export.xlsx")
    assert "chỉ cho phép đọc" in info.value.vi or "Không ghi được" in info.value.vi


def test_a_locked_database_is_a_message(db, db_path):
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        before_error = None
        with pytest.raises(UserError) as info:
            create_worker(ServiceContext(db, user="clerk", role="admin"), WORKER)
        before_error = info.value.vi
    finally:
        other.rollback()
        other.close()
    assert "khoá" in before_error


def test_cli_says_a_locked_database_in_words(db, db_path, capsys):
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = cli_main(["--db", str(db_path), "events", "add", "--date", "2026-05-01",
                         "--commune", "03670", "--place", "Nhà văn hoá", "--topic", "Tư vấn"])
    finally:
        other.rollback()
        other.close()
    err = capsys.readouterr().err
    assert code == 1 and "khoá" in err and "Traceback" not in err
