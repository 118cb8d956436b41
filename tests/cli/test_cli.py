"""The command line as scripts use it: real processes, real database files."""

from __future__ import annotations

import json
import subprocess
import sys

from sonla_desktop.domain.text import fold


def run(db, *args, check=True):
    proc = subprocess.run(
        [sys.executable, "-m", "sonla_desktop", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8",
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_init_twice_gives_the_same_state(tmp_path):
    import sqlite3

    db = tmp_path / "t.db"
    run(db, "init", "--name", "UBND xã Mường Bú", "--commune", "03847")
    snapshot = sqlite3.connect(db).execute(
        "SELECT id, name, scope FROM node").fetchall()
    counts = sqlite3.connect(db).execute(
        "SELECT (SELECT count(*) FROM admin_unit), (SELECT count(*) FROM ethnic_group),"
        " (SELECT count(*) FROM policy_rate)").fetchone()
    second = run(db, "init")
    assert "Đã cập nhật" in second.stdout
    assert sqlite3.connect(db).execute("SELECT id, name, scope FROM node").fetchall() == snapshot
    assert counts == (75, 54, 12)


def test_demo_then_search_returns_fold_matching_json(tmp_path):
    db = tmp_path / "t.db"
    run(db, "init")
    run(db, "demo", "--workers", "1000", "--seed", "7")
    out = run(db, "workers", "list", "--search", "nguyen van", "--format", "json").stdout
    rows = json.loads(out)
    assert rows, "demo data should contain a Nguyễn Văn"
    for row in rows:
        assert {"id", "full_name", "birth_date", "sex", "national_id", "phone", "ethnic_group",
                "commune_code", "village", "household", "market", "status",
                "departure_date"} <= row.keys()
        words = fold(row["full_name"]).split()
        assert "nguyen" in words and "van" in words


def test_demo_is_deterministic_for_a_seed(tmp_path):
    outs = []
    for name in ("a.db", "b.db"):
        db = tmp_path / name
        run(db, "init")
        run(db, "demo", "--workers", "300", "--seed", "3")
        outs.append(json.loads(run(db, "workers", "list", "--limit", "300",
                                   "--format", "json").stdout))
    assert outs[0] == outs[1] and len(outs[0]) == 300


def test_user_error_exit_1_and_nothing_written(tmp_path):
    db = tmp_path / "t.db"
    proc = run(db, "init", "--commune", "12345", check=False)
    assert proc.returncode == 1
    assert "12345" in proc.stderr and "Traceback" not in proc.stderr
    assert not db.exists()  # the code is checked before the file is made


def test_commands_before_init_explain_what_to_do(tmp_path):
    proc = run(tmp_path / "t.db", "workers", "list", check=False)
    assert proc.returncode == 1 and "init" in proc.stderr


def test_bad_usage_exit_2(tmp_path):
    assert run(tmp_path / "t.db", "workers", "list", "--status", "flying",
               check=False).returncode == 2


def test_table_output_is_readable(tmp_path):
    db = tmp_path / "t.db"
    run(db, "init")
    run(db, "demo", "--workers", "50")
    out = run(db, "workers", "list", "--limit", "5").stdout.splitlines()
    assert out[0].startswith("Họ và tên") and len(out) == 7


def test_demo_for_a_commune_office_stays_in_its_communes(tmp_path):
    import sqlite3

    db = tmp_path / "t.db"
    run(db, "init", "--commune", "03670", "--commune", "03847")
    run(db, "demo", "--workers", "300")
    conn = sqlite3.connect(db)
    communes = {c for (c,) in conn.execute("SELECT DISTINCT commune_code FROM worker")}
    assert communes == {"03670", "03847"}
    events = {c for (c,) in conn.execute("SELECT DISTINCT commune_code FROM event")}
    assert events and events <= {"03670", "03847"}


def test_gui_start_is_decided_without_loading_every_command():
    from sonla_desktop.cli import _opens_gui

    assert _opens_gui([]) and _opens_gui(["--db", "x.db"]) and _opens_gui(["--db=x.db"])
    assert not _opens_gui(["workers", "list"])
    assert not _opens_gui(["--help"]) and not _opens_gui(["--db", "x.db", "-h"])
    probe = ("import sys; from sonla_desktop.cli import _opens_gui; "
             "assert _opens_gui(['--db', 'x.db']); "
             "print(sorted(m for m in ('openpyxl', 'reportlab', 'sqlalchemy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_prints_the_package_version(tmp_path):
    from sonla_desktop import __version__

    proc = run(tmp_path / "none.db", "--version")
    assert proc.stdout.strip() == f"sonla-desktop {__version__}"
    assert not (tmp_path / "none.db").exists()
