"""``backup -o FILE`` and ``restore FILE`` (SQLite offices; the hub uses pg_dump)."""

from __future__ import annotations

import argparse

from ..errors import current_language
from .common import admin_before_restore, context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (mã hoá bằng khoá của văn phòng)")
    p.add_argument("-o", "--output", metavar="FILE.sldbak",
                   help="tệp sao lưu (mặc định: thư mục sao lưu tự động)")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="khôi phục từ bản sao lưu (kiểm tra trước, giữ tệp cũ)")
    p.add_argument("file", metavar="FILE.sldbak")
    p.set_defaults(func=cmd_restore)


def _postgres(args: argparse.Namespace) -> bool:
    from ..services.backup import is_postgres

    return is_postgres(args.db)


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services.backup import make_backup, pg_refused

    if _postgres(args):
        raise pg_refused()
    info = make_backup(context(args), args.output)
    size = f"{info.size:,}".replace(",", ".")  # Vietnamese digit grouping
    print(f"Đã sao lưu vào {info.path} ({size} byte, mã hoá).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services.backup import pg_refused, restore_backup

    if _postgres(args):
        raise pg_refused()
    user = admin_before_restore(args)
    result = restore_backup(args.db, args.file, user=user)
    if result.previous:
        print(f"Tệp cũ được giữ lại: {result.previous}")
    print(f"Đã khôi phục từ {result.restored_from}.")
    print(result.notice_en if current_language() == "en" else result.notice_vi)
    return 0

