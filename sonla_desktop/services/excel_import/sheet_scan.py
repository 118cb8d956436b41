"""How big a worksheet really is, found before any reader builds it in memory.

python-calamine (the Rust reader the imports use) holds a sheet as one dense rectangle from
its first to its last cell: a workbook with one cell in A1 and one in XFD1048576 asks for
17 billion cells, and one row of 8 million cells (31 MB on disk) for gigabytes. So each
worksheet part is streamed through here first, chunk by chunk (bounded memory), and the
rectangle calamine would build is computed from the cells' own references; a sheet whose
rectangle is larger than ``Limits.max_sheet_cells`` is refused before calamine opens it.

The scan reads bytes, not an XML tree: it finds the ``<row>`` and ``<c>`` start tags (with or
without a namespace prefix) and their ``r`` attributes with C-speed regular expressions,
never expanding entities. It errs on the large side (a tag-like text inside a cell counts
too), which can only refuse a file, never let a big one through. The declared
``<dimension>`` is not trusted for anything (calamine does not allocate from it either).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree

from ...domain.text import group_digits
from ...errors import UserError

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
_CHUNK = 1 << 20
# One tag (or the text after the last tag of a chunk) longer than this is not a real sheet.
_MAX_CARRY = 8 << 20
# The workbook's relationships list its sheets, styles and so on: a few kilobytes.
_MAX_RELS = 4 << 20

# A <row ...> or <c ...> start tag, any prefix; attribute values may hold ">" when quoted.
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?c(?=[\s/>])")
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?row(?=[\s/>])")
# An r attribute as calamine reads it (the unprefixed name "r"): a cell's column letters,
# and the row number of a cell or a row.
_COLUMN_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]+)""")
_ROW_REF = re.compile(rb"""\sr\s*=\s*["'][A-Za-z]*([0-9]+)""")

# The same for files without prefixed cell or row tags, with literal starts.
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")
# An r attribute written any other way than ` r="` (spaces around "=", single quotes; other
# whitespace before it is tested with plain substrings): the literal patterns would miss it.
_ODD_R = re.compile(rb"r(?:\s+=|=\s|=')")
_PLAIN_CELL_TAG = re.compile(rb"<c[\s/>]")
_PLAIN_ROW_TAG = re.compile(rb"<row[\s/>]")
_PLAIN_COLUMN_REF = re.compile(rb' r="([A-Z]+)')
_PLAIN_ROW_REF = re.compile(rb' r="[A-Z]*([0-9]+)')

_WORKSHEET_REL = "/worksheet"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass
class SheetSize:
    part: str
    rows: int = 0  # height of the rectangle calamine would build
    columns: int = 0  # its width
    cells: int = 0  # <c> elements seen

    @property
    def area(self) -> int:
        return self.rows * self.columns


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:  # upper-case, at most 3 letters here
        number = number * 26 + ch - 64
    return number


