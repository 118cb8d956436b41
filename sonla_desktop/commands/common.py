"""Helpers shared by command modules: open the database, log in, print tables and JSON.

Logging in (issue 14): the name comes from ``--user``, else ``SONLA_USER``, else a prompt;
the password from ``SONLA_PASSWORD``, else a hidden prompt (``getpass``). Scripts set both
variables. A database made before accounts existed asks once for an administrator's
password and creates that account (``services.users.create_first_admin``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import unicodedata
from collections.abc import Sequence

from ..db import Database, open_database
from ..domain.roles import check_retyped
from ..domain.text import group_digits
from ..errors import UserError
from ..services.context import ServiceContext
from ..services.setup import is_initialised

DEFAULT_ADMIN = "admin"


def context(args: argparse.Namespace, require_init: bool = True) -> ServiceContext:
    """The database opened and its user logged in: every command goes through here."""
    # Only ``init`` creates a database: every other command opens an existing file, so a
    # mistyped --db makes neither a folder nor an empty database (exit 1 = nothing written).
    db: Database = open_database(args.db, must_exist=require_init)
    if require_init and not is_initialised(db):
        raise UserError(
            "Cơ sở dữ liệu chưa được khởi tạo: chạy “sonla-desktop init” trước.",
            "The database is not initialised: run “sonla-desktop init” first.")
    ctx = log_in(db, args)
    if require_init and ctx.may("workers.write"):
        _erased_again(ctx)
    return ctx


def _erased_again(ctx: ServiceContext) -> None:
    """A database file copied back by hand may hold people erased since: erased again before
    the command runs (``services.erasure_ledger``), as the window does when it opens."""
    from ..services.erasure_ledger import check_erasures

    again = check_erasures(ctx)
    if again:
        print(f"Tệp cơ sở dữ liệu còn thông tin của {group_digits(again)} người đã được xoá "
              "theo yêu cầu (tệp được chép lại từ bản cũ?): đã xoá lại. / The database held "
              f"the data of {again:,} people erased on request: erased again.", file=sys.stderr)


def user_name(args: argparse.Namespace, default: str | None = None) -> str:
    name = getattr(args, "user", None) or os.environ.get("SONLA_USER") or default
    if name:
        return name
    print("Tên đăng nhập / user name: ", end="", file=sys.stderr, flush=True)
    typed = sys.stdin.readline().strip()
    if not typed:  # end of input: nobody there to type it
        raise _no_terminal()
    return typed


def read_password(prompt: str, env: str = "SONLA_PASSWORD", confirm: bool = False) -> str:
    """From ``env`` when set (scripts), else typed without echo (twice for a new one)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    try:
        first = getpass.getpass(prompt)
        again = getpass.getpass("Nhập lại / again: ") if confirm else first
    except EOFError:  # no terminal to type in (a script, a scheduled task)
        raise _no_terminal() from None
    check_retyped(first, again)
    return first


def _no_terminal() -> UserError:
    return UserError(
        "Cần đăng nhập nhưng không có chỗ nhập mật khẩu: hãy đặt biến môi trường SONLA_USER "
        "và SONLA_PASSWORD (hoặc chạy lệnh trong cửa sổ dòng lệnh).",
        "A login is needed but there is no terminal to type the password: set SONLA_USER and "
        "SONLA_PASSWORD (or run the command in a terminal).")


def log_in(db: Database, args: argparse.Namespace) -> ServiceContext:
    from ..services.users import create_first_admin, login, needs_first_admin

    if needs_first_admin(db):
        # A database from before accounts: its first administrator, once.
        name = user_name(args, DEFAULT_ADMIN)
        print(f"Cơ sở dữ liệu chưa có tài khoản: tạo quản trị viên “{name}”. / "
              f"No accounts yet: creating administrator “{name}”.", file=sys.stderr)
        password = read_password(f"Mật khẩu mới cho {name} / new password: ", confirm=True)
        return create_first_admin(db, name, password)
    name = user_name(args)
    return login(db, name, read_password(f"Mật khẩu của {name} / password: "))


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))

    print(line(headers).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print(line(row).rstrip())


def admin_before_restore(args: argparse.Namespace) -> str:
    """An administrator logs in on the current database before it is replaced; a missing
    or unreadable file has nothing to protect (the backup itself is encrypted)."""
    try:
        db = open_database(args.db)
        ready = is_initialised(db)
    except UserError:
        return _keys_without_database(args)
    try:
        if not ready:
            return _keys_without_database(args)
        ctx = log_in(db, args)
        ctx.require("backup.write")
        return ctx.user
    finally:
        db.dispose()


def _keys_without_database(args: argparse.Namespace) -> str:
    """No database to log in to: the backup is decrypted with the office's key, which a key
    slot opens with the same name and password (``services.key_slots``)."""
    from ..services.key_slots import any_vault, opened_without_database

    if not any_vault():  # keys still plain files (not upgraded yet)
        return args.user or "admin"
    name = user_name(args, DEFAULT_ADMIN)
    opened_without_database(name, read_password(f"Mật khẩu của {name} / password: "))
    return name
