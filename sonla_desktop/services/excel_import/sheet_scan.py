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
Each chunk goes through ``sheet_chunks``: the plain way for the form Excel writes, proved
chunk by chunk, the general way for any other; that module says how calamine places cells.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree

from ...domain.text import group_digits
from ...errors import UserError
from .sheet_chunks import EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, Tally, general_chunk, plain_chunk

__all__ = ["EXCEL_MAX_COLUMNS", "EXCEL_MAX_ROWS", "SheetSize", "check_sheet_sizes", "has_dtd",
           "scan_part", "worksheet_parts"]

_CHUNK = 1 << 20
# One tag (or the text after the last tag of a chunk) longer than this is not a real sheet.
_MAX_CARRY = 8 << 20
# The workbook's relationships list its sheets, styles and so on: a few kilobytes.
_MAX_RELS = 4 << 20

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
    tally = Tally()
    carry = b""
    with zf.open(part) as fh:
        while True:
            block = fh.read(_CHUNK)
            data = carry + block
            cut = len(data)
            if block:
                # Cut before the last "<": no tag is split between chunks, and every chunk
                # but the first starts with its "<" (the plain checks rely on both).
                cut = data.rfind(b"<")
                if cut <= 0:
                    cut = len(data)
                carry = data[cut:]
                if len(carry) > _MAX_CARRY:
                    raise _too_large(part)
            # Files as Excel and openpyxl write them take the plain way (about three times
            # faster); a chunk it cannot prove plain, the general one.
            if not plain_chunk(data, cut, tally):
                general_chunk(data[:cut], tally)
            size.rows, size.columns, size.cells = tally.rows, tally.columns, tally.cells
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
