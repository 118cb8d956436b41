"""Combo box with type-ahead that ignores diacritics ("chieng coi" finds "Chiềng Cơi").

Clerks type on keyboards without a Vietnamese input method as often as with one, so the
pick-lists match on folded words (domain.text.fold): each typed word must start a word of
the item's name (or of its other names, e.g. "Việt" for Kinh).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ...domain.text import fold

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class _FoldFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10; invalidateFilter is deprecated
            self.beginFilterChange()
            self._words = fold(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = fold(text).split()
            self.invalidateRowsFilter()

    def filterAcceptsRow(  # noqa: N802 - Qt override
        self, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        key = self.sourceModel().index(row, 0, parent).data(SEARCH_ROLE)
        if not key:
            return False
        item_words = key.split()
        return all(any(w.startswith(q) for w in item_words) for q in self._words)


class FoldComboBox(QComboBox):
    """Editable combo of (code, label) items; ``code()`` is the chosen item's code.

    Text that matches no item is returned as typed, so the domain rules name it in their
    message instead of silently dropping it.
    """

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.lineEdit().setPlaceholderText(placeholder)
        self._filter = _FoldFilter(self)
        self._filter.setSourceModel(self.model())
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._on_edited)
        completer.activated[QModelIndex].connect(self._on_chosen)
        completer.popup().installEventFilter(self)
        self.lineEdit().returnPressed.connect(self._resolve)

    def set_items(self, items: Iterable[tuple[str | None, str, str]]) -> None:
        """``(code, label, folded search words)``; code None is an "all"/"none" entry."""
        self.blockSignals(True)
        self.clear()
        for code, label, search in items:
            self.addItem(label, code)
            self.setItemData(self.count() - 1, f"{search} {fold(label)}", SEARCH_ROLE)
        self.blockSignals(False)
        self.setCurrentIndex(-1 if self.count() and self.itemData(0) is not None else 0)

    def _on_edited(self, text: str) -> None:
        self._filter.set_query(text)
        if text:
            self.completer().complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Enter or Tab in the open list takes the highlighted item, or the only match when
        # nothing is highlighted; Tab then moves on as in any other field (QCompleter alone
        # would close the list, drop the typed match and keep the focus here).
        keys = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        popup = self.completer().popup()
        if watched is popup and event.type() == QEvent.Type.KeyPress and event.key() in keys:
            index = popup.currentIndex()
            if not index.isValid() and self._filter.rowCount() == 1:
                index = self._filter.index(0, 0)
            if not index.isValid() and self._filter.rowCount() > 1:
                return True  # several places match: the clerk picks one with the arrows
            popup.hide()
            if index.isValid():
                self._on_chosen(index)
            else:
                self._resolve()
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return True
        return super().eventFilter(watched, event)

    def _on_chosen(self, index: QModelIndex) -> None:
        row = self._filter.mapToSource(index).row()
        if row >= 0:
            self.setCurrentIndex(row)
            self._filter.set_query("")

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._resolve()

    def _resolve(self) -> None:
        """On leaving the field, a typed text that names exactly one item selects it."""
        text = self.currentText()
        if not text or self.findText(text, Qt.MatchFlag.MatchFixedString) >= 0:
            if text:
                self.setCurrentIndex(self.findText(text, Qt.MatchFlag.MatchFixedString))
            return
        folded = fold(text)
        exact = [i for i in range(self.count()) if fold(self.itemText(i)) == folded]
        if len(exact) != 1:
            self._filter.set_query(text)
            exact = [self._filter.mapToSource(self._filter.index(r, 0)).row()
                     for r in range(self._filter.rowCount())]
        if len(exact) == 1:
            self.setCurrentIndex(exact[0])
        self._filter.set_query("")

    def code(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.itemData(index)
        return text

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else -1
        if code is None and self.count() and self.itemData(0) is None:
            index = 0
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
