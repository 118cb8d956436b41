"""Conflicts inbox (both versions side by side) and the history of sent/received files."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.worker_rules import (
    FIELD_LABELS_VI,
    HOUSEHOLD_LABELS_EN,
    HOUSEHOLD_LABELS_VI,
    STATUS_LABELS_EN,
    STATUS_LABELS_VI,
)
from ...errors import current_language
from ...services.context import ServiceContext
from ...services.sync import bundle_history
from ...services.sync_conflicts import ConflictView, list_conflicts, resolve_conflict
from ...services.sync_notices import reason_text
from ..tasks import TaskRunner
from .sync_transfer import OK_STYLE, table_label

_DIFF = QColor("#fff3cd")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HIDDEN = {"id", "search_text", "sort_key", "origin", "version", "created_at", "updated_at"}


def _local(dt) -> str:
    return dt.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M") if dt else ""


def field_label(column: str) -> str:
    special = {
        "_by": QCoreApplication.translate("ConflictsPanel", "Nơi sửa"),
        "updated_at": QCoreApplication.translate("ConflictsPanel", "Lúc sửa"),
        "deleted": QCoreApplication.translate("ConflictsPanel", "Đã xoá"),
    }
    if column in special:
        return special[column]
    if current_language() != "en" and column in FIELD_LABELS_VI:
        return FIELD_LABELS_VI[column]
    return column.replace("_", " ").capitalize()


def _readonly_table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    return table


class ConflictsPanel(QWidget):
    changed = Signal(int)  # open conflicts left

    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.views: list[ConflictView] = []
        intro = QLabel(self.tr(
            "Khi hai nơi cùng sửa một bản ghi trước khi đồng bộ, bản sửa sau được giữ và bản "
            "kia được đưa vào đây. Xem hai bản cạnh nhau rồi chọn bản đúng; lựa chọn sẽ được "
            "gửi đi ở lần đồng bộ sau."))
        intro.setWordWrap(True)
        self.list = _readonly_table([self.tr("Loại"), self.tr("Bản ghi"), self.tr("Lúc"),
                                     self.tr("Khác nhau ở"), self.tr("Đang dùng")])
        list_header = self.list.horizontalHeader()
        for col in (0, 1, 2, 4):
            list_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        list_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.compare = _readonly_table([self.tr("Trường"), self.tr("Bản của tôi"),
                                        self.tr("Bản của họ")])
        header = self.compare.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_mine = QPushButton(self.tr("Giữ bản của tôi"))
        self.keep_theirs = QPushButton(self.tr("Nhận bản của họ"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.message, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.in_use)
        right_layout.addWidget(self.compare, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self._set_buttons(False)

    def _set_buttons(self, on: bool) -> None:
        self.keep_mine.setEnabled(on)
        self.keep_theirs.setEnabled(on)

    def refresh(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: list_conflicts(ctx), self._show, parent=self)

    def _show(self, views: list[ConflictView]) -> None:
        self.views = views
        self.list.setRowCount(len(views))
        for row, v in enumerate(views):
            in_use = {"mine": self.tr("bản của tôi"), "theirs": self.tr("bản của họ")}
            texts = (table_label(v.table), v.title, _local(v.created_at),
                     ", ".join(field_label(c) for c in v.differing), in_use.get(v.in_use, ""))
            for col, text in enumerate(texts):
                self.list.setItem(row, col, QTableWidgetItem(text))
        self.compare.setRowCount(0)
        self._set_buttons(False)
        if views:
            self.list.selectRow(0)
        else:
            self.message.setText(self.tr("Không có xung đột nào cần xem."))
        self.changed.emit(len(views))

    def _show_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.views):
            return
        v = self.views[row]
        rest = [c for c in v.mine if c not in _HIDDEN and c not in v.differing]
        fields = [*v.differing, "_by", "updated_at", *rest]
        mine = {**v.mine, "_by": v.mine_by}
        theirs = {**v.theirs, "_by": v.theirs_by}
        self.compare.setRowCount(len(fields))
        for r, column in enumerate(fields):
            cells = (field_label(column), _show_value(column, mine[column]),
                     _show_value(column, theirs[column]))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in v.differing:
                    item.setBackground(QBrush(_DIFF))
                self.compare.setItem(r, col, item)
        text = {
            "mine": self.tr("Đang dùng: bản của tôi (sửa sau). Bản của họ chưa được áp dụng."),
            "theirs": self.tr("Đang dùng: bản của họ (sửa sau). Bản của tôi đã bị thay."),
        }.get(v.in_use, self.tr("Bản ghi đã được sửa tiếp sau xung đột này."))
        if v.reason:  # a payout or repayment a loan rule kept out: say which rule
            text = f"{v.reason_en if current_language() == 'en' else v.reason_vi}. {text}"
        self.in_use.setText(text)
        self._set_buttons(True)
        # A stale or moved-out entry says in a sentence why it is here (sync.transfers).
        self.message.setText(reason_text(v.reason))

    def resolve(self, keep: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.views):
            return
        conflict_id, ctx = self.views[row].id, self.ctx
        self._set_buttons(False)

        def done(_changed: bool) -> None:
            self.refresh()
            self.message.setStyleSheet(OK_STYLE)
            self.message.setText(self.tr("Đã giữ bản của tôi.") if keep == "mine"
                                 else self.tr("Đã nhận bản của họ."))

        self.runner.run(lambda: resolve_conflict(ctx, conflict_id, keep), done, parent=self)


def _show_value(column: str, value: object) -> str:
    en = current_language() == "en"
    if value is None or value == "":
        return ""
    if value is True:
        return QCoreApplication.translate("ConflictsPanel", "có")
    if value is False:
        return QCoreApplication.translate("ConflictsPanel", "không")
    if column == "updated_at":
        return _local(datetime.fromisoformat(str(value)))
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return format_date(date.fromisoformat(value))
    labels = {
        "sex": {"M": "Male", "F": "Female"} if en else {"M": "Nam", "F": "Nữ"},
        "household": HOUSEHOLD_LABELS_EN if en else HOUSEHOLD_LABELS_VI,
        "status": STATUS_LABELS_EN if en else STATUS_LABELS_VI,
    }.get(column)
    return labels.get(value, str(value)) if labels else str(value)


class HistoryPanel(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.table = _readonly_table([self.tr("Lúc"), self.tr("Chiều"), self.tr("Đơn vị"),
                                      self.tr("Số thứ tự"), self.tr("Số bản ghi"),
                                      self.tr("Tệp")])
        header = self.table.horizontalHeader()
        for col in (0, 1, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: bundle_history(ctx), self._show, parent=self)

    def _show(self, rows) -> None:
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            direction = self.tr("Gửi đi") if h.direction == "out" else self.tr("Nhận về")
            texts = (_local(h.at), direction, h.peer_name, str(h.sequence),
                     str(sum(h.counts.values())), h.detail.get("file", ""))
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setToolTip(h.bundle_sha256)
                self.table.setItem(r, col, item)
