"""Người lao động: the searchable worker list, the page a clerk lives in all day."""

from __future__ import annotations

from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.lookups import Lookups, load_lookups
from ...services.worker_rows import WorkerFilter, WorkerRow
from ..labels import people_count
from ..reports.excel_actions import ExcelActions
from ..table_models.worker_table_model import COLUMNS, WorkerTableModel
from ..tasks import TaskRunner
from ..widgets.date_dialog import DateDialog
from ..widgets.undo_notice import UndoNotice
from ..widgets.worker_filters import WorkerFilterBar

if TYPE_CHECKING:
    from ...services.context import ServiceContext
    from ...services.quick_start import StartData


def _workers() -> ModuleType:
    """services.workers, imported on first use (it loads SQLAlchemy: see ui/app.py)."""
    from ...services import workers

    return workers


class WorkersPage(QWidget):
    form_opened = Signal(object)  # the WorkerForm, for tests and benchmarks

    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None, start: StartData | None = None) -> None:
        """``start``: the lists and first page read at start-up (``services.quick_start``)."""
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.lookups: Lookups | None = None
        self.forms: list[QWidget] = []
        self._select_after_load: str | None = None

        title = QLabel(self.tr("Người lao động"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.add_button = QPushButton(self.tr("+ Thêm người lao động (Ctrl+N)"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.new_item)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        # Import, templates and the full export, as on the Reports page (one set of services).
        self.excel = ExcelActions(ctx, runner, self)
        self.excel.imported.connect(self.refresh)
        self.excel_button = QPushButton(self.tr("Dữ liệu Excel"))
        self.excel_button.setMenu(self.excel.menu(self.excel_button))
        header.addWidget(self.excel_button)
        header.addWidget(self.add_button)

        self.filters = WorkerFilterBar()
        self.model = WorkerTableModel(ctx, runner, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        metrics = self.view.horizontalHeader().fontMetrics()
        for i, column in enumerate(COLUMNS):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal))
            self.view.setColumnWidth(i, max(column.width, metrics.horizontalAdvance(title) + 20))
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._open_index)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.view, self._open_current,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view,
                  lambda: self._delete(self.current_row()),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666; padding: 12px;")
        self.empty_label.hide()
        self.undo_notice = UndoNotice()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.undo_notice)

        self.filters.changed.connect(self.model.set_filter)
        self.filters.search.returnPressed.connect(self.filters.flush)
        self.model.count_changed.connect(self._show_count)
        self.model.loaded.connect(self._after_load)
        # The main window refreshes a page it shows; right after start that would only read
        # again what was read a moment ago.
        self._skip_refresh = start is not None
        if start is not None:
            self._got_lookups(start.lookups)
            self.model.show_start(start.first_page, start.page_size)
        else:
            self._load_lookups()

    # -- loading ----------------------------------------------------------------------------
    def _load_lookups(self) -> None:
        ctx = self.ctx
        self.model.reload()  # first in the queue: the rows matter more than the pick-lists
        self.runner.run(lambda: load_lookups(ctx), self._got_lookups, owner=self)

    def _got_lookups(self, lookups: Lookups) -> None:
        self.lookups = lookups
        self.model.set_lookups(lookups)
        self.filters.blockSignals(True)
        self.filters.set_lookups(lookups)
        self.filters.blockSignals(False)
        self.add_button.setEnabled(True)

    def _show_count(self, total: int) -> None:
        self.filters.set_count(people_count(total))
        self.empty_label.setVisible(total == 0)
        self.empty_label.setText(
            self.tr("Không có ai khớp với điều kiện tìm. Hãy bỏ bớt điều kiện lọc.")
            if self.filters.current() != WorkerFilter()
            else self.tr("Chưa có người lao động nào. Bấm “Thêm người lao động” để bắt đầu."))

    def _after_load(self) -> None:
        if self._select_after_load:
            row = self.model.row_of(self._select_after_load)
            self._select_after_load = None
            if row >= 0:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column].sort is None:
            # Only columns with an index-backed SQL order sort; put the indicator back.
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column,
                                    Qt.SortOrder.DescendingOrder if self.model.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    # -- page interface (main window) -------------------------------------------------------
    def refresh(self) -> None:
        if self._skip_refresh:
            self._skip_refresh = False
            return
        if self.model.is_loading():
            return  # a query is on its way already (e.g. the first page, just after start)
        self.model.reload(keep_loaded=True)

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def new_item(self) -> None:
        self.open_form(None)

    # -- actions ----------------------------------------------------------------------------
    def current_row(self) -> WorkerRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_form(row.id)

    def _open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_form(row.id)

    def open_form(self, worker_id: str | None) -> QWidget | None:
        if self.lookups is None:
            return None
        from ..worker_form import WorkerForm

        form = WorkerForm(self.ctx, self.runner, self.lookups, worker_id, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._saved)
        form.open_requested.connect(self.open_form)
        form.destroyed.connect(lambda _=None, f=form: self._forget(f))
        self.forms.append(form)
        form.open()
        self.form_opened.emit(form)
        return form

    def _forget(self, form: QWidget) -> None:
        if form in self.forms:
            self.forms.remove(form)

    def _saved(self, worker_id: str) -> None:
        self._select_after_load = worker_id
        self.model.reload(keep_loaded=True)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        self.view.selectRow(index.row())
        menu = self.build_context_menu(row)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def build_context_menu(self, row: WorkerRow) -> QMenu:
        menu = QMenu(self)
        edit = QAction(self.tr("Sửa thông tin…"), menu)
        edit.triggered.connect(lambda: self.open_form(row.id))
        departed = QAction(self.tr("Đánh dấu đã xuất cảnh…"), menu)
        departed.triggered.connect(lambda: self.mark(row, "departed"))
        departed.setEnabled(row.status not in ("departed", "returned"))
        returned = QAction(self.tr("Đánh dấu đã về nước…"), menu)
        returned.triggered.connect(lambda: self.mark(row, "returned"))
        returned.setEnabled(row.status == "departed")
        loan = QAction(self.tr("Lập đơn vay vốn…"), menu)
        loan.triggered.connect(lambda: self.open_loan(row.id))
        delete = QAction(self.tr("Xoá…"), menu)
        delete.triggered.connect(lambda: self._delete(row))
        for action in (edit, departed, returned, loan):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(delete)
        from .person_actions import add_person_actions

        add_person_actions(menu, self, self.ctx, self.runner, row,
                           lambda: self.model.reload(keep_loaded=True))
        return menu

    def open_loan(self, worker_id: str):
        """A new loan application for this worker (the form lives with the loans page)."""
        from .loan_form import open_loan_form

        return open_loan_form(self, self.ctx, self.runner, worker_id)

    def mark(self, row: WorkerRow, status: str, on: date | None = None) -> None:
        """Mark departed/returned; asks the date unless ``on`` is given."""
        if on is None:
            if status == "departed":
                title, label = self.tr("Đã xuất cảnh"), self.tr("Ngày xuất cảnh:")
            else:
                title, label = self.tr("Đã về nước"), self.tr("Ngày về nước:")
            dialog = DateDialog(f"{title}: {row.full_name}", label, parent=self)
            if dialog.exec() != DateDialog.DialogCode.Accepted or dialog.value is None:
                return
            on = dialog.value
        ctx, worker_id = self.ctx, row.id
        self._select_after_load = worker_id
        self.runner.run(lambda: _workers().set_status(ctx, worker_id, status, on),
                        lambda _r: self.model.reload(keep_loaded=True), parent=self)

    def _delete(self, row: WorkerRow | None, confirm: bool = True) -> None:
        if row is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Xoá người lao động"),
                self.tr("Xoá {0} khỏi danh sách?\nCó thể hoàn tác ngay sau khi xoá.")
                .format(row.full_name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        ctx, worker_id = self.ctx, row.id

        def deleted(_result: object) -> None:
            self.model.reload(keep_loaded=True)
            self.offer_undo(self.tr("Đã xoá {0}.").format(row.full_name),
                            lambda: self._restore(worker_id))

        self.runner.run(lambda: _workers().delete_worker(ctx, worker_id), deleted, parent=self)

    def delete(self, row: WorkerRow) -> None:
        """Delete without the confirmation box (the box is for the mouse path)."""
        self._delete(row, confirm=False)

    def _restore(self, worker_id: str) -> None:
        ctx = self.ctx
        self._select_after_load = worker_id
        self.runner.run(lambda: _workers().restore_worker(ctx, worker_id),
                        lambda _r: self.model.reload(keep_loaded=True), parent=self)

    def offer_undo(self, message: str, undo) -> None:
        window = self.window()
        if isinstance(window, QMainWindow) and self.undo_notice.parent() is self:
            window.statusBar().addWidget(self.undo_notice)
        self.undo_notice.offer(message, undo)
