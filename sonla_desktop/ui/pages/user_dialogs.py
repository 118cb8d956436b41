"""The small forms of the accounts page: a new account, a new password, another role.

Each dialog only gathers what was typed and checks that the two passwords match; the rules
(name, length, role, the last administrator) are the service's, and its message is shown
in the dialog so the admin can correct and try again without retyping everything.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import MIN_PASSWORD_LENGTH, ROLE_LABELS, ROLES, VIEWER, check_retyped
from ...errors import UserError, current_language


def role_label(role: str) -> str:
    vi, en = ROLE_LABELS.get(role, (role, role))
    return en if current_language() == "en" else vi


def role_combo(current: str = VIEWER) -> QComboBox:
    combo = QComboBox()
    for role in ROLES:
        combo.addItem(role_label(role), role)
    combo.setCurrentIndex(ROLES.index(current) if current in ROLES else 0)
    return combo


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _FormDialog(QDialog):
    """OK runs ``self.submit`` (the service call); a refusal stays in the dialog.

    Its own texts name their context: ``self.tr`` here would look them up under the
    subclass's name at run time, where lupdate never put them."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)  # room for the hints and a message on two lines
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.submit: Callable[[], None] = lambda: None

    def passwords_match(self) -> bool:
        try:
            check_retyped(self.password.text(), self.confirm.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.confirm.clear()
            self.confirm.setFocus()
            return False
        return True

    def add_password_rows(self, label: str) -> None:
        self.password, self.confirm = _password_field(), _password_field()
        self.password.setPlaceholderText(QCoreApplication.translate(
            "UserDialogs", "ít nhất {0} ký tự").format(MIN_PASSWORD_LENGTH))
        self.form.addRow(label, self.password)
        self.form.addRow(QCoreApplication.translate("UserDialogs", "Nhập lại mật khẩu:"),
                         self.confirm)

    def try_accept(self) -> None:
        if hasattr(self, "password") and not self.passwords_match():
            return
        try:
            self.submit()
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class AddUserDialog(_FormDialog):
    def __init__(self, add: Callable[[str, str, str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Thêm tài khoản"), parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("ví dụ: hoa.lt (không dấu cách)"))
        self.role = role_combo()
        self.form.addRow(self.tr("Tên đăng nhập:"), self.name)
        self.form.addRow(self.tr("Vai trò:"), self.role)
        self.add_password_rows(self.tr("Mật khẩu:"))
        self.submit = lambda: add(self.name.text(), self.role.currentData(),
                                  self.password.text())


class PasswordDialog(_FormDialog):
    """A new password for ``name``; ``note`` says what else happens (e.g. the account opens)."""

    def __init__(self, name: str, set_password: Callable[[str], object], note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mật khẩu mới cho “{0}”").format(name), parent)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            self.form.addRow(label)
        self.add_password_rows(self.tr("Mật khẩu mới:"))
        self.submit = lambda: set_password(self.password.text())


class RoleDialog(_FormDialog):
    def __init__(self, name: str, current: str, set_role: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Vai trò của “{0}”").format(name), parent)
        self.role = role_combo(current)
        self.form.addRow(self.tr("Vai trò:"), self.role)
        self.outcome = None  # what the service answered (UserInfo), once OK succeeded

        def submit() -> None:
            self.outcome = set_role(self.role.currentData())

        self.submit = submit


class OwnPasswordDialog(_FormDialog):
    """Any user changes their own password; the current one is asked first, so a PC left
    unlocked for a minute is not enough to take the account over."""

    def __init__(self, name: str, confirm_current: Callable[[str], object],
                 set_password: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Đổi mật khẩu của “{0}”").format(name), parent)
        self.current = _password_field()
        self.form.addRow(self.tr("Mật khẩu hiện tại:"), self.current)
        self.add_password_rows(self.tr("Mật khẩu mới:"))

        def submit() -> None:
            confirm_current(self.current.text())
            set_password(self.password.text())

        self.submit = submit
