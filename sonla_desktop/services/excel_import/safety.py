"""Opening a spreadsheet someone else made, without trusting it.

An .xlsx file is a ZIP of XML parts. Before any reader sees one we check what the ZIP's
central directory declares: the file size, the number of parts, their total unpacked size
and, for each large part, how much it grows when unpacked (a "zip bomb" grows a thousandfold;
real sheets about 5-30 times). Python's zipfile never inflates a part beyond its declared
size (the CRC check fails first), so the declared sizes are a real bound.

Then every worksheet part is streamed once (``sheet_scan``) to find the rectangle its
cells span, and a part declaring a DTD or entities is refused. Only then does
python-calamine read the file for an import (``calamine_book``): it expands no entity and
holds each sheet in memory as that bounded rectangle.

openpyxl still opens a workbook to *write* a copy (the marked error copy): there it parses
through defusedxml, which refuses entity expansion ("billion laughs") and external
entities. openpyxl only does so when defusedxml is installed and not switched off
(OPENPYXL_DEFUSEDXML=False); we refuse to open otherwise.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from defusedxml import DefusedXmlException, ElementTree

from ...domain.text import group_digits
from ...errors import UserError
from ...files import regular_file_size
from .calamine_book import open_calamine, read_failure
from .sheet_scan import check_sheet_sizes, has_dtd

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx


@dataclass(frozen=True)
class Limits:
    """What a commune's spreadsheet can reasonably hold (a 100k-worker export fits)."""

    max_file_bytes: int = 100 * 1024 * 1024
    max_parts: int = 2_000
    max_unpacked_bytes: int = 1024 * 1024 * 1024
    max_ratio: float = 200.0
    ratio_checked_above: int = 1024 * 1024  # tiny parts may compress oddly well; harmless
    max_rows_per_sheet: int = 200_000
    max_rows_total: int = 500_000
    max_columns: int = 100
    # The rectangle one sheet may span (first to last cell), about 200 MB in calamine:
    # 200,000 rows of 30 columns. See sheet_scan.
    max_sheet_cells: int = 6_000_000


DEFAULT_LIMITS = Limits()


def _refuse(vi: str, en: str) -> UserError:
    return UserError(vi, en)


def defused_xml_active() -> bool:
    """True when openpyxl parses through defusedxml (it decides once, at its import)."""
    from openpyxl.xml import functions

    return bool(openpyxl.DEFUSEDXML) and functions.iterparse.__module__.startswith("defusedxml")


