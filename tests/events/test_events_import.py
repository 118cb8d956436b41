"""The "Điểm danh" sheet into an event: all rows or none, people on file linked."""

from __future__ import annotations

import unicodedata

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from sonla_desktop.errors import ImportRowsError, UserError
from sonla_desktop.models import Worker
from sonla_desktop.services.attendance import list_attendees, register_attendee
from sonla_desktop.services.attendance_import import import_attendance_file
from sonla_desktop.services.events import create_event
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database

HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Bản/Tổ dân phố",
          "Thị trường quan tâm"]


def _sheet(path, rows, header=HEADER, title="Điểm danh", preamble=()):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for line in preamble:
        ws.append(line)
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def event(ctx):
    return create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                              "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn"})


def _count(ctx) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(Worker))


def test_headers_are_matched_ignoring_case_marks_and_spacing(ctx, event, tmp_path):
    header = ["stt", "HỌ VÀ TÊN", "năm  sinh", unicodedata.normalize("NFD", "Giới tính"),
              "So dien thoai", "Bản / Tổ dân phố", "Thị trường quan tâm (nước)"]
    path = _sheet(tmp_path / "dd.xlsx", [
        [1, "Lò Văn Ơn", 1998, "Nam", 912345678, "Bản Hẹo", "Nhật"],  # Excel dropped the 0
        [2, "Cầm Thị Hoa", 2001.0, "nữ", "0987 654 321", "Bản Hẹo", "TW"],
        [3, None, None, None, None, None, None],  # an empty numbered row of the template
    ], header=header, title="DIEM DANH", preamble=[["DANH SÁCH ĐIỂM DANH"], []])
    summary = import_attendance_file(ctx, path, event, consent_method="written")
    assert (summary.rows, summary.created, summary.linked) == (2, 2, 0)
    people = {p.full_name: p for p in list_attendees(ctx, event)}
    assert people["Lò Văn Ơn"].phone == "0912345678"
    assert people["Lò Văn Ơn"].interest_market == "JP"
    assert people["Cầm Thị Hoa"].sex == "F" and people["Cầm Thị Hoa"].birth_year == 2001
    assert people["Cầm Thị Hoa"].consent_method == "written"


def test_any_bad_row_means_nothing_is_written_and_every_error_is_located(ctx, event, tmp_path):
    path = _sheet(tmp_path / "bad.xlsx", [
        [1, "Lò Văn Ơn", 1998, "Nam", "0912345678", "Bản Hẹo", "Nhật"],
        [2, "Cầm Thị Hoa", 98, "Nữ", "0987654321", "Bản Hẹo", "Sao Hoả"],
        [3, "", 2001, "X", "123", "", ""],
    ])
    before = dump_database(ctx.db)
    with pytest.raises(ImportRowsError) as err:
        import_attendance_file(ctx, path, event)
    assert dump_database(ctx.db) == before
    located = [(e.sheet, e.row, e.column) for e in err.value.errors]
    assert located == [
        ("Điểm danh", 3, "Năm sinh (cột C)"), ("Điểm danh", 3, "Thị trường quan tâm (cột G)"),
        ("Điểm danh", 4, "Họ và tên (cột B)"), ("Điểm danh", 4, "Giới tính (cột D)"),
        ("Điểm danh", 4, "Số điện thoại (cột E)"), ("Điểm danh", 4, "Bản/Tổ dân phố (cột F)"),
    ]
    assert str(err.value.errors[0]).startswith("Điểm danh · dòng 3 · Năm sinh (cột C) · ")
    assert "6 lỗi" in str(err.value)


def test_people_on_file_are_linked_and_a_second_import_adds_nothing(ctx, event, tmp_path):
    known = create_worker(ctx, {"full_name": "Quàng Văn Thành", "birth_date": "03/04/1996",
                                "sex": "M", "commune_code": "03670", "phone": "0971234567"})
    path = _sheet(tmp_path / "dd.xlsx", [
        [1, "QUANG VAN THANH", 1996, "Nam", "", "Bản Mòng", ""],  # name + year + commune
        [2, "Lò Văn Ơn", 1998, "Nam", "0912345678", "Bản Hẹo", "JP"],
        [3, "Lò Văn Ơn", 1998, "Nam", "", "Bản Hẹo", ""],  # the same man signed twice
    ])
    before = _count(ctx)
    first = import_attendance_file(ctx, path, event)
    assert (first.created, first.linked, first.repeated, first.already) == (1, 1, 1, 0)
    assert _count(ctx) == before + 1
    assert known in [p.worker_id for p in list_attendees(ctx, event)]
    second = import_attendance_file(ctx, path, event)
    assert (second.created, second.linked, second.already) == (0, 0, 2)
    assert _count(ctx) == before + 1
    assert len(list_attendees(ctx, event)) == 2


