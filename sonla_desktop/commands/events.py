"""``events add|list|show|import|follow-up|contacts``, ``attendance-sheet`` and ``flyer``.

``events import`` is the sign-in-sheet import; ``import-excel FILE --event ID`` (the
general Excel import command) calls the same ``import_attendance_file``.
"""

from __future__ import annotations

import argparse
import sys

from ..domain.dates import parse_date
from ..domain.events import CONSENT_METHODS
from ..errors import ImportRowsError
from ..services.attendance import list_attendees
from ..services.attendance_import import ImportSummary, import_attendance_file
from ..services.context import ServiceContext
from ..services.event_documents import export_follow_up, print_attendance_sheet, save_flyer
from ..services.events import create_event, follow_up_list, get_event, list_events
from ..services.flyers import (
    LAYOUTS,
    SETTING_KEYS,
    get_flyer_settings,
    save_flyer_settings,
)
from ..services.ids import resolve_event_id
from ..services.lookups import load_lookups
from .common import context, print_json, print_table

_SEX = {"M": "Nam", "F": "Nữ"}
_CONTACT_HELP = {
    "office_name": "tên cơ quan in ở chân tờ rơi", "office_address": "địa chỉ cơ quan",
    "office_phone": "số điện thoại để gọi hỏi", "jobs_website": "trang thông tin việc làm",
    "zalo": "số hoặc tên Zalo", "headline": "tiêu đề lớn của tờ rơi",
    "intro": "đoạn giới thiệu dưới tiêu đề", "note": "dòng lưu ý cuối tờ rơi",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="hội nghị tư vấn")
    esub = p.add_subparsers(dest="events_command", required=True)

    add = esub.add_parser("add", help="thêm hội nghị; in ra mã hội nghị")
    add.add_argument("--date", required=True, help="ngày tổ chức (dd/mm/yyyy hoặc yyyy-mm-dd)")
    add.add_argument("--commune", required=True, metavar="CODE")
    add.add_argument("--place", required=True, help="địa điểm")
    add.add_argument("--topic", required=True, help="chủ đề")
    add.add_argument("--organiser", default="", help="đơn vị tổ chức")
    add.add_argument("--counsellors", default="", help="người tư vấn")
    add.add_argument("--agencies", default="", help="doanh nghiệp tham gia")
    add.add_argument("--markets", default="", help="mã hoặc tên nước, cách nhau bởi dấu phẩy")
    add.add_argument("--notes", default="", help="ghi chú")
    add.set_defaults(func=cmd_add)

    lst = esub.add_parser("list", help="liệt kê hội nghị, mới nhất trước")
    lst.add_argument("--commune", metavar="CODE")
    lst.add_argument("--from", dest="date_from", metavar="DATE")
    lst.add_argument("--to", dest="date_to", metavar="DATE")
    lst.add_argument("--format", choices=("table", "json"), default="table")
    lst.set_defaults(func=cmd_list)

    show = esub.add_parser("show", help="một hội nghị và danh sách người tham dự")
    show.add_argument("event_id", metavar="EVENT_ID")
    show.add_argument("--format", choices=("table", "json"), default="table")
    show.set_defaults(func=cmd_show)

    imp = esub.add_parser("import", help="nhập người tham dự từ trang “Điểm danh” của tệp Excel")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--event", required=True, metavar="EVENT_ID")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
    imp.add_argument("--consent", choices=CONSENT_METHODS,
                     help="mọi người trong danh sách đã đồng ý (bằng văn bản / bằng lời)")
    imp.add_argument("--format", choices=("table", "json"), default="table")
    imp.set_defaults(func=cmd_import)

    fol = esub.add_parser("follow-up", help="người cần liên hệ lại (chưa đăng ký thêm)")
    fol.add_argument("--event", metavar="EVENT_ID")
    fol.add_argument("--commune", metavar="CODE")
    fol.add_argument("-o", "--output", metavar="FILE.csv|FILE.xlsx")
    fol.add_argument("--format", choices=("table", "json"), default="table")
    fol.set_defaults(func=cmd_follow_up)

    con = esub.add_parser("contacts", help="xem/sửa liên hệ và lời văn in trên tờ rơi")
    for field in SETTING_KEYS:
        con.add_argument("--" + field.replace("_", "-"), dest=field, help=_CONTACT_HELP[field])
    con.set_defaults(func=cmd_contacts)

    sheet = sub.add_parser("attendance-sheet", help="in danh sách ký tên của hội nghị (PDF)")
    sheet.add_argument("event_id", metavar="EVENT_ID")
    sheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sheet.add_argument("--blank-rows", type=int, default=10, help="số dòng trống để ghi thêm")
    sheet.set_defaults(func=cmd_sheet)

    fly = sub.add_parser("flyer", help="tờ rơi tuyển lao động có mã QR (PDF)")
    fly.add_argument("--market", metavar="CODE")
    fly.add_argument("--event", metavar="EVENT_ID")
    fly.add_argument("--layout", choices=LAYOUTS, default="a4",
                     help="a4: một tờ A4; a5x2: hai tờ A5 trên một tờ A4 (hai mặt, cắt đôi)")
    fly.add_argument("--as-of", metavar="DATE", help="ngày áp dụng lãi suất (mặc định: hôm nay)")
    fly.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    fly.set_defaults(func=cmd_flyer)


