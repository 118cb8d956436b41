"""The worker form's "Consent" tab (Decree 356/2025): the person's consents, a line to
record a new one (written, or verbal with its witness) and a button to withdraw one.

It also answers the form's question "is sensitive data held without a live consent?"
(``warning_for``) from what it loaded, so the form asks the database nothing itself.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.person_rights import METHOD_LABELS_VI, consent_warning, needs_consent
from ...errors import UserError
from ...services.consents import ConsentRow, add_consent, consent_state, withdraw_consent
from ..tasks import TaskRunner
from .date_edit import DateEdit
from .history_view import fill_table, make_table


class ConsentView(QWidget):
    changed = Signal()  # consents (re)loaded: the form re-checks its warning

    def __init__(self, ctx, runner: TaskRunner, worker_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.worker_id = ctx, runner, worker_id
        self.rows: list[ConsentRow] = []
        self.has_loan = False
        self.table = make_table([self.tr("Mục đích"), self.tr("Ngày"), self.tr("Hình thức"),
                                 self.tr("Người làm chứng"), self.tr("Người ghi nhận"),
                                 self.tr("Rút lại ngày")])
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("Mục đích, ví dụ: tư vấn, hỗ trợ vay vốn"))
        self.given_on = DateEdit()
        self.method = QComboBox()
        for key, label in METHOD_LABELS_VI.items():
            self.method.addItem(self.tr(label), key)
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("Người làm chứng (khi đồng ý bằng lời nói)"))
        self.add_button = QPushButton(self.tr("Ghi nhận đồng ý"))
        self.withdraw_button = QPushButton(self.tr("Rút lại đồng ý đã chọn"))
        for b in (self.add_button, self.withdraw_button):
            b.setAutoDefault(False)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        entry = QHBoxLayout()
        for w, stretch in ((self.purpose, 3), (self.given_on, 0), (self.method, 0),
                           (self.witness, 2), (self.add_button, 0)):
            entry.addWidget(w, stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(self.withdraw_button)
        self.add_button.clicked.connect(self.add)
        self.withdraw_button.clicked.connect(self.withdraw_selected)

    def load(self) -> None:
        ctx, wid = self.ctx, self.worker_id
        self.runner.run(lambda: consent_state(ctx, wid), self._show, parent=self)

    def _show(self, state: tuple[list[ConsentRow], bool]) -> None:
        self.rows, self.has_loan = state
        fill_table(self.table, [
            (r.purpose, format_date(r.given_on), self.tr(METHOD_LABELS_VI[r.method]),
             r.witness, r.recorded_by, format_date(r.withdrawn_on)) for r in self.rows])
        self.changed.emit()

    @property
    def has_active(self) -> bool:
        return any(r.active for r in self.rows)

    def warning_for(self, values: dict) -> tuple[str, str] | None:
        return consent_warning(needs_consent(values, self.has_loan), self.has_active)

    def add(self) -> None:
        raw = {"purpose": self.purpose.text(), "given_on": self.given_on.text(),
               "method": self.method.currentData(), "witness": self.witness.text()}
        ctx, wid = self.ctx, self.worker_id

        def added(_id: str) -> None:
            self.error.clear()
            for w in (self.purpose, self.given_on, self.witness):
                w.clear()
            self.load()

        self.runner.run(lambda: add_consent(ctx, wid, raw), added, self._failed, parent=self)

    def withdraw_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        ctx, cid = self.ctx, self.rows[row].id
        self.runner.run(lambda: withdraw_consent(ctx, cid), lambda _r: self.load(),
                        self._failed, parent=self)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, UserError):
            self.error.setText(str(exc))
            return True
        return False
