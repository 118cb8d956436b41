"""``workers list``."""

from __future__ import annotations

import argparse

from ..domain.worker_rules import STATUS_LABELS_VI, WORKER_STATUSES
from ..services.workers import WorkerFilter, list_workers
from .common import context, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("workers", help="người lao động")
    wsub = p.add_subparsers(dest="workers_command", required=True)
    lst = wsub.add_parser("list", help="liệt kê, tìm kiếm không dấu")
    lst.add_argument("--search", default="", help="tên, CCCD, điện thoại, bản (không cần dấu)")
    lst.add_argument("--commune", metavar="CODE")
    lst.add_argument("--status", choices=WORKER_STATUSES)
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--format", choices=("table", "json"), default="table")
    lst.set_defaults(func=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    flt = WorkerFilter(search=args.search, commune_code=args.commune, status=args.status)
    rows = list_workers(ctx, flt, limit=max(args.limit, 0))
    if args.format == "json":
        print_json([r.as_json() for r in rows])
        return 0
    print_table(
        ["Họ và tên", "Ngày sinh", "CCCD", "Điện thoại", "Xã/Phường", "Trạng thái"],
        [(r.full_name, r.birth_date.strftime("%d/%m/%Y") if r.birth_date else "",
          r.national_id or "", r.phone, r.commune_name, STATUS_LABELS_VI[r.status])
         for r in rows],
    )
    return 0
