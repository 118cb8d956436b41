"""Hostile and broken files are refused before anything is parsed or written."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook

from sonla_desktop.errors import UserError
from sonla_desktop.services.excel_import import Limits, import_workbook, read_workbook
from sonla_desktop.services.excel_import.lookups import build_lookups
from sonla_desktop.services.excel_import.safety import defused_xml_active
from tests.conftest import dump_database


def _small_book(path, rows=3):
    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws.append(["Họ và tên", "Giới tính", "Xã/Phường"])
    for i in range(rows):
        ws.append([f"Lò Văn An {chr(65 + i % 26)}".replace(" A", " Aa"), "Nam", "03670"])
    wb.save(path)
    return path


def _rewrite(src, dst, replace: dict[str, bytes]):
    """Copy an xlsx, replacing some parts' content."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = replace.get(item.filename, zin.read(item.filename))
            zout.writestr(item.filename, data)
    return dst


def _import_refused(ctx, db, path) -> str:
    before = dump_database(db)
    with pytest.raises(UserError) as info:
        import_workbook(ctx, path)
    assert dump_database(db) == before
    return info.value.vi


def test_openpyxl_parses_through_defusedxml():
    assert defused_xml_active()


def test_zip_bomb_is_refused_by_its_compression_ratio(ctx, db, tmp_path):
    src = _small_book(tmp_path / "ok.xlsx")
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    # 30 MB of spaces after the XML declaration deflate to ~30 KB: ratio ~1000.
    head, _, rest = sheet.partition(b"?>")
    bomb = _rewrite(src, tmp_path / "bomb.xlsx",
                    {"xl/worksheets/sheet1.xml": head + b"?>" + b" " * 30_000_000 + rest})
    message = _import_refused(ctx, db, bomb)
    assert "nén bất thường" in message and "sheet1.xml" in message


def test_entity_expansion_is_refused(ctx, db, tmp_path):
    src = _small_book(tmp_path / "ok.xlsx")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
              b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              b'count="1" uniqueCount="1"><si><t>&lol3;</t></si></sst>')
    with zipfile.ZipFile(src) as z:
        names = z.namelist()
    target = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else \
        "xl/worksheets/sheet1.xml"
    evil = _rewrite(src, tmp_path / "laughs.xlsx", {target: laughs})
    assert "nguy hiểm" in _import_refused(ctx, db, evil)


def test_external_entity_is_refused(ctx, db, tmp_path):
    src = _small_book(tmp_path / "ok.xlsx")
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    body = sheet.split("?>", 1)[-1]
    xxe = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           + body.replace("<sheetData>", "<sheetData><row r=\"99\"><c r=\"A99\" t=\"inlineStr\">"
                          "<is><t>&e;</t></is></c></row>", 1))
    evil = _rewrite(src, tmp_path / "xxe.xlsx", {"xl/worksheets/sheet1.xml": xxe.encode()})
    assert "nguy hiểm" in _import_refused(ctx, db, evil)


@pytest.mark.parametrize(("content", "words"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
    (b"Ho va ten,Gioi tinh\nLo Van An,Nam\n", "không phải tệp Excel"),
])
def test_old_excel_and_csv_files_get_a_plain_message(ctx, db, tmp_path, content, words):
    path = tmp_path / "list.xlsx"
    path.write_bytes(content)
    assert words in _import_refused(ctx, db, path)


def test_size_and_row_limits(ctx, tmp_path):
    path = _small_book(tmp_path / "rows.xlsx", rows=60)
    with ctx.db.session() as s:
        lookups = build_lookups(s)
    with pytest.raises(UserError, match="quá nhiều dòng"):
        read_workbook(path, lookups, limits=Limits(max_rows_per_sheet=50))
    with pytest.raises(UserError, match="quá lớn"):
        read_workbook(path, lookups, limits=Limits(max_file_bytes=1000))
    assert len(read_workbook(path, lookups).sheets[0].rows) == 60


def test_import_refuses_to_run_when_defusedxml_is_switched_off(db, db_path, tmp_path):
    path = _small_book(tmp_path / "ok.xlsx")
    env = dict(os.environ, OPENPYXL_DEFUSEDXML="False")
    proc = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(db_path),
                           "import-excel", str(path)], capture_output=True, text=True,
                          encoding="utf-8", env=env)
    assert proc.returncode == 1
    assert "defusedxml" in proc.stderr


def test_a_lying_dimension_does_not_make_a_million_empty_rows(ctx, tmp_path):
    src = _small_book(tmp_path / "ok.xlsx", rows=2)
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    import re

    lying = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', sheet)
    assert lying != sheet
    path = _rewrite(src, tmp_path / "lying.xlsx", {"xl/worksheets/sheet1.xml": lying.encode()})
    with ctx.db.session() as s:
        lookups = build_lookups(s)
    book = read_workbook(path, lookups)
    assert [r.number for r in book.sheets[0].rows] == [2, 3]
