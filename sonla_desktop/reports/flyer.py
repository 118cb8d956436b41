"""Recruitment flyer: one A4 page, or two identical A5 flyers on an A4 sheet to cut in half.

Only draws a ``reports.flyer_data.FlyerData`` (gathered by ``services.flyers``).
Designed for an office laser printer: one dark colour that prints as a strong grey, light
tints for section titles, every figure in text (never only in colour), QR codes at least
2.4 cm wide so an ordinary phone reads them.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from decimal import Decimal
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.identity import format_phone
from ..files import write_bytes_atomically
from .flyer_data import FlyerData, MarketFacts, tel_uri, zalo_url
from .fonts import SANS, face_name, register_fonts
from .pdf_common import escape, format_date_vi, format_decimal_vi, make_styles
from .qr import QRFlowable

INK = colors.HexColor("#1F3D73")  # prints as a dark grey on a mono laser printer
TINT = colors.HexColor("#E3EAF5")
WARN_TINT = colors.HexColor("#FCEBD2")
WARN_INK = colors.HexColor("#8A3B00")

LICENSED_SITE = "dolab.gov.vn"


def _millions(vnd: int) -> str:
    if vnd % 1_000_000 == 0:
        return f"{vnd // 1_000_000}"
    return format_decimal_vi(vnd / 1_000_000, 0)


def _money_range(low: int, high: int) -> str:
    if low == high:
        return f"{_millions(low)} triệu đồng"
    return f"{_millions(low)}–{_millions(high)} triệu đồng"


def _rate_text(rate: Decimal) -> str:
    monthly = rate / 12
    text = f"{format_decimal_vi(rate)}%/năm"
    # The bank quotes both; the monthly figure only when it is exact (0,52 not 0,5333…).
    if monthly == monthly.quantize(Decimal("0.001")):
        text += f" ({format_decimal_vi(monthly)}%/tháng)"
    return text


class _Styles:
    def __init__(self, size: float) -> None:
        base = make_styles(SANS, size)
        bold = face_name(SANS, bold=True)
        self.base = base
        self.size = size
        self.body = ParagraphStyle("fl_body", parent=base.body_left, spaceAfter=size * 0.15)
        self.bullet = ParagraphStyle("fl_bullet", parent=self.body, leftIndent=size * 0.9,
                                     bulletIndent=0, bulletFontName=bold)
        self.small = ParagraphStyle("fl_small", parent=base.small, textColor=colors.HexColor("#444444"))
        self.section = ParagraphStyle("fl_section", parent=base.body_left, fontName=bold,
                                      fontSize=size + 1.5, leading=(size + 1.5) * 1.25,
                                      textColor=INK)
        self.headline = ParagraphStyle("fl_head", parent=base.title, fontSize=size * 2,
                                       leading=size * 2.35, textColor=colors.white,
                                       spaceBefore=0, spaceAfter=0)
        self.head_sub = ParagraphStyle("fl_head_sub", parent=base.body_center, fontName=bold,
                                       fontSize=size + 2, leading=(size + 2) * 1.3,
                                       textColor=colors.white)
        self.head_small = ParagraphStyle("fl_head_small", parent=base.body_center,
                                         textColor=colors.white)
        self.cell = ParagraphStyle("fl_cell", parent=base.cell, fontSize=size - 0.5,
                                   leading=(size - 0.5) * 1.25)
        self.cell_head = ParagraphStyle("fl_cell_head", parent=self.cell, fontName=bold)
        self.contact = ParagraphStyle("fl_contact", parent=self.cell, alignment=TA_CENTER)


def _section(title: str, body: Sequence[Flowable], st: _Styles, width: float,
             fill=TINT, ink=INK) -> Table:
    """A titled box: tinted title bar, then its content."""
    head = Paragraph(escape(title), ParagraphStyle("t", parent=st.section, textColor=ink))
    table = Table([[head], [list(body)]], colWidths=[width])
    pad = st.size * 0.45
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), fill),
        ("BOX", (0, 0), (-1, -1), 0.8, ink),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), face_name(SANS)),
    ]))
    return table


def _bullets(items: Sequence[str], st: _Styles) -> list[Flowable]:
    return [Paragraph(text, st.bullet, bulletText="•") for text in items]


def _header(data: FlyerData, st: _Styles, width: float) -> Table:
    s = data.settings
    rows: list[list[Flowable]] = []
    if s.office_name:
        rows.append([Paragraph(escape(s.office_name.upper()), st.head_small)])
    rows.append([Paragraph(escape(s.headline or "ĐI LÀM VIỆC Ở NƯỚC NGOÀI"), st.headline)])
    if len(data.markets) == 1:
        rows.append([Paragraph(f"Thị trường {escape(data.markets[0].name_vi)}", st.head_sub)])
    elif data.markets:
        names = ", ".join(m.name_vi for m in data.markets)
        rows.append([Paragraph(escape(names), st.head_sub)])
    if data.event:
        e = data.event
        rows.append([Paragraph(
            f"Hội nghị tư vấn ngày {format_date_vi(e.event_date)} – {escape(e.place)}",
            st.head_small)])
    table = Table(rows, colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), INK),
        ("TOPPADDING", (0, 0), (-1, -1), st.size * 0.25),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.size * 0.25),
        ("TOPPADDING", (0, 0), (-1, 0), st.size * 0.7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), st.size * 0.8),
        ("FONTNAME", (0, 0), (-1, -1), face_name(SANS)),
    ]))
    return table


def _market_one(m: MarketFacts, st: _Styles, width: float) -> Table:
    label_w = width * 0.27
    rows = [
        ("Công việc thường gặp", ", ".join(m.jobs)),
        ("Thu nhập", f"khoảng {_money_range(m.wage_min_vnd, m.wage_max_vnd)}/tháng"),
        ("Thời hạn hợp đồng", m.contract),
        ("Chi phí trước khi đi", m.costs),
        ("Mức vay thường gặp", _money_range(m.typical_loan_min_vnd, m.typical_loan_max_vnd)),
    ]
    table = Table([[Paragraph(escape(a), st.cell_head), Paragraph(escape(b), st.cell)]
                   for a, b in rows], colWidths=[label_w, width - label_w])
    table.setStyle(_grid_style(st))
    return table


def _market_many(markets: Sequence[MarketFacts], st: _Styles, width: float) -> Table:
    label_w = width * 0.2
    col = (width - label_w) / len(markets)
    head = [Paragraph("", st.cell_head)] + [
        Paragraph(escape(m.name_vi), ParagraphStyle("c", parent=st.cell_head, alignment=TA_CENTER))
        for m in markets]
    rows = [head]
    for label, fn in (
        ("Công việc", lambda m: ", ".join(m.jobs)),
        ("Thu nhập/tháng", lambda m: "khoảng " + _money_range(m.wage_min_vnd, m.wage_max_vnd)),
        ("Thời hạn", lambda m: m.contract),
        ("Mức vay thường gặp",
         lambda m: _money_range(m.typical_loan_min_vnd, m.typical_loan_max_vnd)),
    ):
        rows.append([Paragraph(escape(label), st.cell_head)]
                    + [Paragraph(escape(fn(m)), st.cell) for m in markets])
    table = Table(rows, colWidths=[label_w] + [col] * len(markets), repeatRows=1)
    style = _grid_style(st)
    style.add("BACKGROUND", (0, 0), (-1, 0), TINT)
    table.setStyle(style)
    return table


def _grid_style(st: _Styles) -> TableStyle:
    return TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F8FA9")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), st.size * 0.35),
        ("RIGHTPADDING", (0, 0), (-1, -1), st.size * 0.35),
        ("TOPPADDING", (0, 0), (-1, -1), st.size * 0.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.size * 0.3),
        ("FONTNAME", (0, 0), (-1, -1), face_name(SANS)),
    ])


def _loan_items(data: FlyerData) -> list[str]:
    loan = data.loan
    items = []
    if loan.cap_label:
        # The cap in the decree's own words (from 2026: minus what the state budget pays).
        items.append(f"Vay <b>{escape(loan.cap_label)}</b> ({escape(loan.cap_basis)}).")
    elif loan.max_share_pct is not None:
        items.append(f"Vay tới <b>{format_decimal_vi(loan.max_share_pct, 0)}% chi phí</b> "
                     "đi làm việc ở nước ngoài ghi trong hợp đồng.")
    single = loan.single_rate
    if single is not None:
        since = f", áp dụng từ {format_date_vi(single.valid_from)}" if single.valid_from else ""
        items.append(f"Lãi suất ưu đãi <b>{_rate_text(single.rate_pct_year)}</b>{since}.")
    elif loan.rates:
        # Who pays what: the cheapest rate that fits a borrower applies to them.
        parts = "; ".join(f"{escape(r.label)}: <b>{_rate_text(r.rate_pct_year)}</b>"
                          for r in loan.rates)
        since = max((r.valid_from for r in loan.rates if r.valid_from), default=None)
        when = f" (áp dụng từ {format_date_vi(since)})" if since else ""
        items.append(f"Lãi suất{when}: {parts}.")
    else:
        items.append("Lãi suất: theo mức Ngân hàng Chính sách xã hội đang áp dụng "
                     f"(hỏi cán bộ {data.unit_word}).")
    if loan.collateral_threshold_vnd:
        items.append(f"Vay đến {_millions(loan.collateral_threshold_vnd)} triệu đồng "
                     "không phải thế chấp tài sản.")
    items.append(f"Vay qua Tổ tiết kiệm và vay vốn ở bản; UBND {data.unit_word} xác nhận hồ sơ. "
                 "Gia đình trả nợ tại Điểm giao dịch xã trong thời gian đi làm.")
    return items


def _who_items(data: FlyerData) -> list[str]:
    groups = ", ".join(g[0].lower() + g[1:] for g in data.groups)
    return [
        "Công dân từ đủ 18 tuổi, đủ sức khoẻ, tự nguyện đi làm việc ở nước ngoài.",
        "Có hợp đồng với doanh nghiệp được cấp phép đưa người lao động đi làm việc ở nước ngoài.",
        f"Được vay ưu đãi nếu thuộc: {escape(groups)}." if groups else
        "Được vay ưu đãi nếu thuộc đối tượng chính sách.",
    ]


def _documents(word: str) -> list[str]:
    return [
        "Căn cước công dân (CCCD) còn hạn.",
        "Giấy xác nhận hộ nghèo, cận nghèo hoặc đối tượng chính sách (nếu có).",
        "Hợp đồng đưa người lao động đi làm việc ở nước ngoài (bản sao).",
        f"Giấy đề nghị vay vốn (mẫu 01/TD) – cán bộ {word} hướng dẫn điền.",
        "Hộ chiếu, giấy khám sức khoẻ (khi doanh nghiệp yêu cầu).",
    ]


def _warning_items(word: str) -> list[str]:
    return [
        "Chỉ đăng ký với <b>doanh nghiệp được cấp giấy phép</b> (tra cứu tại "
        f"{LICENSED_SITE} hoặc hỏi UBND {word}).",
        "Tiền dịch vụ <b>không quá 1 tháng lương</b> theo hợp đồng cho mỗi 12 tháng làm "
        "việc (Luật 69/2020/QH14). Mọi khoản thu phải có hợp đồng, biên lai.",
        "Không nộp tiền cho cá nhân môi giới; không đi theo đường du lịch để làm việc chui.",
    ]


def _contacts(data: FlyerData, st: _Styles, width: float) -> Table | None:
    s = data.settings
    items = []
    if s.office_phone:
        items.append((f"Gọi điện cho {data.unit_word}", s.office_phone,
                      tel_uri(s.office_phone)))
    if s.jobs_website:
        items.append(("Trang việc làm của tỉnh",
                      s.jobs_website.removeprefix("https://").removeprefix("http://"),
                      s.jobs_website))
    if s.zalo:
        shown = s.zalo.removeprefix("https://") if s.zalo.startswith("http") else format_phone(s.zalo)
        items.append(("Nhắn tin Zalo", shown, zalo_url(s.zalo)))
    if not items:
        return None
    qr = min(3.2 * cm, max(2.4 * cm, width / 3 * 0.55))
    cells = []
    for label, shown, data_uri in items:
        cells.append([
            QRFlowable(data_uri, qr),
            Paragraph(f"<b>{escape(label)}</b><br/>{escape(shown)}", st.contact),
        ])
    col = width / len(cells)
    table = Table([[c[0] for c in cells], [c[1] for c in cells]], colWidths=[col] * len(cells))
    table.setStyle(TableStyle([
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("FONTNAME", (0, 0), (-1, -1), face_name(SANS)),
    ]))
    return table


def flyer_flowables(data: FlyerData, width: float, size: float) -> list[Flowable]:
    """The content of one flyer laid out for a frame ``width`` wide, body text ``size`` pt."""
    st = _Styles(size)
    gap = size * 0.6
    story: list[Flowable] = [_header(data, st, width), _spacer(gap)]
    s = data.settings
    if s.intro:
        story += [Paragraph(escape(s.intro).replace("\n", "<br/>"), st.body), _spacer(gap * 0.6)]
    if data.markets:
        inner = width - size * 0.9 - 1.6
        table = (_market_one(data.markets[0], st, inner) if len(data.markets) == 1
                 else _market_many(data.markets, st, inner))
        story += [_section("1. Thị trường và công việc", [table], st, width), _spacer(gap)]
    col_gap = size * 0.8
    half = (width - col_gap) / 2
    left = [
        _section("2. Vay vốn ưu đãi (NHCSXH)", _bullets(_loan_items(data), st), st, half),
        _spacer(gap),
        _section("3. Ai được tham gia?", _bullets(_who_items(data), st), st, half),
    ]
    right = [
        _section("4. Giấy tờ cần chuẩn bị", _bullets([escape(d) for d in _documents(data.unit_word)], st), st,
                 half),
        _spacer(gap),
        _section("5. Cảnh giác lừa đảo", _bullets(_warning_items(data.unit_word), st), st, half,
                 fill=WARN_TINT, ink=WARN_INK),
    ]
    columns = Table([[left, right]], colWidths=[half + col_gap, half])
    columns.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), col_gap),
        ("FONTNAME", (0, 0), (-1, -1), face_name(SANS)),
    ]))
    story += [columns, _spacer(gap)]
    contacts = _contacts(data, st, width)
    if contacts is not None:
        story += [_section("6. Liên hệ – quét mã bằng điện thoại", [contacts], st, width),
                  _spacer(gap * 0.6)]
    if s.office_address or s.note:
        text = " – ".join(escape(t) for t in (s.office_address, s.note) if t)
        story.append(Paragraph(f"<b>{text}</b>", ParagraphStyle(
            "n", parent=st.body, alignment=TA_CENTER)))
    sources = " ".join(dict.fromkeys(m.source for m in data.markets))
    caveats = " ".join(dict.fromkeys(m.caveat for m in data.markets))
    story.append(Paragraph(
        f"Lãi suất và mức vay theo quy định áp dụng ngày {format_date_vi(data.as_of)}. "
        f"{escape(caveats)} Nguồn: {escape(sources)}", st.small))
    return story


def _spacer(height: float) -> Flowable:
    return Spacer(1, height)


# --------------------------------------------------------------------------- pages

A4_MARGIN = 1.2 * cm
A5_MARGIN = 0.9 * cm


def _cut_line(canvas, doc) -> None:
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.setStrokeColor(colors.HexColor("#888888"))
    canvas.line(width / 2, 4 * mm, width / 2, height - 4 * mm)
    canvas.restoreState()


def _document(out, data: FlyerData) -> tuple[BaseDocTemplate, list[Flowable]]:
    title = f"Tờ rơi – {data.settings.headline}"
    if data.layout == "a5x2":
        pagesize = landscape(A4)
        half = pagesize[0] / 2
        frames = [Frame(i * half + A5_MARGIN, A5_MARGIN, half - 2 * A5_MARGIN,
                        pagesize[1] - 2 * A5_MARGIN, 0, 0, 0, 0, id=f"a5_{i}")
                  for i in range(2)]
        size = 7.6
        on_page = _cut_line
    else:
        pagesize = A4
        frames = [Frame(A4_MARGIN, A4_MARGIN, pagesize[0] - 2 * A4_MARGIN,
                        pagesize[1] - 2 * A4_MARGIN, 0, 0, 0, 0, id="a4")]
        size = 10.5
        on_page = None
    doc = BaseDocTemplate(out, pagesize=pagesize, title=title, author=data.settings.office_name,
                          subject="Tờ rơi tư vấn đi làm việc ở nước ngoài", creator="sonla-desktop",
                          lang="vi-VN", leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
    template = (PageTemplate(id="p", frames=frames, onPage=on_page) if on_page
                else PageTemplate(id="p", frames=frames))
    doc.addPageTemplates([template])
    story: list[Flowable] = []
    for i, frame in enumerate(frames):
        if i:
            story.append(FrameBreak())
        # Shrink rather than spill: a flyer is exactly one page (or one half) whatever the
        # office typed into its texts.
        story.append(KeepInFrame(frame._width, frame._height,
                                 flyer_flowables(data, frame._width, size), mode="shrink"))
    return doc, story


def render_flyer(data: FlyerData, out: str | os.PathLike[str] | BinaryIO) -> None:
    """Write the flyer PDF to a path (atomically) or a binary file object."""
    register_fonts()
    if not isinstance(out, str | os.PathLike):
        doc, story = _document(out, data)
        doc.build(story)
        return
    buffer = io.BytesIO()
    doc, story = _document(buffer, data)
    doc.build(story)
    write_bytes_atomically(out, buffer.getvalue())


def flyer_bytes(data: FlyerData) -> bytes:
    buffer = io.BytesIO()
    render_flyer(data, buffer)
    return buffer.getvalue()


