"""The progress report as an Excel workbook: the figures, departures by market (with a bar
chart), loans by policy group, departures by commune and, for one year, by month."""

from __future__ import annotations

import os

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from ..domain.dates import format_date
from ..domain.progress import ProgressFigures
from .excel_common import (
    BOLD,
    HEADER_ALIGN,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    INT_FORMAT,
    TITLE_FONT,
    VND_FORMAT,
    save_atomically,
    set_text,
)
from .progress_common import (
    TITLE,
    figure_rows,
    group_rows,
    market_rows,
    period_text,
    scope_text,
    target_text,
)


def _table(ws, top: int, headers: list[str], rows: list[list], formats: list[str | None]) -> int:
    """Write a header + rows at ``top`` (column A on); returns the next free row."""
    for col, text in enumerate(headers, 1):
        cell = ws.cell(top, col, text)
        cell.font, cell.fill, cell.alignment, cell.border = (
            HEADER_FONT, HEADER_FILL, HEADER_ALIGN, HEADER_BORDER)
    for r, values in enumerate(rows, top + 1):
        for col, value in enumerate(values, 1):
            cell = ws.cell(r, col)
            set_text(cell, value)  # names are data: never a formula
            cell.border = HEADER_BORDER
            if formats[col - 1]:
                cell.number_format = formats[col - 1]
    return top + len(rows) + 2


def build_progress_workbook(f: ProgressFigures, office: str = "") -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    ws["A1"] = TITLE
    ws["A1"].font = TITLE_FONT
    lines = [f"Đơn vị: {office}" if office else None, f"Phạm vi: {scope_text(f)}",
             f"Kỳ báo cáo: {period_text(f)}", target_text(f) or None,
             f"Số dư nợ tính đến ngày {format_date(f.as_of)}"]
    row = 2
    for line in filter(None, lines):
        set_text(ws.cell(row, 1), line)
        row += 1
    row += 1
    formats = {"count": INT_FORMAT, "vnd": VND_FORMAT, "pct": "0.0"}
    figures = figure_rows(f)
    for r, item in enumerate(figures, row + 1):
        ws.cell(r, 1, item.label).border = HEADER_BORDER
        cell = ws.cell(r, 2, item.value if item.value is not None else "—")
        cell.border = HEADER_BORDER
        cell.number_format = formats[item.kind]
    for col, text in enumerate(("Chỉ số", "Giá trị"), 1):
        cell = ws.cell(row, col, text)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGN
    row += len(figures) + 2

    ws.cell(row, 1, "Xuất cảnh theo thị trường").font = BOLD
    markets = market_rows(f)
    market_top = row + 1
    row = _table(ws, market_top, ["Thị trường", "Mã", "Số người", "Tỷ lệ (%)"],
                 [[name, code, n, pct] for code, name, n, pct in markets],
                 [None, None, INT_FORMAT, "0.0"])
    if markets:
        chart = BarChart()
        chart.title = "Xuất cảnh theo thị trường"
        chart.y_axis.title = "Số người"
        chart.legend = None
        data = Reference(ws, min_col=3, min_row=market_top, max_row=market_top + len(markets))
        cats = Reference(ws, min_col=1, min_row=market_top + 1, max_row=market_top + len(markets))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.width, chart.height = 16, 8
        ws.add_chart(chart, "F5")

    ws.cell(row, 1, "Vay vốn theo đối tượng chính sách").font = BOLD
    row = _table(ws, row + 1, ["Đối tượng", "Số khoản vay"],
                 [list(r) for r in group_rows(f)], [None, INT_FORMAT])
    for letter, width in zip("ABCD", (46, 20, 12, 12), strict=True):
        ws.column_dimensions[letter].width = width

    communes = wb.create_sheet("Theo xã")
    _table(communes, 1, ["Mã", "Xã/Phường", "Số người xuất cảnh"],
           [[code, f.commune_name(code), n] for code, n in f.departures_by_commune.items()],
           [None, None, INT_FORMAT])
    for letter, width in zip("ABC", (10, 26, 18), strict=True):
        communes.column_dimensions[letter].width = width
    communes.freeze_panes = "A2"
    if f.departures_by_month:
        months = wb.create_sheet("Theo tháng")
        _table(months, 1, ["Tháng", "Số người xuất cảnh"],
               [[f"Tháng {m}", n] for m, n in enumerate(f.departures_by_month, 1)],
               [None, INT_FORMAT])
        for col in (1, 2):
            months.column_dimensions[get_column_letter(col)].width = 20
    return wb


def write_progress_xlsx(f: ProgressFigures, path: str | os.PathLike, office: str = "") -> None:
    wb = build_progress_workbook(f, office)
    save_atomically(path, wb.save)
