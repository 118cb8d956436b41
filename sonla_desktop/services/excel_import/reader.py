"""Reading sheets into rows keyed by canonical field names, with every problem collected.

This layer knows nothing about workers or loans: given sheet descriptions
(``domain.sheets.SheetSpec``) it finds the sheets (by name, or by their header row), the
columns (by header text ignoring case, diacritics, spacing and order), turns each cell
into its column's kind and records an ``ImportIssue`` (sheet · row · column · message)
for each cell it cannot read. The use cases on top (``engine``, or a conference's
attendee import) validate the rows with the domain rules and add their own issues
through ``Row.error``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from openpyxl.utils import get_column_letter

from ...domain.sheets import ALL_SHEETS, SheetSpec, header_key
from ...errors import UserError, current_language
from .calamine_book import read_failure
from .coerce import Coercer, Lookups, coercer
from .safety import DEFAULT_LIMITS, Limits, open_workbook, too_many_rows, unreadable

HEADER_SCAN_ROWS = 10
# Sheets our own templates and error copies add: never data.
IGNORED_TITLES = frozenset(header_key(t) for t in (
    "Hướng dẫn", "Danh mục", "Danh sách lỗi", "Instructions", "Lists", "Errors"))


@dataclass(frozen=True)
class ImportIssue:
    """One problem (or notice) at a place in the workbook. ``row`` None = the whole sheet."""

    sheet: str
    row: int | None
    column: str
    cell: str | None
    vi: str
    en: str

    @property
    def message(self) -> str:
        return self.en if current_language() == "en" else self.vi

    def line(self) -> str:
        """"Người lao động · dòng 12 · Số CCCD · message" (or English)."""
        en = current_language() == "en"
        parts = [self.sheet]
        if self.message.startswith(("Dòng ", "Row ")):
            return f"{self.sheet} · {self.message}"  # the message names its row itself
        if self.row is not None:
            parts.append(f"{'row' if en else 'dòng'} {self.row}")
        if self.column:
            parts.append(self.column)
        parts.append(self.message)
        return " · ".join(parts)


class Row:
    """One data row: ``values[field]`` is the coerced value, None for an empty cell."""

    __slots__ = ("bad", "number", "sheet", "values")

    def __init__(self, sheet: SheetData, number: int, values: dict[str, object],
                 bad: frozenset[str] | set[str] = frozenset()) -> None:
        # A weak reference: with a strong one each sheet and its rows would form one big
        # cycle that only the cyclic collector frees, walking every row of the file (tens
        # of thousands) once the import is done. The sheet outlives its rows' use.
        self.sheet = weakref.proxy(sheet)
        self.number = number
        self.values = values
        self.bad = bad  # fields whose cell could not be read (a set only when there are some)

    def get(self, field_name: str, default: object = None) -> object:
        value = self.values.get(field_name)
        return default if value is None else value

    def has_column(self, field_name: str) -> bool:
        return field_name in self.sheet.columns

    def blank(self, field_name: str) -> bool:
        return self.values.get(field_name) in (None, "")

    def error(self, field_name: str, vi: str, en: str, *, at: str | None = None) -> ImportIssue:
        """Record an error on this row's cell of ``field_name`` (or of ``at`` when the
        field has no column here, e.g. a rule about a column the sheet does not have)."""
        issue = self.sheet.issue(self.number, field_name, vi, en, at=at)
        self.sheet.errors.append(issue)
        return issue

    def notice(self, field_name: str, vi: str, en: str) -> ImportIssue:
        issue = self.sheet.issue(self.number, field_name, vi, en)
        self.sheet.notices.append(issue)
        return issue


@dataclass
class SheetData:
    spec: SheetSpec
    title: str
    header_row: int
    columns: dict[str, int]  # field -> 0-based column index
    rows: list[Row] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    notices: list[ImportIssue] = field(default_factory=list)

    def cell_ref(self, field_name: str, row: int) -> str | None:
        index = self.columns.get(field_name)
        return None if index is None else f"{get_column_letter(index + 1)}{row}"

    def issue(self, row: int | None, field_name: str | None, vi: str, en: str,
              at: str | None = None) -> ImportIssue:
        column = self.spec.by_field.get(field_name) if field_name else None
        header = column.header if column else ""
        target = field_name if field_name in self.columns else at
        if target not in self.columns:
            target = None
        if row is None:
            cell = None
        elif target is not None:
            cell = self.cell_ref(target, row)
        else:
            cell = f"A{row}"
        return ImportIssue(self.title, row, header, cell, vi, en)

    def sheet_error(self, vi: str, en: str, column: str = "") -> None:
        cell = f"A{self.header_row}" if self.header_row else None
        self.errors.append(ImportIssue(self.title, self.header_row or None, column, cell, vi, en))


@dataclass
class WorkbookData:
    path: Path
    sheets: list[SheetData] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    notices: list[ImportIssue] = field(default_factory=list)

    def of(self, kind: str) -> list[SheetData]:
        return [s for s in self.sheets if s.spec.kind == kind]

    def all_errors(self) -> list[ImportIssue]:
        return self.errors + [e for s in self.sheets for e in s.errors]

    def all_notices(self) -> list[ImportIssue]:
        return self.notices + [n for s in self.sheets for n in s.notices]


@lru_cache(maxsize=32)
def _header_map(spec: SheetSpec) -> dict[str, str]:
    out: dict[str, str] = {}
    for column in spec.columns:
        for key in column.keys:
            out.setdefault(key, column.field)
    return out


def _title_map(specs: tuple[SheetSpec, ...]) -> dict[str, SheetSpec]:
    out: dict[str, SheetSpec] = {}
    for spec in specs:
        for title in (spec.title, *spec.aliases):
            out.setdefault(header_key(title), spec)
    return out


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _matches(values: Sequence[object], spec: SheetSpec) -> dict[str, list[int]]:
    mapping = _header_map(spec)
    found: dict[str, list[int]] = {}
    for index, value in enumerate(values):
        if _blank(value):
            continue
        name = mapping.get(header_key(value))
        if name is None and isinstance(value, str) and value.rstrip().endswith(")"):
            # "Năm sinh (4 chữ số)": a known header with a note in brackets after it.
            name = mapping.get(header_key(value[:value.rfind("(")]))
        if name is not None:
            found.setdefault(name, []).append(index)
    return found


def _recognise(head: list[tuple], spec: SheetSpec | None, specs: tuple[SheetSpec, ...]):
    """(spec, header row index, matches) for the first row that looks like a header."""
    for index, values in enumerate(head):
        candidates = [spec] if spec else specs
        best = None
        for candidate in candidates:
            found = _matches(values, candidate)
            required = {c.field for c in candidate.columns if c.required}
            enough = len(found) >= min(2, len(candidate.columns))
            if spec is None and not required <= found.keys():
                continue
            if enough and (best is None or len(found) > len(best[2])):
                best = (candidate, index, found)
        if best:
            return best
    return None


class _SheetReader:
    def __init__(self, ws, title: str, lookups: Lookups, limits: Limits) -> None:
        self.ws = ws
        self.title = title
        self.lookups = lookups
        self.limits = limits

    def read(self, spec: SheetSpec | None, specs: tuple[SheetSpec, ...],
             book: WorkbookData, rows_so_far: int) -> tuple[SheetData | None, int]:
        # The declared size is the file's word, not a fact: a hostile <dimension> of
        # A1:XFD1048576 would have openpyxl pad a million rows to 16,384 cells.
        self.ws.reset_dimensions()
        rows = self.ws.iter_rows(values_only=True)
        head: list[tuple] = []
        for values in rows:
            head.append(values)
            if len(head) >= HEADER_SCAN_ROWS:
                break
        found = _recognise(head, spec, specs)
        if found is None:
            if any(not _blank(v) for values in head for v in values):
                vi, en = (
                    (f"Không tìm thấy dòng tiêu đề của trang “{self.title}” (ví dụ “"
                     f"{spec.columns[0].header}”): hãy dùng tệp mẫu của chương trình.",
                     f"No header row found on sheet “{self.title}”: use the program's "
                     "template.") if spec else
                    (f"Trang “{self.title}” không giống trang nào của tệp mẫu: bỏ qua.",
                     f"Sheet “{self.title}” matches no template sheet: skipped."))
                target = book.errors if spec else book.notices
                target.append(ImportIssue(self.title, None, "", None, vi, en))
            return None, 0
        spec, header_index, matches = found
        header_row = header_index + 1
        sheet = SheetData(spec, self.title, header_row,
                          {f: idx[0] for f, idx in matches.items()})
        self._check_columns(sheet, head[header_index], matches)
        coercers = [(f, i, coercer(spec.by_field[f], self.lookups))
                    for f, i in sheet.columns.items()]
        count = 0
        number = header_row
        width = self.limits.max_columns
        for values in self._after_header(head, header_index, rows):
            number += 1
            # Every row counts, blank ones too: a sheet's rows are work however empty.
            count += 1
            if count > self.limits.max_rows_per_sheet or rows_so_far + count > \
                    self.limits.max_rows_total:
                raise too_many_rows(self.title, self.limits)
            if values:
                self._row(sheet, number, values[:width], coercers)
        return sheet, count

    @staticmethod
    def _after_header(head: list[tuple], header_index: int, rest: Iterable[tuple]):
        yield from head[header_index + 1:]
        yield from rest

    def _check_columns(self, sheet: SheetData, header: tuple,
                       matches: dict[str, list[int]]) -> None:
        spec = sheet.spec
        for f, indexes in matches.items():
            if len(indexes) > 1:
                letters = ", ".join(get_column_letter(i + 1) for i in indexes)
                sheet.sheet_error(
                    f"Cột “{spec.header(f)}” xuất hiện nhiều lần (cột {letters}).",
                    f"Column “{spec.header(f)}” appears more than once (columns {letters}).",
                    spec.header(f))
        for column in spec.columns:
            if column.required and column.field not in matches:
                sheet.sheet_error(f"Thiếu cột “{column.header}”.",
                                  f"The column “{column.header}” is missing.", column.header)
        used = {i for idx in matches.values() for i in idx}
        for index, value in enumerate(header):
            if index not in used and not _blank(value):
                letter = get_column_letter(index + 1)
                sheet.notices.append(ImportIssue(
                    sheet.title, sheet.header_row, str(value).strip(), f"{letter}{sheet.header_row}",
                    f"Cột {letter} “{str(value).strip()}” không có trong tệp mẫu: bỏ qua.",
                    f"Column {letter} “{str(value).strip()}” is not a template column: ignored."))

    @staticmethod
    def _row(sheet: SheetData, number: int, values: tuple,
             coercers: list[tuple[str, int, Coercer]]) -> None:
        out: dict[str, object] = {}
        bad: list[tuple[str, UserError]] = []
        width = len(values)
        for name, index, fn in coercers:
            value = values[index] if index < width else None
            if value is None or (value.__class__ is str and not value.strip()):
                out[name] = None
                continue
            try:
                out[name] = fn(value)
            except UserError as err:
                out[name] = None
                bad.append((name, err))
        if not bad and all(v is None for v in out.values()):
            return  # an empty row (formatting only)
        row = Row(sheet, number, out, {name for name, _ in bad} if bad else frozenset())
        for name, err in bad:
            row.error(name, err.vi, err.en)
        sheet.rows.append(row)


IMPORT_SPECS: tuple[SheetSpec, ...] = ALL_SHEETS


def read_workbook(path: str | Path, lookups: Lookups, specs: Sequence[SheetSpec] = IMPORT_SPECS,
                  limits: Limits = DEFAULT_LIMITS) -> WorkbookData:
    """Read every recognised sheet of ``path``. File-level problems raise ``UserError``;
    cell-level ones are collected in the result."""
    path = Path(path)
    specs = tuple(specs)
    by_title = _title_map(specs)
    book = WorkbookData(path)
    wb = open_workbook(path, limits)
    total = 0
    try:
        for ws in wb.worksheets:
            title = ws.title
            key = header_key(title)
            if key in IGNORED_TITLES:
                continue
            reader = _SheetReader(ws, title, lookups, limits)
            sheet, count = reader.read(by_title.get(key), specs, book, total)
            total += count
            if sheet is not None:
                book.sheets.append(sheet)
    except UserError:
        raise
    except BaseException as exc:  # sheet XML is parsed lazily, while iterating
        if not read_failure(exc):
            raise
        raise unreadable(path.name, exc) from exc
    finally:
        wb.close()
    return book


def read_single_sheet(path: str | Path, spec: SheetSpec, lookups: Lookups,
                      limits: Limits = DEFAULT_LIMITS) -> tuple[SheetData, WorkbookData]:
    """The first sheet of ``path`` recognised as ``spec`` (by name or header row).

    For imports of one kind of list (a conference's attendance sheet): raises
    ``UserError`` when the workbook has no such sheet.
    """
    book = read_workbook(path, lookups, (spec,), limits)
    sheets = book.of(spec.kind)
    if not sheets:
        raise UserError(
            f"Tệp {Path(path).name} không có trang “{spec.title}” (hoặc trang có các cột "
            f"{', '.join(c.header for c in spec.template_columns[:3])}…).",
            f"{Path(path).name} has no “{spec.title}” sheet.")
    return sheets[0], book
