"""The sheet scan against calamine itself: whatever form the XML takes, the rectangle the
scan reports is never smaller than the one python-calamine builds from the same bytes.

The forms here are the ones that fooled the scan before the plain/general split (an ``r``
right after a quote, text that looks like references balancing cells without one, nested
rows, a cell outside any row) or that a fast path reading only the plain form could miss
(the last of two ``r`` attributes, prefixed tags among plain ones, rows going back, chunk
borders).
"""

from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from openpyxl import Workbook
from python_calamine import CalamineError, CalamineWorkbook

from sonla_desktop.services.excel_import.sheet_scan import scan_part

SHEET = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _book(sheet_data: str) -> bytes:
    """The smallest .xlsx calamine opens, with ``sheet_data`` inside <sheetData>."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxml'
            'formats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
            'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-office'
            'document.spreadsheetml.worksheet+xml"/></Types>'))
        zf.writestr("_rels/.rels", (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        zf.writestr("xl/workbook.xml", (
            f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets><sheet name="S" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'))
        zf.writestr("xl/_rels/workbook.xml.rels", (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'))
        zf.writestr(SHEET, f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData>'
                           "</worksheet>")
    return buf.getvalue()


def _declared(data: bytes) -> bytes:
    """``data`` with the XML declaration Excel writes at the top of every part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            part = zin.read(name)
            if name == SHEET:
                part = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + part
            zout.writestr(name, part, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _scan(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return scan_part(zf, SHEET)


def _calamine_extent(data: bytes) -> tuple[int, int]:
    """Rows and columns from A1 to the last cell calamine placed (its rectangle fits in)."""
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    if sheet.end is None:
        return 0, 0
    return sheet.end[0] + 1, sheet.end[1] + 1


def _assert_covers(sheet_data: str) -> tuple[int, int]:
    data = _book(sheet_data)
    rows, columns = _calamine_extent(data)
    size = _scan(data)
    assert size.rows >= rows and size.columns >= columns, \
        f"scan {size.rows}×{size.columns} < calamine {rows}×{columns}"
    return rows, columns


V = "<v>1</v>"
FAKES = "".join(f' r="A{n}"' for n in range(3, 43))  # text that looks like 40 references


FORMS = [
    # calamine reads an r straight after a closing quote
    ("r after a quote", f'<row r="1"><c r="A1">{V}</c><c t="n"r="AZ900">{V}</c></row>',
     (900, 52)),
    # with two r attributes calamine takes the last one
    ("last of two r", f'<row r="1"><c r="A1">{V}</c><c r="A1" r="AZ900">{V}</c></row>',
     (900, 52)),
    ("last r after a quote", f'<row r="1"><c r="A1">{V}</c><c r="A1" t="n"r="AZ900">{V}</c>'
     "</row>", (900, 52)),
    ("r after a newline", f'<row r="1"><c r="A1">{V}</c><c r="A1"\nr="AZ900">{V}</c></row>',
     (900, 52)),
    ("r after a tab", f'<row r="1"><c r="A1">{V}</c><c\tr="AZ900">{V}</c></row>', (900, 52)),
    ("lower-case reference", f'<row r="1"><c r="A1">{V}</c><c r="az900">{V}</c></row>',
     (900, 52)),
    # a leading zero must not let a far row pass the plain check's digit-by-digit bound
    ("leading zeros", f'<row r="1"><c r="A1">{V}</c><c r="B0900">{V}</c></row>', (900, 2)),
    # rows going back: the cell below its row tag comes after a higher row
    ("rows going back", f'<row r="5"><c r="A5">{V}</c></row><row r="2"><c r="B900">{V}</c>'
     "</row>", (900, 2)),
    # 40 cells without r, and 40 look-alike references in a text: counts balance
    ("text balances cells", f'<row r="1"><c r="A1">{V}</c>' + f"<c>{V}</c>" * 40
     + f'<c t="inlineStr"><is><t>{FAKES}</t></is></c></row>', (1, 42)),
    # 40 rows without r, and 40 look-alike row numbers in a text
    ("text balances rows", f'<row r="1"><c r="A1">{V}</c></row>' + f"<row><c>{V}</c></row>" * 40
     + '<row r="2"><c r="B2" t="inlineStr"><is><t>'
     + "".join(f' r="{n}"' for n in range(40)) + "</t></is></c></row>", (41, 2)),
    # a cell after the last </row> sits one row further down
    ("cell outside rows", f'<row r="1"><c r="A1">{V}</c></row><row r="3"><c r="A3">{V}</c>'
     f"</row><c>{V}</c>", (4, 1)),
    # each </row> moves the row on, nested or not
    ("nested rows", '<row r="1">' * 50 + f'<c r="A1">{V}</c>' + "</row>" * 50 + f"<c>{V}</c>",
     (51, 1)),
    # a nested row does not set the column back: only </row> does
    ("nested row keeps the column", f'<row r="1"><c r="A1">{V}</c>' + f"<c>{V}</c>" * 3
     + "<row>" + f"<c>{V}</c>" * 3 + "</row></row>", (1, 7)),
    # a </row> inside a comment or an attribute value is no end of row
    ("end of row in a comment", f'<row r="1"><c>{V}</c><c>{V}</c><!--</row>--><c>{V}</c>'
     f"<c>{V}</c></row>", (1, 4)),
    ("end of row in a value", f'<row r="1"><c>{V}</c><c>{V}</c><c x="</row>">{V}</c>'
     f"<c>{V}</c></row>", (1, 4)),
    # prefixed cells without r among plain ones
    ("prefixed among plain", f'<row r="1"><c r="A1">{V}</c>'
     + f'<x:c xmlns:x="{MAIN}"><x:v>1</x:v></x:c>' * 30 + "</row>", (1, 31)),
]


@pytest.mark.parametrize(("xml", "far"), [pytest.param(x, f, id=n) for n, x, f in FORMS])
def test_scan_covers_what_calamine_builds(xml, far):
    assert _assert_covers(xml) == far  # (calamine really puts a cell that far)


def test_a_far_cell_written_after_a_quote_is_refused_by_size():
    # The form that once let a 17-billion-cell rectangle through: far too big for calamine
    # to be asked, so the scan alone is checked.
    size = _scan(_book(f'<row r="1"><c r="A1">{V}</c><c t="n"r="XFD1048576">{V}</c></row>'))
    assert size.rows >= 1_048_576 and size.columns >= 16_384


def _padding(nbytes: int, first_row: int = 1) -> tuple[str, int]:
    """Plain rows of three cells, about ``nbytes`` long; returns them and the next row."""
    rows, row, length = [], first_row, 0
    while length < nbytes:
        text = f'<row r="{row}">' + "".join(
            f'<c r="{c}{row}" t="inlineStr"><is><t>{"x" * 40}</t></is></c>' for c in "ABC"
        ) + "</row>"
        rows.append(text)
        length += len(text)
        row += 1
    return "".join(rows), row


def test_a_tag_split_by_a_quoted_lt_at_the_chunk_border_is_still_read():
    # The scan cuts each megabyte before its last "<". A "<" inside an attribute value
    # (quick-xml accepts it) followed by a long value puts that cut inside the cell tag:
    # the cell's far r is only in the next chunk, after no "<c".
    head, row = _padding((1 << 20) - 1000)
    tag = f'<row r="{row}"><c r="A{row}" x="<" r="BZ{row + 500}" y="{"y" * 2000}">{V}</c></row>'
    inner = tag.index('x="<') + 3
    # a text cell that puts the inner "<" a few bytes before the first megabyte's end
    before = len(f'<worksheet xmlns="{MAIN}"><sheetData>') + len(head)
    filler_row = f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t></t></is></c></row>'
    text = "f" * ((1 << 20) - 10 - before - len(filler_row) - inner)
    filler = filler_row.replace("<t></t>", f"<t>{text}</t>")
    tag = tag.replace(f'r="{row}"', f'r="{row + 1}"').replace(f'"A{row}"', f'"A{row + 1}"')
    xml = head + filler + tag
    with zipfile.ZipFile(io.BytesIO(_book(xml))) as zf:
        first_mb = zf.read(SHEET)[: 1 << 20]
    assert first_mb[first_mb.rfind(b"<"):].startswith(b'<" r="BZ')  # the cut is in the tag
    assert _assert_covers(xml) == (row + 500, 78)


def test_cells_past_a_chunk_border_are_bounded_by_the_rows_before_it():
    # Rows climb for a megabyte; the next chunk goes back to a low row whose cell names a
    # row past everything seen: the plain bound must not let it through.
    head, row = _padding((1 << 20) + 10_000)
    tail = f'<row r="3"><c r="C{row + 900}">{V}</c></row>'
    assert _assert_covers(head + tail) == (row + 900, 3)


def test_a_row_number_the_plain_check_cannot_read_still_counts_in_a_later_chunk():
    # A single-quoted row number in an otherwise plain first megabyte; a cell without r in
    # the next chunk sits just below that row.
    head, row = _padding((1 << 20) - 600)
    far = row + 40_000
    odd = f"<row r='{far}'><c r=\"A1\" t=\"inlineStr\"><is><t>{'f' * 1500}"
    tail = f"</t></is></c></row><row><c>{V}</c></row>"
    start = len(f'<worksheet xmlns="{MAIN}"><sheetData>' + head)
    assert start + 20 < (1 << 20) < start + len(odd)  # the odd row tag: first chunk
    assert _assert_covers(head + odd + tail) == (far + 1, 3)


def test_a_run_of_cells_without_r_goes_on_across_chunks():
    # One row of 120,000 cells without r (about 1.9 MB, so two chunks): one run, not two.
    xml = f'<row r="1"><c r="A1">{V}</c>' + f"<c>{V}</c>" * 120_000 + "</row>"
    assert _assert_covers(xml) == (1, 120_001)


def test_a_sheet_without_any_reference_is_measured_near_its_size():
    # Some writers number neither rows nor cells. Such a sheet, with the XML declaration
    # Excel puts on top (not taken for markup that could hide a fake </row>), is bounded by
    # its row count and its widest row, over two chunks, not by all its cells.
    xml = (f"<row><c>{V}</c><c>{V}</c><c>{V}</c></row>") * 30_000
    data = _declared(_book(xml))
    assert _calamine_extent(data) == (30_000, 3)
    size = _scan(data)
    assert (size.rows, size.columns) == (30_001, 4)


def test_plain_rows_then_a_far_cell_in_the_second_chunk_are_measured_exactly():
    head, row = _padding((1 << 20) + 5_000)
    size = _scan(_book(head + f'<row r="{row}"><c r="AB{row}">{V}</c></row>'))
    assert (size.rows, size.columns, size.cells) == (row, 28, 3 * (row - 1) + 1)


def test_the_row_bound_pattern_accepts_exactly_the_rows_up_to_it():
    from sonla_desktop.services.excel_import.sheet_chunks import _at_most

    for bound in (1, 7, 9, 10, 11, 99, 100, 101, 1999, 2037, 10_001, 99_999, 1_048_576):
        pattern = re.compile(_at_most(bound))
        values = set(range(0, 130)) | {bound - 1, bound, bound + 1, bound * 10, bound + 10}
        values |= set(range(max(bound - 150, 0), bound + 150))
        for value in values:
            for text in (str(value), "0" + str(value), "000" + str(value)):
                matched = pattern.fullmatch(text.encode() + b'"') is not None
                assert matched == (1 <= value <= bound), (bound, text)


def test_an_openpyxl_sheet_takes_the_plain_way():
    # The fast path is what makes the scan cheap for real files: it must accept what
    # openpyxl (like Excel) writes, whole.
    from sonla_desktop.services.excel_import.sheet_chunks import Tally, plain_chunk

    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Ngày sinh", "Ghi chú"])
    for i in range(300):
        ws.append([f"Lò Văn {i}", i, None if i % 3 else "x"])
    ws["AB400"] = "far"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as zf:
        data = zf.read(SHEET)
    tally = Tally()
    assert plain_chunk(data, len(data), tally)
    assert (tally.rows, tally.columns) == (400, 28)


# --- Random sheets mixing every form above, each checked against calamine ---------------

def _column(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _random_cell(rng: random.Random) -> str:
    ref = f"{_column(rng.choice([1, 2, 3, 26, 27, 60]))}{rng.choice([1, 2, 3, 5, 9, 12, 40])}"
    return rng.choice([
        f'<c r="{ref}">{V}</c>', f"<c>{V}</c>", "<c/>", f'<c t="n"r="{ref}">{V}</c>',
        f'<c r="A1" r="{ref}">{V}</c>', f'<c r="A1" t="n"r="{ref}">{V}</c>', f"<c r='{ref}'>{V}</c>", f'<c\tr="{ref}">{V}</c>',
        f'<c s="1" r="{ref}">{V}</c>', f'<c r = "{ref}">{V}</c>', f'<c r="{ref.lower()}">{V}</c>',
        f'<x:c r="{ref}" xmlns:x="{MAIN}"><x:v>1</x:v></x:c>',
        f'<c t="inlineStr"><is><t> r="{ref}" r="A</t></is></c>',
    ])


def _random_row(rng: random.Random, depth: int = 0) -> str:
    body = "".join(_random_cell(rng) for _ in range(rng.randrange(0, 5)))
    if depth < 2 and rng.random() < 0.15:
        body += _random_row(rng, depth + 1)
    r = rng.choice([1, 2, 3, 5, 7, 20, 30])
    return rng.choice([f'<row r="{r}">{body}</row>', f"<row>{body}</row>", f"<row r='{r}'>{body}</row>",
                       f'<row r="{r}" spans="1:3">{body}</row>', f'<row r="{r}"/>', body])


def _random_plain_sheet(rng: random.Random) -> str:
    """Mostly the plain form, with a wrong row here and a cell without r there."""
    numbers = sorted(rng.sample(range(1, 60), rng.randrange(1, 8)))
    if rng.random() < 0.3:
        rng.shuffle(numbers)
    out = []
    for n in numbers:
        cells = []
        for _ in range(rng.randrange(0, 5)):
            kind = rng.randrange(10)
            row = n if kind < 7 else rng.choice([1, 2, n + 1, n + 50, 999])
            zero = "0" if kind == 9 else ""
            col = _column(rng.choice([1, 2, 3, 26, 28, 703]))
            cells.append(f"<c>{V}</c>" if kind == 8 else f'<c r="{col}{zero}{row}">{V}</c>')
        body = "".join(cells)
        out.append(f'<row r="{n}">{body}</row>' if rng.random() < 0.9 else f"<row>{body}</row>")
    if rng.random() < 0.1:
        out.append(f"<c>{V}</c>")
    return "".join(out)


def _random_sheet(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return _random_plain_sheet(rng)
    return "".join(_random_row(rng) for _ in range(rng.randrange(1, 6)))


@pytest.mark.parametrize("seed", range(4))
def test_random_sheets_are_never_under_measured(seed):
    rng = random.Random(seed)
    for _ in range(150):
        xml = _random_sheet(rng)
        data = _book(xml)
        try:
            rows, columns = _calamine_extent(data)
        except CalamineError:  # a form calamine refuses builds nothing
            continue
        size = _scan(data)
        assert size.rows >= rows and size.columns >= columns, xml
