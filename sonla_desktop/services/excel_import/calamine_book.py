"""Reading a checked workbook with python-calamine, values as openpyxl would give them.

calamine (Rust) reads an .xlsx about ten times faster than openpyxl's read-only mode and
never parses a DTD or expands an entity. It holds one sheet at a time as a dense rectangle,
whose size ``sheet_scan`` has bounded before this module opens anything.

The readers above (``reader``, ``attendance_import``) were written against openpyxl's
``iter_rows(values_only=True)``; this adapter gives them the same thing: one tuple per row
from row 1 and column A, ``None`` for an empty cell, whole numbers as ``int`` (Excel stores
every number as a float; openpyxl returns "12" as 12), dates as ``date`` or ``datetime``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import python_calamine

from ...errors import UserError


def read_failure(exc: BaseException) -> bool:
    """True for what reading a bad file may raise: any Exception, and a Rust panic inside
    calamine, which reaches Python as pyo3's PanicException, a BaseException (and not
    importable by name). KeyboardInterrupt and SystemExit are not failures of the file."""
    return isinstance(exc, Exception) or any(
        cls.__name__ == "PanicException" for cls in type(exc).__mro__)


# Whole floats become int only where a float is exact; 1e308 stays a float (as text it
# would be 309 digits in a message).
_EXACT = 2.0 ** 53


class CalamineSheet:
    """One worksheet: ``title`` and ``iter_rows``, read when first iterated."""

    def __init__(self, book: python_calamine.CalamineWorkbook, title: str) -> None:
        self._book = book
        self.title = title

    def iter_rows(self, values_only: bool = True) -> Iterator[tuple]:
        sheet = self._book.get_sheet_by_name(self.title)
        # iter_rows starts at row 1 but at the sheet's first used column: pad back to A.
        pad = (None,) * sheet.start[1] if sheet.height else ()
        for row in sheet.iter_rows():
            # Inlined (no function call): this runs once per cell of the file.
            values = tuple([
                (int(v) if v.is_integer() and -_EXACT < v < _EXACT else v)
                if v.__class__ is float
                else (None if v == "" else v) for v in row])
            yield pad + values if pad else values

    def reset_dimensions(self) -> None:
        """openpyxl's; nothing to do: calamine sizes a sheet by its cells."""


class CalamineWorkbook:
    """The workbook's worksheets in order (chart sheets and macro sheets left out)."""

    def __init__(self, path: Path) -> None:
        self._book = python_calamine.CalamineWorkbook.from_path(str(path))
        self.worksheets = [
            CalamineSheet(self._book, meta.name) for meta in self._book.sheets_metadata
            if meta.typ == python_calamine.SheetTypeEnum.WorkSheet]

    def close(self) -> None:
        self._book.close()


def open_calamine(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook(path)
    except python_calamine.PasswordError as exc:
        raise UserError(
            f"Tệp {path.name} có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.",
            f"{path.name} is password-protected. Open it in Excel, remove the password and "
            "save it again.") from exc
