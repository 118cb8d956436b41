"""The login dialog and the idle lock, offscreen (the lock is driven with a short timer)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from sonla_desktop.services.users import needs_first_admin
from sonla_desktop.ui.idle_lock import IdleLock
from sonla_desktop.ui.login_dialog import LoginDialog
from sonla_desktop.ui.main_window import MainWindow
from tests.conftest import TEST_PASSWORD, TEST_USER


def test_a_wrong_password_shows_the_message_and_holds_the_button(qtbot, db):
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.name.setText(TEST_USER)
    dialog.password.setText("sai-mật-khẩu")
    dialog.try_login()
    assert dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.password.text() == "" and dialog.ctx is None
    assert not dialog.ok.isEnabled() and dialog.ok.text() == "Chờ 1 giây"
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=3000)  # the wait counts down
    dialog.password.setText(TEST_PASSWORD)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.ctx.user, dialog.ctx.role) == (TEST_USER, "admin")


def test_the_first_admin_dialog_creates_the_account(qtbot, db):
    from sqlalchemy import text

    with db.transaction() as s:
        s.execute(text("DELETE FROM app_user"))
    dialog = LoginDialog(db, first_admin=True)
    qtbot.addWidget(dialog)
    dialog.name.setText("hoa")
    dialog.password.setText("mật-khẩu-chị-Hoa")
    dialog.confirm.setText("mật-khẩu-khác")
    dialog.try_login()
    assert dialog.error.text() == "Hai lần nhập mật khẩu không giống nhau." and needs_first_admin(db)
    dialog.confirm.setText("mật-khẩu-chị-Hoa")
    dialog.try_login()
    assert dialog.ctx.role == "admin" and not needs_first_admin(db)


def test_idle_lock_hides_every_window_and_asks_the_password_again(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    other = QLabel("Nguyễn Văn Đức 014098001234")  # an open form with personal data
    qtbot.addWidget(other)
    other.show()
    lock = IdleLock(window, ctx, seconds=0.2)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    screen = lock.lock_screen
    assert screen.isVisible() and screen.geometry() == window.rect()
    assert not window.centralWidget().isVisible() and not window.menuBar().isEnabled()
    assert any(c.isVisible() and c.geometry() == other.rect()
               for c in other.findChildren(type(screen).__mro__[1]))
    screen.password.setText("sai-mật-khẩu")
    screen.try_unlock()
    assert lock.locked and "Sai tên đăng nhập hoặc mật khẩu" in screen.error.text()
    qtbot.wait(1100)  # the wait after one wrong password
    screen.password.setText(TEST_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not lock.locked and window.centralWidget().isVisible()


def test_activity_restarts_the_countdown(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, ctx, seconds=5)
    qtbot.waitUntil(lambda: lock.timer.remainingTime() <= 4000, timeout=4000)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # any key, click or wheel in the program
    assert lock.timer.remainingTime() > 4000 and not lock.locked


def test_a_viewer_is_not_offered_the_pages_with_personal_data(qtbot, ctx):
    window = MainWindow(dataclasses.replace(ctx, user="lan", role="viewer"))
    qtbot.addWidget(window)
    shown = [window.nav.item(i).text() for i in range(window.nav.count())
             if not window.nav.item(i).isHidden()]
    # Reports, and checking a printed paper (figures only, never a person).
    assert shown == ["Báo cáo", "Kiểm tra giấy tờ"]
    assert window.current_page() is window.pages["reports"]
