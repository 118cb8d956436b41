"""Streaming (write-only) workbooks: one sheet per kind, the template's headers, dates as
dd/mm/yyyy, money as VND with digit grouping, autofilter and a frozen header.

Write-only mode sends each row to disk as it is appended, so 100,000 workers need no more
memory than one row. Cells with a number format are one reused ``WriteOnlyCell`` per
column (openpyxl serialises a cell when the row is appended), which keeps the formats
nearly free.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from ..domain.sheets import Column, SheetSpec
from .excel_common import (
    HEADER_ALIGN,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    cell_value,
    number_format,
    save_atomically,
)


@dataclass
class ExportSheet:
    spec: SheetSpec
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]  # one value per column, in order


def _write_sheet(wb: Workbook, sheet: ExportSheet) -> int:
    ws = wb.create_sheet(sheet.spec.title)
    columns = list(sheet.columns)
    for index, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws, column.header)
        cell.font, cell.fill, cell.alignment, cell.border = (
            HEADER_FONT, HEADER_FILL, HEADER_ALIGN, HEADER_BORDER)
        header.append(cell)
    ws.append(header)
    formatted: list[tuple[int, WriteOnlyCell]] = []
    for index, column in enumerate(columns):
        fmt = number_format(column)
        if fmt and fmt != "@":
            cell = WriteOnlyCell(ws)
            cell.number_format = fmt
            formatted.append((index, cell))
    count = 0
    append = ws.append
    for values in sheet.rows:
        # Every user text goes through cell_value: no formula, no control character.
        values = [cell_value(ws, v) if v.__class__ is str else v for v in values]
        for index, cell in formatted:
            value = values[index]
            if value is not None:
                cell.value = value
                values[index] = cell
        append(values)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def _close_streams(wb: Workbook) -> None:
    """After a failure (a full disk), close each sheet's half-written stream now: left to
    the garbage collector, it fails again there and prints an "Exception ignored"
    traceback on the console."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):  # the save already failed and says why
                writer.xf.close()


def write_export(path: str | os.PathLike, sheets: Iterable[ExportSheet]) -> dict[str, int]:
    """Write every sheet; returns rows written per sheet title."""
    wb = Workbook(write_only=True)
    counts: dict[str, int] = {}

    def save(tmp: str) -> None:
        try:
            for sheet in sheets:
                counts[sheet.spec.title] = _write_sheet(wb, sheet)
            wb.save(tmp)
        except BaseException:
            _close_streams(wb)
            raise

    save_atomically(path, save)
    return counts
