"""The progress report as an A4 PDF: figures, charts drawn with ReportLab's graphics
(departures by market; target against achieved; by month for one year), loans by policy
group, departures by commune, and the signature block."""

from __future__ import annotations

import os
from datetime import date
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from ..domain.progress import ProgressFigures
from .fonts import SANS, SERIF, face_name
from .pdf_common import (
    Styles,
    build_pdf,
    date_line,
    escape,
    format_decimal_vi,
    format_vnd,
    frame_width,
    grid_table,
    layout_table,
    make_styles,
    office_and_motto,
    right_column_line,
    signature_block,
    vspace,
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
from .qr import statement_block

BAR = colors.HexColor("#1F4E78")
TARGET = colors.HexColor("#A6A6A6")
DONE = colors.HexColor("#2E7D32")
MAX_MARKET_BARS = 8


def _value_text(value: int | float | None, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "pct":
        return format_decimal_vi(f"{value:.1f}", 1)
    return format_vnd(int(value))


def _axis_fonts(chart, size: float = 8) -> None:  # nothing printed under 8 pt (issue 17)
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        labels.fontName = face_name(SANS)
        labels.fontSize = size


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 11, text, fontName=face_name(SANS, bold=True),
                       fontSize=9, textAnchor="middle"))


def market_chart(f: ProgressFigures, width: float, height: float = 6 * cm) -> Drawing:
    rows = market_rows(f)
    if len(rows) > MAX_MARKET_BARS:
        rest = sum(n for _, _, n, _ in rows[MAX_MARKET_BARS - 1:])
        rows = [*rows[:MAX_MARKET_BARS - 1], ("", "Khác", rest, 0.0)]
    d = Drawing(width, height)
    _title(d, "Xuất cảnh theo thị trường (người)", width, height)
    if not rows:
        d.add(String(width / 2, height / 2, "Chưa có người xuất cảnh trong kỳ",
                     fontName=face_name(SANS), fontSize=8, textAnchor="middle"))
        return d
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 32
    chart.width, chart.height = width - 40, height - 62
    chart.data = [[n for _, _, n, _ in rows]]
    chart.categoryAxis.categoryNames = [name if len(name) <= 12 else code or name[:11] + "…"
                                        for code, name, _, _ in rows]
    chart.categoryAxis.labels.angle = 30 if len(rows) > 4 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(rows) > 4 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = BAR
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = face_name(SANS)
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    _axis_fonts(chart)
    d.add(chart)
    return d


