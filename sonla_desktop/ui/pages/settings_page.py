"""Cài đặt: office name (in the database) and interface language (per user, needs a restart)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import clean_text
from ...errors import UserError
from ...services.admin_units import office_name_example
from ...services.context import ServiceContext
from ...services.lookups import load_lookups
from ...services.setup import set_settings
from ...services.status import OFFICE_NAME_SETTING, office_status
from ..i18n import LANGUAGES, language, save_language, saved_language
from ..tasks import TaskRunner


class SettingsPage(QWidget):
    saved = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        title = QLabel(self.tr("Cài đặt"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")

        office = QGroupBox(self.tr("Văn phòng"))
        office_form = QFormLayout(office)
        self.office_name = QLineEdit()
        self.office_name.setMaxLength(200)
        self.office_name.setPlaceholderText(self.tr("ví dụ: UBND xã Mường Bú"))
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self.db_label = QLabel(ctx.db.url.removeprefix("sqlite:///"))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_label.setWordWrap(True)
        office_form.addRow(self.tr("Tên văn phòng:"), self.office_name)
        office_form.addRow(self.tr("Xã/phường phụ trách:"), self.scope_label)
        office_form.addRow(self.tr("Tệp dữ liệu:"), self.db_label)

        ui = QGroupBox(self.tr("Giao diện"))
        ui_form = QFormLayout(ui)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setMaximumWidth(260)
        ui_form.addRow(self.tr("Ngôn ngữ:"), self.language)

        self.save_button = QPushButton(self.tr("Lưu cài đặt (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("Khởi động lại ngay"))
        self.restart_button.hide()
        self.restart_button.clicked.connect(restart_app)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.message, 1)
        actions.addWidget(self.restart_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(office)
        layout.addWidget(ui)
        layout.addLayout(actions)
        layout.addStretch(1)
        for box in (office, ui):
            box.setMaximumWidth(760)

    def refresh(self) -> None:
        ctx = self.ctx

        def read():
            status = office_status(ctx)
            lookups = load_lookups(ctx)
            names = [lookups.commune_label(code, language()) for code in status.scope]
            return status.office_name, names, office_name_example(ctx)

        self.runner.run(read, self._show, owner=self)
        self.language.setCurrentIndex(self.language.findData(saved_language()))

    def _show(self, result: tuple[str, list[str], str]) -> None:
        name, communes, example = result
        self.office_name.setText(name)
        # xã or phường as the office's own unit is (a ward's office: "UBND phường …").
        self.office_name.setPlaceholderText(self.tr("ví dụ: {0}").format(example))
        self.scope_label.setText(", ".join(communes) or self.tr("(chưa chọn)"))

    def save(self) -> None:
        name = clean_text(self.office_name.text())
        if not name:
            self.message.setText(self.tr("Hãy nhập tên văn phòng."))
            self.message.setStyleSheet("color: #c62828;")
            return
        lang = self.language.currentData()
        ctx = self.ctx

        def write() -> None:
            set_settings(ctx, {OFFICE_NAME_SETTING: name})

        def done(_result: object) -> None:
            changed = lang != saved_language()
            save_language(lang)
            self.message.setStyleSheet("")
            if changed or lang != language():
                self.message.setText(self.tr("Đã lưu. Ngôn ngữ mới có hiệu lực khi mở lại "
                                             "chương trình."))
                self.restart_button.show()
            else:
                self.message.setText(self.tr("Đã lưu."))
            self.saved.emit()

        self.runner.run(write, done, parent=self)


def restart_app() -> None:
    """Start a new copy of the program and quit this one (to apply a new language)."""
    args = sys.argv[1:]
    if not getattr(sys, "frozen", False):
        args = ["-m", "sonla_desktop", *args]
    started, _pid = QProcess.startDetached(sys.executable, args)
    if not started:
        raise UserError("Không khởi động lại được; hãy tự mở lại chương trình.",
                        "Could not restart; please open the program again yourself.")
    QCoreApplication.quit()
