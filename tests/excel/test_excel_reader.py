"""Finding sheets and columns the way clerks rearrange them; reading cells Excel mangled."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from sonla_desktop.domain.sheets import LOANS, WORKERS, header_key
from sonla_desktop.errors import ImportRowsError, ValidationError
from sonla_desktop.models import Worker
from sonla_desktop.services.excel_import import (
    import_workbook,
    read_single_sheet,
    read_workbook,
    write_marked_copy,
)
from sonla_desktop.services.excel_import.coerce import coercer
from sonla_desktop.services.excel_import.lookups import build_lookups


@pytest.fixture
def lookups(ctx):
    with ctx.db.session() as s:
        return build_lookups(s)


def _book(path, title, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_header_keys_ignore_case_marks_and_spacing():
    nfd = unicodedata.normalize("NFD", "Bản / Tổ dân phố")
    assert header_key("  BẢN/TỔ  DÂN PHỐ ") == header_key(nfd) == "bantodanpho"
    assert header_key("Lãi suất (%/năm)") == header_key("lai suat % nam")


def test_reordered_columns_nfd_headers_and_a_title_row_above(ctx, tmp_path):
    rows = [
        ["DANH SÁCH NGƯỜI LAO ĐỘNG XÃ CHIỀNG CƠI"],  # a title the clerk added above
        [],
        [unicodedata.normalize("NFD", "xã / phường"), "GIỚI TÍNH", "so cccd", "Họ  và tên",
         "Cột riêng của xã"],
        ["Chiềng Cơi", "Nữ", "014301000123", unicodedata.normalize("NFD", "Lò Thị Hường"), "x"],
    ]
    path = _book(tmp_path / "list.xlsx", "Sheet1", rows)  # not the template's sheet name
    result = import_workbook(ctx, path)
    assert result.counts == {"workers_created": 1, "targets_set": 0}
    assert any("Cột riêng của xã" in n.vi and "bỏ qua" in n.vi for n in result.notices)
    with ctx.db.session() as s:
        w = s.scalar(select(Worker))
    assert (w.full_name, w.sex, w.national_id, w.commune_code) == (
        "Lò Thị Hường", "F", "014301000123", "03670")


def test_missing_and_duplicated_columns_are_errors(ctx, tmp_path):
    path = _book(tmp_path / "bad.xlsx", "Người lao động",
                 [["Họ và tên", "Họ tên", "Giới tính"], ["Lò Văn An", "Lò Văn An", "Nam"]])
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    messages = [e.vi for e in info.value.errors]
    assert "Thiếu cột “Xã/Phường”." in messages
    assert any("xuất hiện nhiều lần (cột A, B)" in m for m in messages)


@pytest.mark.parametrize(("kind_field", "cell", "expected"), [
    (("loans", "amount_vnd"), "100.000.000", 100_000_000),
    (("loans", "amount_vnd"), "100,000,000 đ", 100_000_000),
    (("loans", "amount_vnd"), 60000000.0, 60_000_000),
    (("loans", "amount_vnd"), "60 000 000 VND", 60_000_000),
    (("loans", "rate_pct_year"), "6,6", Decimal("6.6")),
    (("loans", "rate_pct_year"), 6.24, Decimal("6.24")),
    (("loans", "rate_pct_year"), "6,6%", Decimal("6.6")),
    (("loans", "term_months"), 36.0, 36),
    (("workers", "commune_code"), 3670, "03670"),
    (("workers", "commune_code"), "xa muong bu", "03847"),
    (("workers", "market_code"), "kr", "KR"),
    (("workers", "market_code"), "Đài Loan", "TW"),
    (("workers", "ethnic_code"), "Mèo", "08"),
    (("workers", "ethnic_code"), "H'Mông", "08"),
    (("workers", "ethnic_code"), "Tày Khao", "03"),
    (("workers", "ethnic_code"), "Sao Hoả", None),
    (("loans", "amount_vnd"), "60,5", None),
    (("workers", "status"), unicodedata.normalize("NFD", "Đã xuất cảnh"), "departed"),
    (("workers", "household"), "ho can ngheo", "near_poor"),
    (("workers", "birth_date"), "05/12/1998", date(1998, 12, 5)),
    (("workers", "birth_date"), "1998-12-05", date(1998, 12, 5)),
    (("workers", "birth_date"), 36134, date(1998, 12, 5)),
    (("workers", "village"), 12.0, "12"),
])
def test_cells_are_read_as_their_column_kind(lookups, kind_field, cell, expected):
    spec = {"loans": LOANS, "workers": WORKERS}[kind_field[0]]
    fn = coercer(spec.column(kind_field[1]), lookups)
    if expected is None:
        with pytest.raises(ValidationError):
            fn(cell)
        return
    assert fn(cell) == expected


def test_unreadable_cells_are_errors_with_their_place(ctx, tmp_path):
    headers = [c.header for c in LOANS.template_columns]
    path = _book(tmp_path / "loans.xlsx", "Khoản vay", [
        headers,
        ["014095000001", "Hộ nghèo", "60,5 triệu", "31/02/2025", "ba năm", "", -5, ""],
    ])
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    places = {(e.row, e.column, e.cell) for e in info.value.errors}
    assert (2, "Số tiền vay", "C2") in places
    assert (2, "Ngày giải ngân", "D2") in places
    assert (2, "Thời hạn (tháng)", "E2") in places
    assert (2, "Đã trả gốc", "G2") in places
    lines = [e.line() for e in info.value.errors]
    assert "Khoản vay · dòng 2 · Đã trả gốc · Đã trả gốc: số tiền không được âm." in lines


def test_marked_copy_shows_each_bad_cell(ctx, tmp_path):
    path = _book(tmp_path / "w.xlsx", "Người lao động", [
        ["Họ và tên", "Giới tính", "Xã/Phường", "Ngày sinh"],
        ["Lò Văn An", "Nam", "Chiềng Cơi", "01/01/1990"],
        ["Cầm Văn 2", "Nam", "Chiềng Cơi", "31/13/1990"],
    ])
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    copy = tmp_path / "w-loi.xlsx"
    marked = write_marked_copy(path, info.value.errors, copy)
    assert marked == 2
    wb = load_workbook(copy)
    assert wb.sheetnames[0] == "Danh sách lỗi"
    ws = wb["Người lao động"]
    for ref in ("A3", "D3"):
        assert ws[ref].fill.fgColor.rgb.endswith("FFC7CE")
        assert ws[ref].comment is not None
    assert "chữ số" in ws["A3"].comment.text
    for ref in ("A3", "D3"):  # the label once, not "Ngày sinh: Ngày sinh: …"
        text = ws[ref].comment.text
        label = text.split(":")[0]
        assert text.count(f"{label}:") == 1, text
    assert ws["A2"].comment is None
    errors = wb["Danh sách lỗi"]
    assert errors["A2"].value == "Người lao động" and errors["B2"].value == 3
    assert errors["D2"].hyperlink.location or errors["D2"].hyperlink.target


def test_read_single_sheet_finds_an_attendance_list_by_its_headers(lookups, tmp_path):
    from sonla_desktop.domain.sheets import ATTENDANCE

    path = _book(tmp_path / "dd.xlsx", "Trang 1", [
        ["Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Bản/Tổ dân phố",
         "Thị trường quan tâm"],
        ["Lò Văn An", 1999, "Nam", "+84 912 345 678", "Bản Mé", "Nhật"],
        [None, None, None, None, None, None],
        ["Cầm Thị Hoa", "năm 2001", "Nữ", None, "Bản Hẹo", "Hàn Quốc"],
    ])
    sheet, book = read_single_sheet(path, ATTENDANCE, lookups)
    assert [r.number for r in sheet.rows] == [2, 4]
    assert sheet.rows[0].values["interest_market"] == "JP"
    assert sheet.rows[0].values["birth_year"] == 1999
    assert [(e.row, e.column) for e in book.all_errors()] == [(4, "Năm sinh")]


def test_import_refuses_a_conference_list_and_points_to_the_events_page(ctx, tmp_path):
    path = _book(tmp_path / "dd.xlsx", "Điểm danh", [
        ["Họ và tên", "Năm sinh", "Giới tính"], ["Lò Văn An", 1999, "Nam"]])
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    assert "Hội nghị tư vấn" in info.value.errors[0].vi


def test_templates_sheets_are_found_even_with_our_guide_sheets(ctx, lookups, tmp_path):
    from sonla_desktop.services.spreadsheets import make_template

    make_template(ctx, "workers", tmp_path / "t.xlsx")
    book = read_workbook(tmp_path / "t.xlsx", lookups)
    assert [(s.title, s.spec.kind, len(s.rows)) for s in book.sheets] == [
        ("Người lao động", "workers", 0)]
    assert book.all_errors() == [] and book.all_notices() == []
