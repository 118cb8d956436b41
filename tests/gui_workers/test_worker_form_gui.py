"""The worker form driven through its real widgets, as a clerk would."""

from __future__ import annotations

from gui_helpers import activate, make_page, press_tab, settle, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sonla_desktop.services.workers import WorkerFilter, create_worker, get_worker, list_workers


def _open_new_form(qtbot, page):
    forms = []
    page.form_opened.connect(forms.append)
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    assert len(forms) == 1
    activate(qtbot, forms[0])
    return forms[0]


def _fill(qtbot, form, **values):
    widgets = form.fields.widgets
    for name, text in values.items():
        widget = widgets[name]
        if name in ("sex", "household", "status"):
            widget.setCurrentIndex(widget.findText(text))
        else:
            type_into(qtbot, widget, text)
            press_tab(qtbot, widget)


def test_new_worker_typed_into_the_form_is_found_by_a_search_without_diacritics(
        qtbot, ctx, vietnamese):
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    _fill(qtbot, form, full_name="Lò Thị Ánh Tuyết", birth_date="05121998", sex="Nữ",
          national_id="014198001234", phone="0912 345 678", ethnic_code="thai",
          commune_code="chieng coi", village="Bản Hài", household="Hộ nghèo")
    # The date typed on the number pad gets its slashes; type-ahead picked the units.
    assert form.fields.widgets["birth_date"].text() == "05/12/1998"
    assert form.fields.widgets["commune_code"].currentText() == "Phường Chiềng Cơi"
    assert form.fields.widgets["ethnic_code"].currentText() == "Thái"
    saved = []
    form.saved.connect(saved.append)
    qtbot.keyClick(form.fields.widgets["village"], Qt.Key.Key_Return)  # Enter saves
    settle(qtbot, page.runner)
    assert len(saved) == 1
    qtbot.waitUntil(lambda: page.forms == [], timeout=2000)  # closed (and deleted)
    stored = get_worker(ctx, saved[0])
    assert stored["full_name"] == "Lò Thị Ánh Tuyết"
    assert stored["commune_code"] == "03670" and stored["ethnic_code"] == "03"
    assert stored["phone"] == "0912345678" and stored["household"] == "poor"

    type_into(qtbot, page.filters.search, "lo thi anh tuyet")
    settle(qtbot, page.runner)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    row = page.model.row_at(0)
    assert row.id == saved[0]
    assert page.filters.count_label.text() == "1 người"
    shown = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert shown[:2] == ["Lò Thị Ánh Tuyết", "05/12/1998"]
    assert "Chiềng Cơi" in shown and "Bản Hài" in shown and "Hộ nghèo" in shown


def test_invalid_cccd_blocks_saving_with_the_message_under_the_field(qtbot, ctx, vietnamese):
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    _fill(qtbot, form, full_name="Quàng Văn Minh", birth_date="01/02/1990", sex="Nam",
          national_id="01419012345", commune_code="chieng coi")
    qtbot.waitUntil(lambda: form.fields.error_text("national_id") != "", timeout=2000)
    assert "12 chữ số" in form.fields.error_text("national_id")
    assert form.fields.widgets["national_id"].property("invalid") is True
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.runner)
    assert form.isVisible()
    assert "1 ô cần sửa" in form.general_error.text()
    assert list_workers(ctx, WorkerFilter()) == []

    # A CCCD whose 4th digit says "female" for a man: the consistency rule speaks up.
    type_into(qtbot, form.fields.widgets["national_id"], "014190012345")
    form.validate()
    assert "giới tính" in form.fields.error_text("national_id")
    type_into(qtbot, form.fields.widgets["national_id"], "014090012345")
    form.validate()
    assert form.fields.error_text("national_id") == ""
    assert form.fields.widgets["national_id"].property("invalid") is False


def test_required_fields_show_only_after_save_is_tried(qtbot, ctx, vietnamese):
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    # The office's own commune is pre-filled (issue 17): clear it to see its message too.
    form.fields.widgets["commune_code"].set_code(None)
    form.validate()
    assert form.fields.error_text("full_name") == ""  # nothing typed yet: no red
    form.save()
    assert form.fields.error_text("full_name") == "Chưa nhập họ và tên."
    assert form.fields.error_text("commune_code") != ""
    assert form.isVisible()


