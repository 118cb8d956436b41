""""Deleted X. [Undo]" in the status bar for a few seconds after a soft delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_SECONDS = 15


class UndoNotice(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel()
        self.button = QPushButton(self.tr("Hoàn tác"))
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._undo: Callable[[], None] | None = None
        self.button.clicked.connect(self._clicked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def offer(self, message: str, undo: Callable[[], None]) -> None:
        self.label.setText(message)
        self._undo = undo
        self.show()
        self._timer.start(UNDO_SECONDS * 1000)

    def _clicked(self) -> None:
        undo, self._undo = self._undo, None
        self.dismiss()
        if undo is not None:
            undo()

    def dismiss(self) -> None:
        self._timer.stop()
        self._undo = None
        self.hide()