def check_workbook_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise ``UserError`` unless ``path`` looks like an .xlsx that is safe to open."""
    path = Path(path)
    name = path.name
    size = regular_file_size(path)
    if size > limits.max_file_bytes:
        mb = limits.max_file_bytes // (1024 * 1024)
        raise _refuse(f"Tệp {name} quá lớn ({group_digits(size // (1024 * 1024))} MB; tối đa {group_digits(mb)} MB).",
                      f"{name} is too large ({size // (1024 * 1024)} MB; at most {mb} MB).")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE2_MAGIC:
        raise _refuse(
            f"Tệp {name} là tệp Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy mở bằng Excel, "
            "bỏ mật khẩu nếu có, rồi “Lưu thành” Sổ làm việc Excel (.xlsx).",
            f"{name} is an old Excel file (.xls) or password-protected. Open it in Excel, "
            "remove the password if any, and save it as an Excel Workbook (.xlsx).")
    if not zipfile.is_zipfile(path):
        raise _refuse(f"Tệp {name} không phải tệp Excel .xlsx.",
                      f"{name} is not an Excel .xlsx file.")
    try:
        with zipfile.ZipFile(path) as zf:
            parts = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise damaged(name, exc) from exc
    if len(parts) > limits.max_parts:
        raise _refuse(f"Tệp {name} có quá nhiều thành phần ({group_digits(len(parts))}).",
                      f"{name} has too many parts ({len(parts)}).")
    names = {p.filename for p in parts}
    if "xl/workbook.xml" not in names:
        raise _refuse(f"Tệp {name} không phải sổ làm việc Excel (.xlsx).",
                      f"{name} is not an Excel workbook (.xlsx).")
    total = 0
    for part in parts:
        total += part.file_size
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > limits.ratio_checked_above and ratio > limits.max_ratio:
            raise _refuse(
                f"Tệp {name} có thành phần {part.filename} nén bất thường (gấp {ratio:.0f} lần "
                "khi giải nén): có thể là tệp độc hại, không mở.",
                f"{name}: part {part.filename} unpacks {ratio:.0f} times larger than stored, "
                "which is how malicious files look; not opened.")
    if total > limits.max_unpacked_bytes:
        raise _refuse(
            f"Tệp {name} khi giải nén quá lớn ({group_digits(total // (1024 * 1024))} MB).",
            f"{name} unpacks to too much data ({total // (1024 * 1024):,} MB).")
    try:
        with zipfile.ZipFile(path) as zf:
            if has_dtd(zf):
                raise dangerous_xml(name)
            check_sheet_sizes(zf, name, limits.max_sheet_cells)
    except UserError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error,
            ElementTree.ParseError, DefusedXmlException) as exc:
        raise damaged(name, exc) from exc


def damaged(name: str, exc: BaseException) -> UserError:
    """A file whose ZIP or XML structure is broken (a flipped byte, a cut-off copy)."""
    return UserError(
        f"Tệp {name} bị hỏng (cấu trúc tệp không đọc được; có thể tệp chép chưa xong hoặc "
        "ổ USB lỗi). Hãy mở tệp bằng Excel và lưu lại, hoặc chép lại tệp.",
        f"{name} is damaged ({exc}). Open it in Excel and save it again, or copy it again.")


def too_many_rows(title: str, limits: Limits) -> UserError:
    """A sheet past the row limits (every import stops reading there)."""
    return UserError(
        f"Trang “{title}” có quá nhiều dòng (tối đa "
        f"{limits.max_rows_per_sheet:,} dòng mỗi trang, "
        f"{limits.max_rows_total:,} dòng cả tệp).".replace(",", "."),
        f"Sheet “{title}” has too many rows (at most "
        f"{limits.max_rows_per_sheet:,} per sheet, "
        f"{limits.max_rows_total:,} in the file).")


def unreadable(name: str, exc: BaseException) -> UserError:
    """The message for a file openpyxl (or defusedxml) refused while reading."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(chain) < 10:  # openpyxl wraps the parser's error
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    if any(isinstance(e, DefusedXmlException) for e in chain):
        return dangerous_xml(name)
    # The library's own words are English: only the English message carries them.
    return UserError(f"Không đọc được tệp Excel {name}: tệp bị hỏng hoặc không đúng định dạng "
                     "sổ làm việc Excel (.xlsx). Hãy mở bằng Excel và lưu lại.",
                     f"Cannot read the Excel file {name}: {exc}")


def dangerous_xml(name: str) -> UserError:
    return UserError(
        f"Tệp {name} chứa cấu trúc XML nguy hiểm (khai báo thực thể/DTD) mà tệp Excel "
        "thật không bao giờ có: không mở.",
        f"{name} contains dangerous XML (entity/DTD declarations) that real Excel files "
        "never have; not opened.")


def open_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS, read_only: bool = True,
                  data_only: bool = True):
    """Check the file, then open it with openpyxl: read-only, formulas' cached results by
    default (what an import reads); ``read_only=False, data_only=False`` to edit a copy."""
    if not defused_xml_active():
        raise UserError(
            "Không thể đọc tệp Excel an toàn: thư viện defusedxml chưa được cài hoặc đã bị "
            "tắt (OPENPYXL_DEFUSEDXML). Hãy cài lại chương trình.",
            "Cannot read Excel files safely: defusedxml is missing or disabled "
            "(OPENPYXL_DEFUSEDXML). Reinstall the program.")
    check_workbook_file(path, limits)
    try:
        if read_only:
            # Reading for an import: calamine, after check_workbook_file bounded the sheets.
            return open_calamine(Path(path))
        return openpyxl.load_workbook(path, read_only=False, data_only=data_only,
                                      keep_links=False)
    except UserError:
        raise
    except BaseException as exc:  # anything a reader raises means "cannot read"
        if not read_failure(exc):
            raise
        raise unreadable(Path(path).name, exc) from exc
