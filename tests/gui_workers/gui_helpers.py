"""Helpers shared by the worker GUI tests (a plain module: conftest names clash across folders)."""

from __future__ import annotations


def settle(qtbot, runner, timeout: int = 10000) -> None:
    """Wait until the task runner has no work left and its results reached the GUI thread."""
    qtbot.waitUntil(lambda: not runner.busy(), timeout=timeout)
    qtbot.wait(20)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=timeout)


def make_page(qtbot, ctx):
    from sonla_desktop.ui.pages.workers_page import WorkersPage
    from sonla_desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    page = WorkersPage(ctx, runner)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    settle(qtbot, runner)
    return page


def type_into(qtbot, widget, text: str) -> None:
    """Type like a clerk: focus, replace the text key by key (so textEdited fires).

    QTest's keyClicks only knows ASCII; Vietnamese letters go in as key events carrying the
    text, which is what an input method (Unikey, Telex) delivers to the widget too.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    target = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    target.setFocus()
    target.selectAll()
    if not text:
        qtbot.keyClick(target, Qt.Key.Key_Delete)
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(target, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def activate(qtbot, window) -> None:
    """Make ``window`` the active window (offscreen Qt does not activate new dialogs itself)."""
    from PySide6.QtWidgets import QApplication

    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def press_tab(qtbot, widget) -> None:
    """Tab out of a field; with a type-ahead list open the keys go to the list, as on screen."""
    from PySide6.QtCore import Qt

    completer = widget.completer() if hasattr(widget, "completer") else None
    if completer is not None and completer.popup().isVisible():
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Tab)
        return
    target = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    qtbot.keyClick(target, Qt.Key.Key_Tab)
