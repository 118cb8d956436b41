"""``workers export-person``, ``workers erase`` and the consent commands (a person's rights,
Law 91/2025/QH15): registered under ``workers`` by ``commands.workers``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.person_rights import METHOD_LABELS_VI
from ..errors import UserError
from ..services.consents import add_consent, list_consents, withdraw_consent
from ..services.person import export_person
from ..services.person_erase import erase_person
from .common import context, print_json, print_table


def register_person(wsub: argparse._SubParsersAction) -> None:
    ex = wsub.add_parser("export-person", help="mọi thông tin đang lưu về một người (JSON + PDF)")
    ex.add_argument("id")
    ex.add_argument("-o", "--output", required=True, metavar="FILE.json")
    ex.set_defaults(func=cmd_export_person)
    er = wsub.add_parser("erase", help="xoá thông tin nhận dạng của một người (không hoàn tác)")
    er.add_argument("id")
    er.add_argument("--yes", action="store_true", help="xác nhận xoá")
    er.set_defaults(func=cmd_erase)
    ca = wsub.add_parser("consent-add", help="ghi nhận sự đồng ý xử lý dữ liệu cá nhân")
    ca.add_argument("id")
    ca.add_argument("--purpose", required=True, help="mục đích được đồng ý")
    ca.add_argument("--date", required=True, help="ngày đồng ý (dd/mm/yyyy)")
    ca.add_argument("--method", required=True, choices=tuple(METHOD_LABELS_VI),
                    help="written: bằng văn bản; verbal: bằng lời nói (cần người làm chứng)")
    ca.add_argument("--witness", default="", help="người làm chứng (bắt buộc khi bằng lời nói)")
    ca.add_argument("--by", default="", help="người ghi nhận (mặc định: người dùng)")
    ca.set_defaults(func=cmd_consent_add)
    cl = wsub.add_parser("consents", help="các lần đồng ý của một người")
    cl.add_argument("id")
    cl.add_argument("--format", choices=("table", "json"), default="table")
    cl.set_defaults(func=cmd_consents)
    cw = wsub.add_parser("consent-withdraw", help="người lao động rút lại sự đồng ý")
    cw.add_argument("consent_id", help="mã lần đồng ý (xem workers consents ID)")
    cw.set_defaults(func=cmd_consent_withdraw)


def cmd_export_person(args: argparse.Namespace) -> int:
    json_path, pdf_path = export_person(context(args), args.id, Path(args.output))
    print(f"Đã ghi {json_path} và {pdf_path}.")
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UserError("Xoá thông tin một người không hoàn tác được: thêm --yes để xác nhận.",
                        "Erasing a person cannot be undone: add --yes to confirm.")
    fields = erase_person(context(args), args.id)
    print(f"Đã xoá thông tin nhận dạng của {args.id} ({len(fields)} trường). Các khoản vay "
          "được giữ lại, không còn gắn với danh tính. Tệp đồng bộ tiếp theo đưa việc xoá "
          "tới văn phòng tỉnh.")
    return 0


def cmd_consent_add(args: argparse.Namespace) -> int:
    cid = add_consent(context(args), args.id, {
        "purpose": args.purpose, "given_on": args.date, "method": args.method,
        "witness": args.witness, "recorded_by": args.by})
    print(cid)
    return 0


def cmd_consents(args: argparse.Namespace) -> int:
    rows = list_consents(context(args), args.id)
    if args.format == "json":
        print_json([r.as_json() for r in rows])
        return 0
    print_table(["Mã", "Mục đích", "Ngày", "Hình thức", "Làm chứng", "Rút lại"],
                [(r.id[:8], r.purpose, f"{r.given_on:%d/%m/%Y}", METHOD_LABELS_VI[r.method],
                  r.witness, f"{r.withdrawn_on:%d/%m/%Y}" if r.withdrawn_on else "")
                 for r in rows])
    return 0


def cmd_consent_withdraw(args: argparse.Namespace) -> int:
    withdraw_consent(context(args), args.consent_id)
    print("Đã ghi: sự đồng ý đã được rút lại.")
    return 0
