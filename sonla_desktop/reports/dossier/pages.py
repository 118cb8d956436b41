"""Parts 2 and 3 of the dossier: the expected repayment schedule and the checklist."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    TableStyle,
)

from ..pdf_common import (
    SIGN_NOTE,
    CheckBox,
    Styles,
    date_line,
    escape,
    format_date_vi,
    format_decimal_vi,
    format_vnd,
    grid_table,
    nfc,
    right_column_line,
    signature_block,
    vspace,
)
from .model import CHECKLIST_TITLE, SCHEDULE_TITLE, DossierData
from .words import _commune_bare, _fields, _p, _v


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

