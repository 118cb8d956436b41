"""The flyer's building blocks: styles, titled boxes, the market table, the bullet texts and
the contact QR codes. ``reports.flyer`` arranges them on one A4 page or on two A5 sides."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from ..domain.identity import format_phone
from .flyer_data import FlyerData, MarketFacts, tel_uri, zalo_url
from .fonts import SANS, face_name
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


MIN_PT = 8.0  # nothing printed smaller: 4–5 pt fine print is unreadable on a village notice board


class _Styles:
    def __init__(self, size: float) -> None:
        base = make_styles(SANS, size)
        small, cell = max(size - 1.5, MIN_PT), max(size - 0.5, MIN_PT)
        bold = face_name(SANS, bold=True)
        self.base = base
        self.size = size
        self.body = ParagraphStyle("fl_body", parent=base.body_left, spaceAfter=size * 0.15)
        self.bullet = ParagraphStyle("fl_bullet", parent=self.body, leftIndent=size * 0.9,
                                     bulletIndent=0, bulletFontName=bold)
        self.small = ParagraphStyle("fl_small", parent=base.small, fontSize=small,
                                    leading=small * 1.25, textColor=colors.HexColor("#444444"))
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
        self.cell = ParagraphStyle("fl_cell", parent=base.cell, fontSize=cell,
                                   leading=cell * 1.25)
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


def inner_width(width: float, size: float) -> float:
    """What fits inside a ``_section`` box ``width`` wide: less its padding and its border.

    Content as wide as the box itself pushed the box out, and the flyer was then shrunk to
    fit, which left the boxes narrower than the paragraphs around them (issue 17)."""
    return width - size * 0.9 - 1.6
