"""Logging in: argon2id hashes, the growing wait after wrong passwords, accounts, and a
database from before accounts existed (its first administrator is asked for once)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from sonla_desktop.errors import LoginError, PermissionDenied, UserError, ValidationError
from sonla_desktop.models import utcnow
from sonla_desktop.services.users import (
    add_user,
    confirm_password,
    create_first_admin,
    disable_user,
    list_users,
    login,
    needs_first_admin,
    set_password,
)
from tests.conftest import TEST_PASSWORD, TEST_USER

PW = "mật-khẩu-của-Minh"


def test_the_right_password_gives_a_context_with_the_accounts_role(ctx):
    add_user(ctx, "minh", "clerk", PW)
    minh = login(ctx.db, "minh", PW)
    assert (minh.user, minh.role) == ("minh", "clerk")
    # Stored as argon2id, never the password itself.
    row = sqlite3.connect(ctx.db.path).execute(
        "SELECT password_hash FROM app_user WHERE name = 'minh'").fetchone()[0]
    assert row.startswith("$argon2id$") and PW not in row


def test_a_wrong_password_or_name_gets_the_same_vietnamese_message(ctx):
    with pytest.raises(LoginError) as wrong_pw:
        login(ctx.db, TEST_USER, "sai-mật-khẩu")
    with pytest.raises(LoginError) as wrong_name:
        login(ctx.db, "không-có-ai", "sai-mật-khẩu")
    assert wrong_pw.value.vi == wrong_name.value.vi == "Sai tên đăng nhập hoặc mật khẩu."


def test_each_wrong_password_makes_the_next_attempt_wait_longer(ctx):
    now = utcnow()
    waits = []
    for _ in range(4):
        with pytest.raises(LoginError) as err:
            login(ctx.db, TEST_USER, "sai-mật-khẩu", now=now)
        waits.append(err.value.wait)
        now += timedelta(seconds=err.value.wait)  # waited exactly as long as asked
    assert waits == [1, 2, 4, 8]
    now -= timedelta(seconds=8)  # back to the fourth failure
    # During the wait even the right password is refused, without being checked.
    with pytest.raises(LoginError) as early:
        login(ctx.db, TEST_USER, TEST_PASSWORD, now=now + timedelta(seconds=3))
    assert "chờ 5 giây" in early.value.vi and early.value.wait == pytest.approx(5)
    # A part of a second left is shown as a whole second, never "wait 0 seconds".
    with pytest.raises(LoginError) as last:
        login(ctx.db, TEST_USER, TEST_PASSWORD, now=now + timedelta(seconds=7.7))
    assert "chờ 1 giây" in last.value.vi and last.value.wait == pytest.approx(0.3)
    # After it, the right password works and the count starts again.
    assert login(ctx.db, TEST_USER, TEST_PASSWORD, now=now + timedelta(seconds=9)).role == "admin"
    with pytest.raises(LoginError) as again:
        login(ctx.db, TEST_USER, "sai-mật-khẩu", now=now + timedelta(seconds=10))
    assert again.value.wait == 1


def test_the_lock_screen_checks_the_same_users_password(ctx):
    confirm_password(ctx, TEST_PASSWORD)
    with pytest.raises(LoginError):
        confirm_password(ctx, "sai-mật-khẩu")


def test_a_disabled_account_cannot_log_in_and_the_last_admin_stays(ctx):
    add_user(ctx, "minh", "clerk", PW)
    disable_user(ctx, "minh")
    with pytest.raises(LoginError) as err:
        login(ctx.db, "minh", PW)
    assert "bị khoá" in err.value.vi
    with pytest.raises(UserError, match="quản trị viên cuối cùng"):
        disable_user(ctx, TEST_USER)
    assert [(u.name, u.role, u.disabled) for u in list_users(ctx)] == [
        ("admin", "admin", False), ("minh", "clerk", True)]


def test_passwords_users_and_roles_are_validated(ctx):
    with pytest.raises(ValidationError, match="ít nhất 8"):
        add_user(ctx, "minh", "clerk", "ngắn")
    with pytest.raises(ValidationError, match="Vai trò"):
        add_user(ctx, "minh", "boss", PW)
    with pytest.raises(ValidationError, match="dấu cách"):
        add_user(ctx, "Minh Lò", "clerk", PW)
    add_user(ctx, "minh", "clerk", PW)
    with pytest.raises(UserError, match="Đã có"):
        add_user(ctx, "minh", "viewer", PW)


def test_a_user_changes_their_own_password_but_nobody_elses(ctx):
    add_user(ctx, "minh", "clerk", PW)
    add_user(ctx, "lan", "viewer", PW)
    minh = login(ctx.db, "minh", PW)
    set_password(minh, "minh", "mật-khẩu-mới-1")
    assert login(ctx.db, "minh", "mật-khẩu-mới-1").user == "minh"
    with pytest.raises(PermissionDenied):
        set_password(minh, "lan", "mật-khẩu-mới-2")
    set_password(ctx, "lan", "mật-khẩu-mới-3")  # the admin may
    assert login(ctx.db, "lan", "mật-khẩu-mới-3").role == "viewer"


def test_a_database_without_accounts_asks_for_its_first_admin_once(db):
    with sqlite3.connect(db.path) as raw:  # as a database from before accounts existed
        raw.execute("DELETE FROM app_user")
    assert needs_first_admin(db)
    admin = create_first_admin(db, "chị-Hoa", "mật-khẩu-đầu-tiên")
    assert (admin.user, admin.role) == ("chị-Hoa", "admin")
    assert not needs_first_admin(db)
    with pytest.raises(UserError, match="Đã có tài khoản"):
        create_first_admin(db, "kẻ-lạ", "mật-khẩu-khác-1")
    assert login(db, "chị-Hoa", "mật-khẩu-đầu-tiên").role == "admin"


def test_the_migration_adds_an_empty_accounts_table_to_a_0008_database(tmp_path):
    from alembic import command

    from sonla_desktop.db import Database, _alembic_config, head_revision

    path = tmp_path / "old.db"
    old = Database(path)
    cfg = _alembic_config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008")
    old.dispose()
    db = Database(path)
    db.upgrade()
    assert db.current_revision() == head_revision()  # 0010 (accounts) and what follows
    assert needs_first_admin(db)
    create_first_admin(db, "admin", "mật-khẩu-đầu-tiên")
    assert login(db, "admin", "mật-khẩu-đầu-tiên").role == "admin"
    db.dispose()
