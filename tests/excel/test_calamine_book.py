"""The calamine adapter gives the readers what openpyxl's read-only mode gave them."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import Workbook

from sonla_desktop.services.excel_import import open_workbook


def test_rows_start_at_a1_with_openpyxl_values(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws["C5"] = "Lò Văn An"
    ws["D5"] = 12
    ws["E5"] = 6.6
    ws["F5"] = date(1998, 3, 25)
    ws["G5"] = datetime(2026, 1, 2, 3, 4, 5)
    ws["H5"] = True
    ws["D6"] = 1e308
    ws["E6"] = "   "
    ws["F6"] = 3.0  # openpyxl writes "3": read back as int
    wb.save(tmp_path / "t.xlsx")
    book = open_workbook(tmp_path / "t.xlsx")
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert book.worksheets[0].title == "Người lao động"
    assert len(rows) == 6 and all(v is None for r in rows[:4] for v in r)
    assert rows[4][:8] == (None, None, "Lò Văn An", 12, 6.6, date(1998, 3, 25),
                           datetime(2026, 1, 2, 3, 4, 5), True)
    assert type(rows[4][3]) is int
    assert rows[5][5] == 3 and type(rows[5][5]) is int
    assert rows[5][3] == 1e308 and type(rows[5][3]) is float  # not a 309-digit int
    assert rows[5][4] in (None, "   ")  # blank either way for the reader
