"""``loans list|show|create|submit|approve|reject|disburse|repay|close`` and ``dossier``."""

from __future__ import annotations

import argparse
from datetime import date

from ..domain.dates import format_date, parse_date
from ..domain.loan_application import COST_KINDS, LOAN_STATUSES, STATUS_LABELS_VI
from ..domain.loans import format_vnd
from ..domain.policy import POLICY_GROUP_LABELS_VI, POLICY_GROUPS
from ..errors import ValidationError
from ..services import loans as svc
from ..services.loan_queries import (
    LoanFilter,
    export_dossier,
    list_loans,
    loan_detail,
    resolve_loan_id,
)
from .common import context, print_json, print_table
from .parser import vi_choice


def _date(text: str) -> date:
    try:
        return parse_date(text, "date")
    except ValidationError as err:  # argparse turns this into a usage error (exit 2)
        raise argparse.ArgumentTypeError(str(err)) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("loans", help="khoản vay ưu đãi (NHCSXH)")
    lsub = p.add_subparsers(dest="loans_command", required=True)

    c = lsub.add_parser("list", help="liệt kê khoản vay với dư nợ")
    c.add_argument("--status", choices=LOAN_STATUSES, type=vi_choice(STATUS_LABELS_VI),
                   help="tình trạng, tên tiếng Việt hoặc mã: " + "; ".join(
                       f"{label} ({code})" for code, label in STATUS_LABELS_VI.items()))
    c.add_argument("--group", choices=POLICY_GROUPS, help="đối tượng ưu tiên")
    c.add_argument("--commune", metavar="CODE")
    c.add_argument("--overdue", action="store_true", help="chỉ khoản có nợ gốc quá hạn")
    c.add_argument("--search", default="", help="tên, CCCD, điện thoại (không cần dấu)")
    c.add_argument("--as-of", type=_date, help="dư nợ tính đến ngày (mặc định: hôm nay)")
    c.add_argument("--limit", type=int, default=100000)
    c.add_argument("--format", choices=("table", "json"), default="table")
    c.set_defaults(func=cmd_list)

    c = lsub.add_parser("show", help="một khoản vay: lịch trả nợ và tình trạng")
    c.add_argument("id", help="mã khoản vay (hoặc vài ký tự đầu)")
    c.add_argument("--as-of", type=_date)
    c.add_argument("--format", choices=("table", "json"), default="table")
    c.set_defaults(func=cmd_show)

    c = lsub.add_parser("create", help="lập đơn vay (bản nháp)")
    c.add_argument("--worker", required=True, help="mã người lao động hoặc số CCCD")
    c.add_argument("--group", required=True, choices=POLICY_GROUPS)
    c.add_argument("--date", type=_date, default=date.today(), help="ngày làm đơn")
    c.add_argument("--cost", action="append", required=True, metavar="KIND=AMOUNT[:LABEL]",
                   help=f"khoản chi phí; KIND là một trong {', '.join(COST_KINDS)}")
    c.add_argument("--requested", required=True, help="số tiền đề nghị vay")
    c.add_argument("--state-supported", default="0", metavar="AMOUNT",
                   help="phần chi phí ngân sách Nhà nước hỗ trợ (giáo dục định hướng, đào tạo "
                        "nghề, ngoại ngữ…): từ 2026 không được vay phần này")
    c.add_argument("--term", type=int, required=True, help="thời hạn vay (tháng)")
    c.add_argument("--frequency", type=int, default=1, help="định kỳ trả gốc (tháng)")
    c.add_argument("--contract-months", type=int, help="mặc định: theo hồ sơ người lao động")
    c.add_argument("--market", help="mã thị trường (JP, TW, KR…)")
    c.add_argument("--agency", default=None, help="doanh nghiệp đưa đi")
    c.add_argument("--purpose", default="", help="mục đích vay")
    c.add_argument("--savings-group", default="", help="tên Tổ TK&VV")
    c.add_argument("--savings-group-head", default="", help="tổ trưởng Tổ TK&VV")
    c.add_argument("--land-revoked", action="store_true", help="khai: hộ bị thu hồi đất NN")
    c.add_argument("--meritorious-relative", action="store_true",
                   help="khai: thân nhân người có công")
    c.set_defaults(func=cmd_create)

    for name, text in (("submit", "nộp hồ sơ"), ("close", "tất toán (hết dư nợ)")):
        c = lsub.add_parser(name, help=text)
        c.add_argument("id")
        c.set_defaults(func=cmd_simple, action=name)

    c = lsub.add_parser("approve", help="ghi nhận ngân hàng duyệt cho vay")
    c.add_argument("id")
    c.add_argument("--amount", required=True)
    c.set_defaults(func=cmd_approve)

    c = lsub.add_parser("reject", help="ghi nhận từ chối")
    c.add_argument("id")
    c.add_argument("--reason", required=True)
    c.set_defaults(func=cmd_reject)

    c = lsub.add_parser("disburse", help="ghi nhận giải ngân (cố định lãi suất)")
    c.add_argument("id")
    c.add_argument("--date", type=_date, required=True)
    c.add_argument("--amount", required=True)
    c.set_defaults(func=cmd_disburse)

    c = lsub.add_parser("repay", help="ghi một lần trả nợ")
    c.add_argument("id")
    c.add_argument("--date", type=_date, required=True)
    c.add_argument("--principal", default="0")
    c.add_argument("--interest", default="0")
    c.add_argument("--overdue-interest", default="0")
    c.set_defaults(func=cmd_repay)

    d = sub.add_parser("dossier", help="in hồ sơ vay vốn (PDF)")
    d.add_argument("loan_id")
    d.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    d.set_defaults(func=cmd_dossier)


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    flt = LoanFilter(status=args.status, policy_group=args.group, commune_code=args.commune,
                     overdue_only=args.overdue, search=args.search)
    rows = list_loans(ctx, flt, as_of=args.as_of, limit=max(args.limit, 0))
    if args.format == "json":
        print_json([r.as_json() for r in rows])
        return 0
    print_table(
        ["Mã", "Họ và tên", "CCCD", "Đối tượng", "Trạng thái", "Số tiền", "Giải ngân",
         "Lãi %/năm", "Tháng", "Dư nợ", "Quá hạn"],
        [(r.id[:8], r.full_name, r.national_id or "", POLICY_GROUP_LABELS_VI[r.policy_group],
          STATUS_LABELS_VI[r.status], format_vnd(r.amount_vnd), format_date(r.disbursed_on),
          f"{r.rate_pct_year}".replace(".", ",") if r.rate_pct_year is not None else "",
          r.term_months, format_vnd(r.outstanding_vnd),
          format_vnd(r.overdue_vnd) if r.overdue_vnd else "") for r in rows],
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    ctx = context(args)
    detail = loan_detail(ctx, resolve_loan_id(ctx, args.id), args.as_of)
    if args.format == "json":
        print_json(detail)
        return 0
    print(f"{detail['full_name']} – {STATUS_LABELS_VI[detail['status']]} – "
          f"{format_vnd(detail['requested_vnd'])} đồng, {detail['term_months']} tháng")
    if detail["rate_pct_year"] is not None:
        rate = f"{detail['rate_pct_year']:g}".replace(".", ",")
        print(f"Lãi suất {rate} %/năm – {detail['rate_basis']}"
              + ("; phải có tài sản bảo đảm" if detail["collateral_required"] else ""))
    state = detail["state"]
    if state:
        print(f"Dư nợ ngày {format_date(date.fromisoformat(detail['as_of']))}: "
              f"{format_vnd(state['outstanding_vnd'])}; quá hạn "
              f"{format_vnd(state['overdue_principal_vnd'])}")
    print_table(["Kỳ", "Ngày đến hạn", "Gốc", "Lãi", "Dư nợ"],
                [(i["number"], format_date(date.fromisoformat(i["due_date"])),
                  format_vnd(i["principal_vnd"]), format_vnd(i["interest_vnd"]),
                  format_vnd(i["balance_after_vnd"])) for i in detail["schedule"]])
    return 0


def _cost(text: str) -> dict:
    kind, sep, rest = text.partition("=")
    amount, _, label = rest.partition(":")
    if not sep:
        raise ValidationError("cost_lines", f"Khoản chi phí “{text}” cần dạng LOẠI=SỐ_TIỀN.",
                              f"Cost “{text}” must look like KIND=AMOUNT.")
    return {"kind": kind.strip(), "amount_vnd": amount.strip(), "label": label}


def cmd_create(args: argparse.Namespace) -> int:
    ctx = context(args)
    worker_id, defaults = svc.find_borrower(ctx, args.worker)
    raw = {
        "policy_group": args.group, "application_date": args.date,
        "cost_lines": [_cost(c) for c in args.cost], "requested_vnd": args.requested,
        "state_supported_vnd": args.state_supported, "term_months": args.term, "frequency_months": args.frequency,
        "contract_months": args.contract_months or defaults["contract_months"] or args.term,
        "market_code": args.market or defaults["market_code"],
        "agency": args.agency or defaults["agency"],
        "purpose": args.purpose, "savings_group_name": args.savings_group,
        "savings_group_head": args.savings_group_head, "land_revoked": args.land_revoked,
        "meritorious_relative": args.meritorious_relative,
    }
    print(svc.create_loan(ctx, worker_id, raw))
    return 0


def cmd_simple(args: argparse.Namespace) -> int:
    ctx = context(args)
    fn = {"submit": svc.submit_loan, "close": svc.close_loan}[args.action]
    fn(ctx, resolve_loan_id(ctx, args.id))
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    ctx = context(args)
    svc.approve_loan(ctx, resolve_loan_id(ctx, args.id), args.amount)
    return 0


def cmd_reject(args: argparse.Namespace) -> int:
    ctx = context(args)
    svc.reject_loan(ctx, resolve_loan_id(ctx, args.id), args.reason)
    return 0


def cmd_disburse(args: argparse.Namespace) -> int:
    ctx = context(args)
    print(svc.disburse_loan(ctx, resolve_loan_id(ctx, args.id), args.date, args.amount))
    return 0


def cmd_repay(args: argparse.Namespace) -> int:
    ctx = context(args)
    print(svc.record_repayment(ctx, resolve_loan_id(ctx, args.id), args.date, args.principal,
                               args.interest, args.overdue_interest))
    return 0


def cmd_dossier(args: argparse.Namespace) -> int:
    ctx = context(args)
    export_dossier(ctx, resolve_loan_id(ctx, args.loan_id), args.output)
    print(f"Đã ghi hồ sơ vay vốn {args.output}")  # like flyer and report: where it went
    return 0
