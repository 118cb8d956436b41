"""Main window: navigation, status bar, shortcuts, remembered geometry, About."""

from __future__ import annotations

from datetime import UTC, datetime

from gui_helpers import settle
from PySide6.QtCore import QSize, Qt

from sonla_desktop.models import BundleLog
from sonla_desktop.ui.main_window import ComingPage, MainWindow
from sonla_desktop.ui.pages import PAGES


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.windowHandle().requestActivate()
    settle(qtbot, window.runner)
    return window


def test_built_pages_are_real_and_only_unbuilt_ones_say_coming(qtbot, ctx, vietnamese):
    from sonla_desktop.ui.pages.settings_page import SettingsPage
    from sonla_desktop.ui.pages.workers_page import WorkersPage

    window = _window(qtbot, ctx)
    assert isinstance(window.pages["workers"], WorkersPage)
    assert isinstance(window.pages["settings"], SettingsPage)
    for spec in PAGES:
        assert isinstance(window.pages[spec.key], ComingPage) == (spec.target is None)


def test_status_bar_shows_office_database_and_last_sync(qtbot, ctx, vietnamese):
    window = _window(qtbot, ctx)
    assert window.status_office.text() == "UBND phường Chiềng Cơi"
    assert window.status_sync.text() == "Chưa đồng bộ"
    assert window.status_db.text() == "CSDL: test.db"
    at = datetime(2025, 12, 2, 3, 30)  # stored as naive UTC
    with ctx.db.transaction() as s:
        s.add(BundleLog(bundle_sha256="a" * 64, direction="out", sender=ctx.node_id,
                        sequence=1, at=at))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    settle(qtbot, window.runner)
    local = at.replace(tzinfo=UTC).astimezone()
    assert window.status_sync.text() == f"Đồng bộ lần cuối: {local:%d/%m/%Y %H:%M} (gửi đi)"


def test_shortcuts_reach_the_current_page(qtbot, ctx, vietnamese):
    window = _window(qtbot, ctx)
    page = window.pages["workers"]
    opened = []
    page.form_opened.connect(opened.append)
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    opened[0].reject()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filters.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.pages["settings"]


def test_first_start_is_maximised_and_unmaximised_fits_the_screen(qtbot, ctx, vietnamese):
    # At 1280x720 on a 1366x768 office screen the worker list lost its last column.
    window = _window(qtbot, ctx)
    assert window.isMaximized()
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMaximized())
    assert window.screen().availableGeometry().contains(window.normalGeometry())


def test_window_size_chosen_by_the_clerk_is_remembered(qtbot, ctx, vietnamese):
    window = _window(qtbot, ctx)
    window.showNormal()
    # A size the window accepts with any installed font: its own minimum plus a margin,
    # inside the offscreen screen (800x600); compared with what it really took, not a literal.
    screen = window.screen().availableGeometry().size()
    wanted = (window.minimumSizeHint() + QSize(4, 120)).boundedTo(screen - QSize(2, 40))
    window.resize(wanted)
    chosen = window.size()
    assert chosen != screen
    window.close()
    again = _window(qtbot, ctx)
    assert not again.isMaximized() and again.size() == chosen


def test_maximised_window_is_remembered(qtbot, ctx, vietnamese):
    window = _window(qtbot, ctx)
    window.showNormal()
    window.showMaximized()
    window.close()
    again = _window(qtbot, ctx)
    assert again.isMaximized()


def test_about_names_version_database_node_and_licences(qtbot, ctx, vietnamese):
    from sonla_desktop import __version__
    from sonla_desktop.ui.about_dialog import AboutDialog

    window = _window(qtbot, ctx)
    help_menu = window.menuBar().actions()[-1].menu()
    about = [a for a in help_menu.actions() if a.text() == "&Giới thiệu"][0]
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Giới thiệu"
    qtbot.waitUntil(lambda: dialog.node_label.text() == ctx.node_id)
    assert dialog.version_label.text() == __version__
    assert dialog.db_label.text() == str(ctx.db.path)
    rows = {dialog.licences.item(r, 0).text(): (dialog.licences.item(r, 1).text(),
                                                dialog.licences.item(r, 2).text())
            for r in range(dialog.licences.rowCount())}
    assert rows["Phông chữ Noto Sans, Noto Serif"][1] == "SIL Open Font License 1.1"
    assert rows["Qt / PySide6"][1] == "LGPL-3.0" and rows["Qt / PySide6"][0].startswith("6.")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "&Đi tới", "Trợ &giúp"]