def target_chart(f: ProgressFigures, width: float, height: float = 6 * cm) -> Drawing:
    d = Drawing(width, height)
    _title(d, "Chỉ tiêu và kết quả (người)", width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62, 40
    chart.width, chart.height = width - 80, height - 64
    chart.data = [[f.target or 0, f.departures_total]]
    chart.categoryAxis.categoryNames = ["Chỉ tiêu", "Đã đạt"]
    chart.bars[(0, 0)].fillColor = TARGET
    chart.bars[(0, 1)].fillColor = DONE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = face_name(SANS)
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 10
    _axis_fonts(chart, 8)
    d.add(chart)
    if f.target is None:
        d.add(String(width / 2, 4, "Chưa có chỉ tiêu cho kỳ này", fontName=face_name(SANS),
                     fontSize=8, textAnchor="middle", fillColor=colors.HexColor("#555555")))
    else:
        pct = format_decimal_vi(f"{f.achievement_pct:.1f}", 1)
        d.add(String(width / 2, 4, f"Đạt {pct}% chỉ tiêu", fontName=face_name(SANS, bold=True),
                     fontSize=8, textAnchor="middle"))
    return d


def month_chart(f: ProgressFigures, width: float, height: float = 5 * cm) -> Drawing:
    d = Drawing(width, height)
    _title(d, f"Xuất cảnh theo tháng năm {f.period.start.year} (người)", width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 18
    chart.width, chart.height = width - 40, height - 44
    chart.data = [list(f.departures_by_month)]
    chart.categoryAxis.categoryNames = [f"T{m}" for m in range(1, 13)]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = BAR
    _axis_fonts(chart)
    d.add(chart)
    return d


def _header(office: str, st: Styles, width: float) -> Flowable:
    left = [Paragraph(f"<b>{escape(office.upper())}</b>", st.body_center)] if office else []
    return office_and_motto(left, st, width, 0.4)


def _story(f: ProgressFigures, office: str, today: date, st: Styles) -> list[Flowable]:
    width = frame_width()
    figures = grid_table(["Chỉ số", "Giá trị"],
                         [[r.label, _value_text(r.value, r.kind)] for r in figure_rows(f)],
                         [width * 0.68, width * 0.32], styles=st, align="LR")
    story: list[Flowable] = [
        _header(office, st, width), vspace(14),
        Paragraph(escape(TITLE), st.title),
        Paragraph(escape(f"{scope_text(f)} – {period_text(f)}"), st.subtitle),
        *([Paragraph(escape(target_text(f)), st.subtitle)] if target_text(f) else []),
        Paragraph("I. CÁC CHỈ SỐ CHÍNH", st.heading), figures, vspace(8),
        Paragraph("II. XUẤT CẢNH", st.heading),
        layout_table([[market_chart(f, width * 0.6), target_chart(f, width * 0.4)]],
                     [width * 0.6, width * 0.4]),
    ]
    if f.departures_by_month:
        story += [vspace(4), month_chart(f, width)]
    markets = market_rows(f)
    if markets:
        table = grid_table(
            ["Thị trường", "Mã", "Số người", "Tỷ lệ (%)"],
            [[name, code, format_vnd(n), format_decimal_vi(f"{pct:.1f}", 1)]
             for code, name, n, pct in markets],
            [width * 0.46, width * 0.14, width * 0.2, width * 0.2], styles=st, align="LCRR")
        # A short table stays in one piece; a long one may break (its header repeats).
        story += [vspace(6), KeepTogether([table]) if len(markets) <= 12 else table]
    story += [
        Paragraph("III. VAY VỐN ƯU ĐÃI THEO ĐỐI TƯỢNG (khoản vay giải ngân trong kỳ)",
                  st.heading),
        grid_table(["Đối tượng chính sách", "Số khoản vay"],
                   [[label, format_vnd(n)] for label, n in group_rows(f)],
                   [width * 0.68, width * 0.32], styles=st, align="LR"),
    ]
    if len(f.departures_by_commune) > 1 or (f.commune_code is None and f.departures_by_commune):
        story += [
            Paragraph("IV. XUẤT CẢNH THEO XÃ, PHƯỜNG", st.heading),
            grid_table(["Mã", "Xã/Phường", "Số người"],
                       [[code, f.commune_name(code), format_vnd(n)]
                        for code, n in f.departures_by_commune.items()],
                       [width * 0.18, width * 0.54, width * 0.28], styles=st, align="CLR"),
        ]
    story.append(vspace(14))
    story.append(KeepTogether([
        right_column_line(date_line("Sơn La", today), st.date_right, width=width),
        signature_block([("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"),
                         ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)")], styles=st),
    ]))
    return story


def write_progress_pdf(f: ProgressFigures, out: str | os.PathLike | BinaryIO,
                       office: str = "", today: date | None = None, seal: str = "") -> None:
    """``seal``: the signed statement (services.document_seal) drawn as a QR code at the end."""
    today = today or date.today()
    st = make_styles(SERIF, 11)
    story = _story(f, office, today, st)
    if seal:
        story.append(statement_block(seal, st.small, frame_width()))
    build_pdf(out, story, title="Báo cáo kết quả xuất khẩu lao động",
              subject=TITLE, author=office or "sonla-desktop",
              footer=f"{office} – {period_text(f)}" if office else period_text(f))
