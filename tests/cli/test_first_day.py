"""What a new clerk hit on the command line on the first day (issue 17): real processes."""

from __future__ import annotations

from tests.cli.test_cli import run


def test_a_file_that_is_not_a_database_is_explained_not_a_traceback(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"shopping list, not a database\n" * 10)
    before = bad.read_bytes()
    proc = run(bad, "workers", "list", check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "không phải là cơ sở dữ liệu" in proc.stderr
    assert "restore" in proc.stderr  # what to do: restore a backup (or pick another file)
    assert bad.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_init_with_an_unknown_commune_leaves_no_database(tmp_path):
    target = tmp_path / "office" / "xa.db"
    proc = run(target, "init", "--commune", "99999", check=False)
    assert proc.returncode == 1
    assert "99999" in proc.stderr
    assert not (tmp_path / "office").exists()


def test_a_mistyped_db_path_creates_neither_folder_nor_database(tmp_path):
    target = tmp_path / "typo" / "xa.db"
    for args in (("workers", "list"), ("loans", "list"), ("events", "list")):
        proc = run(target, *args, check=False)
        assert proc.returncode == 1
        assert "Không có tệp cơ sở dữ liệu" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_demo_counts_are_grouped_in_thousands(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "demo.db"
    for args in (("init", "--commune", "03670"), ("demo", "--workers", "1200")):
        done = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(db), *args],
                              capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert done.returncode == 0, done.stderr
    assert "Đã thêm 1.200 người lao động mẫu" in done.stderr
