"""``admin-units list|set-poor-area``: the province's communes and wards, and the hub
admin's "particularly difficult area" flag that Decree 338/2025, Art. 15 reads for Kinh
borrowers of poor households (the flag travels to the communes with the next bundle)."""

from __future__ import annotations

import argparse

from ..services.admin_units import list_units, set_poor_area
from .common import context, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("admin-units", help="danh mục xã/phường và cờ vùng đặc biệt khó khăn")
    units = p.add_subparsers(dest="units_command", required=True)
    q = units.add_parser("list", help="liệt kê xã/phường")
    q.add_argument("--poor-area", action="store_true",
                   help="chỉ những xã/phường được đánh dấu đặc biệt khó khăn")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_list)
    q = units.add_parser(
        "set-poor-area", help="đánh dấu (--yes) hoặc bỏ dấu (--no) xã/phường có điều kiện kinh "
        "tế - xã hội đặc biệt khó khăn (văn phòng tỉnh)")
    q.add_argument("code", metavar="CODE", help="mã xã/phường (5 chữ số, ví dụ 03646)")
    flag = q.add_mutually_exclusive_group(required=True)
    flag.add_argument("--yes", dest="flag", action="store_const", const=True,
                      help="thuộc danh sách vùng đặc biệt khó khăn của Chính phủ")
    flag.add_argument("--no", dest="flag", action="store_const", const=False,
                      help="không (còn) thuộc danh sách")
    q.set_defaults(func=cmd_set_poor_area)


def cmd_list(args: argparse.Namespace) -> int:
    rows = [u for u in list_units(context(args)) if u.is_poor_area or not args.poor_area]
    if args.format == "json":
        print_json([{"code": u.code, "name": u.full_name, "kind": u.kind,
                     "is_poor_area": u.is_poor_area} for u in rows])
        return 0
    print_table(["Mã", "Tên", "Đặc biệt khó khăn"],
                [(u.code, u.full_name, "có" if u.is_poor_area else "") for u in rows])
    return 0


def cmd_set_poor_area(args: argparse.Namespace) -> int:
    changed = set_poor_area(context(args), args.code, args.flag)
    what = "thuộc" if args.flag else "không thuộc"
    if changed:
        print(f"Đã ghi: xã/phường {args.code} {what} vùng đặc biệt khó khăn. Thay đổi sẽ đi "
              "theo tệp đồng bộ tới các văn phòng xã/phường.")
    else:
        print(f"Không thay đổi: xã/phường {args.code} đã {what} vùng đặc biệt khó khăn.")
    return 0
