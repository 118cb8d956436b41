"""Inline validation: a red frame on the field and the message in a label under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

INVALID_STYLE = "border: 1px solid #c62828; background: #fff4f4;"


class ErrorLabel(QLabel):
    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setWordWrap(True)
        self.setStyleSheet("color: #c62828; font-size: 9pt;")
        self.hide()

    def show_error(self, message: str | None) -> None:
        if message:
            self.setText(message)
            self.show()
            # Grid layouts size a word-wrapped label for one line; reserve what it needs.
            width = max(self.width(), self.field.width(), 200)
            self.setMinimumHeight(self.heightForWidth(width))
            self.field.setStyleSheet(INVALID_STYLE if not hasattr(self.field, "lineEdit")
                                     else f"QComboBox {{{INVALID_STYLE}}}")
            self.field.setProperty("invalid", True)
        else:
            self.setMinimumHeight(0)
            self.clear()
            self.hide()
            self.field.setStyleSheet("")
            self.field.setProperty("invalid", False)

    def message(self) -> str:
        return "" if self.isHidden() else self.text()