def worksheet_parts(zf: zipfile.ZipFile) -> list[str]:
    """The parts the workbook's relationships name as worksheets (the ones a reader
    opens), resolved the way readers resolve them; every xl/worksheets/*.xml as well."""
    parts = {n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    try:
        info = zf.getinfo("xl/_rels/workbook.xml.rels")
    except KeyError:
        return sorted(parts)
    if info.file_size > _MAX_RELS:
        raise _too_large(info.filename)
    rels = ElementTree.fromstring(zf.read(info))
    for rel in rels.iter(f"{_RELS_NS}Relationship"):
        if not rel.get("Type", "").endswith(_WORKSHEET_REL):
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        parts.add(name)
    return sorted(p for p in parts if p in zf.NameToInfo)


def scan_part(zf: zipfile.ZipFile, part: str, max_cells: int | None = None) -> SheetSize:
    """Stream one worksheet part and return the size calamine would give it; stop as soon
    as it is past ``max_cells`` (or Excel's own limits)."""
    size = SheetSize(part)
    max_row = max_col = 0
    implicit_rows = 0  # rows without an r: they continue from the last row, one each
    row_implicit = 0  # cells without an r in the current row: each one column further
    widest_implicit = 0
    carry = b""
    with zf.open(part) as fh:
        while True:
            block = fh.read(_CHUNK)
            data = carry + block
            if block:
                cut = data.rfind(b"<")
                if cut <= 0:
                    cut = len(data)
                data, carry = data[:cut], data[cut:]
                if len(carry) > _MAX_CARRY:
                    raise _too_large(part)
            # References first, over the whole chunk at C speed: the farthest row and
            # column any r attribute names. Files as Excel and openpyxl write them (no
            # prefixes, r="A1" on every cell) take the literal patterns, three times faster;
            # anything else the general ones.
            general = (_PREFIXED.search(data) is not None or _ODD_R.search(data) is not None
                       or b"\tr=" in data or b"\nr=" in data or b"\rr=" in data)
            if not general:
                letters = _PLAIN_COLUMN_REF.findall(data)
                cells = len(_PLAIN_CELL_TAG.findall(data))
                general = cells != len(letters)
            if general:
                letters = _COLUMN_REF.findall(data)
                cells = len(_CELL_TAG.findall(data))
            if letters:
                # A sheet has few distinct columns and one number per row: reduce to the
                # distinct values (C speed) before looking at any of them in Python.
                for col in {x.upper() for x in set(letters)}:
                    number = EXCEL_MAX_COLUMNS + 1 if len(col) > 3 else _column_number(col)
                    if number > max_col:
                        max_col = number
            digits = (_ROW_REF if general else _PLAIN_ROW_REF).findall(data)
            if digits:
                distinct = set(digits)
                # (Leading zeros make length no guide to size: every distinct value is
                # converted; a chunk holds a thousand or so.)
                longest = len(max(distinct, key=len))
                far = EXCEL_MAX_ROWS + 1 if longest > 12 else max(map(int, distinct))
                max_row = max(max_row, far)
            size.cells += cells
            # Rows without an r continue from the last row, one each (row refs are the
            # references without letters).
            rows = len((_ROW_TAG if general else _PLAIN_ROW_TAG).findall(data))
            implicit_rows += max(rows - (len(digits) - len(letters)), 0)
            if cells > len(letters):
                # Cells without a reference sit one column after the previous cell of their
                # row: count them row by row (a row is one piece of the split). Excel and
                # openpyxl write a reference on every cell, so this is for odd files only.
                for index, piece in enumerate(_ROW_TAG.split(data)):
                    if index:
                        row_implicit = 0
                    row_implicit += len(_CELL_TAG.findall(piece)) - len(
                        _COLUMN_REF.findall(piece))
                    widest_implicit = max(widest_implicit, row_implicit)
            else:
                row_implicit = 0 if _ROW_TAG.search(data) else row_implicit
            size.rows = max(max_row, 1) + implicit_rows
            size.columns = max(max_col, 1) + widest_implicit
            if not block or (max_cells is not None and _too_big(size, max_cells)):
                break
    return size


def _too_big(size: SheetSize, max_cells: int) -> bool:
    return size.rows > EXCEL_MAX_ROWS or size.columns > EXCEL_MAX_COLUMNS or \
        size.area > max_cells


def check_sheet_sizes(zf: zipfile.ZipFile, name: str, max_cells: int) -> list[SheetSize]:
    """Raise ``UserError`` if any worksheet of ``zf`` would be larger than ``max_cells``."""
    sizes = []
    for part in worksheet_parts(zf):
        size = scan_part(zf, part, max_cells)
        if _too_big(size, max_cells):
            raise UserError(
                f"Tệp {name} có trang tính quá lớn ({group_digits(size.rows)} dòng × "
                f"{group_digits(size.columns)} cột; tối đa {group_digits(max_cells)} ô mỗi "
                "trang). Hãy xoá các ô thừa ở xa vùng dữ liệu, hoặc chép dữ liệu sang sổ mới.",
                f"{name} has a worksheet too large to read ({size.rows:,} rows × "
                f"{size.columns:,} columns; at most {max_cells:,} cells per sheet). Delete "
                "stray cells far from the data, or copy the data to a new workbook.")
        sizes.append(size)
    return sizes


def _too_large(part: str) -> UserError:
    return UserError(f"Thành phần {part} của tệp có một phần tử XML quá dài: không mở.",
                     f"Part {part} of the file has an over-long XML element; not opened.")


_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY")
                   for enc in ("utf-8", "utf-16-le", "utf-16-be"))


def has_dtd(zf: zipfile.ZipFile) -> str | None:
    """The first XML part that declares a DTD or entities, or None.

    Real .xlsx files never do. calamine ignores such declarations (it expands no entity),
    but a file that carries them was made to attack some reader: refused with its own
    message. A DTD must come before the root element, so each part's start is enough.
    """
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with zf.open(info) as fh:
            head = fh.read(64 * 1024)
        if any(mark in head for mark in _DTD_MARKS):
            return info.filename
    return None
