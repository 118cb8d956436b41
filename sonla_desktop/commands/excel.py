"""``template``, ``import-excel`` and ``export-excel``."""

from __future__ import annotations

import argparse
import sys

from ..domain.loans import format_vnd
from ..domain.sheets import TEMPLATES
from ..errors import ImportRowsError, current_language
from .common import context

# openpyxl is imported inside the commands: every other command starts faster without it.


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("template", help="tệp Excel mẫu để điền (workers|loans|attendance|targets)")
    p.add_argument("kind", choices=tuple(TEMPLATES),
                   help="loại mẫu: workers (người lao động), loans (khoản vay), "
                        "attendance (điểm danh), targets (chỉ tiêu)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.add_argument("--year", type=int, help="năm điền sẵn (mẫu chỉ tiêu)")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("import-excel", help="nhập từ Excel: kiểm tra mọi dòng, có lỗi thì không "
                       "ghi gì")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
    p.add_argument("--errors-to", metavar="COPY.xlsx",
                   help="khi có lỗi: ghi bản sao tệp với các ô sai tô đỏ và chú thích")
    p.add_argument("--event", metavar="EVENT_ID",
                   help="nhập trang “Điểm danh” vào hội nghị này (người đã có thì liên kết)")
    p.add_argument("--consent", choices=("written", "verbal"),
                   help="cách người tham dự đồng ý (với --event)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export-excel", help="xuất toàn bộ dữ liệu ra Excel, mỗi loại một trang")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_export)


def cmd_template(args: argparse.Namespace) -> int:
    from ..services.spreadsheets import make_template

    make_template(context(args), args.kind, args.output, args.year)
    print(f"Đã tạo tệp mẫu {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.excel_import import import_workbook, write_marked_copy

    ctx = context(args)
    if args.event:
        from .events import import_command

        return import_command(ctx, args.file, args.event, args.dry_run, args.consent)
    try:
        result = import_workbook(ctx, args.file, dry_run=args.dry_run)
    except ImportRowsError as err:
        result = err.result
        for notice in result.notices:
            print(notice.line(), file=sys.stderr)
        for issue in err.errors:
            print(issue.line(), file=sys.stderr)
        print(result.headline(), file=sys.stderr)
        if args.errors_to:
            write_marked_copy(args.file, err.errors, args.errors_to)
            en = current_language() == "en"
            print(("Marked copy written to " if en else "Đã ghi bản đánh dấu lỗi: ")
                  + args.errors_to, file=sys.stderr)
        return 1
    for notice in result.notices:
        print(notice.line())
    print(result.headline())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.spreadsheets import export_workbook

    counts = export_workbook(context(args), args.output)
    detail = "; ".join(f"{title}: {format_vnd(n)}" for title, n in counts.items())
    print(f"Đã xuất {args.output} ({detail})")
    return 0
