"""The worker list page: search, filters, live count, context menu, delete with undo."""

from __future__ import annotations

from datetime import date

from gui_helpers import make_page, settle, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from sonla_desktop.services.workers import get_worker
from sonla_desktop.ui.labels import people_count
from sonla_desktop.ui.table_models.worker_table_model import COLUMN
from tests.conftest import serve_communes

CHIENG_COI, TO_HIEU = "03670", "03646"


def _add(ctx, name, commune, nid, **extra):
    from sonla_desktop.services.workers import create_worker

    sex = "F" if " Thị " in name else "M"
    century = "1" if sex == "F" else "0"
    return create_worker(ctx, {"full_name": name, "birth_date": "02/03/1990", "sex": sex,
                               "national_id": f"014{century}90{nid:06d}",
                               "commune_code": commune, **extra})


def _people(ctx):
    serve_communes(ctx, CHIENG_COI, TO_HIEU)  # an office of two communes: filter by one
    ids = {
        "lo": _add(ctx, "Lò Văn Ơn", CHIENG_COI, 1, market_code="JP", status="training"),
        "cam": _add(ctx, "Cầm Thị Đào", CHIENG_COI, 2, household="poor"),
        "ha": _add(ctx, "Hà Văn Đức", CHIENG_COI, 3, ethnic_code="03"),
        "quang": _add(ctx, "Quàng Thị Hoa", TO_HIEU, 4, market_code="KR", status="training"),
        "tong": _add(ctx, "Tòng Văn Bình", TO_HIEU, 5, household="poor", ethnic_code="03"),
    }
    return ids


def _names(page):
    return [page.model.row_at(r).full_name for r in range(page.model.rowCount())]


def test_vietnamese_count_uses_dot_grouping(vietnamese):
    assert people_count(12345) == "12.345 người"
    assert people_count(7) == "7 người"


def test_filter_by_commune_changes_the_count(qtbot, ctx, vietnamese):
    _people(ctx)
    page = make_page(qtbot, ctx)
    assert page.filters.count_label.text() == "5 người"
    combo = page.filters.commune
    combo.setCurrentIndex(combo.findData(TO_HIEU))
    settle(qtbot, page.runner)
    assert page.filters.count_label.text() == "2 người"
    assert sorted(_names(page)) == ["Quàng Thị Hoa", "Tòng Văn Bình"]
    combo.setCurrentIndex(combo.findData(CHIENG_COI))
    settle(qtbot, page.runner)
    assert page.filters.count_label.text() == "3 người"


def test_other_filters_and_clearing_them(qtbot, ctx, vietnamese):
    _people(ctx)
    page = make_page(qtbot, ctx)
    f = page.filters
    f.household.setCurrentIndex(f.household.findData("poor"))
    settle(qtbot, page.runner)
    assert sorted(_names(page)) == ["Cầm Thị Đào", "Tòng Văn Bình"]
    f.ethnic.setCurrentIndex(f.ethnic.findData("03"))
    settle(qtbot, page.runner)
    assert _names(page) == ["Tòng Văn Bình"]
    f.clear()
    f.status.setCurrentIndex(f.status.findData("training"))
    f.market.setCurrentIndex(f.market.findData("KR"))
    settle(qtbot, page.runner)
    assert _names(page) == ["Quàng Thị Hoa"]
    f.clear()
    settle(qtbot, page.runner)
    assert f.count_label.text() == "5 người"


def test_search_waits_for_a_pause_in_typing(qtbot, ctx, vietnamese):
    _people(ctx)
    page = make_page(qtbot, ctx)
    queries = []
    page.filters.changed.connect(lambda flt: queries.append(flt.search))
    type_into(qtbot, page.filters.search, "duc")
    assert queries == []  # nothing yet: keystrokes within 200 ms make one query
    qtbot.waitUntil(lambda: queries == ["duc"], timeout=2000)
    settle(qtbot, page.runner)
    assert _names(page) == ["Hà Văn Đức"]


def test_list_is_in_vietnamese_name_order_and_sorts_by_column(qtbot, ctx, vietnamese):
    _people(ctx)
    page = make_page(qtbot, ctx)
    # Given name first: Bình, Đào, Đức, Hoa, Ơn (đ after d, Ơ after O).
    assert _names(page) == ["Tòng Văn Bình", "Cầm Thị Đào", "Hà Văn Đức", "Quàng Thị Hoa",
                            "Lò Văn Ơn"]
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    settle(qtbot, page.runner)
    assert _names(page)[0] == "Lò Văn Ơn"
    commune = COLUMN["commune"]
    page.view.sortByColumn(commune, Qt.SortOrder.AscendingOrder)  # SQL sort by unit name
    settle(qtbot, page.runner)
    communes = [page.model.index(r, commune).data() for r in range(5)]
    assert communes == ["Chiềng Cơi"] * 3 + ["Tô Hiệu"] * 2
    page.view.sortByColumn(COLUMN["phone"], Qt.SortOrder.AscendingOrder)  # not sortable
    settle(qtbot, page.runner)
    assert page.view.horizontalHeader().sortIndicatorSection() == commune


def test_enter_on_a_row_opens_the_form(qtbot, ctx, vietnamese):
    ids = _people(ctx)
    page = make_page(qtbot, ctx)
    opened = []
    page.form_opened.connect(opened.append)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(2, 0))
    page.window().windowHandle().requestActivate()
    qtbot.waitUntil(lambda: page.view.hasFocus(), timeout=2000)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].worker_id == ids["ha"]
    settle(qtbot, page.runner)
    opened[0].reject()
    page._open_index(page.model.index(0, 0))  # what a double-click does
    assert opened[1].worker_id == ids["tong"]
    opened[1].reject()


