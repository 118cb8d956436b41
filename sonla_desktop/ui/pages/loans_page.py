"""The "Khoản vay" page: filtered list of loans, the selected loan's schedule and state,
the workflow buttons and the printed dossier.

The list is SQL-backed and paged (``LoansTableModel``). "Overdue only" is computed for
the filtered set with the constant-time ``principal_due_by`` rule (see
``services.loan_queries``), not stored: a stored flag would go stale every night, and
the computation takes milliseconds even for the whole province.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.loan_application import LOAN_STATUSES, allowed_actions
from ...domain.policy import POLICY_GROUPS
from ...services import loans as svc
from ...services.context import ServiceContext
from ...services.loan_queries import LoanFilter, dossier_pdf, export_dossier, loan_detail
from ...services.loan_rules import rules_and_borrower
from ...services.lookups import load_lookups
from ..reports.excel_actions import ExcelActions
from ..table_models.loans_model import LoansTableModel
from .dossier_preview import DossierPreviewDialog, ask_save_path, print_pdf
from .loan_detail import LoanDetailView
from .loan_dialogs import (
    ApproveDialog,
    DisburseDialog,
    RejectDialog,
    RepaymentDialog,
    WorkerPickerDialog,
)
from .loan_form import open_loan_form
from .loan_labels import group_label, status_label


class LoansPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.detail: dict | None = None
        self.dialog: QWidget | None = None  # the open dialog (tests reach it here)
        self._detail_generation = 0
        self._reselect: str | None = None

        self.status = QComboBox()
        self.status.addItem(self.tr("Mọi trạng thái"), None)
        for key in LOAN_STATUSES:
            self.status.addItem(status_label(key), key)
        self.group = QComboBox()
        self.group.addItem(self.tr("Mọi đối tượng"), None)
        for key in POLICY_GROUPS:
            self.group.addItem(group_label(key), key)
        self.commune = QComboBox()
        self.commune.addItem(self.tr("Mọi xã/phường"), None)
        self.commune.setMinimumContentsLength(14)
        self.overdue = QCheckBox(self.tr("Chỉ khoản quá hạn"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm tên, CCCD, điện thoại…"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        filters = QHBoxLayout()
        for w in (self.status, self.group, self.commune, self.overdue):
            filters.addWidget(w)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        # Not an action on the selected loan: it sits with the page-wide controls.
        rules = QPushButton(self.tr("Quy định cho vay…"))
        rules.clicked.connect(self.open_rules)
        filters.addWidget(rules)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(300)
        self.search_timer.timeout.connect(self.apply_filter)
        for combo in (self.status, self.group, self.commune):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue.toggled.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _: self.search_timer.start())

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot in (
            ("new", self.tr("Lập đơn vay…"), self.new_item),
            ("edit", self.tr("Sửa đơn…"), self.edit_loan),
            ("submit", self.tr("Nộp hồ sơ"), self.submit_loan),
            ("approve", self.tr("Duyệt…"), lambda: self._dialog(ApproveDialog)),
            ("reject", self.tr("Từ chối…"), lambda: self._dialog(RejectDialog)),
            ("disburse", self.tr("Giải ngân…"), self.disburse),
            ("repay", self.tr("Nhập trả nợ…"), lambda: self._dialog(RepaymentDialog)),
            ("close", self.tr("Tất toán"), self.close_loan),
            ("delete", self.tr("Xoá đơn"), self.delete_loan),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        # Import, templates and the full export, as on the Reports page (one set of services).
        self.excel = ExcelActions(ctx, runner, self)
        self.excel.imported.connect(self.refresh)
        self.excel_button = QPushButton(self.tr("Dữ liệu Excel"))
        self.excel_button.setMenu(self.excel.menu(self.excel_button))
        actions.addWidget(self.excel_button)
        self.message = QLabel()
        actions.addWidget(self.message)

        self.model = LoansTableModel(ctx, runner, self)
        self.model.loaded.connect(self._loaded)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((155, 105, 105, 130, 95, 95, 82, 100, 75, 95)):
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _: self.edit_loan())

        self.detail_view = LoanDetailView()
        self.detail_view.preview_requested.connect(self.preview_dossier)
        self.detail_view.print_requested.connect(self.print_dossier)
        self.detail_view.save_requested.connect(self.save_dossier)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_view)
        splitter.setSizes([330, 300])

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._update_buttons()
        runner.run(self._communes, self._fill_communes)

    # ------------------------------------------------------------ page protocol
    def refresh(self) -> None:
        self._reselect = self.detail["id"] if self.detail else None
        self.model.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_rules(self) -> None:
        """The loan rules by date; an admin adds a rate or rule when a decision changes it."""
        from .loan_rules_dialog import LoanRulesDialog

        self.dialog = LoanRulesDialog(self.ctx, self.runner, self)
        self.dialog.finished.connect(lambda _: self.refresh())
        self.dialog.open()

    def new_item(self) -> None:
        picker = WorkerPickerDialog(self.ctx, self.runner, self)
        self.dialog = picker
        picker.accepted.connect(lambda: self.open_form(picker.worker_id))
        picker.open()

    # ------------------------------------------------------------ list
    def _communes(self) -> list[tuple[str, str]]:
        return [(c.code, c.short_vi) for c in load_lookups(self.ctx).communes]

    def _fill_communes(self, rows: list[tuple[str, str]]) -> None:
        for code, name in rows:
            self.commune.addItem(name, code)

    def current_filter(self) -> LoanFilter:
        return LoanFilter(status=self.status.currentData(), policy_group=self.group.currentData(),
                          commune_code=self.commune.currentData(),
                          overdue_only=self.overdue.isChecked(), search=self.search.text())

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _loaded(self, total: int) -> None:
        self.count.setText(self.tr("{0} khoản vay").format(total))
        row = self.model.row_of(self._reselect) if self._reselect else -1
        self._reselect = None
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            self._show_detail(None)

    def current_loan(self):
        index = self.table.currentIndex()
        return self.model.loan_at(index.row()) if index.isValid() else None

    def _row_changed(self, current, _previous) -> None:
        loan = self.model.loan_at(current.row()) if current.isValid() else None
        if loan is None:
            self._show_detail(None)
            return
        self._detail_generation += 1
        generation, ctx, loan_id = self._detail_generation, self.ctx, loan.id
        self.runner.run(lambda: loan_detail(ctx, loan_id),
                        lambda d: self._show_detail(d) if generation == self._detail_generation
                        else None)

    def _show_detail(self, detail: dict | None) -> None:
        self.detail = detail
        self.detail_view.set_detail(detail)
        self._update_buttons()

    def _update_buttons(self) -> None:
        allowed = allowed_actions(self.detail["status"]) if self.detail else set()
        state = (self.detail or {}).get("state") or {}
        if state.get("outstanding_vnd"):
            allowed.discard("close")  # the service would refuse it: principal is still owed
        for key, button in self.buttons.items():
            button.setEnabled(key == "new" or key in allowed)

    def _after_change(self, text: str, loan_id: str | None = None) -> None:
        self.message.setText(text)
        self._reselect = loan_id or (self.detail["id"] if self.detail else None)
        self.model.reload()

    # ------------------------------------------------------------ actions
    def open_form(self, worker_id: str | None, loan_id: str | None = None) -> None:
        if not worker_id:
            return
        self.dialog = open_loan_form(
            self, self.ctx, self.runner, worker_id, loan_id,
            on_saved=lambda i: self._after_change(self.tr("Đã lưu đơn vay."), i))

    def edit_loan(self) -> None:
        if self.detail and "edit" in allowed_actions(self.detail["status"]):
            self.open_form(self.detail["worker_id"], self.detail["id"])

    def _run(self, fn, done_text: str) -> None:
        ctx, loan_id = self.ctx, self.detail["id"]
        self.runner.run(lambda: fn(ctx, loan_id), lambda _: self._after_change(done_text),
                        parent=self)

    def submit_loan(self) -> None:
        self._run(svc.submit_loan, self.tr("Đã nộp hồ sơ."))

    def close_loan(self) -> None:
        if self._confirm(self.tr("Tất toán khoản vay của {0}?").format(self.detail["full_name"])):
            self._run(svc.close_loan, self.tr("Đã tất toán khoản vay."))

    def delete_loan(self) -> None:
        if self._confirm(self.tr("Xoá đơn vay của {0}?").format(self.detail["full_name"])):
            self._run(svc.delete_loan, self.tr("Đã xoá đơn vay."))

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Xác nhận"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _dialog(self, cls, *extra) -> None:
        if not self.detail:
            return
        dialog = cls(self.ctx, self.runner, self.detail, *extra, parent=self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_change(self.tr("Đã ghi nhận.")))
        dialog.open()

    def disburse(self) -> None:
        ctx, loan_id = self.ctx, self.detail["id"]
        self.runner.run(lambda: rules_and_borrower(ctx, loan_id),
                        lambda found: self._dialog(DisburseDialog, *found))

    # ------------------------------------------------------------ dossier
    def _pdf(self, then) -> None:
        if not self.detail:
            return
        ctx, loan_id, today = self.ctx, self.detail["id"], date.today()

        def work() -> bytes:
            # Built, not printed: the print is recorded once a printer accepted it.
            return dossier_pdf(ctx, loan_id, today)

        self.runner.run(work, then, label=self.tr("Đang lập hồ sơ PDF…"), parent=self)

    def _file_name(self) -> str:
        name = "-".join(self.detail["full_name"].split())
        return f"ho-so-vay-{name}.pdf"

    def preview_dossier(self) -> None:
        title = self.detail["full_name"] if self.detail else ""
        loan_id = self.detail["id"] if self.detail else "-"

        def show(pdf: bytes) -> None:
            self.dialog = DossierPreviewDialog(pdf, title, self.save_dossier, self, self.ctx,
                                               loan_id)
            self.dialog.open()

        self._pdf(show)

    def print_dossier(self) -> None:
        title = self.detail["full_name"] if self.detail else ""
        loan_id = self.detail["id"] if self.detail else "-"
        self._pdf(lambda pdf: print_pdf(self, self.ctx, pdf, loan_id, title, self.save_dossier))

    def save_dossier(self) -> None:
        if not self.detail:
            return
        path = ask_save_path(self, self._file_name())
        if path:
            ctx, loan_id = self.ctx, self.detail["id"]
            self.runner.run(lambda: export_dossier(ctx, loan_id, path),
                            lambda _: self.message.setText(self.tr("Đã lưu {0}").format(path)),
                            parent=self)
