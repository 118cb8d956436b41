"""Loan dossier PDF vs a bare ReportLab document with the same tables and fonts; the loans
list (overdue only) on the 100k-worker demo vs a plain SQL page."""

from __future__ import annotations

import io
import random
import sqlite3
import statistics
import time
from datetime import date

from bench.common import BIG, big_database, report, timed


def _demo_loan(db) -> str:
    """A disbursed 36-month demo loan (adds demo loans to a cache built before they existed)."""
    from sqlalchemy import func, select

    from sonla_desktop.models import LoanApplication
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.demo import DemoSummary
    from sonla_desktop.services.demo_loans import add_demo_loans

    with db.session() as s:
        count = s.scalar(select(func.count()).select_from(LoanApplication))
    if not count:
        ctx = ServiceContext(db, role="admin")
        with ctx.transaction() as s:
            add_demo_loans(ctx, s, random.Random(1), date.today(), DemoSummary())
    with db.session() as s:
        return s.scalar(select(LoanApplication.id).where(
            LoanApplication.status == "disbursed", LoanApplication.term_months == 36)
            .order_by(LoanApplication.id).limit(1))


def _bare_dossier(data, out) -> None:
    """The same document written with plain ReportLab, as one would without our helpers:
    the same text, fonts (serif regular/bold/italic, sans footer), cost, signature,
    schedule and checklist tables, on A4 with a simple page-number footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    from sonla_desktop.reports.fonts import register_fonts

    register_fonts()
    body = ParagraphStyle("b", fontName="VNSerif", fontSize=12, leading=15.6, alignment=4)
    bold = ParagraphStyle("h", parent=body, fontName="VNSerif-Bold", alignment=0)
    centre = ParagraphStyle("c", parent=bold, alignment=1)
    italic = ParagraphStyle("i", parent=body, fontName="VNSerif-Italic", alignment=1)
    money = "{:,}".format
    grid = [("GRID", (0, 0), (-1, -1), 0.6, colors.grey), ("FONTNAME", (0, 0), (-1, -1),
            "VNSerif"), ("FONTSIZE", (0, 0), (-1, -1), 10.5),
            ("FONTNAME", (0, 0), (-1, 0), "VNSerif-Bold"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]
    story = [
        Table([[f"Số hồ sơ: {data.loan_id}", "Mẫu số 01/TD"]], style=[
            ("FONTNAME", (0, 0), (-1, -1), "VNSerif-Italic")]),
        Paragraph("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", centre),
        Paragraph("Độc lập – Tự do – Hạnh phúc", centre), Spacer(1, 14),
        Paragraph("GIẤY ĐỀ NGHỊ VAY VỐN KIÊM PHƯƠNG ÁN SỬ DỤNG VỐN VAY", centre),
        Paragraph("(Dùng cho người lao động đi làm việc ở nước ngoài theo hợp đồng)", italic),
        Paragraph(f"Kính gửi: {data.bank_office or 'Ngân hàng Chính sách xã hội'}", centre),
        Paragraph("I. THÔNG TIN NGƯỜI VAY VỐN", bold),
    ]
    plain = [("FONTNAME", (0, 0), (-1, -1), "VNSerif"), ("FONTSIZE", (0, 0), (-1, -1), 12)]
    story += [Paragraph(f"Họ và tên người vay: <b>{data.borrower_name}</b>", body),
              Table([[f"Ngày sinh: {data.birth_date}", f"Giới tính: {data.sex}",
                      f"Dân tộc: {data.ethnicity}"]], style=plain),
              Table([[f"Số CCCD: {data.national_id}", f"Ngày cấp: {data.id_issued_on}"]],
                    style=plain)]
    story += [Paragraph(t, body) for t in (
        f"Nơi cấp: {data.id_issued_by}",
        f"Nơi cư trú: {data.village}, {data.commune_name}, tỉnh Sơn La",
        f"Điện thoại: {data.phone}", f"Thuộc đối tượng: {data.policy_group_label}",
        f"Thuộc hộ: {data.household_label}",
        f"Là thành viên {data.savings_group_name} do ông (bà) {data.savings_group_head} làm "
        "tổ trưởng.")]
    story.append(Paragraph("II. THÔNG TIN VỀ VIỆC ĐI LÀM VIỆC Ở NƯỚC NGOÀI", bold))
    story += [Paragraph(t, body) for t in (
        f"Nước (vùng lãnh thổ) đến làm việc: {data.market_name}",
        f"Doanh nghiệp đưa đi: {data.agency}", f"Ngành nghề, công việc: {data.occupation}",
        f"Thời hạn hợp đồng lao động: {data.contract_months} tháng")]
    story.append(Paragraph("III. PHƯƠNG ÁN SỬ DỤNG VỐN VAY", bold))
    costs = [["STT", "Khoản chi phí", "Số tiền (đồng)"]] + [
        [str(i), c.label, money(c.amount_vnd)] for i, c in enumerate(data.cost_lines, 1)]
    costs.append(["", "Tổng chi phí", money(data.total_cost_vnd)])
    story.append(Table(costs, colWidths=[1.3 * cm, 10.5 * cm, 4.2 * cm], style=grid))
    story += [Paragraph(t, body) for t in (
        f"Vốn tự có tham gia: {money(data.total_cost_vnd - data.requested_vnd)} đồng.",
        f"Số tiền đề nghị vay: <b>{money(data.requested_vnd)} đồng</b> (Bằng chữ: "
        f"<i>{data.amount_words}</i>).", f"Mục đích sử dụng vốn vay: {data.purpose}.",
        f"Thời hạn vay: {data.term_months} tháng. Định kỳ trả nợ gốc: "
        f"{data.repayment_frequency_label}; trả lãi hàng tháng.",
        f"Lãi suất cho vay: {data.rate_pct_year} %/năm ({data.rate_basis}). Lãi suất nợ "
        f"quá hạn: {data.overdue_rate_pct_year} %/năm.")]
    story += [Paragraph("IV. CAM KẾT CỦA NGƯỜI VAY", bold), Paragraph(
        "Tôi xin cam kết: (1) những thông tin kê khai trên là đúng sự thật; (2) sử dụng vốn "
        "vay đúng mục đích, trả nợ gốc và lãi đầy đủ, đúng hạn theo lịch trả nợ kèm theo; "
        "(3) chấp hành đúng các quy định của Ngân hàng Chính sách xã hội và sinh hoạt đầy "
        "đủ trong Tổ tiết kiệm và vay vốn; (4) trong thời gian làm việc ở nước ngoài, gia "
        "đình tôi thay mặt tôi trả nợ tại Điểm giao dịch xã. Nếu sai, tôi xin hoàn toàn "
        "chịu trách nhiệm trước pháp luật.", body)]
    signs = [[Paragraph("TỔ TRƯỞNG TỔ TK&VV", centre), Paragraph("NGƯỜI VAY VỐN", centre)],
             [Paragraph("(Ký, ghi rõ họ tên)", italic)] * 2, ["", ""],
             [Paragraph(data.savings_group_head, centre), Paragraph(data.borrower_name, centre)]]
    story += [Table(signs, rowHeights=[None, None, 2.4 * cm, None]),
              Paragraph(f"XÁC NHẬN CỦA UBND {data.commune_name.upper()}", centre),
              Paragraph(f"Ông (bà) <b>{data.borrower_name}</b> cư trú hợp pháp tại "
                        f"{data.commune_name}, thuộc đối tượng: {data.policy_group_label}.",
                        body),
              Paragraph("TM. ỦY BAN NHÂN DÂN", centre), Paragraph("CHỦ TỊCH", centre),
              Paragraph("(Ký tên, đóng dấu)", italic), PageBreak(),
              Paragraph("LỊCH TRẢ NỢ DỰ KIẾN", centre),
              Paragraph(f"(Kèm theo Giấy đề nghị vay vốn của ông (bà) {data.borrower_name})",
                        italic),
              Table([[f"Số tiền vay: {money(data.requested_vnd)} đồng",
                      f"Thời hạn vay: {data.term_months} tháng"]], style=plain),
              Table([[f"Lãi suất: {data.rate_pct_year} %/năm",
                      f"Định kỳ trả nợ gốc: {data.repayment_frequency_label}"]], style=plain)]
    rows = [["Kỳ", "Ngày đến hạn", "Gốc (đồng)", "Lãi (đồng)", "Tổng (đồng)", "Dư nợ còn lại"]]
    rows += [[str(r.number), r.due_date.strftime("%d/%m/%Y"), money(r.principal_vnd),
              money(r.interest_vnd), money(r.principal_vnd + r.interest_vnd),
              money(r.balance_after_vnd)] for r in data.schedule]
    rows.append(["Cộng", "", money(sum(r.principal_vnd for r in data.schedule)),
                 money(sum(r.interest_vnd for r in data.schedule)), "", ""])
    story += [Table(rows, style=grid, repeatRows=1), Paragraph(
        "Ghi chú: Lịch trả nợ là dự kiến. Tiền lãi thực tế tính trên dư nợ thực tế.", italic),
        PageBreak(), Paragraph("DANH MỤC HỒ SƠ KÈM THEO", centre),
        Table([["STT", "Tên giấy tờ", "Đã có"]] + [[str(i), a, ""] for i, a in
              enumerate(data.attachments, 1)], colWidths=[1.2 * cm, 12 * cm, 1.6 * cm],
              style=grid),
        Table(signs[:2] + [["", ""], [Paragraph(data.borrower_name, centre), ""]],
              rowHeights=[None, None, 2.4 * cm, None])]

    def footer(canvas, doc) -> None:
        canvas.setFont("VNSans", 8)
        canvas.drawString(2 * cm, 1.1 * cm, f"{data.office_name} – Hồ sơ vay {data.loan_id}")
        canvas.drawRightString(19 * cm, 1.1 * cm, f"Trang {doc.page}")

    SimpleDocTemplate(out, pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)


def _interleaved(ours, baseline, rounds: int = 11) -> tuple[float, float]:
    """Median seconds of each, timed in alternation so that a busy machine slows both
    alike (timing all of one, then all of the other, skews the ratio under load)."""
    ours(), baseline()
    a, b = [], []
    for _ in range(rounds):
        for fn, out in ((ours, a), (baseline, b)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def bench_dossier() -> None:
    from sonla_desktop.db import open_database
    from sonla_desktop.reports.dossier import render_dossier
    from sonla_desktop.services.dossier_data import dossier_data

    db = open_database(big_database())
    loan_id = _demo_loan(db)
    today = date.today()

    def ours() -> None:
        with db.session() as s:
            data = dossier_data(s, loan_id, today)
        render_dossier(data, io.BytesIO())

    with db.session() as s:
        data = dossier_data(s, loan_id, today)
    ours_s, base_s = _interleaved(ours, lambda: _bare_dossier(data, io.BytesIO()))
    report("dossier PDF (gather from DB + render)", ours_s, base_s, "ratio <= 1.5")
    db.dispose()


def bench_list() -> None:
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.loan_queries import LoanFilter, list_loans

    path = big_database()
    ctx = ServiceContext(open_database(path), role="admin")
    raw = sqlite3.connect(path)
    for name, flt in (("all", LoanFilter()), ("overdue only", LoanFilter(overdue_only=True))):
        ours = timed(lambda flt=flt: list_loans(ctx, flt, limit=200))
        base = timed(lambda: raw.execute(
            "SELECT l.id, w.full_name, l.requested_vnd FROM loan_application l "
            "JOIN worker w ON w.id = l.worker_id WHERE l.deleted = 0 "
            "ORDER BY w.sort_key LIMIT 200").fetchall())
        # A commune's own database holds about 1/75 of the province demo.
        report(f"loans list first page, {name} ({BIG:,} workers)", ours, base,
               "<= 500 ms, balances and overdue included")
    ctx.db.dispose()


def main() -> None:
    bench_dossier()
    bench_list()
