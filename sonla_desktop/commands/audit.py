"""``audit list [--action A] [--format json]`` and ``audit verify``."""

from __future__ import annotations

import argparse
import sys

from ..errors import current_language
from .common import context, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="nhật ký: ai đã làm gì (list), kiểm tra toàn vẹn (verify)")
    asub = p.add_subparsers(dest="audit_command", required=True)
    lp = asub.add_parser("list", help="các dòng nhật ký, mới nhất trước")
    lp.add_argument("--action", help="chỉ một loại việc (create, update, delete, import, "
                    "export, print, …)")
    lp.add_argument("--entity-id", help="chỉ một bản ghi (mã người lao động, khoản vay…)")
    lp.add_argument("--limit", type=int, default=200, help="số dòng tối đa (0: tất cả)")
    lp.add_argument("--format", choices=("table", "json"), default="table")
    lp.set_defaults(func=cmd_list)
    vp = asub.add_parser("verify", help="kiểm tra chuỗi băm: mã 1 nếu có dòng bị sửa hay xoá")
    vp.set_defaults(func=cmd_verify)


def cmd_list(args: argparse.Namespace) -> int:
    from ..services.audit import list_entries

    entries = list_entries(context(args), action=args.action, entity_id=args.entity_id,
                           limit=args.limit or None)
    if args.format == "json":
        print_json([e.as_json() for e in entries])
        return 0
    print_table(["#", "lúc (UTC)", "người", "việc", "đối tượng", "mã", "trường"],
                [(e.seq, e.at.strftime("%Y-%m-%d %H:%M:%S"), e.user, e.action, e.entity,
                  e.entity_id, ", ".join(e.fields)) for e in entries])
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from ..services.audit import verify_chain

    result = verify_chain(context(args))
    message = result.message_en if current_language() == "en" else result.message_vi
    print(message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
