"""What every workbook the program writes shares: header style, number formats, and
saving through a temporary file so a failure never leaves half a workbook behind."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

from openpyxl.cell import WriteOnlyCell
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


# What an .xlsx cannot hold (XML 1.0 forbids these controls); openpyxl raises on them. Text
# stored before the entry rules refused control characters may still carry one: the export
# drops it rather than failing the whole province's workbook on one old record.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_text(value: str) -> str:
    """``value`` without the characters an .xlsx cannot hold."""
    return value if value.isprintable() else _ILLEGAL_XML.sub("", value)


def cell_value(ws, value: object) -> object:
    """``value`` ready for ``ws.append`` or ``ws.cell``: text a workbook can hold, and text
    that looks like a formula ("=HYPERLINK(...)", typed by anyone upstream) written as the
    string it is. openpyxl turns every str starting with "=" into a live formula; a cell
    with ``data_type`` "s" is written as an inline string instead."""
    if value.__class__ is not str:
        return value
    text = safe_text(value)
    if text[:1] != "=":
        return text
    cell = WriteOnlyCell(ws, text)
    cell.data_type = "s"
    return cell


def cell_values(ws, values: Iterable[object]) -> list[object]:
    """``cell_value`` on each value of a row."""
    return [cell_value(ws, v) for v in values]


def set_text(cell, value: object) -> None:
    """Assign ``value`` to an existing cell the way ``cell_value`` prepares it."""
    if value.__class__ is str:
        cell.value = safe_text(value)
        if cell.data_type == "f":
            cell.data_type = "s"
    else:
        cell.value = value
