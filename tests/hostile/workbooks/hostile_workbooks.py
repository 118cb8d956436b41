"""Hostile workbooks, generated: what an agency's file or a USB stick may carry.

Each maker writes one .xlsx into a folder and returns its path. They start from a small
workers sheet saved by openpyxl and then rewrite the ZIP's parts as raw bytes, because the
interesting files are exactly those openpyxl (or Excel) would never write: a row of eight
million cells, a cell at XFD1048576, a bell character in a village, entity declarations.

``EXPECTED`` says what the import must do with each: "refused" (a typed ``UserError``, the
database unchanged) or "imported" (a clean success).
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEADERS = ["Họ và tên", "Giới tính", "Xã/Phường", "Bản/Tổ dân phố", "Ghi chú"]
ROWS = [["Lò Văn An", "Nam", "03670", "Bản Mé", ""],
        ["Cầm Thị Duyên", "Nữ", "03670", "Bản Hìn", ""]]


def base_workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws.append(HEADERS)
    for row in rows if rows is not None else ROWS:
        ws.append(row)
    wb.save(path)
    return path


def rewrite(path: Path, edit: Callable[[str, bytes], bytes],
            compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Rewrite every part of ``path`` through ``edit(name, data)``."""
    with zipfile.ZipFile(path) as zf:
        parts = [(info.filename, zf.read(info.filename)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", compression, compresslevel=1) as zf:
        for name, data in parts:
            zf.writestr(name, edit(name, data))
    return path


def _in_sheet(path: Path, old: bytes, new: bytes, **kw) -> Path:
    return rewrite(path, lambda n, d: d.replace(old, new) if n == SHEET else d, **kw)


def _cell(text: str) -> bytes:
    """An inline-string cell holding ``text``, control characters escaped as Excel does."""
    body = text.replace("&", "&amp;").replace("<", "&lt;")
    body = "".join(f"_x{ord(c):04X}_" if ord(c) < 32 and c not in "\t\n\r" else c
                   for c in body)
    return f'<c r="D3" t="inlineStr"><is><t xml:space="preserve">{body}</t></is></c>'.encode()


def _village(path: Path, text: str) -> Path:
    """Row 3's village cell replaced by ``text`` (written raw)."""
    base_workbook(path)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(SHEET)
    start = xml.index(b'<c r="D3"')
    end = xml.index(b"</c>", start) + 4
    return rewrite(path, lambda n, d: xml[:start] + _cell(text) + xml[end:] if n == SHEET
                   else d)


# --------------------------------------------------------------------------- the makers

def huge_dimension(folder: Path) -> Path:
    path = base_workbook(folder / "huge-dimension.xlsx")
    return rewrite(path, lambda n, d: d.replace(b'<dimension ref="A1:E3" />',
                                                b'<dimension ref="A1:XFD1048576" />')
                   if n == SHEET else d)


def far_cell(folder: Path) -> Path:
    """One cell at XFD1048576: a 17-billion-cell rectangle for a dense reader."""
    path = base_workbook(folder / "far-cell.xlsx")
    far = (b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
           b"</sheetData>")
    return _in_sheet(path, b"</sheetData>", far)


def wide_row(folder: Path, cells: int = 8_000_000) -> Path:
    """One row of ``cells`` numeric cells without references (8 million: a 31 MB file
    that took 4.4 GB to read). Random digits keep the compression ratio ordinary, so the
    zip-bomb check does not catch it: only the sheet scan can."""
    path = base_workbook(folder / "wide-row.xlsx")
    one = b"<c><v>0</v></c>"
    body = bytearray(one * cells)
    digits = os.urandom(cells).translate(bytes(48 + i % 10 for i in range(256)))
    body[6::len(one)] = digits
    row = b'<row r="4">' + bytes(body) + b"</row></sheetData>"
    return _in_sheet(path, b"</sheetData>", row)


def zip_bomb(folder: Path) -> Path:
    path = base_workbook(folder / "zip-bomb.xlsx")
    padding = b"<!-- " + b"A" * (50 * 1024 * 1024) + b" -->"
    return rewrite(path, lambda n, d: d + padding if n == "xl/styles.xml" else d)


def entity_expansion(folder: Path) -> Path:
    path = base_workbook(folder / "entities.xlsx")
    dtd = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
           b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    return rewrite(path, lambda n, d: dtd + d.split(b"?>", 1)[-1] if n == SHEET else d)


def control_character(folder: Path) -> Path:
    return _village(folder / "bell.xlsx", "Bản\x07Mé")


def over_long_cell(folder: Path) -> Path:
    return _village(folder / "over-long.xlsx", "Bản " + "M" * 1_000_000)


def formulas(folder: Path) -> Path:
    """A village that is a formula with a cached result, and a notes cell holding the
    text of a formula: imported as the cached value and as plain text."""
    path = base_workbook(folder / "formulas.xlsx")
    xml_cell = ('<c r="D3" t="str"><f>HYPERLINK("http://evil.example","Bản Hìn")</f>'
                "<v>Bản Hìn</v></c>").encode()
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(SHEET)
    start = xml.index(b'<c r="D3"')
    end = xml.index(b"</c>", start) + 4
    xml = xml[:start] + xml_cell + xml[end:]
    xml = xml.replace(b'<c r="E2" />', b"").replace(
        b"</row>", b'<c r="E2" t="inlineStr"><is><t>=1+2</t></is></c></row>', 1)
    return rewrite(path, lambda n, d: xml if n == SHEET else d)


def nfd_text(folder: Path) -> Path:
    import unicodedata

    rows = [[unicodedata.normalize("NFD", str(v)) for v in row] for row in ROWS]
    return base_workbook(folder / "nfd.xlsx", rows)


def bidi_override(folder: Path) -> Path:
    return _village(folder / "bidi.xlsx", "Bản \u202eéM\u202c\u200d")


def flipped_header_byte(folder: Path) -> Path:
    """One byte of the ZIP's central directory changed: the sheet's offset."""
    path = base_workbook(folder / "flipped.xlsx")
    data = bytearray(path.read_bytes())
    central = data.rfind(SHEET.encode()) - 46  # the sheet's central directory entry
    assert data[central:central + 4] == b"PK\x01\x02"
    data[central + 44] ^= 0x7F  # where its local header starts: far past the end
    path.write_bytes(bytes(data))
    return path


def flipped_local_byte(folder: Path) -> Path:
    """One byte of the sheet's compressed data changed (the ZIP directory still fine)."""
    path = base_workbook(folder / "flipped-local.xlsx")
    data = bytearray(path.read_bytes())
    local = data.find(SHEET.encode()) - 30  # the sheet's local header
    assert data[local:local + 4] == b"PK\x03\x04"
    start = local + 30 + int.from_bytes(data[local + 26:local + 28], "little") + \
        int.from_bytes(data[local + 28:local + 30], "little")
    data[start + 40] ^= 0x55
    path.write_bytes(bytes(data))
    return path


def wrong_types(folder: Path) -> Path:
    """Cells whose type attribute lies: a boolean "x", a date "yesterday", a number "abc"."""
    path = base_workbook(folder / "wrong-types.xlsx")
    lies = (b'<row r="4"><c r="A4" t="b"><v>x</v></c><c r="B4" t="d"><v>yesterday</v></c>'
            b'<c r="C4" t="n"><v>abc</v></c></row></sheetData>')
    return _in_sheet(path, b"</sheetData>", lies)


def not_a_zip(folder: Path) -> Path:
    path = folder / "not-a-zip.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    return path


MAKERS: dict[str, Callable[[Path], Path]] = {
    "huge-dimension": huge_dimension, "far-cell": far_cell, "wide-row": wide_row,
    "zip-bomb": zip_bomb, "entity-expansion": entity_expansion,
    "control-character": control_character, "over-long-cell": over_long_cell,
    "formulas": formulas, "nfd-text": nfd_text, "bidi-override": bidi_override,
    "flipped-header-byte": flipped_header_byte, "flipped-local-byte": flipped_local_byte,
    "wrong-types": wrong_types, "not-a-zip": not_a_zip,
}
EXPECTED = {
    "huge-dimension": "imported", "far-cell": "refused", "wide-row": "refused",
    "zip-bomb": "refused", "entity-expansion": "refused", "control-character": "refused",
    "over-long-cell": "refused", "formulas": "imported", "nfd-text": "imported",
    "bidi-override": "imported", "flipped-header-byte": "refused",
    "flipped-local-byte": "refused", "wrong-types": "either", "not-a-zip": "refused",
}
