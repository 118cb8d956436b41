"""Issue #12 item 7: temporary files a killed export or backup left behind are removed when
the program next starts, not only at the next save into that folder; nothing that is not
unmistakably ours is touched.

The killed processes are real: a command-line export killed with SIGKILL while openpyxl
streams its sheets, and a process that kills itself inside a backup's temporary folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sonla_desktop import paths, temp_files
from sonla_desktop.cli import main as cli_main
from sonla_desktop.services.workers import create_worker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _ours(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(temp_files.TEMP_PREFIX))


def _journals() -> list[Path]:
    folder = paths.user_data_dir() / "unfinished"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _many_workers(ctx, count: int) -> None:
    """``count`` workers: one made by the service, copied in SQL (the export reads rows)."""
    first = create_worker(ctx, {"full_name": "Lò Văn An", "sex": "M", "commune_code": "03670",
                                "birth_date": date(1995, 3, 4), "phone": "0912345678",
                                "village": "Bản Mé"})
    with ctx.db.transaction() as s:
        columns = [r[1] for r in s.execute(text("PRAGMA table_info(worker)"))]
        copied = ", ".join("NULL" if c == "national_id" else
                           "lower(hex(randomblob(16)))" if c == "id" else c for c in columns)
        s.execute(text(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :k) "
            f"INSERT INTO worker ({', '.join(columns)}) SELECT {copied} FROM worker, n "
            "WHERE worker.id = :id"), {"k": count - 1, "id": first})


def test_a_killed_export_is_cleaned_at_the_next_start(ctx, db_path, tmp_path, capsys):
    _many_workers(ctx, 12_000)
    out = tmp_path / "usb"
    out.mkdir()
    # The clerk's own files, some with names close to ours: never touched.
    mine = {"~$export.xlsx": b"excel lock", "export.xlsx.part": b"x", ".~sonla-notes.txt": b"x",
            "báo cáo.xlsx": b"last week"}
    for name, data in mine.items():
        (out / name).write_bytes(data)
    export = subprocess.Popen(
        [sys.executable, "-m", "sonla_desktop", "--db", str(db_path), "export-excel",
         "-o", str(out / "export.xlsx")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        # Mid-write: openpyxl has streamed part of a sheet into one of our files.
        while not any(p.suffix == ".xml" and p.stat().st_size > 0
                      for p in out.glob(f"{temp_files.TEMP_PREFIX}*")):
            assert export.poll() is None, export.stderr.read().decode()
            assert time.monotonic() < deadline
            time.sleep(0.005)
        export.send_signal(signal.SIGKILL)
    finally:
        export.kill()
        export.wait()
    assert export.returncode == -signal.SIGKILL
    left = _ours(out)
    assert any(name.endswith(".xml") for name in left) and any(
        name.endswith(".xlsx") for name in left), left
    assert _journals(), "the killed save's journal names its files"
    assert not (out / "export.xlsx").exists()

    # The next start (any command) removes them at once, young as they are.
    assert cli_main(["--db", str(db_path), "workers", "list", "--limit", "1"]) == 0
    capsys.readouterr()
    assert _ours(out) == [".~sonla-notes.txt"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == mine
    assert _journals() == []


def test_a_killed_backup_leaves_no_plain_copy_after_the_next_start(tmp_path, db_path, db):
    backups = paths.user_data_dir() / "backups"
    backups.mkdir(exist_ok=True)
    # A backup's plain database copy, and its encrypted part beside the target, then the
    # process dies as a power cut would have it.
    code = ("import os, signal\n"
            "from pathlib import Path\n"
            "from sonla_desktop import temp_files\n"
            f"backups = Path({str(backups)!r})\n"
            "with temp_files.temp_folder(backups, 'backup') as tmp, "
            "temp_files.journal() as record:\n"
            "    (tmp / 'copy.db').write_bytes(b'SQLite format 3 Lo Van An 014095001234')\n"
            f"    part = Path({str(tmp_path)!r}) / (temp_files.our_prefix() + 'b.sldbak.part')\n"
            "    record.add(part)\n"
            "    part.write_bytes(b'age')\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n")
    killed = subprocess.run([sys.executable, "-c", code], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert len(_ours(backups)) == 1 and len(_ours(tmp_path)) == 1
    assert cli_main(["--db", str(db_path), "workers", "list", "--limit", "1"]) == 0
    assert _ours(backups) == [] and _ours(tmp_path) == [] and _journals() == []


def test_a_journal_cannot_make_the_start_remove_a_clerks_file(tmp_path):
    clerk = tmp_path / "danh sách.xlsx"
    clerk.write_bytes(b"the clerk's list")
    other = tmp_path / f"{temp_files.TEMP_PREFIX}{os.getpid()}-live.xlsx"  # a live process's
    other.write_bytes(b"being written")
    link_target = tmp_path / "kept.txt"
    link_target.write_text("kept")
    dead = _dead_pid()
    link = tmp_path / f"{temp_files.TEMP_PREFIX}{dead}-link.xml"
    link.symlink_to(link_target)
    folder = paths.user_data_dir() / "unfinished"
    folder.mkdir(exist_ok=True)
    (folder / f"{dead}-edited.txt").write_text(
        "sonla-desktop temporary files\n"
        f"{clerk}\n{other}\n{link}\nrelative/{temp_files.TEMP_PREFIX}{dead}-x.xml\n",
        encoding="utf-8")
    temp_files.clean_at_start()
    assert clerk.read_bytes() == b"the clerk's list" and other.exists()
    assert link.is_symlink() and link_target.read_text() == "kept"


def test_the_scan_of_our_folders_goes_by_name_process_and_age(tmp_path):
    hours_ago = time.time() - 2 * 3600
    dead = _dead_pid()
    old_dead = tmp_path / f"{temp_files.TEMP_PREFIX}{dead}-old.xlsx"
    young_dead = tmp_path / f"{temp_files.TEMP_PREFIX}{dead}-young.xlsx"
    old_alive = tmp_path / f"{temp_files.TEMP_PREFIX}{os.getpid()}-old.xlsx"
    old_folder = tmp_path / f"{temp_files.TEMP_PREFIX}{dead}-backup-abc"
    not_ours = tmp_path / ".~sonla-old.xlsx"
    old_folder.mkdir()
    (old_folder / "copy.db").write_bytes(b"plain")
    for path in (old_dead, young_dead, old_alive, not_ours):
        path.write_bytes(b"x")
    for path in (old_dead, old_alive, old_folder, not_ours):
        os.utime(path, (hours_ago, hours_ago))
    assert temp_files.clean_at_start([tmp_path]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [young_dead.name, old_alive.name, not_ours.name])


@pytest.mark.parametrize("writer", ["key", "sync state"])
def test_a_key_or_sync_state_write_killed_before_its_rename_is_cleaned_at_start(
        tmp_path, writer):
    # The process dies between writing the temporary file and renaming it over the real
    # one (a power cut would do the same): a key's temporary copy must not stay behind.
    folder = tmp_path / "keys" / "node"
    folder.mkdir(parents=True)
    (folder / "signing.key").write_text("the key in use", encoding="utf-8")
    call = ("keys.write_private(folder / 'signing.key', 'a new secret key')"
            if writer == "key" else
            # the state file goes through the key files' writer: its os.replace is patched
            "generation._write_state_file(folder, {'node': 'n'})")
    code = ("import os, signal\n"
            "from pathlib import Path\n"
            "from sonla_desktop.sync import keys, generation\n"
            "def die(*_):\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n"
            "keys.os.replace = die\n"
            f"folder = Path({str(folder)!r})\n"
            f"{call}\n")
    killed = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert len(_ours(folder)) == 1 and _journals()
    temp_files.clean_at_start()
    assert _ours(folder) == [] and _journals() == []
    assert (folder / "signing.key").read_text(encoding="utf-8") == "the key in use"
