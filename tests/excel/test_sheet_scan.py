"""The sheet scan never under-estimates the rectangle calamine builds, whatever the XML
looks like (prefixes, quotes, cells without references, leading zeros)."""

from __future__ import annotations

import zipfile

import pytest

from sonla_desktop.services.excel_import.sheet_scan import scan_part

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _scan(tmp_path, sheet_data: str, root: str = f"<worksheet {NS}>"):
    path = tmp_path / "s.zip"
    close = "</x:worksheet>" if root.startswith("<x:") else "</worksheet>"
    data_tag = "x:sheetData" if root.startswith("<x:") else "sheetData"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml",
                    f"{root}<{data_tag}>{sheet_data}</{data_tag}>{close}")
    with zipfile.ZipFile(path) as zf:
        return scan_part(zf, "xl/worksheets/sheet1.xml")


@pytest.mark.parametrize(("xml", "rows", "columns"), [
    ('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>2</v></c></row>', 1, 3),
    ('<row r="3"><c r="XFD3"><v>1</v></c></row>', 3, 16_384),
    # leading zeros: "99" is further than "0000001"
    ('<row r="1"><c r="A0000001"><v>1</v></c></row><row r="99"><c r="B99"/></row>', 99, 2),
    # a cell whose own reference is far below its row
    ('<row r="1"><c r="A1048576"><v>1</v></c></row>', 1_048_576, 1),
    # single quotes and spaces around "="
    ("<row r = '7'><c r = 'AB7' t='n'><v>1</v></c></row>", 7, 28),
    # cells without references continue to the right, rows without them downwards
    ("<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>",
     2, 3),
])
def test_scan_bounds_the_rectangle(tmp_path, xml, rows, columns):
    size = _scan(tmp_path, xml)
    assert size.rows >= rows and size.columns >= columns


def test_an_odd_reference_cannot_hide_behind_a_balanced_count(tmp_path):
    # One cell whose r follows a line break (the literal pattern misses it), one text that
    # looks like a reference (the literal pattern counts it): counts match, sizes must not.
    xml = ('<row r="1"><c\nr="XFD1048576"><v>1</v></c>'
           '<c r="A1" t="inlineStr"><is><t> r="A</t></is></c></row>')
    size = _scan(tmp_path, xml)
    assert size.rows >= 1_048_576 and size.columns >= 16_384


def test_prefixed_tags_are_counted(tmp_path):
    root = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/'
            'main">')
    cells = "".join("<x:c><x:v>1</x:v></x:c>" for _ in range(500))
    size = _scan(tmp_path, f"<x:row>{cells}</x:row>", root)
    assert size.columns >= 500 and size.cells == 500


def test_an_excel_like_sheet_is_measured_exactly(tmp_path):
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABC")
                   + "</row>" for r in range(1, 2001))
    size = _scan(tmp_path, rows)
    assert (size.rows, size.columns, size.cells) == (2000, 3, 6000)
