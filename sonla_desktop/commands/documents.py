"""``verify-document FILE``: check the signed QR code on a printed paper (issue #18)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import current_language
from .common import context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify-document",
                       help="kiểm tra mã QR có chữ ký trên giấy tờ (PDF, ảnh chụp PNG/JPEG): "
                            "mã 0 nếu hợp lệ, 1 nếu không")
    p.add_argument("file", type=Path, help="tệp PDF, hoặc ảnh chụp / quét (PNG, JPEG)")
    p.add_argument("--kind", choices=("dossier", "attendance", "progress"),
                   help="loại giấy đang cầm trên tay (với ảnh chụp: để phát hiện mã bị chép "
                        "sang giấy khác)")
    p.set_defaults(func=cmd_verify_document)


def cmd_verify_document(args: argparse.Namespace) -> int:
    from ..services.document_check import describe, verify_document
    from ..services.document_seal import InvalidStatement

    english = current_language() == "en"
    try:
        check = verify_document(context(args), args.file, args.kind)
    except InvalidStatement as err:
        prefix = "NOT VALID: " if english else "KHÔNG HỢP LỆ: "
        print(prefix + str(err), file=sys.stderr)
        return 1
    for vi, en in describe(check):
        print(en if english else vi)
    return 0
