"""Empty Excel templates to fill in: ``template workers|loans|attendance|targets``.

Row 1 holds the template's headers (``domain.sheets``) in order, styled and frozen; the
enumerated columns offer dropdown lists kept on a hidden "Danh mục" sheet (a list typed
into the validation itself is limited to 255 characters, too short for 75 communes); a
"Hướng dẫn" sheet explains every column. The dropdowns only warn: an import also accepts
codes and other spellings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain import sheets
from ..domain.sheets import SheetSpec
from .excel_common import (
    BOLD,
    HEADER_ALIGN,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    TITLE_FONT,
    cell_values,
    number_format,
    save_atomically,
    set_text,
)

WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TEMPLATE_ROWS = 5000  # rows that get the dropdowns and formats
LISTS_SHEET = "Danh mục"
GUIDE_SHEET = "Hướng dẫn"


@dataclass(frozen=True)
class TemplateLists:
    """Reference names for the dropdowns, from the database."""

    communes: list[tuple[str, str]]  # (code, name)
    ethnic_groups: list[str]
    markets: list[str]


def _static(values: dict) -> list[str]:
    return list(values.values())


def _list_for(column: sheets.Column, lists: TemplateLists) -> list[str] | None:
    if column.field == "sex":
        return _static(sheets.SEX_LABELS)
    kind = column.kind.partition(":")[2] if column.kind.startswith("choice:") else None
    return {
        "commune": [name for _, name in lists.communes],
        "ethnic": lists.ethnic_groups,
        "market": lists.markets,
        "household": _static(sheets.HOUSEHOLD_TEMPLATE_LABELS),
        "status": _static(sheets.STATUS_TEMPLATE_LABELS),
        "policy_group": _static(sheets.POLICY_GROUP_TEMPLATE_LABELS),
    }.get(kind or "")


def style_header(ws, columns: tuple[sheets.Column, ...]) -> None:
    for index, column in enumerate(columns, 1):
        cell = ws.cell(1, index, column.header)
        cell.font, cell.fill, cell.alignment, cell.border = (
            HEADER_FONT, HEADER_FILL, HEADER_ALIGN, HEADER_BORDER)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "A2"


def _data_sheet(wb: Workbook, spec: SheetSpec, lists: TemplateLists, lists_ws) -> None:
    ws = wb.active
    ws.title = spec.title
    columns = spec.template_columns
    style_header(ws, columns)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}1"
    list_col = 0
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        fmt = number_format(column)
        if fmt:
            ws.column_dimensions[letter].number_format = fmt
        values = _list_for(column, lists)
        if not values:
            continue
        list_col += 1
        list_letter = get_column_letter(list_col)
        lists_ws.cell(1, list_col, column.header).font = BOLD
        for r, value in enumerate(values, 2):
            set_text(lists_ws.cell(r, list_col), value)
        source = f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:${list_letter}${len(values) + 1}"
        dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True,
                            showErrorMessage=True, errorStyle="warning",
                            errorTitle="Giá trị ngoài danh sách",
                            error="Giá trị này không có trong danh sách. Vẫn giữ?",
                            promptTitle=column.header[:32], prompt=column.help_vi[:255],
                            showInputMessage=bool(column.help_vi))
        dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
        ws.add_data_validation(dv)
        lists_ws.column_dimensions[list_letter].width = 28


# What happens to a row that matches stored data: each sheet says its own rule (the targets
# sheet once spoke of CCCD updates, which it has nothing to do with).
_UPDATES_VI = {
    "workers": "Người có số CCCD đã có trong máy thì được cập nhật; ô để trống giữ nguyên "
               "thông tin đã lưu.",
    "loans": "Người vay được nhận ra theo số CCCD và phải có sẵn trong danh sách người lao "
             "động.",
    "attendance": "Người đã có trong máy được nối vào hội nghị, không tạo "
                  "thêm người mới.",
    "targets": "Mỗi dòng là chỉ tiêu của một năm cho một xã/phường (hoặc toàn tỉnh); chỉ "
               "tiêu đã có cho cùng năm và xã/phường được thay bằng số trong tệp.",
}
_UPDATES_EN = {
    "workers": "A worker whose ID is already stored is updated; empty cells keep the stored "
               "values.",
    "loans": "The borrower is found by ID number and must already be in the worker list.",
    "attendance": "A person already stored is linked to the conference, "
                  "not added again.",
    "targets": "Each row is one year's target for a commune/ward (or the province); a "
               "target already set for that year and place is replaced.",
}


def _guide(wb: Workbook, spec: SheetSpec) -> None:
    ws = wb.create_sheet(GUIDE_SHEET)
    rows = [
        [f"HƯỚNG DẪN ĐIỀN TRANG “{spec.title.upper()}”"],
        ["Mỗi dòng là một người (hoặc một khoản vay, một chỉ tiêu). Không đổi tên trang; có thể "
         "đổi thứ tự cột. Ô ngày nhập dạng ngày/tháng/năm."],
        ["Khi nhập, chương trình kiểm tra TẤT CẢ các dòng trước: chỉ cần một dòng sai là không "
         "ghi gì, và danh sách lỗi chỉ rõ trang · dòng · cột để sửa."],
        [_UPDATES_VI.get(spec.kind, "")],
        ["Each row is one record. Every row is checked before anything is saved: one wrong "
         "row and nothing is written; the error list names sheet · row · column. "
         + _UPDATES_EN.get(spec.kind, "")],
        [],
        ["Cột", "Bắt buộc", "Cách nhập", "English"],
    ]
    for column in spec.columns:
        if column.extra and not column.help_vi:
            continue
        rows.append([column.header + (" (cột thêm)" if column.extra else ""),
                     "Có" if column.required else "", column.help_vi, column.help_en])
    for row in rows:
        ws.append(row)
    ws["A1"].font = TITLE_FONT
    header_row = rows.index(["Cột", "Bắt buộc", "Cách nhập", "English"]) + 1
    for cell in ws[header_row]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGN
    for letter, width in zip("ABCD", (30, 10, 80, 60), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = WRAP_TOP


def _prefill_targets(ws, lists: TemplateLists, year: int) -> None:
    ws.append([year, None, None])  # the province-wide target
    for _, name in lists.communes:
        ws.append(cell_values(ws, [year, name, None]))


def build_template(kind: str, lists: TemplateLists, year: int | None = None) -> Workbook:
    spec = sheets.TEMPLATES[kind]
    wb = Workbook()
    lists_ws = wb.create_sheet(LISTS_SHEET)
    _data_sheet(wb, spec, lists, lists_ws)
    if kind == "targets":
        _prefill_targets(wb.active, lists, year or date.today().year)
    _guide(wb, spec)
    wb.move_sheet(LISTS_SHEET, offset=2)
    lists_ws.sheet_state = "hidden"
    wb.active = 0
    return wb


def write_template(kind: str, lists: TemplateLists, path: str | os.PathLike,
                   year: int | None = None) -> None:
    wb = build_template(kind, lists, year)
    save_atomically(path, wb.save)
