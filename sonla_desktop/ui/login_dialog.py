"""The login dialog at start (issue 14): name and password, or the first administrator's
account on a database that has none yet. After a wrong password the button stays disabled
for the wait ``services.users.login`` asks for, counting down."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.roles import check_retyped
from ..errors import LoginError, UserError
from ..services.context import ServiceContext

if TYPE_CHECKING:
    from ..db import Database


class LoginDialog(QDialog):
    """``first_admin``: the database has no account; the dialog creates an administrator
    (a new database, or one made before accounts existed: asked once)."""

    def __init__(self, db: Database, first_admin: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.first_admin = first_admin
        self.ctx: ServiceContext | None = None
        self._wait_left = 0
        self.setWindowTitle(self.tr("Tạo tài khoản quản trị") if first_admin
                            else self.tr("Đăng nhập"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Dữ liệu này chưa có tài khoản. Đặt tên và mật khẩu cho người quản trị "
                    "(ít nhất 8 ký tự). Hãy ghi nhớ: không ai lấy lại được mật khẩu.")
            if first_admin else
            self.tr("Dữ liệu có thông tin cá nhân: hãy đăng nhập bằng tài khoản của bạn."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(os.environ.get("SONLA_USER", "admin" if first_admin else ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Tên đăng nhập"), self.name)
        form.addRow(self.tr("Mật khẩu"), self.password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        if first_admin:
            form.addRow(self.tr("Nhập lại mật khẩu"), self.confirm)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Tạo tài khoản") if first_admin else self.tr("Đăng nhập"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        (self.password if self.name.text() else self.name).setFocus()
        self.setMinimumWidth(400)

    def try_login(self) -> None:
        from ..services.users import create_first_admin, login

        try:
            if self.first_admin:
                check_retyped(self.password.text(), self.confirm.text())
                self.ctx = create_first_admin(self.db, self.name.text(), self.password.text())
            else:
                self.ctx = login(self.db, self.name.text(), self.password.text())
        except LoginError as err:
            self.password.clear()
            self._show_error(str(err), err.wait)
            return
        except UserError as err:
            self._show_error(str(err), 0)
            return
        self.accept()

    def _show_error(self, message: str, wait: float) -> None:
        self.error.setText(message)
        self.password.setFocus()
        self._wait_left = int(wait + 0.999)
        if self._wait_left > 0:
            self.ok.setEnabled(False)
            self._count_down(first=True)
            self._tick.start()

    def _count_down(self, first: bool = False) -> None:
        if not first:
            self._wait_left -= 1
        if self._wait_left <= 0:
            self._tick.stop()
            self.ok.setEnabled(True)
            self.ok.setText(self.tr("Đăng nhập"))
            return
        self.ok.setText(self.tr("Chờ {0} giây").format(self._wait_left))
