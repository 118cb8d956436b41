"""``users add|list|disable|enable|role|password``: the office's accounts (admins; a user may change
their own password). New passwords come from ``SONLA_NEW_PASSWORD`` or a hidden prompt."""

from __future__ import annotations

import argparse

from ..domain.roles import ROLES
from ..services.users import (
    add_user,
    disable_user,
    enable_user,
    list_users,
    set_password,
    set_role,
)
from .common import context, print_json, print_table, read_password


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="tài khoản người dùng và vai trò")
    users = p.add_subparsers(dest="users_command", required=True)
    q = users.add_parser("add", help="thêm tài khoản (mật khẩu: SONLA_NEW_PASSWORD hoặc nhập)")
    q.add_argument("name", metavar="NAME", help="tên đăng nhập của tài khoản mới")
    q.add_argument("--role", required=True, choices=ROLES,
                   help="admin | clerk (hồ sơ, vay vốn, đồng bộ) | counsellor (hội nghị, tờ "
                   "rơi) | viewer (chỉ báo cáo, không thông tin cá nhân)")
    q.set_defaults(func=cmd_add)
    q = users.add_parser("list", help="danh sách tài khoản")
    q.add_argument("--format", choices=("table", "json"), default="table",
                   help="table: bảng để đọc; json: cho chương trình khác")
    q.set_defaults(func=cmd_list)
    q = users.add_parser("disable", help="khoá một tài khoản")
    q.add_argument("name", metavar="NAME", help="tên đăng nhập của tài khoản cần khoá")
    q.set_defaults(func=cmd_disable)
    q = users.add_parser("enable", help="mở lại tài khoản đã khoá, với mật khẩu mới "
                         "(SONLA_NEW_PASSWORD hoặc nhập)")
    q.add_argument("name", metavar="NAME", help="tên đăng nhập của tài khoản cần mở lại")
    q.set_defaults(func=cmd_enable)
    q = users.add_parser("role", help="đổi vai trò của một tài khoản")
    q.add_argument("name", metavar="NAME", help="tên đăng nhập")
    q.add_argument("role", metavar="ROLE", choices=ROLES, help=" | ".join(ROLES))
    q.set_defaults(func=cmd_role)
    q = users.add_parser("password", help="đặt mật khẩu mới (SONLA_NEW_PASSWORD hoặc nhập)")
    q.add_argument("name", metavar="NAME", help="tên đăng nhập của tài khoản đổi mật khẩu")
    q.set_defaults(func=cmd_password)


def _new_password(name: str) -> str:
    return read_password(f"Mật khẩu mới cho {name} / new password: ",
                         env="SONLA_NEW_PASSWORD", confirm=True)


def cmd_add(args: argparse.Namespace) -> int:
    ctx = context(args)
    ctx.require("users.manage")  # before asking for a password that would be refused
    info = add_user(ctx, args.name, args.role, _new_password(args.name))
    print(f"Đã thêm tài khoản “{info.name}” ({info.role_label}).")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    rows = list_users(context(args))
    if args.format == "json":
        print_json([{"name": u.name, "role": u.role, "disabled": u.disabled,
                     "created_at": u.created_at.isoformat(), "key_slot": u.key_slot}
                    for u in rows])
        return 0
    # "Ô khoá": whether the account's password opens the office's keys (sync, sealed papers);
    # "-" while the key files are not encrypted yet (before an administrator's first login).
    slot = {True: "có", False: "chưa có", None: "-"}
    print_table(["Tên", "Vai trò", "Trạng thái", "Ô khoá"],
                [(u.name, u.role_label, "đã khoá" if u.disabled else "hoạt động",
                  slot[u.key_slot]) for u in rows])
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    disable_user(context(args), args.name)
    print(f"Đã khoá tài khoản “{args.name}”.")
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    ctx = context(args)
    set_password(ctx, args.name, _new_password(args.name))
    print(f"Đã đổi mật khẩu của “{args.name}”.")
    return 0


def cmd_enable(args: argparse.Namespace) -> int:
    ctx = context(args)
    ctx.require("users.manage")
    enable_user(ctx, args.name, _new_password(args.name))
    print(f"Đã mở lại tài khoản “{args.name}” với mật khẩu mới.")
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    info = set_role(context(args), args.name, args.role)
    print(f"“{info.name}” giờ là: {info.role_label}.")
    return 0
