"""What every workbook the program writes shares: header style, number formats, and
saving through a temporary file so a failure never leaves half a workbook behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..domain import sheets
from ..errors import UserError

DATE_FORMAT = "DD/MM/YYYY"
VND_FORMAT = "#,##0"
INT_FORMAT = "0"
RATE_FORMAT = "0.00##"
TEXT_FORMAT = "@"

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="A6A6A6")
HEADER_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)


def number_format(column: sheets.Column) -> str | None:
    """The cell format a column's values get (None: general)."""
    return {
        sheets.DATE: DATE_FORMAT, sheets.MONEY: VND_FORMAT, sheets.INT: INT_FORMAT,
        sheets.YEAR: INT_FORMAT, sheets.DECIMAL: RATE_FORMAT,
    }.get(column.kind, TEXT_FORMAT if column.kind == sheets.RAW else None)


def save_atomically(path: str | os.PathLike, save: Callable[[str], None]) -> None:
    """Call ``save(tmp_path)`` then move the result to ``path``; plain-language errors."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=target.suffix or ".xlsx",
                                   dir=target.parent)
    except FileNotFoundError as exc:
        raise UserError(f"Không có thư mục {target.parent} để lưu tệp {target.name}.",
                        f"The folder {target.parent} for {target.name} does not exist.") from exc
    except PermissionError as exc:
        raise _cannot_write(target) from exc
    os.close(fd)
    try:
        save(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise _cannot_write(target) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _cannot_write(path: Path) -> UserError:
    return UserError(
        f"Không ghi được tệp {path.name}: tệp đang mở trong Excel hoặc thư mục không cho phép "
        "ghi. Hãy đóng tệp rồi thử lại.",
        f"Cannot write {path.name}: the file is open in Excel or the folder is read-only. "
        "Close the file and try again.")
