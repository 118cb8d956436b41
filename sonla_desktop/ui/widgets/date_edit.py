"""A date typed as dd/mm/yyyy, the way it is written on Vietnamese paperwork.

A plain line edit, not QDateEdit: QDateEdit always holds *some* date, so an unknown date
cannot be left empty, and its section-by-section typing is slow for data entry from paper.
The text is checked by domain.dates (one parser for the form, Excel import and the CLI).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.dates import format_date

_EIGHT_DIGITS = re.compile(r"\d{8}")


class DateEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.setMaxLength(10)
        self.setMaximumWidth(150)
        self.editingFinished.connect(self._add_slashes)

    def _add_slashes(self) -> None:
        # "05121998" typed on the number pad, without separators.
        text = self.text().strip()
        if _EIGHT_DIGITS.fullmatch(text):
            self.setText(f"{text[:2]}/{text[2:4]}/{text[4:]}")

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))
