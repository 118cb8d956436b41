"""The follow-up list (people to call back after a conference) as CSV or Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..domain.identity import format_phone
from ..errors import UserError
from ..files import write_bytes_atomically
from .excel_common import cell_values, safe_text


class FollowUpRow(Protocol):
    """What one line of the list shows (``services.events.FollowUpRow`` is one): declared
    here so the renderer needs nothing from the services."""

    full_name: str
    birth_year: int | None
    sex: str
    phone: str
    village: str
    commune_name: str
    interest_market: str | None
    event_date: date
    event_topic: str


HEADERS = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Bản/Tổ dân phố",
           "Xã/Phường", "Thị trường quan tâm", "Ngày hội nghị", "Chủ đề hội nghị"]
WIDTHS = [6, 26, 10, 10, 15, 22, 18, 14, 14, 50]
_SEX = {"M": "Nam", "F": "Nữ"}
# A spreadsheet opening a CSV runs a cell starting with one of these as a formula
# ("=HYPERLINK(...)", "@SUM(...)"); OWASP's advice: prefix such cells with a single quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> object:
    """``value`` safe for a CSV cell a spreadsheet will open."""
    if value.__class__ is str:
        value = safe_text(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value



def _cells(i: int, r: FollowUpRow, markets: dict[str, str]) -> list[object]:
    return [i, r.full_name, r.birth_year or "", _SEX.get(r.sex, r.sex), format_phone(r.phone),
            r.village, r.commune_name, markets.get(r.interest_market or "", r.interest_market or ""),
            r.event_date.strftime("%d/%m/%Y"), r.event_topic]


def write_follow_up(rows: Sequence[FollowUpRow], path: str | Path,
                    markets: dict[str, str] | None = None) -> None:
    """``.csv`` (UTF-8 with BOM, so Excel shows the diacritics) or ``.xlsx``, by suffix."""
    path = Path(path)
    markets = markets or {}
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(HEADERS)
        for i, r in enumerate(rows, start=1):
            writer.writerow([csv_text(v) for v in _cells(i, r, markets)])
        write_bytes_atomically(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
        return
    if suffix != ".xlsx":
        raise UserError(f"Chỉ xuất được tệp .csv hoặc .xlsx (không phải “{path.suffix}”).",
                        f"Export to .csv or .xlsx only (not “{path.suffix}”).")
    wb = Workbook()
    ws = wb.active
    ws.title = "Cần liên hệ lại"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, r in enumerate(rows, start=1):
        ws.append(cell_values(ws, _cells(i, r, markets)))
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes_atomically(path, buffer.getvalue())
