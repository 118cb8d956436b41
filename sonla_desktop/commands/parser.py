"""The command line's parser in Vietnamese: argparse's own words, default help, choices.

argparse writes its headings ("usage", "options") and its errors ("invalid int value",
"unrecognized arguments") in English. The headings are set here; the errors are translated
in ``VietnameseParser.error`` from argparse's fixed English templates, so a clerk reads one
language. A sub-command's option left without help gets the common wording for its name.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Mapping

from ..domain.text import fold

# argparse's error templates (Python 3.11+) and their Vietnamese; applied in order.
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^argument (\S+): ", r"tham số \1: "),
    (r"invalid (\w+) value: ", r"giá trị \1 không hợp lệ: "),
    (r"invalid choice: (.+) \(choose from (.+)\)$", r"lựa chọn không hợp lệ: \1 (chọn một trong \2)"),
    (r"^unrecognized arguments: ", "tham số không nhận ra: "),
    (r"^the following arguments are required: ", "thiếu tham số bắt buộc: "),
    (r"^one of the arguments (.+) is required", r"cần một trong các tham số \1"),
    (r"not allowed with argument ", "không dùng cùng với tham số "),
    (r"expected one argument", "cần một giá trị"),
    (r"expected at most one argument", "cần nhiều nhất một giá trị"),
    (r"expected at least one argument", "cần ít nhất một giá trị"),
    (r"expected (\d+) arguments?", r"cần \1 giá trị"),
    (r"ignored explicit argument ", "giá trị thừa: "),
    (r"^ambiguous option: (\S+) could match ", r"tuỳ chọn \1 không rõ, có thể là: "),
)
# The type names argparse puts into "invalid %(type)s value".
_TYPES = {"int": "số nguyên", "float": "số", "_date": "ngày (dd/mm/yyyy)"}

# Help for options that mean the same in every sub-command, when the command gave none.
DEFAULT_HELP = {
    "format": "cách in: table (bảng, để đọc) hoặc json (cho chương trình khác)",
    "output": "tệp sẽ ghi ra",
    "commune": "mã xã/phường (5 chữ số, ví dụ 03646)",
    "limit": "in nhiều nhất chừng này dòng",
    "status": "trạng thái",
    "id": "mã (đủ 36 ký tự hoặc vài ký tự đầu, miễn là chỉ khớp một)",
    "loan_id": "mã khoản vay (hoặc vài ký tự đầu)",
    "event_id": "mã hội nghị (hoặc vài ký tự đầu)",
    "transfer_id": "mã đề nghị chuyển (hoặc vài ký tự đầu)",
    "file": "đường dẫn tệp",
    "date": "ngày (dd/mm/yyyy)",
    "as_of": "tính đến ngày (dd/mm/yyyy; mặc định: hôm nay)",
    "from": "từ ngày (dd/mm/yyyy)",
    "to": "đến ngày (dd/mm/yyyy)",
    "date_from": "từ ngày (dd/mm/yyyy)",
    "date_to": "đến ngày (dd/mm/yyyy)",
    "start": "từ ngày (dd/mm/yyyy); mặc định: đầu năm",
    "end": "đến ngày (dd/mm/yyyy); mặc định: hôm nay hoặc cuối năm",
    "group": "đối tượng ưu tiên",
    "reason": "lý do",
    "principal": "số tiền gốc trả (đồng)",
    "interest": "số tiền lãi trả (đồng)",
    "overdue_interest": "số tiền lãi quá hạn trả (đồng)",
    "year": "năm",
    "amount": "số tiền (đồng)",
    "event": "mã hội nghị (hoặc vài ký tự đầu)",
    "market": "mã thị trường (JP, KR, TW…)",
}


def translate_error(message: str) -> str:
    for pattern, repl in _ERRORS:
        message = re.sub(pattern, repl, message)
    for name, vi in _TYPES.items():
        message = message.replace(f"giá trị {name} không hợp lệ", f"giá trị {vi} không hợp lệ")
    return message


class VietnameseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001 - argparse
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """``ArgumentParser`` with Vietnamese headings, errors and default option help."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tuỳ chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="in hướng dẫn này rồi thoát")

    def add_argument(self, *args, **kwargs) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.help is None and not isinstance(action, argparse._SubParsersAction):
            action.help = DEFAULT_HELP.get(action.dest)
        return action

    def add_subparsers(self, **kwargs) -> argparse._SubParsersAction:
        kwargs.setdefault("title", "lệnh")
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> None:  # exit 2 on bad usage, as documented
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi cú pháp: {translate_error(message)}\n")


def vi_choice(labels: Mapping[str, str]) -> Callable[[str], str]:
    """An argparse ``type`` taking a code or its Vietnamese label, with or without
    diacritics ("da xuat canh" = "đã xuất cảnh" = the code); returns the code."""
    by_label = {fold(label): code for code, label in labels.items()}

    def convert(text: str) -> str:
        if text in labels:
            return text
        code = by_label.get(fold(text))
        if code is None:
            raise argparse.ArgumentTypeError(
                f"không có trạng thái “{text}”; chọn một trong: "
                + "; ".join(f"{c} ({label})" for c, label in labels.items()))
        return code

    convert.__name__ = "trạng thái"
    return convert
