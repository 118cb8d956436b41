"""The command line logs in (SONLA_USER/SONLA_PASSWORD, else prompts) and manages accounts.

Run through ``cli.main`` in this process, as ``tests/loans/test_loan_cli.py`` does."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from contextlib import redirect_stderr, redirect_stdout

import pytest

from sonla_desktop.cli import main
from tests.conftest import TEST_PASSWORD


def run(db, *args, expect=0):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--db", str(db), *args])
    assert code == expect, (out.getvalue(), err.getvalue())
    return out.getvalue(), err.getvalue()


@pytest.fixture
def office(tmp_path, _template_db):
    path = tmp_path / "office.db"
    shutil.copyfile(_template_db, path)
    return path


def test_init_makes_the_first_admin_from_user_and_password(tmp_path, monkeypatch):
    db = tmp_path / "new.db"
    monkeypatch.setenv("SONLA_PASSWORD", "mật-khẩu-chị-Hoa")
    out, _ = run(db, "--user", "hoa", "init", "--name", "UBND xã Mường Bú")
    assert "Đã tạo tài khoản quản trị “hoa”" in out
    assert sqlite3.connect(db).execute("SELECT name, role FROM app_user").fetchall() == [
        ("hoa", "admin")]
    # The next command logs in as SONLA_USER (admin) by default: no such account.
    _, err = run(db, "workers", "list", expect=1)
    assert "Sai tên đăng nhập hoặc mật khẩu" in err
    monkeypatch.setenv("SONLA_USER", "hoa")
    run(db, "workers", "list")


def test_a_wrong_password_is_refused_with_exit_1(office, monkeypatch):
    monkeypatch.setenv("SONLA_PASSWORD", "không-đúng-đâu")
    _, err = run(office, "workers", "list", expect=1)
    assert "Lỗi: Sai tên đăng nhập hoặc mật khẩu." in err
    # The refusal counted, and set a wait (the growing wait itself is tested with a fixed
    # clock in test_login.py: here a loaded machine may take longer than the first second).
    failures, retry_after = sqlite3.connect(office).execute(
        "SELECT failures, retry_after FROM app_user WHERE name = 'admin'").fetchone()
    assert failures == 1 and retry_after is not None


def test_users_add_list_disable_and_password(office, monkeypatch):
    monkeypatch.setenv("SONLA_NEW_PASSWORD", "mật-khẩu-của-Lan")
    out, _ = run(office, "users", "add", "lan", "--role", "viewer")
    assert "Đã thêm tài khoản “lan” (Chỉ xem báo cáo)" in out
    out, _ = run(office, "users", "list", "--format", "json")
    assert [(u["name"], u["role"], u["disabled"]) for u in json.loads(out)] == [
        ("admin", "admin", False), ("lan", "viewer", False)]
    # Lan logs in: reports yes, the register no.
    monkeypatch.setenv("SONLA_USER", "lan")
    monkeypatch.setenv("SONLA_PASSWORD", "mật-khẩu-của-Lan")
    run(office, "report", "--year", "2026")
    _, err = run(office, "workers", "list", expect=1)
    assert "không được phép" in err
    _, err = run(office, "users", "list", expect=1)
    assert "không được phép" in err
    # She changes her own password.
    monkeypatch.setenv("SONLA_NEW_PASSWORD", "mật-khẩu-mới-của-Lan")
    run(office, "users", "password", "lan")
    monkeypatch.setenv("SONLA_PASSWORD", "mật-khẩu-mới-của-Lan")
    run(office, "report", "--year", "2026")
    # The admin disables her account.
    monkeypatch.setenv("SONLA_USER", "admin")
    monkeypatch.setenv("SONLA_PASSWORD", TEST_PASSWORD)
    out, _ = run(office, "users", "disable", "lan")
    assert "Đã khoá tài khoản “lan”" in out
    monkeypatch.setenv("SONLA_USER", "lan")
    monkeypatch.setenv("SONLA_PASSWORD", "mật-khẩu-mới-của-Lan")
    _, err = run(office, "report", "--year", "2026", expect=1)
    assert "đã bị khoá" in err


def test_a_database_without_accounts_asks_once_then_logs_in(office, monkeypatch):
    with sqlite3.connect(office) as raw:  # as made by a version before accounts
        raw.execute("DELETE FROM app_user")
    monkeypatch.setenv("SONLA_PASSWORD", "mật-khẩu-quản-trị")
    _, err = run(office, "workers", "list")
    assert "chưa có tài khoản: tạo quản trị viên “admin”" in err
    _, err = run(office, "workers", "list")
    assert "chưa có tài khoản" not in err
    monkeypatch.setenv("SONLA_PASSWORD", TEST_PASSWORD)  # the old one is no longer right
    run(office, "workers", "list", expect=1)


def test_without_sonla_password_the_password_is_prompted(office, monkeypatch):
    monkeypatch.delenv("SONLA_PASSWORD")
    asked = []

    def fake_getpass(prompt: str) -> str:  # the terminal, not our code
        asked.append(prompt)
        return TEST_PASSWORD

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    run(office, "workers", "list")
    assert asked == ["Mật khẩu của admin / password: "]


def test_with_no_terminal_and_no_password_a_message_not_a_traceback(office, monkeypatch):
    """A scheduled task without SONLA_PASSWORD: the real getpass meets the end of input."""
    import subprocess
    import sys

    env = {k: v for k, v in __import__("os").environ.items() if k != "SONLA_PASSWORD"}
    done = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(office),
                           "workers", "list"], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "SONLA_PASSWORD" in done.stderr and "Traceback" not in done.stderr


def test_users_enable_takes_a_new_password_and_role_keeps_an_admin(office, monkeypatch):
    monkeypatch.setenv("SONLA_NEW_PASSWORD", "mật-khẩu-của-Lan")
    run(office, "users", "add", "lan", "--role", "viewer")
    run(office, "users", "disable", "lan")
    _, err = run(office, "users", "role", "admin", "clerk", expect=1)
    assert "quản trị viên cuối cùng" in err
    out, _ = run(office, "users", "role", "lan", "counsellor")
    assert "“lan” giờ là: Tư vấn viên." in out
    monkeypatch.setenv("SONLA_NEW_PASSWORD", "mật-khẩu-mới-của-Lan")
    out, _ = run(office, "users", "enable", "lan")
    assert "Đã mở lại tài khoản “lan”" in out
    _, err = run(office, "users", "enable", "lan", expect=1)
    assert "đang hoạt động" in err
    monkeypatch.setenv("SONLA_USER", "lan")
    monkeypatch.setenv("SONLA_PASSWORD", "mật-khẩu-của-Lan")  # the old one: refused
    run(office, "events", "list", expect=1)
    __import__("time").sleep(1.1)  # the wait one wrong password asks for
    monkeypatch.setenv("SONLA_PASSWORD", "mật-khẩu-mới-của-Lan")
    run(office, "events", "list")
