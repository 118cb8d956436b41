"""The events commands as scripts use them: real processes, real files."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from dataclasses import dataclass

import pytest
from openpyxl import Workbook, load_workbook

from sonla_desktop.cli import main


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    """The real parser and commands in this process (a subprocess per call costs ~1 s)."""

    def call(db, *args, check=True) -> Result:
        code = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        if check:
            assert code == 0, err
        return Result(code, out, err)

    return call


def test_the_module_runs_as_a_program(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(tmp_path / "t.db"),
                           "events", "list"], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1 and "init" in proc.stderr


def _sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm danh"
    ws.append(["Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Bản/Tổ dân phố",
               "Thị trường quan tâm", "Liên hệ lại"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_add_list_import_print_and_export(run, tmp_path):
    db = tmp_path / "t.db"
    run(db, "init", "--commune", "03670")
    event_id = run(db, "events", "add", "--date", "05/12/2025", "--commune", "03670",
                   "--place", "Nhà văn hoá bản Hẹo", "--topic", "Tư vấn đi Nhật Bản",
                   "--markets", "JP,TW").stdout.strip()
    assert len(event_id) == 36
    events = json.loads(run(db, "events", "list", "--format", "json").stdout)
    assert [(e["id"], e["event_date"], e["commune_code"], e["markets"], e["attendees"])
            for e in events] == [(event_id, "2025-12-05", "03670", ["JP", "TW"], 0)]

    good = _sheet(tmp_path / "dd.xlsx", [
        ["Lò Văn Ơn", 1998, "Nam", "0912345678", "Bản Hẹo", "Nhật", "x"],
        ["Cầm Thị Hoa", 2001, "Nữ", "0987654321", "Bản Hẹo", "", ""],
    ])
    dry = json.loads(run(db, "events", "import", str(good), "--event", event_id, "--dry-run",
                         "--format", "json").stdout)
    assert (dry["created"], dry["dry_run"]) == (2, True)
    assert json.loads(run(db, "events", "list", "--format", "json").stdout)[0]["attendees"] == 0
    # The documented interface: import-excel FILE --event ID.
    out = run(db, "import-excel", str(good), "--event", event_id, "--consent", "written")
    assert "2 người mới" in out.stdout
    shown = json.loads(run(db, "events", "show", event_id, "--format", "json").stdout)
    assert [p["full_name"] for p in shown["people"]] == ["Cầm Thị Hoa", "Lò Văn Ơn"]
    assert {p["consent_method"] for p in shown["people"]} == {"written"}

    bad = _sheet(tmp_path / "bad.xlsx", [["Lò Văn Ơn", 98, "Nam", "", "Bản Hẹo", "", ""]])
    before = sqlite3.connect(db).execute("SELECT count(*) FROM worker").fetchone()
    proc = run(db, "import-excel", str(bad), "--event", event_id, check=False)
    assert proc.returncode == 1
    assert "Điểm danh · dòng 2 · Năm sinh (cột B) · " in proc.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM worker").fetchone() == before

    run(db, "attendance-sheet", event_id, "-o", str(tmp_path / "sheet.pdf"))
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    run(db, "events", "contacts", "--office-phone", "0212 3852 123", "--zalo", "0912 345 678")
    flyer = run(db, "flyer", "--event", event_id, "--layout", "a5x2", "-o",
                str(tmp_path / "flyer.pdf"))
    # The province's jobs website ships as the default (issue 13): nothing is missing now.
    assert "Lưu ý" not in flyer.stderr
    assert (tmp_path / "flyer.pdf").read_bytes().startswith(b"%PDF")

    follow = json.loads(run(db, "events", "follow-up", "--format", "json").stdout)
    assert [f["full_name"] for f in follow] == ["Lò Văn Ơn"]
    run(db, "events", "follow-up", "--event", event_id, "-o", str(tmp_path / "f.csv"))
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["STT", "Họ và tên", "Năm sinh"]
    assert rows[1][1:5] == ["Lò Văn Ơn", "1998", "Nam", "0912 345 678"]
    run(db, "events", "follow-up", "--commune", "03670", "-o", str(tmp_path / "f.xlsx"))
    ws = load_workbook(tmp_path / "f.xlsx").active
    assert ws["B2"].value == "Lò Văn Ơn" and ws["H2"].value == "Nhật Bản"


def test_user_errors_exit_1_and_write_nothing(run, tmp_path):
    db = tmp_path / "t.db"
    run(db, "init")
    proc = run(db, "events", "add", "--date", "31/02/2025", "--commune", "03670", "--place", "x",
               "--topic", "y", check=False)
    assert proc.returncode == 1 and "Ngày không hợp lệ" in proc.stderr
    proc = run(db, "attendance-sheet", "nope", "-o", str(tmp_path / "x.pdf"), check=False)
    assert proc.returncode == 1 and not (tmp_path / "x.pdf").exists()
    proc = run(db, "flyer", "--market", "ZZ", "-o", str(tmp_path / "x.pdf"), check=False)
    assert proc.returncode == 1
    proc = run(db, "events", "contacts", "--jobs-website", "vieclam", check=False)
    assert proc.returncode == 1 and "https://" in proc.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM event").fetchone() == (0,)


def test_the_list_shows_a_short_code_that_show_accepts(run, tmp_path):
    db = tmp_path / "t.db"
    run(db, "init", "--commune", "03670")
    event_id = run(db, "events", "add", "--date", "05/12/2025", "--commune", "03670",
                   "--place", "Nhà văn hoá bản Hẹo", "--topic", "Tư vấn đi Nhật Bản",
                   "--markets", "JP").stdout.strip()
    listed = run(db, "events", "list").stdout
    assert event_id[:8] in listed and event_id not in listed
    assert "Nhà văn hoá bản Hẹo" in run(db, "events", "show", event_id[:8]).stdout
