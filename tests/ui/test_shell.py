from __future__ import annotations

from sonla_desktop import APP_TITLE_VI
from sonla_desktop.ui.main_window import MainWindow


def test_main_window_has_vietnamese_title(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == APP_TITLE_VI
    assert "Sơn La" in window.windowTitle()
