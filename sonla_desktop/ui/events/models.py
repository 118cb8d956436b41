"""Table models (and the table view) of the conferences page: plain row tuples in, display text out.

Conferences number in the hundreds and one conference's attendees in the tens, so each
list is loaded whole (as light dataclasses, never ORM objects) and sorted by the view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ...domain.identity import format_phone
from ...services.attendance import AttendeeRow
from ...services.events import EventRow

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("events", text)


# Literal strings for lupdate; translated when shown.
T = {
    "date": QT_TRANSLATE_NOOP("events", "Ngày"), "commune": QT_TRANSLATE_NOOP("events", "Xã/Phường"),
    "topic": QT_TRANSLATE_NOOP("events", "Chủ đề"),
    "people": QT_TRANSLATE_NOOP("events", "Số người"),
    "name": QT_TRANSLATE_NOOP("events", "Họ và tên"),
    "year": QT_TRANSLATE_NOOP("events", "Năm sinh"),
    "sex": QT_TRANSLATE_NOOP("events", "Giới tính"),
    "phone": QT_TRANSLATE_NOOP("events", "Điện thoại"),
    "village": QT_TRANSLATE_NOOP("events", "Bản/Tổ dân phố"),
    "market": QT_TRANSLATE_NOOP("events", "Thị trường"),
    "follow_up": QT_TRANSLATE_NOOP("events", "Liên hệ lại"),
    "status": QT_TRANSLATE_NOOP("events", "Trạng thái"),
    "yes": QT_TRANSLATE_NOOP("events", "Có"),
    "M": QT_TRANSLATE_NOOP("events", "Nam"), "F": QT_TRANSLATE_NOOP("events", "Nữ"),
}
STATUS = {
    "registered": QT_TRANSLATE_NOOP("events", "Đăng ký"),
    "training": QT_TRANSLATE_NOOP("events", "Đào tạo"),
    "departed": QT_TRANSLATE_NOOP("events", "Đã xuất cảnh"),
    "returned": QT_TRANSLATE_NOOP("events", "Đã về nước"),
    "cancelled": QT_TRANSLATE_NOOP("events", "Huỷ"),
}


class RowsModel(QAbstractTableModel):
    """Rows of one dataclass type; each column = (header, display fn, sort-key fn)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], str], Callable[[Any], Any]]],
                 parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def replace_row(self, old: Any, new: Any) -> None:
        """Swap one row in place (a count changed) without resetting the view's selection."""
        for i, item in enumerate(self.rows):
            if item is old or item == old:
                self.rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
                return

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        _, show, key = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return show(item)
        if role == SORT_ROLE:
            return _sortable(key(item))
        return None


def _sortable(value: Any) -> Any:
    """A value QSortFilterProxyModel can compare: it cannot order Python dates or None."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


def _sex(code: str) -> str:
    return _tr(T[code]) if code in ("M", "F") else ""


def event_model(parent=None) -> RowsModel:
    columns: list[tuple[str, Callable[[EventRow], str], Callable[[EventRow], Any]]] = [
        (_tr(T["date"]), lambda e: e.event_date.strftime("%d/%m/%Y"), lambda e: e.event_date),
        (_tr(T["commune"]), lambda e: e.commune_name, lambda e: e.commune_name),
        (_tr(T["topic"]), lambda e: e.topic, lambda e: e.topic),
        (_tr(T["people"]), lambda e: str(e.attendees), lambda e: e.attendees),
    ]
    return RowsModel(columns, parent)


def attendee_model(markets: dict[str, str], numbers: dict[str, int], parent=None) -> RowsModel:
    """``numbers``: attendance id -> order of registration (1 = first), kept by the page."""
    columns: list[tuple[str, Callable[[AttendeeRow], str], Callable[[AttendeeRow], Any]]] = [
        ("#", lambda a: str(numbers.get(a.attendance_id, "")),
         lambda a: numbers.get(a.attendance_id, 0)),
        (_tr(T["name"]), lambda a: a.full_name, lambda a: a.sort_key),
        (_tr(T["year"]), lambda a: str(a.birth_year or ""), lambda a: a.birth_year or 0),
        (_tr(T["sex"]), lambda a: _sex(a.sex), lambda a: a.sex),
        (_tr(T["phone"]), lambda a: format_phone(a.phone), lambda a: a.phone),
        (_tr(T["village"]), lambda a: a.village, lambda a: a.village),
        (_tr(T["market"]), lambda a: markets.get(a.interest_market or "", ""),
         lambda a: a.interest_market or ""),
        (_tr(T["follow_up"]), lambda a: _tr(T["yes"]) if a.follow_up else "", lambda a: a.follow_up),
        (_tr(T["status"]), lambda a: _tr(STATUS.get(a.status, a.status)),
         lambda a: a.status),
    ]
    return RowsModel(columns, parent)


def make_table(model: RowsModel) -> QTableView:
    """A read-only, sortable, single-row-selection view over ``model``."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
