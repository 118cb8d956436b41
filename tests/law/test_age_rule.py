"""Issue 13 item 3: a worker departs at 18 at the earliest (Law 69/2020/QH14, Art. 44),
or at the market's own higher minimum; registering interest younger stays allowed."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from sonla_desktop.domain.events import clean_door_person
from sonla_desktop.domain.worker_rules import ReferenceCodes, age_on, clean_worker
from sonla_desktop.errors import ImportRowsError, ValidationError
from sonla_desktop.models import Market, Worker
from sonla_desktop.services.attendance import register_attendee
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.events import create_event
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import make_template
from sonla_desktop.services.workers import create_worker, get_worker, set_status, update_worker
from tests.conftest import dump_database

REFS = ReferenceCodes(frozenset({"03670"}), frozenset({"03"}), frozenset({"JP", "KR"}))
BORN = date(2008, 3, 15)  # 18 on 15/03/2026
BASE = {"full_name": "Lò Văn Ơn", "birth_date": "15/03/2008", "sex": "Nam",
        "commune_code": "03670", "village": "Bản Mòng", "market_code": "JP",
        "status": "departed"}


def test_age_on_counts_completed_years_and_leap_birthdays():
    assert age_on(BORN, date(2026, 3, 14)) == 17
    assert age_on(BORN, date(2026, 3, 15)) == 18
    leap = date(2008, 2, 29)
    assert age_on(leap, date(2026, 2, 28)) == 17
    assert age_on(leap, date(2026, 3, 1)) == 18


def test_rule_refuses_the_day_before_the_18th_birthday_and_allows_the_day_itself():
    _, errors = clean_worker(dict(BASE, departure_date="14/03/2026"), REFS)
    err = errors["departure_date"]
    assert err.vi.startswith("Ngày xuất cảnh 14/03/2026")
    assert "15/03/2008" in err.vi and "chưa đủ 18 tuổi" in err.vi and "15/03/2026" in err.vi
    assert "Departure date 14/03/2026" in err.en and "under 18" in err.en
    _, errors = clean_worker(dict(BASE, departure_date="15/03/2026"), REFS)
    assert errors == {}


def test_a_birth_year_alone_refuses_only_a_certain_under_age_departure():
    raw = dict(BASE, birth_date="", birth_year="2008")
    _, errors = clean_worker(dict(raw, departure_date="31/12/2025"), REFS)
    assert "departure_date" in errors and "2008" in errors["departure_date"].vi
    # In 2026 someone born in 2008 may already be 18: the rule cannot tell, so it allows.
    _, errors = clean_worker(dict(raw, departure_date="02/01/2026"), REFS)
    assert errors == {}


def test_a_market_may_require_more_than_18():
    refs = ReferenceCodes(REFS.communes, REFS.ethnic_groups, REFS.markets,
                          market_min_age={"KR": 21})
    raw = dict(BASE, market_code="KR", departure_date="15/03/2028")  # 20 that day
    _, errors = clean_worker(raw, refs)
    assert "chưa đủ 21 tuổi" in errors["departure_date"].vi
    _, errors = clean_worker(dict(raw, market_code="JP"), refs)
    assert errors == {}
    # A smaller number never lowers the legal minimum.
    low = ReferenceCodes(REFS.communes, REFS.ethnic_groups, REFS.markets, {"JP": 16})
    _, errors = clean_worker(dict(BASE, departure_date="14/03/2026"), low)
    assert "chưa đủ 18 tuổi" in errors["departure_date"].vi


def test_service_refuses_an_under_age_departure_and_writes_nothing(ctx, db):
    before = dump_database(db)
    with pytest.raises(ValidationError) as info:
        create_worker(ctx, dict(BASE, departure_date="14/03/2026"))
    assert info.value.field == "departure_date"
    assert dump_database(db) == before
    wid = create_worker(ctx, dict(BASE, departure_date="15/03/2026"))
    assert get_worker(ctx, wid)["departure_date"] == date(2026, 3, 15)
    # Editing the date to before the birthday is refused the same way.
    with pytest.raises(ValidationError) as info:
        update_worker(ctx, wid, dict(BASE, departure_date="01/03/2026"))
    assert info.value.field == "departure_date" and "01/03/2026" in info.value.vi


def test_market_minimum_is_reference_data_read_by_the_service(ctx):
    with ctx.transaction() as s:
        s.execute(update(Market).where(Market.code == "KR").values(min_age=21))
    with pytest.raises(ValidationError) as info:
        create_worker(ctx, dict(BASE, market_code="KR", departure_date="15/03/2028"))
    assert "21 tuổi" in info.value.vi
    with ctx.db.session() as s:
        assert s.scalar(select(Market.min_age).where(Market.code == "JP")) == 18


def test_excel_import_names_row_and_field_of_an_under_age_departure(ctx, db, tmp_path):
    path = tmp_path / "workers.xlsx"
    make_template(ctx, "workers", path)
    wb = load_workbook(path)
    ws = wb["Người lao động"]
    col = {c.value: c.column for c in ws[1]}
    rows = [("Lò Văn Ơn", date(1998, 1, 2), "Đã xuất cảnh", date(2025, 5, 1)),
            ("Cầm Thị Lả", date(2008, 3, 15), "Đã xuất cảnh", date(2026, 3, 14))]
    for r, (name, born, status, dep) in enumerate(rows, 2):
        ws.cell(r, col["Họ và tên"], name)
        ws.cell(r, col["Ngày sinh"], born)
        ws.cell(r, col["Giới tính"], "Nữ" if "Thị" in name else "Nam")
        ws.cell(r, col["Xã/Phường"], "Chiềng Cơi")
        ws.cell(r, col["Trạng thái"], status)
        ws.cell(r, col["Ngày xuất cảnh"], dep)
    wb.save(path)
    before = dump_database(db)
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    issues = info.value.errors
    assert [(i.row, i.column) for i in issues] == [(3, "Ngày xuất cảnh")]
    assert "chưa đủ 18 tuổi" in issues[0].vi and "14/03/2026" in issues[0].vi
    assert dump_database(db) == before


def test_a_17_year_old_may_register_interest_at_a_conference_with_a_note(ctx):
    year = date.today().year
    event_id = create_event(ctx, {"event_date": date.today().strftime("%d/%m/%Y"),
                                  "commune_code": "03670", "place": "Nhà văn hoá bản Mòng",
                                  "topic": "Tư vấn đi làm việc tại Nhật Bản"})
    result = register_attendee(ctx, event_id, {
        "full_name": "Lò Văn Páo", "birth_year": str(year - 17), "sex": "Nam",
        "village": "Bản Mòng", "phone": "0912345670"})
    assert result.created_worker and result.note is not None
    assert "Chưa đủ 18 tuổi" in result.note[0] and "Under 18" in result.note[1]
    worker = get_worker(ctx, result.worker_id)
    assert worker["status"] == "registered" and "Chưa đủ 18 tuổi" in worker["notes"]
    # ...but cannot be given a departure this year.
    with pytest.raises(ValidationError) as info:
        set_status(ctx, result.worker_id, "departed", date(year, 1, 1))
    assert info.value.field == "departure_date"
    # An adult at the door gets no note.
    clean, errors = clean_door_person({"full_name": "Lò Văn Ơn", "birth_year": "1998",
                                       "sex": "Nam", "village": "Bản Mòng"}, REFS, "03670")
    assert errors == {} and clean["notes"] == ""


def test_demo_has_no_under_age_departure(ctx):
    generate_demo(ctx, workers=1500, seed=1, today=date(2026, 12, 6))
    with ctx.db.session() as s:
        rows = s.execute(select(Worker.birth_date, Worker.departure_date, Market.min_age)
                         .join(Market, Market.code == Worker.market_code, isouter=True)
                         .where(Worker.departure_date.is_not(None))).all()
    assert len(rows) > 500
    under = [r for r in rows if age_on(r[0], r[1]) < max(18, r[2] or 18)]
    assert under == []


def test_a_sign_in_sheet_with_a_17_year_old_imports_with_a_warning(ctx, tmp_path):
    from openpyxl import Workbook

    from sonla_desktop.services.attendance_import import import_attendance_file

    event_id = create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                                  "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn"})
    young = date.today().year - 17
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm danh"
    ws.append(["Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Bản/Tổ dân phố",
               "Thị trường quan tâm"])
    ws.append(["Lò Văn Ơn", 1998, "Nam", "0912345678", "Bản Hẹo", "Nhật"])
    ws.append(["Lò Văn Páo", young, "Nam", "0987654321", "Bản Hẹo", "Nhật"])
    wb.save(tmp_path / "dd.xlsx")
    summary = import_attendance_file(ctx, tmp_path / "dd.xlsx", event_id)
    assert summary.created == 2
    [warning] = summary.warnings
    assert warning.row == 3 and warning.column.startswith("Năm sinh")
    assert "Chưa đủ 18 tuổi" in warning.vi and "Under 18" in warning.en
