"""What every workbook the program writes shares: header style, number formats, and
saving through a temporary file so a failure never leaves half a workbook behind."""

from __future__ import annotations

import os
from collections.abc import Callable

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from .. import files
from ..domain import sheets

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
    """``files.save_atomically`` with the message naming Excel."""
    files.save_atomically(path, save, files.EXCEL)
