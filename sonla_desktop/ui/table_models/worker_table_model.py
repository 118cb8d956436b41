"""The worker list: a lazy table model over SQL pages (after Anki's browser table).

Rows arrive PAGE_SIZE at a time from ``services.workers.search_workers`` on the task
runner's threads; the view asks for more (``canFetchMore``/``fetchMore``) as the clerk
scrolls. Filtering and sorting happen in SQL, so 100,000 workers cost what one page costs.
Every query carries a generation number: a page that arrives after the filter changed again
is dropped, so fast typing never shows an older search's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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

from ...domain.dates import format_date
from ...domain.identity import format_phone
from ...errors import current_language
from ...services.lookups import Lookups
from ...services.worker_rows import WorkerFilter, WorkerRow
from ..labels import household_label, status_label
from ..tasks import TaskRunner

if TYPE_CHECKING:
    from ...services.context import ServiceContext

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # translated in context "WorkerTableModel"
    sort: str | None  # services.workers.SORT_COLUMNS key; None = not sortable in SQL
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("WorkerTableModel", "Họ và tên"), "name", 150),
    Column("birth", QT_TRANSLATE_NOOP("WorkerTableModel", "Ngày sinh"), "birth_date", 82),
    Column("national_id", QT_TRANSLATE_NOOP("WorkerTableModel", "Số CCCD"), "national_id", 108),
    Column("phone", QT_TRANSLATE_NOOP("WorkerTableModel", "Điện thoại"), None, 98),
    Column("ethnic", QT_TRANSLATE_NOOP("WorkerTableModel", "Dân tộc"), None, 64),
    Column("commune", QT_TRANSLATE_NOOP("WorkerTableModel", "Xã/Phường"), "commune", 108),
    Column("village", QT_TRANSLATE_NOOP("WorkerTableModel", "Bản/Tổ dân phố"), None, 108),
    Column("household", QT_TRANSLATE_NOOP("WorkerTableModel", "Diện hộ"), None, 96),
    Column("market", QT_TRANSLATE_NOOP("WorkerTableModel", "Thị trường"), "market", 82),
    Column("status", QT_TRANSLATE_NOOP("WorkerTableModel", "Trạng thái"), "status", 96),
    Column("departure", QT_TRANSLATE_NOOP("WorkerTableModel", "Ngày xuất cảnh"),
           "departure_date", 100),
)

COLUMN = {c.key: i for i, c in enumerate(COLUMNS)}
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole

_GREY = QBrush(QColor("#8a8a8a"))


class WorkerTableModel(QAbstractTableModel):
    loaded = Signal()  # the first page of the current query is in
    count_changed = Signal(int)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.lookups: Lookups | None = None
        self.filter = WorkerFilter()
        self.sort_key = "name"
        self.sort_column = 0
        self.descending = False
        self.total: int | None = None
        self._rows: list[WorkerRow] = []
        # Cell texts, made on the worker thread with the page: painting 25 rows x 11 columns
        # asks data() ~2,000 times, so it must only index a tuple.
        self._cells: list[tuple[str, ...]] = []
        self._more = False
        self._loading = False
        self._generation = 0

    # -- queries ----------------------------------------------------------------------------
    def set_lookups(self, lookups: Lookups) -> None:
        self.lookups = lookups
        self._cells = [self.cells(r) for r in self._rows]  # market names need the lookups
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def _with_cells(self, rows: list[WorkerRow]) -> tuple[list, list, Lookups | None]:
        """Worker thread: the rows, their cell texts, and the lookups those texts used."""
        used = self.lookups
        return rows, [self.cells(r) for r in rows], used

    def _fresh_cells(self, result: tuple) -> tuple[list, list]:
        """GUI thread: cells made before the lookups arrived (market codes instead of names,
        seen after the first-run wizard) are made again now that they are here."""
        rows, cells, *used = result
        if used and used[0] is not self.lookups:
            cells = [self.cells(r) for r in rows]
        return rows, cells

    def set_filter(self, flt: WorkerFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Start a new query; ``keep_loaded`` re-reads as many rows as are shown (after an edit)."""
        self._generation += 1
        generation = self._generation
        flt, sort, desc = self.filter, self.sort_key, self.descending
        limit = max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE
        self._loading = True
        ctx = self.ctx

        def page() -> tuple[list[WorkerRow], list[tuple[str, ...]]]:
            # services.workers loads SQLAlchemy: imported on the worker thread (ui/app.py).
            from ...services.workers import list_workers

            rows = list_workers(ctx, flt, 0, limit, sort, desc)
            return self._with_cells(rows)

        self.runner.run(page, lambda result: self._first_page(generation, result, limit),
                        lambda exc: self._failed(generation), owner=self)

    def show_start(self, rows: list[WorkerRow], limit: int) -> None:
        """Rows read before the window existed (``services.quick_start``), shown as the answer
        to the first query; the count follows on the runner as after any first page."""
        self._generation += 1
        self._first_page(self._generation, (rows, [self.cells(r) for r in rows]), limit)

    def _first_page(self, generation: int, result: tuple[list, list], limit: int) -> None:
        if generation != self._generation:
            return
        rows, cells = self._fresh_cells(result)
        self.beginResetModel()
        self._rows, self._cells = rows, cells
        self._more = len(rows) == limit
        self._loading = False
        self.endResetModel()
        self.loaded.emit()
        if not self._more:
            self._counted(generation, len(rows))  # the page holds them all: no count query
            return
        # Counted after the page, not beside it: on a 2-core office PC the rows the clerk
        # looks at should not share the CPU with a number that can come 20 ms later.
        flt, ctx = self.filter, self.ctx

        def count() -> int:
            from ...services.workers import count_matching

            return count_matching(ctx, flt)

        self.runner.run(count, lambda n: self._counted(generation, n), owner=self)

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.count_changed.emit(total)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, offset = self._generation, len(self._rows)
        flt, sort, desc, ctx = self.filter, self.sort_key, self.descending, self.ctx

        def page() -> tuple[list[WorkerRow], list[tuple[str, ...]]]:
            from ...services.workers import list_workers

            rows = list_workers(ctx, flt, offset, PAGE_SIZE, sort, desc)
            return self._with_cells(rows)

        self.runner.run(page, lambda result: self._next_page(generation, offset, result),
                        lambda exc: self._failed(generation, stop_paging=True), owner=self)

    def _next_page(self, generation: int, offset: int, result: tuple[list, list]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        rows, cells = self._fresh_cells(result)
        self._loading = False
        self._more = len(rows) == PAGE_SIZE
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self._cells.extend(cells)
            self.endInsertRows()

    def _failed(self, generation: int, stop_paging: bool = False) -> bool:
        # The runner still shows the error; the list must stay usable (F5 retries). A page
        # that failed is not asked for again by scrolling, or each scroll would repeat it.
        if generation == self._generation:
            self._loading = False
            if stop_paging:
                self._more = False
        return False

    def is_loading(self) -> bool:
        return self._loading

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else None
        if key is None:
            return  # the view puts its indicator back (see WorkersPage)
        desc = order == Qt.SortOrder.DescendingOrder
        if (key, desc) == (self.sort_key, self.descending):
            return
        self.sort_key, self.sort_column, self.descending = key, column, desc
        self.reload()

    # -- model interface --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("WorkerTableModel", COLUMNS[section].title)
        return None

    def row_at(self, row: int) -> WorkerRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, worker_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.id == worker_id:
                return i
        return -1

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        # Hot path: called for every role of every visible cell on each paint.
        if role == _DISPLAY:
            return self._cells[index.row()][index.column()]
        if role == _FOREGROUND:
            return _GREY if self._rows[index.row()].status == "cancelled" else None
        if role == ID_ROLE:
            return self._rows[index.row()].id
        if role == ROW_ROLE:
            return self._rows[index.row()]
        return None

    def cells(self, r: WorkerRow) -> tuple[str, ...]:
        """The texts of one row in column order (safe to call on a worker thread)."""
        return tuple(self._text(r, column.key) for column in COLUMNS)

    def _text(self, r: WorkerRow, key: str) -> str:
        if key == "name":
            return r.full_name
        if key == "birth":
            return format_date(r.birth_date) if r.birth_date else str(r.birth_year or "")
        if key == "national_id":
            return r.national_id or ""
        if key == "phone":
            return format_phone(r.phone)
        if key == "ethnic":
            return r.ethnic_group or ""
        if key == "commune":
            lang = current_language()
            if lang == "vi" or self.lookups is None:
                return r.commune_name
            return self.lookups.commune_name(r.commune_code, lang)
        if key == "village":
            return r.village
        if key == "household":
            return household_label(r.household)
        if key == "market":
            return self.lookups.market_name(r.market, current_language()) \
                if self.lookups and r.market else (r.market or "")
        if key == "status":
            return status_label(r.status)
        if key == "departure":
            return format_date(r.departure_date)
        return ""
