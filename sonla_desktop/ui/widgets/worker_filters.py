"""Search box and filters above the worker list; emits a WorkerFilter when they change."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain.worker_rules import HOUSEHOLD_STATUSES, WORKER_STATUSES
from ...errors import current_language
from ...services.lookups import Lookups
from ...services.worker_rows import WorkerFilter
from ..labels import household_label, status_label
from .fold_combo import FoldComboBox

SEARCH_DEBOUNCE_MS = 200


class WorkerFilterBar(QWidget):
    changed = Signal(object)  # WorkerFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Tìm theo tên, số CCCD, điện thoại, bản… (không cần gõ dấu)"))
        self.commune = FoldComboBox(placeholder=self.tr("Tất cả xã/phường"))
        self.status = QComboBox()
        self.market = FoldComboBox(placeholder=self.tr("Tất cả thị trường"))
        self.ethnic = FoldComboBox(placeholder=self.tr("Tất cả dân tộc"))
        self.household = QComboBox()
        self.clear_button = QPushButton(self.tr("Bỏ lọc"))
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: bold;")
        self.status.addItem(self.tr("Tất cả trạng thái"), None)
        for code in WORKER_STATUSES:
            self.status.addItem(status_label(code), code)
        self.household.addItem(self.tr("Tất cả diện hộ"), None)
        for code in HOUSEHOLD_STATUSES:
            self.household.addItem(household_label(code), code)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 4)
        grid.addWidget(self.count_label, 0, 4, 1, 2)
        for col, (label, widget) in enumerate((
            (self.tr("Xã/Phường"), self.commune), (self.tr("Trạng thái"), self.status),
            (self.tr("Thị trường"), self.market), (self.tr("Dân tộc"), self.ethnic),
            (self.tr("Diện hộ"), self.household),
        )):
            box = QWidget()
            inner = QGridLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setVerticalSpacing(1)
            caption = QLabel(label)
            caption.setBuddy(widget)
            inner.addWidget(caption, 0, 0)
            inner.addWidget(widget, 1, 0)
            grid.addWidget(box, 1, col)
        grid.addWidget(self.clear_button, 1, 5)
        for col in range(5):
            grid.setColumnStretch(col, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.status, self.household):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        for fold_combo in (self.commune, self.market, self.ethnic):
            fold_combo.currentIndexChanged.connect(lambda _i: self._emit())
            fold_combo.lineEdit().editingFinished.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self._last: WorkerFilter | None = None

    def set_lookups(self, lookups: Lookups) -> None:
        lang = current_language()
        everyone = (None, "", "")
        self.commune.set_items([everyone, *((c.code, c.label(lang), c.search)
                                            for c in lookups.communes)])
        self.commune.setItemText(0, self.tr("Tất cả xã/phường"))
        self.market.set_items([everyone, *((c.code, c.label(lang), c.search)
                                           for c in lookups.markets)])
        self.market.setItemText(0, self.tr("Tất cả thị trường"))
        self.ethnic.set_items([everyone, *((c.code, c.label(lang), c.search)
                                           for c in lookups.ethnic_groups)])
        self.ethnic.setItemText(0, self.tr("Tất cả dân tộc"))

    def current(self) -> WorkerFilter:
        def known(combo: FoldComboBox) -> str | None:
            # A half-typed name that matches no item filters nothing (rather than everything).
            code = combo.code()
            return code if code is not None and combo.findData(code) >= 0 else None

        return WorkerFilter(
            search=self.search.text(),
            commune_code=known(self.commune),
            status=self.status.currentData(),
            market_code=known(self.market),
            ethnic_code=known(self.ethnic),
            household=self.household.currentData(),
        )

    def _emit(self) -> None:
        self._timer.stop()
        flt = self.current()
        if flt != self._last:
            self._last = flt
            self.changed.emit(flt)

    def flush(self) -> None:
        """Apply a pending search now (tests, Enter in the search box)."""
        self._emit()

    def clear(self) -> None:
        for widget in (self.search, self.commune, self.status, self.market, self.ethnic,
                       self.household):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.commune, self.status, self.market, self.ethnic, self.household):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.commune, self.status, self.market, self.ethnic,
                       self.household):
            widget.blockSignals(False)
        self._emit()

    def set_count(self, text: str) -> None:
        self.count_label.setText(text)
