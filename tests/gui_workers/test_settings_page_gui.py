"""Settings page: office name in the database, language per user."""

from __future__ import annotations

from gui_helpers import settle, type_into

from sonla_desktop.services.setup import get_setting
from sonla_desktop.ui import i18n
from sonla_desktop.ui.main_window import MainWindow


def test_office_name_is_saved_and_shown_in_the_status_bar(qtbot, ctx, vietnamese):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    settle(qtbot, window.runner)
    assert page.office_name.text() == "UBND phường Chiềng Cơi"
    assert page.scope_label.text() == "Phường Chiềng Cơi"
    type_into(qtbot, page.office_name, "UBND  phường   Chiềng Cơi ")
    page.save()
    settle(qtbot, window.runner)
    assert get_setting(ctx, "office_name") == "UBND phường Chiềng Cơi"  # cleaned, NFC
    assert page.message.text() == "Đã lưu."
    assert not page.restart_button.isVisible()
    assert window.status_office.text() == "UBND phường Chiềng Cơi"
    assert i18n.saved_language() == "vi"


def test_empty_office_name_is_refused(qtbot, ctx, vietnamese):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    settle(qtbot, window.runner)
    page.office_name.setText("   ")
    page.save()
    settle(qtbot, window.runner)
    assert page.message.text() == "Hãy nhập tên văn phòng."
    assert get_setting(ctx, "office_name") == ""
