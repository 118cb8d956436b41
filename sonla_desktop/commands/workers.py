"""``workers list``."""

from __future__ import annotations

import argparse
import sys

from ..domain.text import group_digits
from ..domain.worker_rules import STATUS_LABELS_VI, WORKER_STATUSES
from ..services.duplicates import (
    REASON_VI,
    STATUS_VI,
    list_duplicates,
    resolve_duplicate,
    scan_duplicates,
)
from ..services.ids import resolve_worker_id
from ..services.transfers import TRANSFER_STATUSES, list_transfers, move_worker, refuse_request
from ..services.workers import WorkerFilter, count_matching, list_workers
from .common import context, print_json, print_table
from .parser import vi_choice
from .person import register_person

_MOVE_STATUS_VI = {"requested": "đang đề nghị", "done": "đã chuyển", "refused": "không chuyển"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("workers", help="người lao động")
    wsub = p.add_subparsers(dest="workers_command", required=True)
    lst = wsub.add_parser("list", help="liệt kê, tìm kiếm không dấu")
    lst.add_argument("--search", default="", help="tên, CCCD, điện thoại, bản (không cần dấu)")
    lst.add_argument("--commune", metavar="CODE")
    lst.add_argument("--status", choices=WORKER_STATUSES, type=vi_choice(STATUS_LABELS_VI),
                     help="trạng thái, tên tiếng Việt hoặc mã: " + "; ".join(
                         f"{label} ({code})" for code, label in STATUS_LABELS_VI.items()))
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--format", choices=("table", "json"), default="table")
    lst.set_defaults(func=cmd_list)
    mv = wsub.add_parser("move", help="chuyển sang xã/phường khác (ở xã: gửi đề nghị lên tỉnh)")
    mv.add_argument("id")
    mv.add_argument("--commune", metavar="CODE", required=True)
    mv.add_argument("--note", default="", help="lý do, ghi chú cho văn phòng tỉnh")
    mv.set_defaults(func=cmd_move)
    rf = wsub.add_parser("move-refuse", help="tỉnh: không chấp nhận một đề nghị chuyển xã")
    rf.add_argument("transfer_id")
    rf.add_argument("--note", default="", help="lý do, gửi về xã")
    rf.set_defaults(func=cmd_move_refuse)
    mvs = wsub.add_parser("moves", help="các lần chuyển xã/phường và đề nghị chuyển")
    mvs.add_argument("--status", choices=TRANSFER_STATUSES, type=vi_choice(_MOVE_STATUS_VI),
                     help="tình trạng: " + "; ".join(
                         f"{label} ({code})" for code, label in _MOVE_STATUS_VI.items()))
    mvs.add_argument("--format", choices=("table", "json"), default="table")
    mvs.set_defaults(func=cmd_moves)
    dup = wsub.add_parser("duplicates", help="tỉnh: các cặp nghi là một người ở hai nơi")
    dup.add_argument("--all", action="store_true", help="cả các cặp đã xét")
    dup.add_argument("--format", choices=("table", "json"), default="table")
    dup.set_defaults(func=cmd_duplicates)
    dsub = dup.add_subparsers(dest="duplicates_command")
    res = dsub.add_parser("resolve", help="ghi kết quả xét một cặp")
    res.add_argument("id", help="mã cặp (8 ký tự đầu là đủ)")
    how = res.add_mutually_exclusive_group(required=True)
    how.add_argument("--same", dest="decision", action="store_const", const="same_person",
                     help="cùng một người")
    how.add_argument("--different", dest="decision", action="store_const",
                     const="different", help="hai người khác nhau")
    res.set_defaults(func=cmd_duplicates_resolve)
    register_person(wsub)


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
    if args.limit > 0 and len(rows) == args.limit:  # stopped at the limit: say so
        total = count_matching(ctx, flt)
        if total > len(rows):
            print(f"{group_digits(len(rows))} / {group_digits(total)} người; dùng --limit "
                  "để xem thêm.", file=sys.stderr)
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    ctx = context(args)
    r = move_worker(ctx, resolve_worker_id(ctx, args.id), args.commune, args.note)
    if r.status == "requested":
        print(f"Đã ghi đề nghị chuyển {r.worker_id} từ {r.from_commune} sang {r.to_commune}. "
              "Đề nghị đi theo tệp đồng bộ tới văn phòng tỉnh; người lao động vẫn thuộc "
              f"{r.from_commune} cho đến khi tỉnh chuyển.")
    else:
        print(f"Đã chuyển {r.worker_id} từ {r.from_commune} sang {r.to_commune}. Tệp đồng bộ "
              "tiếp theo báo cho cả hai xã/phường.")
    return 0


def cmd_move_refuse(args: argparse.Namespace) -> int:
    refuse_request(context(args), args.transfer_id, args.note)
    print("Đã ghi: không chuyển. Câu trả lời đi theo tệp đồng bộ tiếp theo về xã.")
    return 0


def cmd_moves(args: argparse.Namespace) -> int:
    rows = list_transfers(context(args), args.status)
    if args.format == "json":
        print_json([r.as_json() for r in rows])
        return 0
    print_table(["Mã", "Người lao động", "Từ", "Sang", "Tình trạng", "Ghi chú"],
                [(r.id[:8], r.worker_name or r.worker_id, r.from_commune, r.to_commune,
                  _MOVE_STATUS_VI.get(r.status, r.status), r.note) for r in rows])
    return 0


def _side_text(side) -> str:
    born = side.birth_date.strftime("%d/%m/%Y") if side.birth_date else "?"
    return f"{side.full_name} ({born}, {side.national_id or 'không CCCD'}, {side.commune_name})"


def cmd_duplicates(args: argparse.Namespace) -> int:
    ctx = context(args)
    scan_duplicates(ctx)  # at the hub: pairs that appeared since the last look
    rows = list_duplicates(ctx, include_decided=args.all)
    if args.format == "json":
        print_json([r.as_json() for r in rows])
        return 0
    print_table(["Mã", "Lý do", "Người thứ nhất", "Người thứ hai", "Kết quả"],
                [(r.id[:8], REASON_VI.get(r.reason, r.reason), _side_text(r.first),
                  _side_text(r.second), STATUS_VI.get(r.status, r.status)) for r in rows])
    return 0


def cmd_duplicates_resolve(args: argparse.Namespace) -> int:
    link = resolve_duplicate(context(args), args.id, args.decision)
    print(f"Đã ghi: {STATUS_VI[args.decision]} ({link[:8]}). Kết quả đi theo tệp đồng bộ "
          "tiếp theo về cả hai xã/phường.")
    return 0
