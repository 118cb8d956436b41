"""Accounts page (administrators): who may log in here, with which role.

Everything goes through ``services.users`` (which checks ``users.manage`` and writes the
audit); the page adds confirmation before an account is closed and keeps the admin from
locking themselves out by accident (the service refuses the last administrator anyway).
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services.context import ServiceContext
from ...services.users import UserInfo
from ..tasks import TaskRunner
from ..widgets.history_view import fill_table, make_table
from .user_dialogs import AddUserDialog, PasswordDialog, RoleDialog, role_label


class UsersPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.users: list[UserInfo] = []
        self.table = make_table([self.tr("Tên đăng nhập"), self.tr("Vai trò"),
                                 self.tr("Trạng thái"), self.tr("Ô khoá"), self.tr("Tạo lúc")])
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(lambda _index: self.change_role())
        self.add_button = QPushButton(self.tr("Thêm tài khoản…"))
        self.add_button.setToolTip(self.tr("Ctrl+N"))
        self.password_button = QPushButton(self.tr("Đặt lại mật khẩu…"))
        self.role_button = QPushButton(self.tr("Đổi vai trò…"))
        self.disable_button = QPushButton(self.tr("Khoá tài khoản"))
        self.enable_button = QPushButton(self.tr("Mở lại tài khoản…"))
        self.add_button.clicked.connect(self.new_item)
        self.password_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.disable_button.clicked.connect(self.disable)
        self.enable_button.clicked.connect(self.enable)
        note = QLabel(self.tr(
            "Mỗi người dùng chung máy có một tài khoản riêng: nhật ký ghi rõ ai đã làm gì. "
            "Quản trị: mọi việc; Cán bộ hồ sơ: người lao động, khoản vay, đồng bộ; Tư vấn "
            "viên: hội nghị, tờ rơi; Chỉ xem báo cáo: số liệu, không thấy thông tin cá nhân. "
            "Tài khoản bị khoá vẫn còn trong nhật ký; mở lại cần mật khẩu mới."))
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        for button in (self.password_button, self.role_button, self.disable_button,
                       self.enable_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Tài khoản người dùng</h2>")))
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self._selection()

    # -- list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        from ...services.users import list_users

        ctx = self.ctx
        self.runner.run(lambda: list_users(ctx), self._show, parent=self)

    def _show(self, users: list[UserInfo]) -> None:
        chosen = self.selected()
        self.users = users
        fill_table(self.table, [
            (u.name, role_label(u.role),
             self.tr("Đã khoá") if u.disabled else self.tr("Đang dùng"),
             self._slot_text(u), u.created_at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M"))
            for u in users])
        if chosen is not None:
            for row, user in enumerate(users):
                if user.name == chosen.name:
                    self.table.selectRow(row)
        self._selection()

    def _slot_text(self, user: UserInfo) -> str:
        """Whether the account's password opens the office's keys (services.key_slots)."""
        if user.key_slot is None or user.disabled:
            return ""  # keys still plain files (before the first admin login), or closed
        return self.tr("Có") if user.key_slot else self.tr("Chưa có: đặt lại mật khẩu")

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.users else []
        return self.users[rows[0].row()] if rows else None

    def _selection(self) -> None:
        user = self.selected()
        for button in (self.password_button, self.role_button):
            button.setEnabled(user is not None and not user.disabled)
        self.disable_button.setEnabled(user is not None and not user.disabled)
        self.enable_button.setEnabled(user is not None and user.disabled)

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.refresh()

    # -- actions ----------------------------------------------------------------------------
    def new_item(self) -> None:
        from ...services.users import add_user

        ctx = self.ctx
        dialog = AddUserDialog(lambda name, role, pw: add_user(ctx, name, role, pw), self)
        if dialog.exec():
            self._done(self.tr("Đã thêm tài khoản “{0}”.").format(dialog.name.text().strip()))

    def reset_password(self) -> None:
        from ...services.users import set_password

        user, ctx = self.selected(), self.ctx
        if user is None:
            return
        dialog = PasswordDialog(user.name, lambda pw: set_password(ctx, user.name, pw),
                                self.tr("Người dùng đăng nhập bằng mật khẩu mới này từ lần "
                                        "sau; hãy báo riêng cho họ."), self)
        if dialog.exec():
            self._done(self.tr("Đã đặt mật khẩu mới cho “{0}”.").format(user.name))

    def change_role(self) -> None:
        from ...services.users import set_role

        user, ctx = self.selected(), self.ctx
        if user is None or user.disabled:
            return
        dialog = RoleDialog(user.name, user.role, lambda role: set_role(ctx, user.name, role),
                            self)
        if dialog.exec():
            text = self.tr("“{0}” giờ là: {1}.").format(
                user.name, role_label(dialog.role.currentData()))
            if dialog.outcome is not None and dialog.outcome.key_slot is False:
                text += " " + self.tr("Hãy đặt lại mật khẩu cho họ: ô khoá của vai trò cũ "
                                      "đã được bỏ.")
            self._done(text)

    def disable(self) -> None:
        from ...services.users import disable_user

        user = self.selected()
        if user is None:
            return
        warning = self.tr("Khoá tài khoản “{0}”? Người này sẽ không đăng nhập được nữa; "
                          "những gì họ đã làm vẫn còn trong nhật ký.").format(user.name)
        if user.name == self.ctx.user:
            warning += "\n\n" + self.tr("Đây là tài khoản bạn đang dùng: lần sau bạn sẽ "
                                        "không đăng nhập được bằng nó.")
        answer = QMessageBox.question(self, self.tr("Khoá tài khoản"), warning)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            disable_user(self.ctx, user.name)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Khoá tài khoản"), exc.message)
            return
        self._done(self.tr("Đã khoá tài khoản “{0}”.").format(user.name))

    def enable(self) -> None:
        from ...services.users import enable_user

        user, ctx = self.selected(), self.ctx
        if user is None:
            return
        dialog = PasswordDialog(user.name, lambda pw: enable_user(ctx, user.name, pw),
                                self.tr("Tài khoản được mở lại với mật khẩu mới này "
                                        "(mật khẩu cũ không dùng được nữa)."), self)
        if dialog.exec():
            self._done(self.tr("Đã mở lại tài khoản “{0}”.").format(user.name))