def test_duplicate_cccd_is_refused_and_offers_the_existing_person(qtbot, ctx, vietnamese):
    existing = create_worker(ctx, {"full_name": "Hà Văn Sơn", "birth_date": "03/04/1995",
                                   "sex": "M", "national_id": "014095000111",
                                   "commune_code": "03670"})
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    _fill(qtbot, form, full_name="Hà Văn Sơn", birth_date="03/04/1995", sex="Nam",
          national_id="014095000111", commune_code="chieng coi")
    form.validate()
    settle(qtbot, page.runner)
    # While typing: the banner names the person already registered with that number.
    assert form.dup_frame.isVisible()
    assert "Hà Văn Sơn" in form.dup_label.text() and "03/04/1995" in form.dup_label.text()
    form.save()
    settle(qtbot, page.runner)
    assert form.isVisible()
    assert "CCCD" in form.general_error.text()
    assert len(list_workers(ctx, WorkerFilter())) == 1

    opened = []
    page.form_opened.connect(opened.append)
    qtbot.mouseClick(form.dup_open, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].worker_id == existing
    settle(qtbot, page.runner)
    assert opened[0].fields.widgets["full_name"].text() == "Hà Văn Sơn"


def test_duplicate_found_only_at_save_time_is_refused_too(qtbot, ctx, vietnamese):
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    _fill(qtbot, form, full_name="Lường Văn Pọm", birth_date="03/04/1995", sex="Nam",
          national_id="014095000222", commune_code="chieng coi")
    form.validate()
    settle(qtbot, page.runner)
    assert not form.dup_frame.isVisible()
    # Someone else registers the same number on another screen before this form is saved.
    create_worker(ctx, {"full_name": "Lường Văn Pọm", "sex": "M", "birth_date": "03/04/1995",
                        "national_id": "014095000222", "commune_code": "03670"})
    form.save()
    settle(qtbot, page.runner)
    assert form.isVisible() and form.dup_frame.isVisible()
    assert form.duplicate_id is not None
    assert len(list_workers(ctx, WorkerFilter())) == 1


def test_editing_keeps_other_fields_and_saves_changes(qtbot, ctx, vietnamese):
    wid = create_worker(ctx, {"full_name": "Cầm Thị Ngọc", "birth_date": "10/10/2000",
                              "sex": "F", "national_id": "014300000777", "phone": "0987654321",
                              "commune_code": "03670", "market_code": "JP",
                              "status": "training", "contract_months": "36"})
    page = make_page(qtbot, ctx)
    form = page.open_form(wid)
    settle(qtbot, page.runner)
    assert form.fields.widgets["market_code"].currentText() == "Nhật Bản"
    assert form.fields.widgets["phone"].text() == "0987 654 321"
    assert not form.is_dirty()
    type_into(qtbot, form.fields.widgets["village"], "Bản Púng")
    form.save()
    settle(qtbot, page.runner)
    stored = get_worker(ctx, wid)
    assert stored["village"] == "Bản Púng"
    assert stored["market_code"] == "JP" and stored["contract_months"] == 36
    assert stored["phone"] == "0987654321"


def test_unsaved_changes_guard_asks_before_closing(qtbot, ctx, vietnamese, monkeypatch):
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    type_into(qtbot, form.fields.widgets["full_name"], "Tòng Văn Hải")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []

    def fake_exec(box):
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and "chưa được lưu" in asked[0]  # Cancel: keep typing
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.forms == [], timeout=2000)  # Discard: closed, nothing saved
    assert list_workers(ctx, WorkerFilter()) == []


def test_clean_form_closes_on_escape_without_asking(qtbot, ctx, vietnamese, monkeypatch):
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: (_ for _ in ()).throw(AssertionError))
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.forms == [], timeout=2000)


def test_tab_order_follows_the_paper_form(qtbot, ctx, vietnamese):
    from sonla_desktop.ui.widgets.worker_fields import FORM_ORDER

    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    fields = form.fields
    order = [fields.focus_widget(name) for name in FORM_ORDER]
    for before, after in zip(order, order[1:], strict=False):
        assert before.nextInFocusChain() is after or _next_focusable(before) is after


def _next_focusable(widget):
    nxt = widget.nextInFocusChain()
    while nxt is not None and not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_departure_before_the_18th_birthday_is_refused_under_the_field(qtbot, ctx, vietnamese):
    """Issue 13: Law 69/2020/QH14, Art. 44 (at least 18 on the departure date)."""
    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    _fill(qtbot, form, full_name="Lò Văn Páo", birth_date="15/03/2008", sex="Nam",
          commune_code="chieng coi", status="Đã xuất cảnh", departure_date="14/03/2026")
    form.validate()
    message = form.fields.error_text("departure_date")
    assert "Ngày xuất cảnh 14/03/2026" in message and "chưa đủ 18 tuổi" in message
    assert "15/03/2026" in message  # the day the worker may leave
    form.save()
    settle(qtbot, page.runner)
    assert form.isVisible() and list_workers(ctx, WorkerFilter()) == []

    type_into(qtbot, form.fields.widgets["departure_date"], "15/03/2026")  # the birthday
    form.validate()
    assert form.fields.error_text("departure_date") == ""
    saved = []
    form.saved.connect(saved.append)
    form.save()
    settle(qtbot, page.runner)
    assert len(saved) == 1
    assert str(get_worker(ctx, saved[0])["departure_date"]) == "2026-03-15"