def test_context_menu_marks_departed_and_returned_with_the_date(qtbot, ctx, vietnamese):
    ids = _people(ctx)
    page = make_page(qtbot, ctx)
    row = page.model.row_at(page.model.row_of(ids["lo"]))
    menu = page.build_context_menu(row)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Sửa thông tin…", "Đánh dấu đã xuất cảnh…", "Đánh dấu đã về nước…",
                     "Lập đơn vay vốn…", "Xoá…",
                     # A person's rights (ui/pages/person_actions.py).
                     "Xuất mọi thông tin của người này (JSON + PDF)…",
                     "Xoá vĩnh viễn thông tin nhận dạng…"]
    assert [a.isEnabled() for a in menu.actions() if a.text()] == [True, True, False, True,
                                                                   True, True, True]
    page.mark(row, "departed", date(2025, 3, 15))
    settle(qtbot, page.runner)
    stored = get_worker(ctx, ids["lo"])
    assert stored["status"] == "departed" and stored["departure_date"] == date(2025, 3, 15)
    row = page.model.row_at(page.model.row_of(ids["lo"]))
    assert row.status == "departed"
    assert page.model.index(page.model.row_of(ids["lo"]), COLUMN["status"]).data() == \
        "Đã xuất cảnh"
    page.mark(row, "returned", date(2025, 11, 1))
    settle(qtbot, page.runner)
    assert get_worker(ctx, ids["lo"])["return_date"] == date(2025, 11, 1)


def test_marking_asks_the_date_in_a_dialog(qtbot, ctx, vietnamese, monkeypatch):
    from sonla_desktop.ui.widgets.date_dialog import DateDialog

    ids = _people(ctx)
    page = make_page(qtbot, ctx)

    def fill_and_accept(dialog):
        dialog.edit.setText("31/02/2025")
        dialog.accept()  # refused: no such day; message under the field
        assert "Không có ngày 31 tháng 2" in dialog.error.text()
        dialog.edit.setText("01/10/2025")
        dialog.accept()
        return DateDialog.DialogCode.Accepted

    monkeypatch.setattr(DateDialog, "exec", fill_and_accept)
    page.mark(page.model.row_at(page.model.row_of(ids["cam"])), "departed")
    settle(qtbot, page.runner)
    assert get_worker(ctx, ids["cam"])["departure_date"] == date(2025, 10, 1)


def test_delete_asks_then_undo_in_the_status_bar_restores(qtbot, ctx, vietnamese, monkeypatch):
    ids = _people(ctx)
    from sonla_desktop.ui.pages.workers_page import WorkersPage
    from sonla_desktop.ui.tasks import TaskRunner

    window = QMainWindow()
    qtbot.addWidget(window)
    page = WorkersPage(ctx, TaskRunner(window))
    window.setCentralWidget(page)
    window.show()
    settle(qtbot, page.runner)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    row = page.model.row_at(page.model.row_of(ids["ha"]))
    page._delete(row)
    settle(qtbot, page.runner)
    assert "Xoá Hà Văn Đức" in asked[0] and page.model.total == 5  # answered No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page._delete(row)
    settle(qtbot, page.runner)
    assert page.model.total == 4 and "Hà Văn Đức" not in _names(page)
    assert get_worker(ctx, ids["ha"])["deleted"] is True
    notice = page.undo_notice
    assert notice.parent() is window.statusBar() and notice.isVisible()
    assert notice.label.text() == "Đã xoá Hà Văn Đức."
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.runner)
    assert get_worker(ctx, ids["ha"])["deleted"] is False
    assert page.model.total == 5 and "Hà Văn Đức" in _names(page)
    assert not notice.isVisible()


def test_empty_database_says_how_to_start(qtbot, ctx, vietnamese):
    page = make_page(qtbot, ctx)
    assert page.filters.count_label.text() == "0 người"
    assert page.empty_label.isVisible()
    assert "Thêm người lao động" in page.empty_label.text()


def test_a_failed_query_leaves_the_list_usable(qtbot, ctx, vietnamese, monkeypatch):
    import sonla_desktop.services.workers as workers_service
    from sonla_desktop.errors import UserError

    _people(ctx)
    page = make_page(qtbot, ctx)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    real = workers_service.search_workers

    def locked(*args, **kwargs):
        raise UserError("Cơ sở dữ liệu đang bận.", "The database is busy.")

    monkeypatch.setattr(workers_service, "search_workers", locked)
    page.refresh()
    settle(qtbot, page.runner)
    assert warnings == ["Cơ sở dữ liệu đang bận."]
    assert not page.model.is_loading()
    monkeypatch.setattr(workers_service, "search_workers", real)
    page.refresh()  # F5 after the problem is gone
    settle(qtbot, page.runner)
    assert page.model.rowCount() == 5


def test_context_menu_opens_a_loan_application_for_that_worker(qtbot, ctx, vietnamese):
    from sonla_desktop.ui.pages.loan_form import LoanFormDialog

    ids = _people(ctx)
    page = make_page(qtbot, ctx)
    row = page.model.row_at(page.model.row_of(ids["cam"]))
    [loan_action] = [a for a in page.build_context_menu(row).actions()
                     if a.text() == "Lập đơn vay vốn…"]
    loan_action.trigger()
    form = qtbot.waitUntil(lambda: page.findChild(LoanFormDialog) is not None) or \
        page.findChild(LoanFormDialog)
    assert isinstance(form, LoanFormDialog) and form.worker_id == ids["cam"]
    form.reject()
