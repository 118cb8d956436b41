"""Part 1 of the dossier: the application form (Mẫu số 01/TD) and its signatures."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
)

from ..pdf_common import (
    SIGN_NOTE,
    SIGN_STAMP_NOTE,
    FillLines,
    Styles,
    date_line,
    escape,
    format_date_vi,
    format_decimal_vi,
    format_vnd,
    grid_table,
    layout_table,
    national_motto,
    nfc,
    right_column_line,
    signature_block,
    vspace,
)
from .model import _BLANK, _SEX, _VILLAGE_KINDS, FORM_CODE, SUBTITLE, TITLE, DossierData
from .words import (
    _amount_words,
    _bank_addressee,
    _commune_bare,
    _fields,
    _overdue_note,
    _p,
    _v,
    _with_kind,
    commune_full,
)


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
        # The label goes with its table (keepWithNext), never alone at a page foot.
        Paragraph("1. Tổng chi phí đi làm việc ở nước ngoài theo hợp đồng:",
                  ParagraphStyle("costs_label", parent=st.body, keepWithNext=1)),
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

