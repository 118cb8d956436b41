"""``target set|list`` and ``report``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from ..domain.dates import parse_date
from ..domain.progress import make_period
from ..errors import UserError
from ..services.progress_report import export_progress, progress_figures
from ..services.province_table import export_province, province_table
from ..services.targets import list_targets, set_target
from .common import context, print_json, print_table


def _date(text: str) -> date:
    try:
        return parse_date(text, "date")
    except UserError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("target", help="chỉ tiêu đưa người lao động đi làm việc ở nước ngoài")
    tsub = p.add_subparsers(dest="target_command", required=True)
    s = tsub.add_parser("set", help="đặt chỉ tiêu của một năm (toàn tỉnh hoặc một xã)")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--count", type=int, required=True, help="số người")
    s.add_argument("--commune", metavar="CODE", help="mã xã/phường (bỏ trống = toàn tỉnh)")
    s.set_defaults(func=cmd_target_set)
    lst = tsub.add_parser("list", help="liệt kê chỉ tiêu")
    lst.add_argument("--year", type=int)
    lst.add_argument("--format", choices=("table", "json"), default="table")
    lst.set_defaults(func=cmd_target_list)

    p = sub.add_parser("report", help="báo cáo tiến độ (JSON, Excel hoặc PDF)")
    p.add_argument("--year", type=int)
    p.add_argument("--from", dest="start", type=_date, metavar="D")
    p.add_argument("--to", dest="end", type=_date, metavar="D")
    p.add_argument("--commune", metavar="CODE")
    p.add_argument("--by-commune", action="store_true",
                   help="tỉnh: một dòng cho mỗi xã/phường (chỉ tiêu, xuất cảnh, vay, tệp cuối)")
    p.add_argument("--format", choices=("json", "xlsx", "pdf"), default="json")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_report)


def cmd_target_set(args: argparse.Namespace) -> int:
    changed = set_target(context(args), args.year, args.count, args.commune)
    where = f"xã/phường {args.commune}" if args.commune else "toàn tỉnh"
    state = "Đã đặt" if changed else "Không đổi:"
    print(f"{state} chỉ tiêu năm {args.year} {where}: {args.count} người")
    return 0


def cmd_target_list(args: argparse.Namespace) -> int:
    rows = list_targets(context(args), args.year)
    if args.format == "json":
        print_json([{"year": r.year, "commune": r.commune_code, "departures": r.departures}
                    for r in rows])
        return 0
    print_table(["Năm", "Mã", "Xã/Phường", "Chỉ tiêu"],
                [(r.year, r.commune_code or "", r.commune_name or "Toàn tỉnh", r.departures)
                 for r in rows])
    return 0


def cmd_report(args: argparse.Namespace, today: date | None = None) -> int:
    if args.format != "json" and not args.output:
        print(f"sonla-desktop report: lỗi cú pháp: --format {args.format} "
              "cần -o FILE", file=sys.stderr)
        return 2
    ctx = context(args)
    today = today or date.today()
    period = make_period(args.year, args.start, args.end, today)
    if getattr(args, "by_commune", False):
        return _report_by_commune(ctx, args, period, today)
    figures = progress_figures(ctx, period, args.commune or None, today)
    if args.format == "json":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                json.dump(figures.as_json(), fh, ensure_ascii=False, indent=2)
                fh.write("\n")
        else:
            print_json(figures.as_json())
        return 0
    export_progress(ctx, figures, args.output, args.format, today=today)
    print(f"Đã ghi báo cáo {args.output}")
    return 0


def _report_by_commune(ctx, args: argparse.Namespace, period, today: date) -> int:
    if args.commune:
        raise UserError("--by-commune đã gồm mọi xã/phường: bỏ --commune.",
                        "--by-commune covers every commune: drop --commune.")
    table = province_table(ctx, period, today)
    if args.format == "json":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                json.dump(table.as_json(), fh, ensure_ascii=False, indent=2)
                fh.write("\n")
        else:
            print_json(table.as_json())
        return 0
    export_province(ctx, table, args.output, args.format, today=today)
    print(f"Đã ghi báo cáo theo xã/phường {args.output}")
    return 0
