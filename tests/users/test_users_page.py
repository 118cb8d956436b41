"""The accounts page and the own-password dialog, offscreen, through the real services.

Modal dialogs are driven by replacing ``exec`` with a function that types into the real
dialog and presses OK (``try_accept``), so the dialog's own checks and the services run."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from sonla_desktop.services.users import add_user, list_users, login
from sonla_desktop.ui.main_window import MainWindow
from sonla_desktop.ui.pages import user_dialogs
from sonla_desktop.ui.pages.users_page import UsersPage
from sonla_desktop.ui.tasks import TaskRunner
from tests.conftest import TEST_PASSWORD, TEST_USER


@pytest.fixture
def page(qtbot, ctx):
    runner = TaskRunner()
    page = UsersPage(ctx, runner)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: bool(page.users), timeout=5000)
    return page


def typing(monkeypatch, dialog_class, **fields):
    """Make ``dialog_class.exec`` type ``fields`` into the dialog and press OK once."""
    seen = []

    def exec_(dialog):
        for name, value in fields.items():
            widget = getattr(dialog, name)
            if hasattr(widget, "setText"):
                widget.setText(value)
            else:
                widget.setCurrentIndex(widget.findData(value))
        dialog.try_accept()
        seen.append(dialog)
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return seen


def select(page, qtbot, name):
    qtbot.waitUntil(lambda: name in [u.name for u in page.users], timeout=5000)
    page.table.selectRow([u.name for u in page.users].index(name))


def test_an_admin_adds_an_account_that_can_then_log_in(page, qtbot, monkeypatch, ctx):
    seen = typing(monkeypatch, user_dialogs.AddUserDialog, name="lan", role="clerk",
                  password="mật-khẩu-của-Lan", confirm="mật-khẩu-khác")
    page.new_item()
    assert seen[0].error.text() == "Hai lần nhập mật khẩu không giống nhau."  # as at login
    assert "lan" not in [u.name for u in list_users(ctx)]
    typing(monkeypatch, user_dialogs.AddUserDialog, name="lan", role="clerk",
           password="mật-khẩu-của-Lan", confirm="mật-khẩu-của-Lan")
    page.new_item()
    select(page, qtbot, "lan")
    row = [u.name for u in page.users].index("lan")
    assert page.table.item(row, 1).text() == "Cán bộ hồ sơ"
    assert page.table.item(row, 2).text() == "Đang dùng"
    assert login(ctx.db, "lan", "mật-khẩu-của-Lan").role == "clerk"


def test_a_refused_account_keeps_the_dialog_open_with_the_reason(page, monkeypatch, ctx):
    seen = typing(monkeypatch, user_dialogs.AddUserDialog, name="lan thi", role="viewer",
                  password="ngắn", confirm="ngắn")
    page.new_item()
    assert "không có dấu cách" in seen[0].error.text() and not seen[0].result()
    assert [u.name for u in list_users(ctx)] == [TEST_USER]


def test_disable_asks_first_then_the_account_cannot_log_in(page, qtbot, monkeypatch, ctx):
    from sonla_desktop.errors import LoginError

    add_user(ctx, "lan", "viewer", "mật-khẩu-của-Lan")
    page.refresh()
    select(page, qtbot, "lan")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    page.disable()
    assert not [u for u in list_users(ctx) if u.name == "lan"][0].disabled
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.disable()
    with pytest.raises(LoginError, match="đã bị khoá"):
        login(ctx.db, "lan", "mật-khẩu-của-Lan")
    qtbot.waitUntil(lambda: page.enable_button.isEnabled(), timeout=5000)
    assert not page.password_button.isEnabled()
    # Opening it again takes a new password: the old one no longer works.
    typing(monkeypatch, user_dialogs.PasswordDialog, password="mật-khẩu-mới-của-Lan",
           confirm="mật-khẩu-mới-của-Lan")
    page.enable()
    assert login(ctx.db, "lan", "mật-khẩu-mới-của-Lan").user == "lan"
    with pytest.raises(LoginError):
        login(ctx.db, "lan", "mật-khẩu-của-Lan")


def test_the_last_admin_cannot_lose_the_role_and_the_page_says_why(page, qtbot, monkeypatch,
                                                                    ctx):
    select(page, qtbot, TEST_USER)
    seen = typing(monkeypatch, user_dialogs.RoleDialog, role="viewer")
    page.change_role()
    assert "quản trị viên cuối cùng" in seen[0].error.text()
    assert list_users(ctx)[0].role == "admin"
    warnings = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    page.disable()
    assert warnings == ["Không thể khoá quản trị viên cuối cùng."]


def test_reset_password_and_role_change(page, qtbot, monkeypatch, ctx):
    add_user(ctx, "lan", "viewer", "mật-khẩu-của-Lan")
    page.refresh()
    select(page, qtbot, "lan")
    typing(monkeypatch, user_dialogs.PasswordDialog, password="mật-khẩu-đặt-lại",
           confirm="mật-khẩu-đặt-lại")
    page.reset_password()
    typing(monkeypatch, user_dialogs.RoleDialog, role="counsellor")
    select(page, qtbot, "lan")
    page.change_role()
    assert login(ctx.db, "lan", "mật-khẩu-đặt-lại").role == "counsellor"


def test_the_page_is_offered_to_admins_only(qtbot, ctx):
    add_user(ctx, "lan", "clerk", "mật-khẩu-của-Lan")
    for context, shown in ((ctx, True), (login(ctx.db, "lan", "mật-khẩu-của-Lan"), False)):
        window = MainWindow(context)
        qtbot.addWidget(window)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())
                  if not window.nav.item(i).isHidden()]
        assert ("Tài khoản" in titles) is shown


def test_everyone_changes_their_own_password_after_giving_the_current_one(qtbot, ctx):
    add_user(ctx, "lan", "viewer", "mật-khẩu-của-Lan")
    lan = login(ctx.db, "lan", "mật-khẩu-của-Lan")
    window = MainWindow(lan)
    qtbot.addWidget(window)
    dialog = window.change_own_password()
    dialog.current.setText("không-phải-mật-khẩu")
    dialog.password.setText("mật-khẩu-mới-của-Lan")
    dialog.confirm.setText("mật-khẩu-mới-của-Lan")
    dialog.try_accept()
    assert "Sai tên đăng nhập hoặc mật khẩu" in dialog.error.text()
    qtbot.wait(1100)  # the wait after one wrong password
    dialog.current.setText("mật-khẩu-của-Lan")
    dialog.try_accept()
    assert dialog.result()
    assert login(ctx.db, "lan", "mật-khẩu-mới-của-Lan").user == "lan"
    assert login(ctx.db, TEST_USER, TEST_PASSWORD).role == "admin"
