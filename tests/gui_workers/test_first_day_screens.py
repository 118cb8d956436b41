"""Screens a new clerk met at 1366×768 (issue 17, item 9), driven through their widgets."""

from __future__ import annotations

from gui_helpers import make_page, settle
from PySide6.QtCore import Qt

from sonla_desktop.ui.main_window import MainWindow


def test_a_new_worker_at_a_one_commune_office_starts_in_that_commune(qtbot, ctx, vietnamese):
    page = make_page(qtbot, ctx)
    forms = []
    page.form_opened.connect(forms.append)
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    form = forms[0]
    assert form.fields.widgets["commune_code"].code() == "03670"  # Chiềng Cơi, the office's own
    assert not form.is_dirty()  # closing the untouched form asks nothing
    form.done(0)


def test_excel_import_templates_and_export_are_on_the_workers_and_loans_pages_and_file_menu(
        qtbot, ctx, vietnamese):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    wanted = {"&Nhập từ Excel…", "Tải tệp &mẫu", "&Xuất toàn bộ dữ liệu…"}
    for key in ("workers", "loans"):
        page = window.show_page(key)
        settle(qtbot, window.runner)
        menu = page.excel_button.menu()
        assert {a.text() for a in menu.actions()} >= wanted
        assert page.excel_button.isVisible()
    file_menu = window.menuBar().actions()[0].menu()
    excel = next(a.menu() for a in file_menu.actions() if a.menu() is not None)
    assert {a.text() for a in excel.actions()} >= wanted
    templates = next(a.menu() for a in excel.actions() if a.menu() is not None)
    assert len(templates.actions()) == 4
    window.close()


def test_the_conference_page_keeps_names_years_and_sex_of_attendees_in_view(
        qtbot, ctx, vietnamese):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.showNormal()  # as `make screenshots` does: a fixed size, not the whole screen
    window.resize(1366, 768)
    page = window.show_page("events")
    settle(qtbot, window.runner)
    view = page.attendees_view
    qtbot.waitUntil(lambda: view.viewport().width() > 100)
    visible = view.viewport().width()
    # #, name, year of birth and sex fit without scrolling at the usual office screen.
    assert sum(view.columnWidth(c) for c in range(4)) <= visible
    assert page.events_view.isColumnHidden(1)  # one commune: its name is not repeated per row
    window.close()
