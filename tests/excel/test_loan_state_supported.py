"""Issue 13: the loans sheet carries the pre-departure costs and the state-supported amount,
like the loan form and ``loans create --state-supported``. The import checks a 2026 loan
against the same cap as the form (costs minus what the state supports) and refuses a row
above it naming the row, the column and the figures, with the database as it was; the
export writes both columns and the file imports again into another office."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from sonla_desktop.db import open_database
from sonla_desktop.errors import ImportRowsError
from sonla_desktop.models import LoanApplication
from sonla_desktop.services import loans as svc
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import export_workbook, make_template
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database
from tests.pg_backend import copy_of

NID = "014095000111"
TODAY = date(2026, 4, 1)


def borrower(ctx) -> str:
    return create_worker(ctx, {"full_name": "Lò Văn Ơn", "birth_date": "01/01/1995",
                               "sex": "M", "national_id": NID, "commune_code": "03670",
                               "household": "none", "ethnic_code": "03",
                               "contract_months": 36})


def sheet(ctx, tmp_path, **cells) -> object:
    """The downloaded template with one loan row filled in by column header."""
    path = tmp_path / "loans.xlsx"
    make_template(ctx, "loans", path)
    wb = load_workbook(path)
    ws = wb["Khoản vay"]
    columns = {c.value: c.column for c in ws[1]}
    values = {"Số CCCD": NID, "Đối tượng chính sách": "Dân tộc thiểu số",
              "Ngày giải ngân": "10/03/2026", "Thời hạn (tháng)": 36, **cells}
    for header, value in values.items():
        ws.cell(2, columns[header], value)
    wb.save(path)
    return path


def test_the_template_has_both_columns_with_their_help(ctx, tmp_path):
    wb = load_workbook(sheet(ctx, tmp_path))
    headers = [c.value for c in wb["Khoản vay"][1]]
    assert headers[-2:] == ["Chi phí trước xuất cảnh", "Nhà nước hỗ trợ"]
    guide = " ".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    assert "chi phí trước xuất cảnh − phần này (NĐ 338/2025, Điều 12)" in guide


def test_a_loan_within_the_cap_is_imported_with_its_costs_and_support(ctx, tmp_path):
    borrower(ctx)
    path = sheet(ctx, tmp_path, **{"Số tiền vay": "91.470.000",
                                   "Chi phí trước xuất cảnh": "100.000.000",
                                   "Nhà nước hỗ trợ": "8.530.000"})
    import_workbook(ctx, path, today=TODAY)
    with ctx.db.session() as s:
        loan = s.scalar(select(LoanApplication))
    assert (loan.requested_vnd, loan.total_cost_vnd, loan.state_supported_vnd) == (
        91_470_000, 100_000_000, 8_530_000)


def test_a_request_above_the_cap_is_refused_with_row_column_and_figures(ctx, db, tmp_path):
    borrower(ctx)
    before = dump_database(db)
    path = sheet(ctx, tmp_path, **{"Số tiền vay": 95_000_000,
                                   "Chi phí trước xuất cảnh": 100_000_000,
                                   "Nhà nước hỗ trợ": 8_530_000})
    with pytest.raises(ImportRowsError) as err:
        import_workbook(ctx, path, today=TODAY)
    [issue] = err.value.errors
    assert (issue.sheet, issue.row, issue.column) == ("Khoản vay", 2, "Số tiền vay")
    for figure in ("95.000.000", "91.470.000", "100.000.000", "8.530.000", "Điều 12"):
        assert figure in issue.vi
    assert "91.470.000" in issue.en
    assert dump_database(db) == before


@pytest.mark.parametrize(("cells", "column", "words"), [
    ({"Số tiền vay": 60_000_000, "Nhà nước hỗ trợ": 2_000_000}, "Chi phí trước xuất cảnh",
     "phải nhập chi phí trước xuất cảnh"),
    ({"Số tiền vay": 60_000_000, "Chi phí trước xuất cảnh": 5_000_000,
      "Nhà nước hỗ trợ": 6_000_000}, "Nhà nước hỗ trợ", "lớn hơn tổng chi phí"),
    ({"Số tiền vay": 60_000_000, "Chi phí trước xuất cảnh": 70_000_000,
      "Nhà nước hỗ trợ": "hai triệu"}, "Nhà nước hỗ trợ", ""),
])
def test_other_bad_figures_are_named_and_nothing_is_written(ctx, db, tmp_path, cells, column,
                                                            words):
    borrower(ctx)
    before = dump_database(db)
    with pytest.raises(ImportRowsError) as err:
        import_workbook(ctx, sheet(ctx, tmp_path, **cells), today=TODAY)
    [issue] = err.value.errors
    assert (issue.row, issue.column) == (2, column)
    assert words in issue.vi
    assert dump_database(db) == before


def test_an_old_sheet_without_the_columns_still_imports(ctx, tmp_path):
    """Empty costs = the amount (what the import always assumed); no support."""
    borrower(ctx)
    import_workbook(ctx, sheet(ctx, tmp_path, **{"Số tiền vay": 60_000_000}), today=TODAY)
    with ctx.db.session() as s:
        loan = s.scalar(select(LoanApplication))
    assert (loan.total_cost_vnd, loan.state_supported_vnd) == (60_000_000, 0)


def test_the_export_writes_both_and_another_office_imports_them(ctx, _template_db, tmp_path):
    wid = borrower(ctx)
    loan_id = svc.create_loan(ctx, wid, {
        "policy_group": "ethnic_minority", "application_date": date(2026, 3, 2),
        "contract_months": 36, "term_months": 36, "requested_vnd": 91_470_000,
        "state_supported_vnd": 8_530_000,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": 90_000_000},
                       {"kind": "training", "amount_vnd": 10_000_000}]})
    out = tmp_path / "export.xlsx"
    export_workbook(ctx, out)
    ws = load_workbook(out)["Khoản vay"]
    row = dict(zip([c.value for c in ws[1]], [c.value for c in ws[2]], strict=True))
    assert (row["Chi phí trước xuất cảnh"], row["Nhà nước hỗ trợ"]) == (100_000_000, 8_530_000)
    assert row["Mã khoản vay"] == loan_id
    other = ServiceContext(open_database(copy_of(_template_db, tmp_path / "other.db")),
                           user="other-clerk", role="admin")
    import_workbook(other, out, today=TODAY)
    with other.db.session() as s:
        loan = s.get(LoanApplication, loan_id) or s.scalar(select(LoanApplication))
    assert (loan.requested_vnd, loan.total_cost_vnd, loan.state_supported_vnd) == (
        91_470_000, 100_000_000, 8_530_000)
    other.db.dispose()