def _date(text: str | None, field: str):
    return parse_date(text, field) if text else None


def cmd_add(args: argparse.Namespace) -> int:
    ctx = context(args)
    event_id = create_event(ctx, {
        "event_date": args.date, "commune_code": args.commune, "place": args.place,
        "topic": args.topic, "organiser": args.organiser, "counsellors": args.counsellors,
        "agencies": args.agencies, "markets": args.markets, "notes": args.notes})
    print(event_id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    rows = list_events(ctx, args.commune, _date(args.date_from, "from"), _date(args.date_to, "to"))
    if args.format == "json":
        print_json([r.as_json() for r in rows])
        return 0
    print_table(["Ngày", "Xã/Phường", "Địa điểm", "Chủ đề", "Người dự", "Mã"],
                [(r.event_date.strftime("%d/%m/%Y"), r.commune_name, r.place, r.topic[:50],
                  r.attendees, r.id[:8]) for r in rows])
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    ctx = context(args)
    event_id = resolve_event_id(ctx, args.event_id)
    event = get_event(ctx, event_id)
    people = list_attendees(ctx, event_id)
    if args.format == "json":
        print_json({**event.as_json(), "people": [p.as_json() for p in people]})
        return 0
    # People read the market's name; the JSON above keeps the code for programs.
    markets = {c.code: c.label_vi for c in load_lookups(ctx).markets}
    print(f"{event.event_date:%d/%m/%Y} – {event.place}, {event.commune_name}: {event.topic}")
    print_table(["STT", "Họ và tên", "Năm sinh", "Giới tính", "Điện thoại", "Bản", "Thị trường"],
                [(i, p.full_name, p.birth_year or "", _SEX.get(p.sex, ""), p.phone, p.village,
                  markets.get(p.interest_market or "", p.interest_market or ""))
                 for i, p in enumerate(people, start=1)])
    return 0


def print_import_summary(summary: ImportSummary) -> None:
    head = "Kiểm tra xong (chưa ghi gì)" if summary.dry_run else "Đã nhập"
    print(f"{head}: {summary.rows} dòng – {summary.created} người mới, {summary.linked} người "
          f"đã có được nối, {summary.already} người đã có trong danh sách, "
          f"{summary.repeated} dòng lặp lại.")
    for w in summary.warnings:
        print(f"Lưu ý: {w}", file=sys.stderr)


def import_command(ctx: ServiceContext, path: str, event_id: str, dry_run: bool,
                   consent: str | None = None, fmt: str = "table") -> int:
    """Shared by ``events import`` and ``import-excel --event``: errors listed, exit 1."""
    try:
        summary = import_attendance_file(ctx, path, resolve_event_id(ctx, event_id),
                                         dry_run=dry_run,
                                         consent_method=consent or "")
    except ImportRowsError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        for issue in err.errors:
            print(f"  {issue}", file=sys.stderr)
        return 1
    if fmt == "json":
        print_json(summary.as_json())
    else:
        print_import_summary(summary)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    return import_command(context(args), args.file, args.event, args.dry_run, args.consent,
                          args.format)


def cmd_follow_up(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.output:
        rows = export_follow_up(ctx, args.output, resolve_event_id(ctx, args.event),
                                args.commune)
        print(f"Đã ghi {len(rows)} người vào {args.output}", file=sys.stderr)
        return 0
    rows = follow_up_list(ctx, resolve_event_id(ctx, args.event), args.commune)
    if args.format == "json":
        print_json([r.as_json() for r in rows])
        return 0
    print_table(["Họ và tên", "Năm sinh", "Điện thoại", "Bản", "Xã/Phường", "Hội nghị"],
                [(r.full_name, r.birth_year or "", r.phone, r.village, r.commune_name,
                  r.event_date.strftime("%d/%m/%Y")) for r in rows])
    return 0


def cmd_contacts(args: argparse.Namespace) -> int:
    ctx = context(args)
    current = get_flyer_settings(ctx)
    changes = {f: getattr(args, f) for f in SETTING_KEYS if getattr(args, f) is not None}
    if changes:
        current = save_flyer_settings(ctx, {**current.__dict__, **changes})
    print_table(["Mục", "Giá trị"], [(SETTING_KEYS[f], getattr(current, f)) for f in SETTING_KEYS])
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    ctx = context(args)
    data = print_attendance_sheet(ctx, resolve_event_id(ctx, args.event_id), args.output,
                                  blank_rows=args.blank_rows)
    print(f"Đã ghi {args.output} ({len(data.lines)} người)", file=sys.stderr)
    return 0


def cmd_flyer(args: argparse.Namespace) -> int:
    ctx = context(args)
    data = save_flyer(ctx, args.output, market=args.market,
                      event_id=resolve_event_id(ctx, args.event),
                      as_of=_date(args.as_of, "as_of"), layout=args.layout)
    missing = [label for label, value in (("số điện thoại văn phòng", data.settings.office_phone),
                                          ("trang việc làm", data.settings.jobs_website),
                                          ("Zalo", data.settings.zalo)) if not value]
    if missing:
        print(f"Lưu ý: chưa cài đặt {', '.join(missing)} nên tờ rơi không có mã QR cho mục đó "
              "(sửa bằng “events contacts”).", file=sys.stderr)
    print(f"Đã ghi {args.output}", file=sys.stderr)
    return 0
