"""The printable loan dossier: the VBSP application form (Mẫu số 01/TD), the expected
repayment schedule and the checklist of attached papers.

This module only draws. The data arrive as plain frozen dataclasses (``DossierData``),
gathered elsewhere from the database, so the layout can be tested and previewed without
one (``sample_dossier_data``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import cm, mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from sonla_desktop.reports.fonts import SERIF
from sonla_desktop.reports.pdf_common import (
    SIGN_NOTE,
    SIGN_STAMP_NOTE,
    CheckBox,
    FillLines,
    Styles,
    build_pdf,
    date_line,
    escape,
    format_date_vi,
    format_decimal_vi,
    format_vnd,
    frame_width,
    grid_table,
    layout_table,
    make_styles,
    national_motto,
    nfc,
    right_column_line,
    signature_block,
    vspace,
)
from sonla_desktop.reports.qr import statement_block

FORM_CODE = "Mẫu số 01/TD"
TITLE = "GIẤY ĐỀ NGHỊ VAY VỐN KIÊM PHƯƠNG ÁN SỬ DỤNG VỐN VAY"
SUBTITLE = "(Dùng cho người lao động đi làm việc ở nước ngoài theo hợp đồng)"
SCHEDULE_TITLE = "LỊCH TRẢ NỢ DỰ KIẾN"
CHECKLIST_TITLE = "DANH MỤC HỒ SƠ KÈM THEO"
BANK = "Ngân hàng Chính sách xã hội"

_BLANK = "……………………………"
_SEX = {"M": "Nam", "F": "Nữ"}
_COMMUNE_KINDS = ("xã ", "phường ", "thị trấn ", "đặc khu ")
_VILLAGE_KINDS = ("bản ", "thôn ", "tiểu khu ", "tổ ", "xóm ", "khối ", "ấp ", "làng ")


@dataclass(frozen=True)
class CostLine:
    label: str
    amount_vnd: int


@dataclass(frozen=True)
class ScheduleRow:
    number: int
    due_date: date
    principal_vnd: int
    interest_vnd: int
    balance_after_vnd: int


@dataclass(frozen=True)
class DossierData:
    """Everything the dossier prints, already looked up and formatted as labels.

    ``commune_name`` may carry its kind ("xã Chiềng Mung", "phường Tô Hiệu"); a bare name
    is taken to be a xã. ``village`` likewise ("bản Nà Ngần", "tiểu khu 3"; bare = bản).
    ``amount_words`` is the requested amount in words (domain.money_words); "đồng" is
    added if it is missing. Empty strings and ``None`` dates print as dotted blanks for
    the clerk to fill in by hand.
    """

    loan_id: str
    office_name: str
    commune_name: str
    bank_office: str  # e.g. "Phòng giao dịch NHCSXH huyện Mai Sơn"
    borrower_name: str
    birth_date: date | None
    sex: str  # "M" / "F"
    national_id: str
    id_issued_on: date | None
    id_issued_by: str
    ethnicity: str
    household_label: str  # "Hộ nghèo", ...
    village: str
    phone: str
    policy_group_label: str
    market_name: str
    agency: str
    occupation: str
    contract_months: int
    cost_lines: list[CostLine]
    total_cost_vnd: int
    requested_vnd: int
    amount_words: str
    term_months: int
    repayment_frequency_label: str  # "Hàng tháng", ...
    rate_pct_year: Decimal
    rate_basis: str
    overdue_rate_pct_year: Decimal
    purpose: str
    savings_group_name: str
    savings_group_head: str
    application_date: date | None
    schedule: list[ScheduleRow]
    attachments: list[str]
    needs_collateral: bool
    # Printed under the schedule's title, e.g. that it assumes a disbursement date.
    schedule_note: str = ""
    # Why collateral is required (threshold and legal basis), printed in section 7.
    collateral_basis: str = ""
    state_supported_vnd: int = 0  # costs the state budget pays: not lent (NĐ 338, Art. 12)
    # The signed statement (services.document_seal) drawn as a QR code; "" draws none.
    seal: str = ""


# --------------------------------------------------------------------------- helpers

def _v(text: object, blank: str = _BLANK) -> str:
    """Escaped value, or a dotted blank when there is nothing to print."""
    value = nfc(text).strip()
    return escape(value) if value else blank


def _with_kind(name: str, kinds: tuple[str, ...], default: str) -> str:
    name = nfc(name).strip()
    if not name:
        return ""
    if name.lower().startswith(kinds):
        return name[0].lower() + name[1:]
    return f"{default} {name}"


def commune_full(name: str) -> str:
    """``"Chiềng Mung"`` -> ``"xã Chiềng Mung"``; ``"phường Tô Hiệu"`` is kept."""
    return _with_kind(name, _COMMUNE_KINDS, "xã")


def _commune_bare(name: str) -> str:
    full = commune_full(name)
    for kind in _COMMUNE_KINDS:
        if full.lower().startswith(kind):
            return full[len(kind):]
    return full


def _bank_addressee(bank_office: str) -> str:
    office = nfc(bank_office).strip().replace("NHCSXH", BANK)
    if not office:
        return f"{BANK} {_BLANK}"
    return office if "chính sách xã hội" in office.lower() else f"{BANK} – {office}"


def _amount_words(words: str) -> str:
    text = nfc(words).strip().rstrip(".")
    if not text:
        return _BLANK
    if not text.lower().endswith("đồng"):
        text += " đồng"
    return text[0].upper() + text[1:]


def _overdue_note(rate: Decimal, overdue: Decimal) -> str:
    if rate <= 0:
        return ""
    ratio = overdue * 100 / rate
    if ratio == ratio.to_integral_value():
        return f" (bằng {int(ratio)}% lãi suất cho vay)"
    return ""


def _fields(cells: list[str], widths: list[str], st: Styles) -> Table:
    """Several "label: value" items on one line, aligned in borderless columns."""
    table = layout_table([[Paragraph(c, st.body_left) for c in cells]], widths)
    table.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _p(text: str, st: Styles) -> Paragraph:
    return Paragraph(text, st.body)


# --------------------------------------------------------------------------- part 1

def _form_header(data: DossierData, st: Styles) -> list[Flowable]:
    top = layout_table(
        [[Paragraph(f"Số hồ sơ: {_v(data.loan_id)}", st.small),
          Paragraph(f"<b><i>{escape(FORM_CODE)}</i></b>", st.cell_right)]],
        ["50%", "50%"],
    )
    return [
        top,
        vspace(4),
        *national_motto(st),
        vspace(14),
        Paragraph(escape(TITLE), st.title),
        Paragraph(escape(SUBTITLE), st.subtitle),
        Paragraph(
            f"<b>Kính gửi:</b> {escape(_bank_addressee(data.bank_office))}",
            st.body_center,
        ),
        vspace(8),
    ]


def _borrower(data: DossierData, st: Styles) -> list[Flowable]:
    commune = commune_full(data.commune_name)
    village = _with_kind(data.village, _VILLAGE_KINDS, "bản")
    address = ", ".join(x for x in (village, commune) if x)
    address = f"{escape(address)}, tỉnh Sơn La" if address else f"{_BLANK}, tỉnh Sơn La"
    return [
        Paragraph("I. THÔNG TIN NGƯỜI VAY VỐN", st.heading),
        _p(f"Họ và tên người vay: <b>{_v(data.borrower_name)}</b>", st),
        _fields(
            [f"Ngày sinh: {format_date_vi(data.birth_date)}",
             f"Giới tính: {_SEX.get(data.sex, '…………')}",
             f"Dân tộc: {_v(data.ethnicity, '…………')}"],
            ["38%", "27%", "35%"], st,
        ),
        vspace(2.5),
        _fields(
            [f"Số CCCD: {_v(data.national_id)}",
             f"Ngày cấp: {format_date_vi(data.id_issued_on)}"],
            ["38%", "62%"], st,
        ),
        vspace(2.5),
        _p(f"Nơi cấp: {_v(data.id_issued_by)}", st),
        _p(f"Nơi cư trú: {address}", st),
        _p(f"Điện thoại: {_v(data.phone)}", st),
        _p(f"Thuộc đối tượng: {_v(data.policy_group_label)}", st),
        _p(f"Thuộc hộ: {_v(data.household_label)}", st),
        _p(
            f"Là thành viên {_v(data.savings_group_name)} do ông (bà) "
            f"{_v(data.savings_group_head)} làm tổ trưởng.",
            st,
        ),
    ]


def _job(data: DossierData, st: Styles) -> list[Flowable]:
    months = f"{data.contract_months} tháng" if data.contract_months > 0 else "………… tháng"
    return [
        Paragraph("II. THÔNG TIN VỀ VIỆC ĐI LÀM VIỆC Ở NƯỚC NGOÀI", st.heading),
        _p(f"Nước (vùng lãnh thổ) đến làm việc: {_v(data.market_name)}", st),
        _p(f"Doanh nghiệp đưa đi: {_v(data.agency)}", st),
        _p(f"Ngành nghề, công việc: {_v(data.occupation)}", st),
        _p(f"Thời hạn hợp đồng lao động: {months}", st),
    ]


def _costs_table(data: DossierData, st: Styles, width: float) -> Table:
    rows: list[list[object]] = [
        [str(i), line.label, format_vnd(line.amount_vnd)]
        for i, line in enumerate(data.cost_lines, start=1)
    ]
    rows.append(["", "Tổng chi phí", format_vnd(data.total_cost_vnd)])
    return grid_table(
        ["STT", "Khoản chi phí", "Số tiền (đồng)"],
        rows,
        [1.3 * cm, width - 1.3 * cm - 4.2 * cm, 4.2 * cm],
        styles=st,
        align="CLR",
        total_rows=1,
    )


def _plan(data: DossierData, st: Styles, width: float) -> list[Flowable]:
    own = data.total_cost_vnd - data.requested_vnd
    term = f"{data.term_months} tháng" if data.term_months > 0 else "………… tháng"
    rate = format_decimal_vi(data.rate_pct_year)
    overdue = format_decimal_vi(data.overdue_rate_pct_year)
    basis = f" ({escape(data.rate_basis)})" if nfc(data.rate_basis).strip() else ""
    out: list[Flowable] = [
        Paragraph("III. PHƯƠNG ÁN SỬ DỤNG VỐN VAY", st.heading),
        _p("1. Tổng chi phí đi làm việc ở nước ngoài theo hợp đồng:", st),
        _costs_table(data, st, width),
        vspace(5),
        _p(f"2. Vốn tự có tham gia: {format_vnd(max(own - data.state_supported_vnd, 0))} đồng"
           + (f"; ngân sách Nhà nước hỗ trợ (không cho vay): "
              f"{format_vnd(data.state_supported_vnd)} đồng" if data.state_supported_vnd else "")
           + ".", st),
        _p(
            f"3. Số tiền đề nghị vay: <b>{format_vnd(data.requested_vnd)} đồng</b> "
            f"(Bằng chữ: <i>{escape(_amount_words(data.amount_words))}</i>).",
            st,
        ),
        _p(f"4. Mục đích sử dụng vốn vay: {_v(data.purpose)}.", st),
        _p(
            f"5. Thời hạn vay: {term}. "
            f"Định kỳ trả nợ gốc: {_v(data.repayment_frequency_label, '…………')}; "
            "trả lãi hàng tháng.",
            st,
        ),
        _p(
            # No-break spaces keep each figure with its unit (and label) on one line/page.
            f"6. Lãi suất cho vay: {rate}\u00a0%/năm{basis}. Lãi suất nợ quá hạn:"
            f"\u00a0{overdue}\u00a0%/năm"
            f"{_overdue_note(data.rate_pct_year, data.overdue_rate_pct_year)}.",
            st,
        ),
    ]
    if data.needs_collateral:
        why = escape(data.collateral_basis) if nfc(data.collateral_basis).strip() else (
            "số tiền vay trên mức phải có bảo đảm theo quy định")
        item = [_p(f"7. Tài sản bảo đảm tiền vay (<b>bắt buộc</b>: {why}):", st)]
        # The bank needs what the asset is, what it is worth and the papers that prove
        # ownership (NĐ 338/2025 Art. 16): one labelled line each for the borrower.
        for label in ("a) Loại tài sản, địa chỉ:", "b) Giá trị ước tính (đồng):",
                      "c) Giấy tờ chứng minh quyền sở hữu, sử dụng:",
                      "d) Chủ sở hữu tài sản:"):
            item.append(_p(label, st))
            item.append(FillLines(1, leading=st.body.leading + 4))
        out.append(KeepTogether(item))  # the heading never stands alone at a page foot
    return out


def _commitments(st: Styles) -> list[Flowable]:
    return [
        Paragraph("IV. CAM KẾT CỦA NGƯỜI VAY", st.heading),
        _p(
            "Tôi xin cam kết: (1) những thông tin kê khai trên là đúng sự thật; (2) sử dụng "
            "vốn vay đúng mục đích, trả nợ gốc và lãi đầy đủ, đúng hạn theo lịch trả nợ kèm "
            "theo; (3) chấp hành đúng các quy định của Ngân hàng Chính sách xã hội và sinh "
            "hoạt đầy đủ trong Tổ tiết kiệm và vay vốn; (4) trong thời gian làm việc ở nước "
            "ngoài, gia đình tôi thay mặt tôi trả nợ tại Điểm giao dịch xã. Nếu sai, tôi xin "
            "hoàn toàn chịu trách nhiệm trước pháp luật.",
            st,
        ),
    ]


def _signatures(data: DossierData, st: Styles, width: float) -> list[Flowable]:
    place = _commune_bare(data.commune_name)
    applicant = KeepTogether([
        vspace(6),
        right_column_line(date_line(place, data.application_date), st.sign_note, width=width),
        signature_block(
            [("TỔ TRƯỞNG TỔ TK&VV", SIGN_NOTE), ("NGƯỜI VAY VỐN", SIGN_NOTE)],
            names=[nfc(data.savings_group_head), nfc(data.borrower_name)],
            styles=st,
        ),
    ])
    commune = commune_full(data.commune_name) or "xã " + _BLANK
    confirm_text = (
        f"Ông (bà) <b>{_v(data.borrower_name)}</b> cư trú hợp pháp tại "
        f"{escape(commune)}, thuộc đối tượng: {_v(data.policy_group_label)}."
    )
    confirmation = KeepTogether([
        vspace(12),
        Paragraph(escape(f"XÁC NHẬN CỦA UBND {commune.upper()}"), st.title),
        vspace(4),
        _p(confirm_text, st),
        FillLines(2, leading=st.body.leading + 4),
        vspace(6),
        right_column_line(date_line(place or "…………", None), st.sign_note, width=width),
        right_column_line("TM. ỦY BAN NHÂN DÂN", st.sign_title, width=width),
        right_column_line("CHỦ TỊCH", st.sign_title, width=width),
        right_column_line(SIGN_STAMP_NOTE, st.sign_note, width=width),
        vspace(28 * mm),
    ])
    return [applicant, confirmation]


# --------------------------------------------------------------------------- parts 2, 3

def _schedule(data: DossierData, st: Styles, width: float) -> list[Flowable]:
    name = _v(data.borrower_name)
    out: list[Flowable] = [
        Paragraph(escape(SCHEDULE_TITLE), st.title),
        Paragraph(f"(Kèm theo Giấy đề nghị vay vốn của ông (bà) {name})", st.subtitle),
        *([Paragraph(f"<i>{escape(data.schedule_note)}</i>", st.body_center), vspace(4)]
          if nfc(data.schedule_note).strip() else []),
        _fields(
            [f"Số tiền vay: <b>{format_vnd(data.requested_vnd)} đồng</b>",
             f"Thời hạn vay: {data.term_months} tháng"],
            ["55%", "45%"], st,
        ),
        vspace(2.5),
        _fields(
            [f"Lãi suất: {format_decimal_vi(data.rate_pct_year)} %/năm",
             f"Định kỳ trả nợ gốc: {_v(data.repayment_frequency_label, '…………')}"],
            ["55%", "45%"], st,
        ),
        vspace(8),
    ]
    if not data.schedule:
        out.append(_p("<i>Chưa có lịch trả nợ.</i>", st))
        return out
    rows: list[list[object]] = []
    for r in data.schedule:
        rows.append([
            str(r.number), format_date_vi(r.due_date), format_vnd(r.principal_vnd),
            format_vnd(r.interest_vnd), format_vnd(r.principal_vnd + r.interest_vnd),
            format_vnd(r.balance_after_vnd),
        ])
    principal = sum(r.principal_vnd for r in data.schedule)
    interest = sum(r.interest_vnd for r in data.schedule)
    rows.append(["Cộng", "", format_vnd(principal), format_vnd(interest),
                 format_vnd(principal + interest), ""])
    fixed = 1.2 * cm + 3.0 * cm
    money = (width - fixed) / 4
    table = grid_table(
        ["Kỳ", "Ngày đến hạn", "Gốc (đồng)", "Lãi (đồng)", "Tổng (đồng)",
         "Dư nợ còn lại (đồng)"],
        rows,
        [1.2 * cm, 3.0 * cm, money, money, money, money],
        styles=st,
        align="CCRRRR",
        total_rows=1,
    )
    table.setStyle(TableStyle([("SPAN", (0, -1), (1, -1))]))
    out += [
        table,
        vspace(6),
        Paragraph(
            "<i>Ghi chú: Lịch trả nợ là dự kiến. Tiền lãi thực tế tính trên dư nợ thực tế, "
            "từ ngày giải ngân thực tế; số tiền gốc, lãi đã trả được ghi vào sổ vay vốn.</i>",
            st.small,
        ),
    ]
    return out


def _checklist(data: DossierData, st: Styles, width: float) -> list[Flowable]:
    rows: list[list[object]] = [
        [str(i), item, CheckBox(), ""] for i, item in enumerate(data.attachments, start=1)
    ]
    out: list[Flowable] = [
        Paragraph(escape(CHECKLIST_TITLE), st.title),
        Paragraph(
            f"(Hồ sơ vay vốn số {_v(data.loan_id)} – người vay: {_v(data.borrower_name)})",
            st.subtitle,
        ),
        _p(f"Đơn vị lập hồ sơ: {_v(data.office_name)}", st),
        vspace(4),
    ]
    if rows:
        table = grid_table(
            ["STT", "Tên giấy tờ", "Đã có", "Ghi chú"],
            rows,
            [1.2 * cm, width - 1.2 * cm - 1.6 * cm - 3.0 * cm, 1.6 * cm, 3.0 * cm],
            styles=st,
            align="CLCL",
        )
        table.setStyle(TableStyle([
            ("ALIGN", (2, 1), (2, -1), "CENTER"),
            ("TOPPADDING", (0, 1), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
        ]))
        out.append(table)
    else:
        out.append(_p("<i>Không có giấy tờ kèm theo.</i>", st))
    out.append(KeepTogether([
        vspace(14),
        right_column_line(date_line(_commune_bare(data.commune_name) or "…………", None),
                     st.sign_note, width=width),
        signature_block(
            [("NGƯỜI NỘP HỒ SƠ", SIGN_NOTE), ("CÁN BỘ TIẾP NHẬN", SIGN_NOTE)],
            names=[nfc(data.borrower_name), ""],
            styles=st,
        ),
    ]))
    return out


# --------------------------------------------------------------------------- public

def render_dossier(data: DossierData, out: Path | BinaryIO) -> None:
    """Draw the three-part dossier as an A4 PDF into a path or a binary file object."""
    if data.cost_lines and sum(c.amount_vnd for c in data.cost_lines) != data.total_cost_vnd:
        # A signed form whose lines do not add up to its total would be worse than none.
        raise ValueError("cost_lines do not add up to total_cost_vnd")
    st = make_styles(SERIF, 12)
    width = frame_width()
    story: list[Flowable] = [
        *_form_header(data, st),
        *_borrower(data, st),
        *_job(data, st),
        *_plan(data, st, width),
        *_commitments(st),
        *_signatures(data, st, width),
        PageBreak(),
        *_schedule(data, st, width),
        PageBreak(),
        *_checklist(data, st, width),
        # On the checklist page, which has room: on the form it pushed the signatures over.
        *([vspace(10), statement_block(data.seal, st.small, width)] if data.seal else []),
    ]
    name = nfc(data.borrower_name).strip()
    build_pdf(
        out,
        story,
        title=f"Hồ sơ vay vốn – {name}" if name else "Hồ sơ vay vốn",
        subject=TITLE,
        author=nfc(data.office_name).strip() or "sonla-desktop",
        footer=f"{nfc(data.office_name).strip()} – Hồ sơ vay {nfc(data.loan_id).strip()}",
    )


def _add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def sample_dossier_data(schedule_months: int = 36) -> DossierData:
    """A realistic dossier (Taiwan, 60 million VND, 6.24 %/year) for tests and previews.

    The schedule follows the bank's usual shape (equal monthly principal rounded down,
    the last instalment takes the remainder; interest = balance × rate / 12, rounded
    half-up); the real one comes from domain.loans when the dossier is gathered.
    """
    requested = 60_000_000
    rate = Decimal("6.24")
    disbursed = date(2025, 12, 20)
    months = schedule_months
    base = requested // months
    schedule: list[ScheduleRow] = []
    balance = requested
    for k in range(1, months + 1):
        principal = base if k < months else balance
        interest = int((Decimal(balance) * rate / 1200).quantize(Decimal(1), ROUND_HALF_UP))
        balance -= principal
        schedule.append(ScheduleRow(k, _add_months(disbursed, k), principal, interest, balance))
    costs = [
        CostLine("Phí dịch vụ đưa người lao động đi làm việc ở nước ngoài", 36_000_000),
        CostLine("Vé máy bay một chiều Hà Nội – Đài Bắc", 7_500_000),
        CostLine("Học ngoại ngữ (tiếng Trung) và bồi dưỡng kiến thức cần thiết", 8_000_000),
        CostLine("Khám sức khoẻ, làm hộ chiếu, thị thực (visa), lý lịch tư pháp", 6_200_000),
        CostLine("Ăn ở trong thời gian đào tạo tập trung (3 tháng)", 6_800_000),
    ]
    return DossierData(
        loan_id="LV-2025-0142",
        office_name="UBND xã Chiềng Mung",
        commune_name="xã Chiềng Mung",
        bank_office="Phòng giao dịch NHCSXH huyện Mai Sơn",
        borrower_name="Lò Thị Hương",
        birth_date=date(2001, 3, 14),
        sex="F",
        national_id="014301001234",
        id_issued_on=date(2021, 5, 10),
        id_issued_by="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        ethnicity="Thái",
        household_label="Hộ nghèo",
        village="bản Nà Ngần",
        phone="0912345678",
        policy_group_label="Người lao động thuộc hộ nghèo",
        market_name="Đài Loan (Trung Quốc)",
        agency="Công ty Cổ phần Cung ứng Nhân lực Quốc tế Tây Bắc",
        occupation="Công nhân lắp ráp linh kiện điện tử",
        contract_months=36,
        cost_lines=costs,
        total_cost_vnd=sum(c.amount_vnd for c in costs),
        requested_vnd=requested,
        amount_words="Sáu mươi triệu đồng",
        term_months=36,
        repayment_frequency_label="Hàng tháng",
        rate_pct_year=rate,
        rate_basis="lãi suất cho vay hộ nghèo áp dụng từ 01/12/2025",
        overdue_rate_pct_year=rate * Decimal("1.3"),
        purpose="Chi trả các khoản chi phí để đi làm việc ở Đài Loan (Trung Quốc) theo hợp đồng",
        savings_group_name="Tổ TK&VV bản Nà Ngần",
        savings_group_head="Quàng Văn Thành",
        application_date=date(2025, 12, 5),
        schedule=schedule,
        attachments=[
            "Giấy đề nghị vay vốn kiêm phương án sử dụng vốn vay (Mẫu số 01/TD)",
            "Danh sách hộ gia đình đề nghị vay vốn NHCSXH (Mẫu số 03/TD)",
            "Bản sao hợp đồng đưa người lao động đi làm việc ở nước ngoài",
            "Bảng kê các khoản chi phí của doanh nghiệp dịch vụ",
            "Bản sao Căn cước công dân của người vay",
            "Giấy xác nhận hộ nghèo do UBND xã cấp",
            "Bản sao hộ chiếu và thị thực (nếu đã có)",
        ],
        needs_collateral=False,
    )
