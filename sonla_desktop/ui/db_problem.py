"""The start-up question when the database file is not a database or is damaged.

The clerk sees what is wrong and what to do (restore a backup, or pick another file) and
may pick the right file at once instead of being left without a window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .. import APP_TITLE_VI
from ..errors import DamagedDatabaseError


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabaseProblem", text)


def damaged_file_box(err: DamagedDatabaseError, parent: QWidget | None = None) -> QMessageBox:
    """The message box (not shown): the problem, a "pick another file" and a "quit" button."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE_VI, str(err),
                      QMessageBox.StandardButton.NoButton, parent)
    pick = box.addButton(_tr("Chọn tệp dữ liệu khác…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Thoát"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(pick)
    box.setProperty("pick_button", pick)
    return box


def ask_other_file(err: DamagedDatabaseError, parent: QWidget | None = None) -> str | None:
    """Show the problem; the path of another database file, or None to quit."""
    box = damaged_file_box(err, parent)
    box.exec()
    if box.clickedButton() is not box.property("pick_button"):
        return None
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("Chọn tệp cơ sở dữ liệu"), "",
        _tr("Cơ sở dữ liệu (*.db *.sqlite *.sqlite3);;Mọi tệp (*)"))
    return path or None