def test_a_shared_phone_under_another_name_is_a_new_person_with_a_warning(ctx, event, tmp_path):
    eid = event
    father = register_attendee(ctx, eid, {"full_name": "Lò Văn Ơn", "birth_year": 1970,
                                          "sex": "Nam", "phone": "0912345678",
                                          "village": "Bản Hẹo"}).worker_id
    path = _sheet(tmp_path / "dd.xlsx", [[1, "Lò Văn Sơn", 2003, "Nam", "0912345678",
                                          "Bản Hẹo", ""]])
    summary = import_attendance_file(ctx, path, eid)
    assert summary.created == 1
    assert "Lò Văn Ơn" in str(summary.warnings[0])
    assert len({p.worker_id for p in list_attendees(ctx, eid)} - {father}) == 1


def test_dry_run_reports_without_writing(ctx, event, tmp_path):
    path = _sheet(tmp_path / "dd.xlsx", [[1, "Lò Văn Ơn", 1998, "Nam", "", "Bản Hẹo", ""]])
    before = dump_database(ctx.db)
    summary = import_attendance_file(ctx, path, event, dry_run=True)
    assert summary.created == 1 and summary.dry_run
    assert dump_database(ctx.db) == before


def test_missing_columns_and_wrong_files_are_plain_errors(ctx, event, tmp_path):
    path = _sheet(tmp_path / "cols.xlsx", [["Lò Văn Ơn", 1998]], header=["Họ và tên", "Năm sinh",
                                                                         "Giới tính"])
    with pytest.raises(ImportRowsError) as err:
        import_attendance_file(ctx, path, event)
    assert "Số điện thoại" in str(err.value) and "Bản/Tổ dân phố" in str(err.value)
    wb = Workbook()
    wb.active.title = "Người lao động"
    wb.create_sheet("Khác")
    wb.save(tmp_path / "sheets.xlsx")
    with pytest.raises(ImportRowsError) as err:
        import_attendance_file(ctx, tmp_path / "sheets.xlsx", event)
    assert "Điểm danh" in str(err.value)
    (tmp_path / "x.xlsx").write_text("not a workbook")
    with pytest.raises(UserError):
        import_attendance_file(ctx, tmp_path / "x.xlsx", event)


def _rewrite(src, dst, part: str, data: bytes):
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, data if item.filename == part else zin.read(item))
    return dst


@pytest.mark.parametrize("attack", ["zip bomb", "entity expansion", "old .xls"])
def test_hostile_sign_in_sheets_are_refused_before_parsing(ctx, event, tmp_path, attack):
    # The --event path has the same defences as the main Excel import (excel_import.safety).
    ok = _sheet(tmp_path / "ok.xlsx", [["Lò Văn Ơn", 1998, "Nam", "0912345678", "Bản Hẹo",
                                        "Nhật Bản"]])
    import zipfile

    with zipfile.ZipFile(ok) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    if attack == "zip bomb":
        head, _, rest = sheet.partition(b"?>")
        path = _rewrite(ok, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml",
                        head + b"?>" + b" " * 30_000_000 + rest)
        words = "nén bất thường"
    elif attack == "entity expansion":
        body = sheet.decode().split("?>", 1)[-1]
        evil = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY lol "lol">'
                '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
                + body.replace("Bản Hẹo", "&lol2;"))
        path = _rewrite(ok, tmp_path / "laughs.xlsx", "xl/worksheets/sheet1.xml",
                        evil.encode())
        words = "nguy hiểm"
    else:
        path = tmp_path / "old.xlsx"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        words = ".xls"
    before = dump_database(ctx.db)
    with pytest.raises(UserError) as err:
        import_attendance_file(ctx, path, event)
    assert words in err.value.vi
    assert dump_database(ctx.db) == before


def test_the_sheet_is_read_by_the_shared_engine_cccd_column_and_doubled_columns(ctx, event,
                                                                               tmp_path):
    # Issue 14: the sign-in import reads through excel_import, so a counsellor's extra
    # "Số CCCD" column links the person on file, and a doubled column is refused (the old
    # reader silently took the first one) with nothing written.
    known = create_worker(ctx, {"full_name": "Quàng Văn Thành", "birth_date": "03/04/1996",
                                "sex": "M", "commune_code": "03670",
                                "national_id": "014096001234"})
    path = _sheet(tmp_path / "cccd.xlsx", [
        [1, "Quàng Văn Thành", 1996, "Nam", "", "Bản Mòng", "", "014096001234"],
    ], header=HEADER + ["Số CCCD (12 số)"])
    summary = import_attendance_file(ctx, path, event)
    assert (summary.created, summary.linked) == (0, 1)
    assert [p.worker_id for p in list_attendees(ctx, event)] == [known]

    doubled = _sheet(tmp_path / "doubled.xlsx", [[1, "Lò Văn Ơn", 1998, "Nam", "", "Bản Hẹo",
                                                  "", "Bản Mòng"]],
                     header=HEADER + ["Bản/Tổ dân phố"])
    before = dump_database(ctx.db)
    with pytest.raises(ImportRowsError) as err:
        import_attendance_file(ctx, doubled, event)
    assert "Bản/Tổ dân phố" in str(err.value) and "nhiều lần" in str(err.value)
    assert dump_database(ctx.db) == before
