"""How the dossier is built: the same schedule as the loan figures, one-line table cells
drawn as plain strings (speed) without changing what is printed, binary PDF streams."""

from __future__ import annotations

import io
from datetime import date

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from sonla_desktop.reports import pdf_common
from sonla_desktop.reports.dossier import render_dossier, sample_dossier_data
from sonla_desktop.reports.fonts import SANS, SERIF, face_name, register_fonts
from sonla_desktop.reports.pdf_common import grid_table, make_styles
from sonla_desktop.services import loans as svc
from sonla_desktop.services.dossier_data import dossier_data
from sonla_desktop.services.loan_figures import loan_figures
from sonla_desktop.services.workers import create_worker


def test_no_figure_is_wider_than_the_bound_grid_table_relies_on():
    register_fonts()
    for family in (SERIF, SANS):
        for bold in (False, True):
            for italic in (False, True):
                face = face_name(family, bold=bold, italic=italic)
                for ch in "0123456789.,:/+ -":
                    assert stringWidth(ch, face, 1) <= pdf_common._FIGURE_EM, (face, ch)


def test_grid_table_keeps_paragraphs_only_where_text_must_wrap():
    st = make_styles(SERIF, 12)
    long_label = "Phí dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng " * 2
    table = grid_table(["STT", "Khoản chi phí", "Số tiền (đồng)"],
                       [["1", long_label, "36.000.000"], ["", "Tổng", "36.000.000"]],
                       [40, 200, 120], styles=st, align="CLR", total_rows=1)
    cells = table._cellvalues
    assert cells[1][0] == "1" and cells[1][2] == "36.000.000"
    assert isinstance(cells[1][1], Paragraph)  # wraps over several lines
    assert cells[0][2] == "Số tiền (đồng)"
    # The total row is bold, the body regular: the fonts ReportLab will draw with.
    assert table._cellStyles[2][2].fontname == face_name(SERIF, bold=True)
    assert table._cellStyles[1][2].fontname == face_name(SERIF)
    assert table._cellStyles[1][2].alignment == "RIGHT"


def test_pdf_streams_are_binary_and_the_library_setting_is_restored():
    out = io.BytesIO()
    before = rl_config.useA85
    render_dossier(sample_dossier_data(12), out)
    assert rl_config.useA85 == before
    pdf = out.getvalue()
    assert pdf.startswith(b"%PDF") and b"/ASCII85Decode" not in pdf


def test_dossier_schedule_is_the_loan_figures_schedule(ctx):
    wid = create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670",
                              "household": "poor", "ethnic_code": "03",
                              "contract_months": 24})
    loan_id = svc.create_loan(ctx, wid, {
        "policy_group": "ethnic_minority", "application_date": date(2025, 11, 1),
        "contract_months": 24, "term_months": 24, "frequency_months": 3,
        "requested_vnd": 100_000_000,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": 100_000_000}]})
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 90_000_000)
    svc.disburse_loan(ctx, loan_id, date(2025, 11, 30), 90_000_000)
    today = date(2026, 3, 1)
    with ctx.db.session() as s:
        data = dossier_data(s, loan_id, today)
        [fig] = loan_figures(s, today, loan_ids=[loan_id])
    assert [(r.number, r.due_date, r.principal_vnd, r.interest_vnd, r.balance_after_vnd)
            for r in data.schedule] == [
        (i.number, i.due_date, i.principal_vnd, i.interest_vnd, i.balance_after_vnd)
        for i in fig.schedule]
    # Paid out on 30/11/2025, the last day of 6.6 %: 90,000,000 × 0.55 % = 495,000.
    assert data.rate_pct_year == fig.rate_pct_year and data.schedule[0].interest_vnd == 495_000
    assert data.requested_vnd == 100_000_000  # the form prints what was asked for
