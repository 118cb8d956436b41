"""Issue 14, "one door": the reads, prints and exports screens and commands used to do
themselves are service functions taking the ServiceContext; they work without any screen."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from sonla_desktop.domain.progress import year_period
from sonla_desktop.errors import NotFoundError
from sonla_desktop.services.attendance import register_attendee
from sonla_desktop.services.event_documents import (
    export_follow_up,
    flyer_pdf,
    print_attendance_sheet,
    save_flyer,
)
from sonla_desktop.services.events import create_event
from sonla_desktop.services.loans import find_borrower
from sonla_desktop.services.progress_report import export_progress, progress_figures
from sonla_desktop.services.workers import (
    WorkerFilter,
    count_matching,
    create_worker,
    delete_worker,
    national_id_holder,
)

DUC = {"full_name": "Nguyễn Văn Đức", "birth_date": "12/03/1998", "sex": "Nam",
       "national_id": "014098001234", "phone": "0912345678", "ethnic_code": "01",
       "commune_code": "03670", "village": "Bản Mòng", "household": "poor",
       "market_code": "JP", "contract_months": "36", "agency": "Công ty LOD"}
EVENT = {"event_date": "05/12/2025", "commune_code": "03670", "place": "Nhà văn hoá bản Hẹo",
         "topic": "Tư vấn đi làm việc tại Nhật Bản", "markets": "Nhật"}
ON = {"full_name": "Lò Văn Ơn", "birth_year": "1998", "sex": "Nam", "phone": "0987 654 321",
      "village": "Bản Hẹo", "interest_market": "Nhật", "consent_method": "verbal",
      "follow_up": True}


def test_the_form_duplicate_warning_reads_through_the_service(ctx):
    wid = create_worker(ctx, DUC)
    assert national_id_holder(ctx, "014098001234") == (wid, "Nguyễn Văn Đức", date(1998, 3, 12))
    # Editing that same worker: their own number is not a duplicate.
    assert national_id_holder(ctx, "014098001234", exclude_id=wid) is None
    delete_worker(ctx, wid)
    assert national_id_holder(ctx, "014098001234") is None


def test_the_list_count_matches_the_filter(ctx):
    before = count_matching(ctx, WorkerFilter())
    create_worker(ctx, DUC)
    assert count_matching(ctx, WorkerFilter()) == before + 1
    assert count_matching(ctx, WorkerFilter(search="014098001234")) == 1


def test_a_loan_command_finds_the_borrower_by_cccd_with_their_defaults(ctx):
    wid = create_worker(ctx, DUC)
    assert find_borrower(ctx, " 014098001234 ") == (
        wid, {"contract_months": 36, "market_code": "JP", "agency": "Công ty LOD"})
    assert find_borrower(ctx, wid)[0] == wid
    with pytest.raises(NotFoundError, match="Không tìm thấy người lao động"):
        find_borrower(ctx, "999999999999")


def test_follow_up_export_and_attendance_sheet_are_services(ctx, tmp_path):
    eid = create_event(ctx, EVENT)
    register_attendee(ctx, eid, ON)
    rows = export_follow_up(ctx, tmp_path / "lien-he.xlsx", event_id=eid)
    assert [r.full_name for r in rows] == ["Lò Văn Ơn"]
    sheet = load_workbook(tmp_path / "lien-he.xlsx").active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Lò Văn Ơn" in values and "Nhật Bản" in values  # market shown by its name

    data = print_attendance_sheet(ctx, eid, tmp_path / "ky-ten.pdf", blank_rows=3)
    assert [line.full_name for line in data.lines] == ["Lò Văn Ơn"]
    assert (tmp_path / "ky-ten.pdf").read_bytes().startswith(b"%PDF")


def test_flyer_preview_and_saved_file_are_the_same_pdf_service(ctx, tmp_path):
    data, payload = flyer_pdf(ctx, market="JP", as_of=date(2026, 2, 1))
    assert payload.startswith(b"%PDF") and [m.code for m in data.markets] == ["JP"]
    saved = save_flyer(ctx, tmp_path / "to-roi.pdf", market="JP", as_of=date(2026, 2, 1))
    assert saved == data
    assert (tmp_path / "to-roi.pdf").read_bytes().startswith(b"%PDF")


def test_progress_report_export_writes_both_formats(ctx, tmp_path):
    figures = progress_figures(ctx, year_period(2025))
    export_progress(ctx, figures, str(tmp_path / "r.xlsx"), "xlsx")
    export_progress(ctx, figures, str(tmp_path / "r.pdf"), "pdf", today=date(2026, 1, 5))
    assert load_workbook(tmp_path / "r.xlsx").sheetnames
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(ValueError):
        export_progress(ctx, figures, str(tmp_path / "r.doc"), "doc")
