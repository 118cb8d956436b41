"""``import-excel``: read the workbook, validate every row of every sheet, then write all or
nothing.

1. The file is checked and read (``safety``, ``reader``) before the database is touched.
2. Inside one transaction, each sheet kind is validated against the file and the database
   (workers first, since loans and attendees refer to them), building an ``ImportPlan``.
3. Any error: ``ImportRowsError`` listing every one (sheet · row · column · message); the
   transaction is rolled back, nothing is written. ``dry_run``: stop here either way.
4. Otherwise the plan is written in the same transaction (``writer``).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...errors import ImportRowsError, UserError, current_language
from ..context import ServiceContext
from ..workers import reference_codes
from .events_sheet import plan_attendees, plan_events
from .loans_sheet import plan_loans, plan_repayments, settle_loans
from .lookups import build_lookups
from .plan import ImportPlan
from .reader import ImportIssue, WorkbookData, read_workbook
from .targets_sheet import plan_targets
from .workers_sheet import plan_workers
from .writer import write_plan

# (count key, Vietnamese, English) in the order the summary prints them.
SUMMARY_LABELS = (
    ("workers_created", "người lao động mới", "new workers"),
    ("workers_updated", "người lao động được cập nhật", "workers updated"),
    ("workers_unchanged", "người lao động không thay đổi", "workers unchanged"),
    ("loans_created", "khoản vay mới", "new loans"),
    ("loans_unchanged", "khoản vay đã có (bỏ qua)", "loans already present (skipped)"),
    ("repayments_created", "lần trả nợ", "repayments"),
    ("repayments_unchanged", "lần trả nợ của khoản vay đã có (bỏ qua)",
     "repayments of loans already present (skipped)"),
    ("events_created", "hội nghị mới", "new events"),
    ("events_unchanged", "hội nghị đã có (bỏ qua)", "events already present (skipped)"),
    ("attendees_created", "lượt tham dự", "attendances"),
    ("attendees_unchanged", "lượt tham dự đã có (bỏ qua)",
     "attendances already present (skipped)"),
    ("targets_set", "chỉ tiêu", "targets"),
)


@dataclass
class ImportResult:
    file: str
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)
    notices: list[ImportIssue] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    sheets: list[tuple[str, str, int]] = field(default_factory=list)  # title, kind, rows

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary_lines(self) -> list[str]:
        en = current_language() == "en"
        lines = []
        for key, vi_label, en_label in SUMMARY_LABELS:
            n = self.counts.get(key, 0)
            if n:
                number = f"{n:,}" if en else f"{n:,}".replace(",", ".")
                lines.append(f"{number} {en_label if en else vi_label}")
        if not lines:
            lines.append("nothing to import" if en else "không có gì để nhập")
        return lines

    def headline(self) -> str:
        en = current_language() == "en"
        if self.errors:
            n = len(self.errors)
            return (f"{n} error(s): nothing was written." if en
                    else f"Có {n} lỗi: không ghi gì vào cơ sở dữ liệu.")
        if self.dry_run:
            return ("Check passed (dry run, nothing written). It would import: " if en
                    else "Kiểm tra xong, không có lỗi (chạy thử, chưa ghi gì). Sẽ nhập: ") + \
                "; ".join(self.summary_lines())
        return ("Imported: " if en else "Đã nhập: ") + "; ".join(self.summary_lines())


def _sorted(issues: list[ImportIssue], order: dict[str, int]) -> list[ImportIssue]:
    def key(issue: ImportIssue):
        cell = issue.cell or ""
        letters = "".join(ch for ch in cell if ch.isalpha())
        return (order.get(issue.sheet, 999), issue.row or 0, len(letters), letters)
    return sorted(issues, key=key)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _plan(plan: ImportPlan, book: WorkbookData) -> None:
    for sheet in book.of("attendance"):
        sheet.sheet_error(
            f"Trang “{sheet.title}” là danh sách điểm danh của một hội nghị: hãy nhập nó từ "
            "trang Hội nghị tư vấn (chọn hội nghị, rồi Nhập điểm danh).",
            f"Sheet “{sheet.title}” is a conference's attendance list: import it from the "
            "events page into that event.")
    plan_workers(plan, book.of("workers"))
    plan_events(plan, book.of("events"))
    plan_loans(plan, book.of("loans"))
    plan_repayments(plan, book.of("repayments"))
    settle_loans(plan)
    plan_attendees(plan, book.of("attendees"))
    plan_targets(plan, book.of("targets"))
    plan.counts["targets_set"] = len(plan.targets)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """CPython's cyclic garbage collector, paused for one import (and restored after).

    An import keeps every row of the file until the end while openpyxl creates and drops
    millions of objects; the collector, run every 700 new objects, walks the kept rows over
    and over and finds nothing to free (the only cycles are the rows themselves, alive until
    the import ends): about 1 s per 10,000 rows. Reference counting frees the rest as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_workbook(ctx: ServiceContext, path: str | Path, dry_run: bool = False,
                    today: date | None = None) -> ImportResult:
    """Validate every row of ``path``; write everything in one transaction, or nothing.

    Raises ``ImportRowsError`` (with ``.errors`` and ``.result``) when any row is wrong and
    ``UserError`` when the file itself cannot be read. Returns the summary otherwise.
    """
    ctx.require("imports.workers")
    with _collector_paused():
        return _import(ctx, Path(path), dry_run, today)


def _import(ctx: ServiceContext, path: Path, dry_run: bool, today: date | None) -> ImportResult:
    today = today or date.today()
    with ctx.db.session() as s:
        lookups = build_lookups(s)
    book = read_workbook(path, lookups)
    if not book.sheets and not book.errors:
        raise UserError(
            f"Tệp {path.name} không có trang nào nhận ra được (Người lao động, Khoản vay, "
            "Chỉ tiêu…): hãy dùng tệp mẫu của chương trình.",
            f"{path.name} has no sheet the program recognises (workers, loans, targets…): "
            "use the program's template.")
    result = ImportResult(path.name, dry_run,
                          sheets=[(sh.title, sh.spec.kind, len(sh.rows)) for sh in book.sheets])
    order = {sh.title: i for i, sh in enumerate(book.sheets)}
    with ctx.transaction() as s:
        plan = ImportPlan(s, today, lookups, reference_codes(s), owned=ctx.owned_scope)
        _plan(plan, book)
        result.counts = dict(plan.counts)
        result.notices = _sorted(book.all_notices(), order)
        result.errors = _sorted(book.all_errors(), order)
        if result.errors:
            err = ImportRowsError(
                result.errors,
                f"Tệp {path.name} có {len(result.errors)} lỗi; không ghi gì vào cơ sở dữ liệu.",
                f"{path.name} has {len(result.errors)} error(s); nothing was written.")
            err.result = result
            raise err
        if dry_run:
            return result
        summary: dict[str, object] = {"file": path.name, "sha256": _file_sha256(path)}
        summary.update(result.counts)
        write_plan(ctx, s, plan, summary)
    return result
