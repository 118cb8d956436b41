""""Save errors": a copy of the clerk's workbook with every wrong cell filled red and
commented, and a first sheet listing the errors with links to their cells, so the clerk
fixes them in the file they know and imports it again."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import quote_sheetname

from ...errors import current_language
from ...files import EXCEL, save_atomically
from ...reports.excel_common import cell_values, safe_text
from .reader import ImportIssue
from .safety import open_workbook

ERROR_FILL = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
ERROR_FONT = Font(color="9C0006")
ERRORS_SHEET = "Danh sách lỗi"


def write_marked_copy(source: str | Path, errors: Sequence[ImportIssue],
                      target: str | Path) -> int:
    """Write ``target``: ``source`` with the errors marked. Returns the cells marked."""
    source, target = Path(source), Path(target)
    wb = open_workbook(source, read_only=False, data_only=False)  # keep the clerk's formulas
    en = current_language() == "en"
    by_cell: dict[tuple[str, str], list[str]] = defaultdict(list)
    for issue in errors:
        if issue.sheet in wb.sheetnames:
            cell = issue.cell or "A1"
            text = issue.message
            # Most messages already start with the column's label: say it once.
            if issue.column and not text.startswith(f"{issue.column}:"):
                text = f"{issue.column}: {text}"
            by_cell[(issue.sheet, cell)].append(text)
    for (sheet, cell), texts in by_cell.items():
        c = wb[sheet][cell]
        c.fill = ERROR_FILL
        c.font = ERROR_FONT
        comment = Comment(safe_text("\n".join(texts)), "sonla-desktop")
        comment.width, comment.height = 320, 40 + 40 * len(texts)
        c.comment = comment

    if ERRORS_SHEET in wb.sheetnames:
        del wb[ERRORS_SHEET]
    ws = wb.create_sheet(ERRORS_SHEET, 0)
    ws.append(["Sheet", "Row", "Column", "Error"] if en
              else ["Trang", "Dòng", "Cột", "Lỗi"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for issue in errors:
        # The messages quote the clerk's cells: as plain strings, never formulas.
        ws.append(cell_values(ws, [issue.sheet, issue.row, issue.column, issue.message]))
        if issue.sheet in wb.sheetnames and issue.cell:
            link = ws.cell(ws.max_row, 4)
            link.hyperlink = f"#{quote_sheetname(issue.sheet)}!{issue.cell}"
            link.font = Font(color="0563C1", underline="single")
    for letter, width in zip("ABCD", (18, 8, 22, 100), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.active = 0

    save_atomically(target, wb.save, EXCEL)
    return len(by_cell)
