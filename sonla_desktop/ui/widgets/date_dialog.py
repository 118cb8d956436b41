"""Ask one date (e.g. the departure date when marking a worker departed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain.dates import parse_date
from ...errors import ValidationError
from .date_edit import DateEdit
from .field_error import ErrorLabel


class DateDialog(QDialog):
    def __init__(self, title: str, label: str, initial: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        self.edit = DateEdit()
        self.edit.set_date(initial or date.today())
        self.error = ErrorLabel(self.edit)
        caption = QLabel(label)
        caption.setBuddy(self.edit)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.value: date | None = None

    def accept(self) -> None:
        try:
            self.value = parse_date(self.edit.text(), "date")
        except ValidationError as err:
            self.error.show_error(str(err))
            self.adjustSize()
            return
        super().accept()
