"""Attendees of one conference from the "Điểm danh" (sign-in) Excel sheet.

Three steps, kept apart so the reader can later be swapped for the shared Excel import
engine without touching the rules:

1. ``read_attendance_sheet``: openpyxl in read-only mode; finds the sheet and its header
   row by folded text (case, diacritics and spacing do not matter); returns raw cells.
2. ``plan_attendance_rows``: validates every row with the same rules as the door form
   and decides, with the duplicate rule, who is already on file.
3. ``import_attendance_file``: all of it in one transaction; any row error means nothing
   is written and every error is listed as sheet · row · column · message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from pathlib import Path

from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from ..domain.events import (
    REASON_NAME_YEAR,
    REASON_NATIONAL_ID,
    REASON_PHONE,
    PersonKey,
    clean_consent,
    clean_door_person,
    market_lookup,
    match_reasons,
    parse_market,
)
from ..domain.text import clean_text, fold
from ..domain.worker_rules import ReferenceCodes, under_age_note
from ..errors import ImportRowsError, UserError, ValidationError
from ..models import Worker
from .attendance import add_attendance, create_attendee_worker, find_duplicates
from .context import ServiceContext
from .events import load_event, market_names
from .excel_import.calamine_book import read_failure
from .excel_import.safety import DEFAULT_LIMITS, open_workbook, too_many_rows, unreadable
from .workers import reference_codes

SHEET_NAME = "Điểm danh"
HEADER_SEARCH_ROWS = 15  # the template has a title block above the header row


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    title: str  # as printed in the template
    aliases: tuple[str, ...]  # folded
    required: bool


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("full_name", "Họ và tên", ("ho va ten", "ho ten", "ten"), True),
    ColumnSpec("birth_year", "Năm sinh", ("nam sinh",), True),
    ColumnSpec("sex", "Giới tính", ("gioi tinh",), True),
    ColumnSpec("phone", "Số điện thoại", ("so dien thoai", "dien thoai", "sdt", "so dt"), True),
    ColumnSpec("village", "Bản/Tổ dân phố", ("ban to dan pho", "ban to", "thon ban", "ban",
                                             "to dan pho", "dia chi"), True),
    ColumnSpec("interest_market", "Thị trường quan tâm", ("thi truong quan tam", "thi truong"),
               True),
    # Not in the template, but read when a counsellor adds them.
    ColumnSpec("national_id", "Số CCCD", ("so cccd", "cccd", "so cccd cmnd", "cccd cmnd"), False),
    ColumnSpec("follow_up", "Liên hệ lại", ("lien he lai", "can lien he lai"), False),
)
_YES = {"x", "co", "c", "yes", "y", "1", "true", "dong y"}


@dataclass(frozen=True)
class RowIssue:
    """One problem in the file, located the way a clerk finds it in Excel."""

    sheet: str
    row: int
    column: str  # "Giới tính (cột C)"; "" for a problem with the whole row or file
    vi: str
    en: str

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

    def __str__(self) -> str:
        parts = [self.sheet, f"dòng {self.row}" if self.row else "", self.column, self.vi]
        return " · ".join(p for p in parts if p)

    def as_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message_vi": self.vi, "message_en": self.en}


@dataclass(frozen=True)
class SheetRow:
    row: int  # Excel row number
    values: dict[str, object]


@dataclass(frozen=True)
class SheetData:
    sheet: str
    headers: dict[str, tuple[str, int]]  # key -> (header text in the file, 1-based column)
    rows: list[SheetRow]

    def column_label(self, key: str) -> str:
        if key not in self.headers:
            return ""
        text, col = self.headers[key]
        return f"{text} (cột {get_column_letter(col)})"


def _match_header(cell: object) -> ColumnSpec | None:
    text = fold(None if cell is None else str(cell))
    if not text:
        return None
    best: tuple[int, ColumnSpec] | None = None
    for spec in COLUMNS:
        for alias in spec.aliases:
            # "Năm sinh (4 chữ số)" is still the birth-year column.
            if (text == alias or text.startswith(alias + " ")) and (
                    best is None or len(alias) > best[0]):
                best = (len(alias), spec)
    return best[1] if best else None


def _file_error(path: Path, vi: str, en: str) -> ImportRowsError:
    issue = RowIssue(path.name, 0, "", vi, en)
    return ImportRowsError([issue], f"{path.name}: {vi}", f"{path.name}: {en}")


def read_attendance_sheet(path: str | PathLike[str]) -> SheetData:
    """Raw cells of the sign-in sheet, keyed by column; empty rows are left out."""
    path = Path(path)
    # The same defences as every other Excel import: defusedxml, size, parts and
    # compression-ratio checks before openpyxl sees the file, a row limit while reading.
    wb = open_workbook(path, DEFAULT_LIMITS)
    try:
        wanted = fold(SHEET_NAME)
        sheets = [ws for ws in wb.worksheets if fold(ws.title) == wanted]
        if not sheets and len(wb.worksheets) == 1:
            sheets = list(wb.worksheets)
        if not sheets:
            names = ", ".join(ws.title for ws in wb.worksheets)
            raise _file_error(path, f"không có trang tính “{SHEET_NAME}” (các trang: {names}).",
                              f"no sheet named “{SHEET_NAME}” (sheets: {names}).")
        ws = sheets[0]
        rows = ws.iter_rows(values_only=True)
        headers: dict[str, tuple[str, int]] = {}
        header_row = 0
        for number, cells in enumerate(rows, start=1):
            found = {}
            for col, cell in enumerate(cells, start=1):
                spec = _match_header(cell)
                if spec and spec.key not in found:
                    found[spec.key] = (clean_text(str(cell)), col)
            if "full_name" in found and len(found) >= 3:
                headers, header_row = found, number
                break
            if number >= HEADER_SEARCH_ROWS:
                break
        missing = [c.title for c in COLUMNS if c.required and c.key not in headers]
        if missing:
            listed = ", ".join(missing)
            raise ImportRowsError(
                [RowIssue(ws.title, header_row, "", f"thiếu cột: {listed}.",
                          f"missing columns: {listed}.")],
                f"Trang “{ws.title}” thiếu cột: {listed}.",
                f"Sheet “{ws.title}” lacks columns: {listed}.")
        data: list[SheetRow] = []
        for number, cells in enumerate(rows, start=header_row + 1):
            if number > DEFAULT_LIMITS.max_rows_per_sheet:
                raise too_many_rows(ws.title, DEFAULT_LIMITS)
            values = {key: (cells[col - 1] if col - 1 < len(cells) else None)
                      for key, (_, col) in headers.items()}
            if all(v is None or clean_text(str(v)) == "" for v in values.values()):
                continue
            data.append(SheetRow(number, values))
        return SheetData(ws.title, headers, data)
    except UserError:
        raise
    except BaseException as exc:  # sheet XML is parsed lazily, while iterating
        if not read_failure(exc):
            raise
        raise unreadable(path.name, exc) from exc
    finally:
        wb.close()


# --------------------------------------------------------------------------- planning

@dataclass(frozen=True)
class PlannedRow:
    row: int
    clean: dict  # cleaned worker values (used when the person is new)
    interest_market: str | None
    follow_up: bool
    existing_id: str | None  # a person on file to link
    existing_name: str = ""
    already_attending: bool = False
    same_as_row: int | None = None  # the same person earlier in this file


@dataclass
class ImportSummary:
    event_id: str
    sheet: str
    rows: int = 0
    created: int = 0
    linked: int = 0
    already: int = 0  # on the list already (re-import of the same sheet adds nothing)
    repeated: int = 0  # the same person twice in the file
    warnings: list[RowIssue] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict:
        return {"event_id": self.event_id, "sheet": self.sheet, "rows": self.rows,
                "created": self.created, "linked": self.linked, "already": self.already,
                "repeated": self.repeated, "dry_run": self.dry_run,
                "warnings": [w.as_json() for w in self.warnings]}


def _trusted(reasons: Sequence[str], key: PersonKey, other_name: str) -> bool:
    """A file has no one to ask, so only strong matches link: CCCD, name+year+commune, or
    the same phone under the same name. A shared phone alone (often a parent's) does not."""
    if REASON_NATIONAL_ID in reasons or REASON_NAME_YEAR in reasons:
        return True
    return REASON_PHONE in reasons and fold(other_name) == key.folded_name


def plan_attendance_rows(
    session: Session, sheet: SheetData, event_id: str, commune_code: str,
    refs: ReferenceCodes, lookup: Mapping[str, str],
) -> tuple[list[PlannedRow], list[RowIssue], list[RowIssue]]:
    """(plan, errors, warnings): every row validated before anything is decided."""
    errors: list[RowIssue] = []
    warnings: list[RowIssue] = []
    plan: list[PlannedRow] = []
    seen: list[tuple[PersonKey, int, str]] = []  # people earlier in this file

    def issue(row: int, key: str, err: ValidationError) -> RowIssue:
        return RowIssue(sheet.sheet, row, sheet.column_label(key), err.vi, err.en)

    for r in sheet.rows:
        clean, row_errors = clean_door_person(r.values, refs, commune_code)
        try:
            market = parse_market(r.values.get("interest_market"), lookup)
        except ValidationError as err:
            row_errors["interest_market"] = err
            market = None
        if row_errors:
            errors.extend(issue(r.row, k, e) for k, e in row_errors.items())
            continue
        follow = fold(str(r.values.get("follow_up") or "")) in _YES
        young = under_age_note(clean["birth_year"], date.today())
        if young is not None:  # allowed: interest only, noted on the person's record
            warnings.append(RowIssue(sheet.sheet, r.row, sheet.column_label("birth_year"),
                                     young[0], young[1]))
        key = PersonKey(clean["national_id"], clean["phone"] or None, fold(clean["full_name"]),
                        clean["birth_year"], commune_code)
        earlier = next(((row, name) for k, row, name in seen
                        if _trusted(match_reasons(key, k), key, name)), None)
        if earlier:
            plan.append(PlannedRow(r.row, clean, market, follow, None, earlier[1],
                                   same_as_row=earlier[0]))
            continue
        seen.append((key, r.row, clean["full_name"]))
        candidates = find_duplicates(session, key, event_id)
        chosen = next((c for c in candidates if _trusted(c.reasons, key, c.full_name)), None)
        if chosen is None:
            for c in candidates:
                warnings.append(RowIssue(
                    sheet.sheet, r.row, sheet.column_label("phone"),
                    f"cùng số điện thoại với {c.full_name} ({c.birth_year or '?'}), "
                    "nhưng khác tên: đã ghi là người mới.",
                    f"same phone as {c.full_name} ({c.birth_year or '?'}) but another name: "
                    "entered as a new person."))
        elif fold(chosen.full_name) != key.folded_name:
            warnings.append(RowIssue(
                sheet.sheet, r.row, sheet.column_label("national_id"),
                f"số CCCD đã có của {chosen.full_name}: đã nối với người này.",
                f"the ID number belongs to {chosen.full_name}: linked to that person."))
        plan.append(PlannedRow(
            r.row, clean, market, follow,
            chosen.worker_id if chosen else None, chosen.full_name if chosen else "",
            chosen.attended if chosen else False))
    return plan, errors, warnings


def import_attendance_file(
    ctx: ServiceContext, path: str | PathLike[str], event_id: str, dry_run: bool = False,
    consent_method: str = "",
) -> ImportSummary:
    """Add the people of a sign-in sheet to ``event_id``: all rows or none.

    ``consent_method`` ("written" / "verbal") is recorded for every row when the sheet
    was signed under a consent notice; "" records no consent.
    """
    consent = clean_consent(consent_method)
    sheet = read_attendance_sheet(path)
    with ctx.transaction() as s:
        event = load_event(s, event_id)
        plan, errors, warnings = plan_attendance_rows(
            s, sheet, event_id, event.commune_code, reference_codes(s),
            market_lookup(market_names(s)))
        if errors:
            raise ImportRowsError(
                errors,
                f"Tệp {Path(path).name} có {len(errors)} lỗi; chưa ghi gì. Hãy sửa rồi nhập lại.",
                f"{Path(path).name} has {len(errors)} errors; nothing was written. "
                "Fix them and import again.")
        summary = ImportSummary(event_id, sheet.sheet, rows=len(plan), warnings=warnings,
                                dry_run=dry_run)
        for p in plan:
            if p.same_as_row is not None:
                summary.repeated += 1
                continue
            if p.already_attending:
                summary.already += 1
                continue
            if p.existing_id:
                summary.linked += 1
            else:
                summary.created += 1
            if dry_run:
                continue
            worker = s.get(Worker, p.existing_id) if p.existing_id else None
            if worker is None:
                clean = dict(p.clean)
                if p.interest_market and clean.get("market_code") is None:
                    clean["market_code"] = p.interest_market
                worker = create_attendee_worker(ctx, s, clean)
            add_attendance(ctx, s, event, worker, {
                "interest_market": p.interest_market, "follow_up": p.follow_up,
                "consent_method": consent})
        if not dry_run:
            ctx.audit(s, "import", "event", event_id,
                      {"file": (None, Path(path).name), "created": (None, summary.created),
                       "linked": (None, summary.linked)})
        return summary
