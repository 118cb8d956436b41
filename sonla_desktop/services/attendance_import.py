"""Attendees of one conference from the "Điểm danh" (sign-in) Excel sheet.

Three steps:

1. ``read_attendance_sheet``: the shared Excel import engine (``excel_import``) finds the
   sheet and its header row (case, diacritics, spacing do not matter) and returns raw cells.
2. ``plan_attendance_rows``: validates every row with the same rules as the door form
   and decides, with the duplicate rule, who is already on file.
3. ``import_attendance_file``: all of it in one transaction; any row error means nothing
   is written and every error is listed as sheet · row · column · message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
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
from ..domain.sheets import ATTENDANCE, RAW, TEXT, Column, SheetSpec
from ..domain.text import fold
from ..domain.worker_rules import ReferenceCodes, under_age_note
from ..errors import ImportRowsError, ValidationError
from ..models import Worker
from .attendance import add_attendance, create_attendee_worker, find_duplicates
from .context import ServiceContext
from .events import load_event, market_names
from .excel_import.reader import ImportIssue, read_workbook
from .workers import reference_codes

SHEET_NAME = ATTENDANCE.title

# The template's sheet as the shared engine reads it. Every value is handed over raw (text
# only NFC-cleaned): the door form's own rules (``clean_door_person``, ``parse_market``) judge
# it, so a row is refused for the same reasons and with the same words as at the door. The
# six template columns must be there; the CCCD and "call back" columns are read when a
# counsellor adds them.
_RAW_KINDS = {"full_name": TEXT, "village": TEXT}
# Headers people write on hand-made sign-in sheets, accepted since before the engine.
_MORE_ALIASES = {"full_name": ("Tên",), "phone": ("Số ĐT",),
                 "village": ("Bản/Tổ", "Thôn/Bản", "Tổ dân phố", "Địa chỉ")}
IMPORT_SPEC = SheetSpec(
    kind=ATTENDANCE.kind, title=ATTENDANCE.title, title_en=ATTENDANCE.title_en,
    aliases=ATTENDANCE.aliases,
    columns=tuple(replace(c, kind=_RAW_KINDS.get(c.field, RAW), required=True,
                          aliases=c.aliases + _MORE_ALIASES.get(c.field, ()))
                  for c in ATTENDANCE.columns) + (
        Column("national_id", "Số CCCD", RAW, extra=True,
               aliases=("CCCD", "Số CCCD/CMND", "CCCD/CMND")),
        Column("follow_up", "Liên hệ lại", RAW, extra=True, aliases=("Cần liên hệ lại",)),
    ),
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


def _row_issue(issue: ImportIssue) -> RowIssue:
    """The engine's issue, located as this import always printed it ("Năm sinh (cột C)")."""
    label = issue.column
    if issue.cell and issue.column:
        label = f"{issue.column} (cột {issue.cell.rstrip('0123456789')})"
    return RowIssue(issue.sheet, issue.row or 0, label, issue.vi, issue.en)


def read_attendance_sheet(path: str | PathLike[str]) -> SheetData:
    """Raw cells of the sign-in sheet, keyed by column; empty rows are left out.

    Read by the shared Excel engine (``excel_import.read_workbook``): the same defences as
    every other import (defusedxml, size, parts and compression-ratio checks, row limits)
    and the same header matching (case, marks, spacing and a note in brackets ignored).
    """
    path = Path(path)
    book = read_workbook(path, {}, (IMPORT_SPEC,))
    found = book.of(IMPORT_SPEC.kind)
    if not found:
        raise ImportRowsError(
            [RowIssue(path.name, 0, "", f"không có trang tính “{SHEET_NAME}”.",
                      f"no sheet named “{SHEET_NAME}”.")] + [
                _row_issue(i) for i in book.errors],
            f"{path.name}: không có trang tính “{SHEET_NAME}” (hoặc trang có các cột Họ và "
            "tên, Năm sinh, Giới tính…).",
            f"{path.name}: no sheet named “{SHEET_NAME}”.")
    sheet = found[0]
    headers = {f: (IMPORT_SPEC.header(f), index + 1) for f, index in sheet.columns.items()}
    problems = book.errors + sheet.errors
    if problems:  # a missing or doubled column, a cell the engine could not read
        issues = [_row_issue(i) for i in problems]
        texts_vi = " ".join(i.vi for i in problems)
        texts_en = " ".join(i.en for i in problems)
        raise ImportRowsError(issues, f"Trang “{sheet.title}”: {texts_vi}",
                              f"Sheet “{sheet.title}”: {texts_en}")
    rows = [SheetRow(r.number, dict(r.values)) for r in sheet.rows]
    return SheetData(sheet.title, headers, rows)


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
    ctx.require("attendees.write")
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
