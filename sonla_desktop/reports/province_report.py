"""The province dashboard's table (``report --by-commune``) as Excel and as a landscape PDF.

Rows come sorted from ``services.province_table``; the colours match the page: red under
50 % of the target, amber under 80 %, green from 80 %; a commune silent for 30 days or more
has its "last bundle" cell in red."""

from __future__ import annotations

import os
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph

from ..domain.dates import format_date
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
from .fonts import SERIF
from .pdf_common import (
    build_pdf,
    escape,
    format_decimal_vi,
    format_vnd,
    frame_width,
    grid_table,
    make_styles,
    vspace,
)

TITLE = "TIẾN ĐỘ THEO XÃ, PHƯỜNG"
HEADERS = ["Mã", "Xã/Phường", "Chỉ tiêu", "Xuất cảnh", "%", "Khoản vay", "Số tiền (đồng)",
           "Dư nợ (đồng)", "Quá hạn (đồng)", "Hội nghị", "Người dự", "Tệp cuối nhận",
           "Số ngày"]
RED, AMBER, GREEN = "F8D7DA", "FFF3CD", "D4EDDA"


def band(percent: float | None) -> str | None:
    """The colour of a row's % cell (shared with the page)."""
    if percent is None:
        return None
    return RED if percent < 50 else AMBER if percent < 80 else GREEN


def row_values(r) -> list:
    return [r.code, r.name, r.target, r.departures, r.percent, r.loans, r.amount_vnd,
            r.outstanding_vnd, r.overdue_vnd, r.events, r.attendees,
            format_date(r.last_bundle.date()) if r.last_bundle else "chưa nhận",
            r.age_days]


def _period(t) -> str:
    return f"Từ {format_date(t.period.start)} đến {format_date(t.period.end)}"


def build_workbook(t, office: str = "") -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Theo xã"
    ws["A1"], ws["A1"].font = TITLE, TITLE_FONT
    ws["A2"] = f"{office + ' – ' if office else ''}{_period(t)}"
    top = 4
    for col, text in enumerate(HEADERS, 1):
        c = ws.cell(top, col, text)
        c.font, c.fill, c.alignment, c.border = HEADER_FONT, HEADER_FILL, HEADER_ALIGN, \
            HEADER_BORDER
    formats = [None, None, INT_FORMAT, INT_FORMAT, "0.0", INT_FORMAT, VND_FORMAT, VND_FORMAT,
               VND_FORMAT, INT_FORMAT, INT_FORMAT, None, INT_FORMAT]
    for i, r in enumerate([*t.rows, t.total], top + 1):
        for col, value in enumerate(row_values(r), 1):
            c = ws.cell(i, col)
            set_text(c, value)
            c.border = HEADER_BORDER
            if formats[col - 1]:
                c.number_format = formats[col - 1]
            if r is t.total:
                c.font = BOLD
        colour = band(r.percent)
        if colour and r is not t.total:
            ws.cell(i, 5).fill = PatternFill("solid", fgColor=colour)
        if r is not t.total and r.silent:
            ws.cell(i, 12).fill = PatternFill("solid", fgColor=RED)
    for col, width in enumerate([8, 26, 10, 10, 7, 10, 16, 16, 16, 9, 9, 14, 8], 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    plan = wb.create_sheet("Kế hoạch 2025-2030")
    years = sorted(t.total.plan)
    heads = ["Mã", "Xã/Phường"] + [f"{y} {k}" for y in years for k in ("KH", "TH")]
    for col, text in enumerate(heads, 1):
        c = plan.cell(1, col, text)
        c.font, c.fill, c.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
    for i, r in enumerate([*t.rows, t.total], 2):
        values = [r.code, r.name] + [v for y in years for v in r.plan[y]]
        for col, value in enumerate(values, 1):
            set_text(plan.cell(i, col), value)
    plan.column_dimensions["B"].width = 26
    return wb


def write_province_xlsx(t, path: str | os.PathLike, office: str = "") -> None:
    wb = build_workbook(t, office)
    save_atomically(path, wb.save)


def _num(v) -> str:
    return "" if v is None else format_vnd(v)


def write_province_pdf(t, out: str | os.PathLike, office: str = "",
                       today: date | None = None) -> None:
    st = make_styles(SERIF, 9.5)  # cells at 8 pt: the smallest a printed page may use
    size = landscape(A4)
    width = frame_width(size)
    cols = [0.05, 0.15, 0.06, 0.06, 0.05, 0.06, 0.11, 0.11, 0.1, 0.06, 0.06, 0.08, 0.05]
    rows = [[r.code, r.name, _num(r.target), _num(r.departures),
             "" if r.percent is None else format_decimal_vi(f"{r.percent:.1f}", 1),
             _num(r.loans), _num(r.amount_vnd), _num(r.outstanding_vnd), _num(r.overdue_vnd),
             _num(r.events), _num(r.attendees),
             format_date(r.last_bundle.date()) if r.last_bundle else "chưa nhận",
             _num(r.age_days)] for r in [*t.rows, t.total]]
    table = grid_table(HEADERS, rows, [width * c for c in cols], styles=st,
                       align="CLRRRRRRRRRCR", total_rows=1)
    commands = []
    for i, r in enumerate(t.rows, 1):
        colour = band(r.percent)
        if colour:
            commands.append(("BACKGROUND", (4, i), (4, i), colors.HexColor("#" + colour)))
        if r.silent:
            commands.append(("BACKGROUND", (11, i), (12, i), colors.HexColor("#" + RED)))
    table.setStyle(commands)
    story = [Paragraph(escape(TITLE), st.title),
             Paragraph(escape(f"{office + ' – ' if office else ''}{_period(t)}"), st.subtitle),
             vspace(6), table]
    build_pdf(out, story, size, title=TITLE, author=office or "sonla-desktop",
              footer=_period(t))
