"""export-excel → import-excel into an empty database gives the same report; the export is a
streaming workbook with the templates' headers, real dates and VND formats."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from report_data import event, loan, worker
from sqlalchemy import func, select
from workbook_factory import fill_workbook, make_people

from sonla_desktop.db import open_database
from sonla_desktop.domain.progress import Period, year_period
from sonla_desktop.models import Attendance, Event, LoanApplication, Repayment, Worker
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.progress_report import progress_figures
from sonla_desktop.services.spreadsheets import export_workbook, make_template
from sonla_desktop.services.targets import set_target
from tests.conftest import make_hub
from tests.pg_backend import copy_of

# Targets and province-wide reports are the hub's work (sync.ownership).
pytestmark = pytest.mark.usefixtures("as_hub")

LATER = date(2026, 6, 1)


@pytest.fixture
def full_db(ctx, tmp_path):
    """Workers and loans from a messy sheet, plus what only the program itself writes:
    dated repayments, conferences with attendees (one without a CCCD), targets, a loan
    application that was never paid out."""
    make_template(ctx, "workers", tmp_path / "w.xlsx")
    make_template(ctx, "loans", tmp_path / "l.xlsx")
    people, loans = make_people(150, seed=21)
    fill_workbook(tmp_path / "w.xlsx", tmp_path / "l.xlsx", tmp_path / "in.xlsx", people, loans)
    import_workbook(ctx, tmp_path / "in.xlsx", today=date(2025, 12, 31))
    a = worker(ctx, "Lò Văn Một", departure=date(2025, 2, 2), market="TW")
    b = worker(ctx, "Giàng A Hai", status="registered", market=None, nid=False, ethnic="08")
    loan(ctx, a, 90_000_000, date(2025, 2, 1), term=24, frequency=3,
         repayments=[(date(2025, 5, 1), 11_250_000, 1_485_000),
                     (date(2025, 8, 1), 11_250_000, 1_299_375)])
    loan(ctx, a, 40_000_000, None, status="submitted")
    event(ctx, date(2025, 3, 3), "03670", attendees=(a, b))
    event(ctx, date(2025, 9, 9), "03646", attendees=(b,), place="Hội trường UBND",
          topic="Đài Loan, Hàn Quốc", markets="TW,KR")
    set_target(ctx, 2025, 90)
    set_target(ctx, 2025, 30, "03670")
    return ctx


def _empty_ctx(_template_db, tmp_path):
    path = tmp_path / "empty.db"
    path = copy_of(_template_db, path)
    db = open_database(path)
    make_hub(db)
    return ServiceContext(db, user="other-clerk", role="admin")


PERIODS = [(year_period(2025), None), (year_period(2025), "03670"), (year_period(2024), None),
           (Period(date(2025, 4, 1), date(2025, 9, 30)), "03646")]


def test_export_then_import_into_an_empty_database_gives_the_same_report(
        full_db, _template_db, tmp_path):
    out = tmp_path / "export.xlsx"
    counts = export_workbook(full_db, out)
    assert counts["Người lao động"] == 152 and counts["Chỉ tiêu"] == 2
    assert counts["Hội nghị"] == 2 and counts["Người tham dự"] == 3

    other = _empty_ctx(_template_db, tmp_path)
    result = import_workbook(other, out, today=date(2026, 1, 10))
    assert result.counts["workers_created"] == 152
    assert result.counts["events_created"] == 2 and result.counts["attendees_created"] == 3

    for period, commune in PERIODS:
        assert progress_figures(other, period, commune, LATER).as_json() == \
            progress_figures(full_db, period, commune, LATER).as_json(), (period, commune)

    def snapshot(ctx):
        with ctx.db.session() as s:
            return (
                sorted(s.execute(select(Worker.full_name, Worker.national_id, Worker.phone,
                                        Worker.status, Worker.return_date)).all()),
                sorted(s.execute(select(LoanApplication.status, LoanApplication.requested_vnd,
                                        LoanApplication.rate_pct_year,
                                        LoanApplication.frequency_months)).all()),
                sorted(s.execute(select(Repayment.paid_on, Repayment.principal_vnd,
                                        Repayment.interest_vnd)).all()),
                sorted(s.execute(select(Event.event_date, Event.markets, Event.place)).all()))
    assert snapshot(other) == snapshot(full_db)


def test_importing_the_export_again_adds_nothing(full_db, tmp_path):
    out = tmp_path / "export.xlsx"
    export_workbook(full_db, out)
    with full_db.db.session() as s:
        before = [s.scalar(select(func.count()).select_from(m))
                  for m in (Worker, LoanApplication, Repayment, Event, Attendance)]
    result = import_workbook(full_db, out)
    assert result.counts.get("workers_created", 0) == 0
    assert result.counts.get("loans_created", 0) == 0
    assert result.counts.get("events_created", 0) == 0
    assert result.counts["workers_unchanged"] == 152
    with full_db.db.session() as s:
        after = [s.scalar(select(func.count()).select_from(m))
                 for m in (Worker, LoanApplication, Repayment, Event, Attendance)]
    assert after == before


def test_export_workbook_format(full_db, tmp_path):
    out = tmp_path / "export.xlsx"
    export_workbook(full_db, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Người lao động", "Khoản vay", "Trả nợ", "Hội nghị",
                             "Người tham dự", "Chỉ tiêu"]
    ws = wb["Người lao động"]
    headers = [c.value for c in ws[1]]
    assert headers[:15] == ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại",
                            "Dân tộc", "Xã/Phường", "Bản/Tổ dân phố", "Diện hộ", "Thị trường",
                            "Ngành nghề", "Doanh nghiệp", "Trạng thái", "Ngày xuất cảnh",
                            "Ngày về nước"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:U{ws.max_row}"
    birth = ws["B2"]
    assert birth.is_date and birth.number_format == "DD/MM/YYYY"
    assert isinstance(ws["D2"].value, str) and ws["D2"].value.startswith("0")  # CCCD as text
    assert ws["C2"].value in ("Nam", "Nữ")
    loans = wb["Khoản vay"]
    assert [c.value for c in loans[1]][:8] == ["Số CCCD", "Đối tượng chính sách", "Số tiền vay",
                                               "Ngày giải ngân", "Thời hạn (tháng)",
                                               "Lãi suất (%/năm)", "Đã trả gốc", "Ghi chú"]
    amounts = [r for r in loans.iter_rows(min_row=2) if r[3].value is not None]
    assert amounts[0][2].number_format == "#,##0" and amounts[0][3].number_format == "DD/MM/YYYY"
    events = wb["Hội nghị"]
    assert "Đài Loan, Hàn Quốc" in [c.value for c in events["I"]]
