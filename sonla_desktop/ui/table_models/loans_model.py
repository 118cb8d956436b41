"""The loans list as a lazy table model: SQL does the filtering and sorting, pages of
200 rows are fetched off the GUI thread as the view scrolls (``fetchMore``).

Balances come with the rows (``services.loan_queries.search_loans``): outstanding from
SQL sums, overdue principal from the constant-time ``principal_due_by`` rule, so even
"overdue only" over thousands of loans needs no schedule per loan.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ...services.context import ServiceContext
from ...services.loan_queries import LoanFilter, LoanRow, list_loans, loan_list_start
from ..pages.loan_labels import day, group_label, money, rate_text, status_label

PAGE = 200
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# (key, header, SQL sort key or None when the column cannot be sorted)
COLUMNS = (
    ("full_name", QT_TRANSLATE_NOOP("LoansTableModel", "Họ và tên"), "name"),
    ("national_id", QT_TRANSLATE_NOOP("LoansTableModel", "Số CCCD"), None),
    ("commune", QT_TRANSLATE_NOOP("LoansTableModel", "Xã/Phường"), "commune"),
    ("group", QT_TRANSLATE_NOOP("LoansTableModel", "Đối tượng"), "policy_group"),
    ("status", QT_TRANSLATE_NOOP("LoansTableModel", "Trạng thái"), "status"),
    ("amount", QT_TRANSLATE_NOOP("LoansTableModel", "Số tiền vay"), "requested"),
    ("disbursed_on", QT_TRANSLATE_NOOP("LoansTableModel", "Giải ngân"), None),
    ("rate", QT_TRANSLATE_NOOP("LoansTableModel", "Lãi suất"), None),
    ("term", QT_TRANSLATE_NOOP("LoansTableModel", "Thời hạn"), "term"),
    ("outstanding", QT_TRANSLATE_NOOP("LoansTableModel", "Dư nợ"), None),
    ("overdue", QT_TRANSLATE_NOOP("LoansTableModel", "Nợ quá hạn"), None),
)
MONEY_COLUMNS = {"amount", "outstanding", "overdue", "term", "rate"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LoansTableModel", text)


class LoansTableModel(QAbstractTableModel):
    loaded = Signal(int)  # total number of loans matching the filter

    def __init__(self, ctx: ServiceContext, runner, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.filter = LoanFilter()
        self.sort_key = "name"
        self.descending = False
        self.as_of = date.today()
        self.rows: list[LoanRow] = []
        self.total = 0
        self._generation = 0
        self._loading = False

    # ------------------------------------------------------------------ loading
    def set_filter(self, flt: LoanFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Fetch the count and the first page again (filter, sort or data changed)."""
        self._generation += 1
        generation = self._generation
        self._loading = True
        flt, sort, desc, as_of = self.filter, self.sort_key, self.descending, date.today()
        self.as_of = as_of

        def work():
            return loan_list_start(self.ctx, flt, as_of, PAGE, sort, desc)

        self.runner.run(work, lambda result: self._reset(generation, result))

    def _reset(self, generation: int, result: tuple[int, list[LoanRow]]) -> None:
        if generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self.beginResetModel()
        self.total, self.rows = result
        self._loading = False
        self.endResetModel()
        self.loaded.emit(self.total)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008, N802 - Qt API
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008, N802 - Qt API
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        flt, sort, desc, as_of, offset = (self.filter, self.sort_key, self.descending,
                                          self.as_of, len(self.rows))

        def work():
            return list_loans(self.ctx, flt, as_of, offset, PAGE, sort, desc)

        self.runner.run(work, lambda rows: self._append(generation, rows))

    def _append(self, generation: int, rows: list[LoanRow]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and COLUMNS[section][2] is None):
            return QCoreApplication.translate("LoansTableModel",
                                              "Không sắp xếp được theo cột này")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in MONEY_COLUMNS:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue_vnd and key in (
                "overdue", "full_name"):
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "status" and row.status == "rejected":
            return QCoreApplication.translate("LoansTableModel",
                                              "Bị từ chối – xem lý do ở phần chi tiết")
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _display(self, row: LoanRow, key: str) -> str:
        if key == "full_name":
            return row.full_name
        if key == "national_id":
            return row.national_id or ""
        if key == "commune":
            return row.commune_name
        if key == "group":
            return group_label(row.policy_group)
        if key == "status":
            return status_label(row.status)
        if key == "amount":
            return money(row.amount_vnd)
        if key == "disbursed_on":
            return day(row.disbursed_on)
        if key == "rate":
            return rate_text(row.rate_pct_year)
        if key == "term":
            return QCoreApplication.translate("LoansTableModel", "{0} tháng").format(
                row.term_months)
        if key == "outstanding":
            return money(row.outstanding_vnd) if row.disbursed_vnd else ""
        if key == "overdue":
            return money(row.overdue_vnd) if row.overdue_vnd else ""
        return ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][2]
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def loan_at(self, row: int) -> LoanRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, loan_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == loan_id), -1)
