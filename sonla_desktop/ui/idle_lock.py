"""Automatic lock after 10 idle minutes (issue 14: shared office PCs).

Any key, click or wheel anywhere in the program restarts the countdown. When it runs out,
every open window of the program is covered by an opaque panel, so nothing behind it can be
read; the main window's panel asks for the same user's password again. Open forms are not
closed: unlocking returns to them as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.roles import IDLE_LOCK_SECONDS
from ..errors import LoginError
from ..services.context import ServiceContext

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.MouseMove}


class _Cover(QWidget):
    """An opaque panel filling its parent window and following its size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("_Cover, LockScreen { background: #2b3a4a; } "
                           "QLabel { color: white; }")
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


class LockScreen(_Cover):
    """The main window's cover: who is logged in, and the password to go on."""

    unlocked = Signal()

    def __init__(self, parent: QWidget, ctx: ServiceContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        title = QLabel(self.tr("Đã khoá màn hình"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        who = QLabel(self.tr("Tài khoản {0}: nhập mật khẩu để làm tiếp.").format(ctx.user))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Mật khẩu"))
        self.password.setMinimumWidth(280)
        self.button = QPushButton(self.tr("Mở khoá"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #ffb4b4;")
        self.error.setWordWrap(True)
        for w in (title, who, self.password, self.button, self.error):
            box.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.password.returnPressed.connect(self.try_unlock)
        self.button.clicked.connect(self.try_unlock)

    def try_unlock(self) -> None:
        from ..services.users import confirm_password

        try:
            confirm_password(self.ctx, self.password.text())
        except LoginError as err:
            self.password.clear()
            self.error.setText(str(err))
            return
        self.password.clear()
        self.error.clear()
        self.unlocked.emit()


class IdleLock(QObject):
    """Watches the application's input; after ``seconds`` without any, covers every window.

    ``seconds`` is the 10 minutes of ``domain.roles.IDLE_LOCK_SECONDS``; tests pass less."""

    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, ctx: ServiceContext,
                 seconds: float = IDLE_LOCK_SECONDS) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.locked = False
        self._covers: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if not self.locked and event.type() in _ACTIVITY:
            self.timer.start()  # restarts the countdown
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        screen = LockScreen(self.window, self.ctx)
        screen.unlocked.connect(self.unlock)
        self._covers = [screen]
        for top in QApplication.topLevelWidgets():
            if top is not self.window and top.isVisible() and not isinstance(top, _Cover):
                cover = _Cover(top)
                label = QLabel(self.tr("Đã khoá: mở khoá ở cửa sổ chính."), cover)
                label.move(16, 16)
                self._covers.append(cover)
        self._hide_content(True)
        for cover in self._covers:
            cover.show()
            cover.raise_()
        screen.password.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers = []
        self._hide_content(False)
        self.locked = False
        self.timer.start()
        self.locked_changed.emit(False)

    def _hide_content(self, hidden: bool) -> None:
        """Beneath the cover too: no menu shortcut opens a form while locked."""
        central = getattr(self.window, "centralWidget", lambda: None)()
        if central is not None:
            central.setVisible(not hidden)
        menu = getattr(self.window, "menuBar", lambda: None)()
        if menu is not None:
            menu.setEnabled(not hidden)

    @property
    def lock_screen(self) -> LockScreen | None:
        return self._covers[0] if self._covers else None
