"""The loans sheet speaks to people: declared facts in their own Vietnamese columns, the
clerk's note alone in "Ghi chú" (issue 17, item 8), and the round trip keeps both."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from report_data import loan, worker
from sqlalchemy import select

from sonla_desktop.db import open_database
from sonla_desktop.domain.loan_application import Declarations, decode_notes, encode_notes
from sonla_desktop.models import LoanApplication
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import export_workbook
from tests.pg_backend import copy_of


def test_declarations_are_columns_and_survive_the_round_trip(ctx, _template_db, tmp_path):
    a = worker(ctx, "Lò Văn Một", departure=date(2025, 2, 2), market="TW")
    loan_id = loan(ctx, a, 60_000_000, date(2025, 2, 1), term=24)
    with ctx.transaction() as s:
        s.get(LoanApplication, loan_id).notes = encode_notes(
            Declarations(land_revoked=True), "Gia đình đã ký cam kết")
    out = tmp_path / "export.xlsx"
    export_workbook(ctx, out)
    ws = load_workbook(out)["Khoản vay"]
    headers = [c.value for c in ws[1]]
    row = dict(zip(headers, [c.value for c in ws[2]], strict=True))
    assert row["Ghi chú"] == "Gia đình đã ký cam kết"
    assert row["Khai: hộ bị thu hồi đất NN"] == "Có"
    assert row["Khai: thân nhân người có công"] == "Không"
    assert not any("declared" in str(c.value or "") for r in ws.iter_rows() for c in r)

    path = copy_of(_template_db, tmp_path / "other.db")  # a file, or a PostgreSQL copy
    other = ServiceContext(open_database(path), user="other-clerk", role="admin")
    import_workbook(other, out, today=date(2026, 1, 10))
    with other.db.session() as s:
        notes = s.scalar(select(LoanApplication.notes))
    assert decode_notes(notes) == (Declarations(land_revoked=True), "Gia đình đã ký cam kết")
