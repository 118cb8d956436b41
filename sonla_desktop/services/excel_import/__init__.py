"""Excel import: safe reading, header matching, per-cell errors, all-or-nothing writing.

Public API
----------
``import_workbook(ctx, path, dry_run=False)`` -> ``ImportResult``
    The ``import-excel`` use case (workers, loans, repayments, events, attendees, targets).
    Raises ``ImportRowsError`` (``.errors``: list of ``ImportIssue``, ``.result``) when any
    row is wrong, ``UserError`` when the file cannot be read safely.

Reusable pieces for other imports (a conference's attendance list, for instance):

``build_lookups(session)``
    The words accepted in enumerated columns (communes, ethnic groups, markets, statuses…).
``read_single_sheet(path, spec, lookups)`` -> ``(SheetData, WorkbookData)``
    Checks the file (size, ZIP ratios, defusedxml), finds the sheet described by
    ``spec`` (a ``domain.sheets.SheetSpec``, e.g. ``ATTENDANCE``) by its name or header
    row, and returns its rows: ``row.number`` (the Excel row), ``row.values`` (canonical
    field -> value already turned into the column's kind, None when empty), ``row.bad``
    (fields whose cell could not be read: already reported). Report a rule's complaint
    with ``row.error(field, vi, en)``; ``book.all_errors()`` then lists everything.
``write_marked_copy(source, errors, target)``
    The "save errors" copy: wrong cells red with a comment, plus an error list sheet.
"""

from .engine import ImportResult, import_workbook
from .lookups import build_lookups
from .marking import write_marked_copy
from .reader import ImportIssue, Row, SheetData, WorkbookData, read_single_sheet, read_workbook
from .safety import DEFAULT_LIMITS, Limits, check_workbook_file, open_workbook

__all__ = [
    "DEFAULT_LIMITS", "ImportIssue", "ImportResult", "Limits", "Row", "SheetData",
    "WorkbookData", "build_lookups", "check_workbook_file", "import_workbook", "open_workbook",
    "read_single_sheet", "read_workbook", "write_marked_copy",
]
