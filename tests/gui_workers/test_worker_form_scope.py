"""The worker form at a commune office refuses a worker of another commune (issue #20),
with the message under the commune field, and saves nothing."""

from __future__ import annotations

from gui_helpers import settle
from PySide6.QtCore import Qt
from test_worker_form_gui import _fill, _open_new_form

from sonla_desktop.services.workers import WorkerFilter, list_workers


def test_a_worker_of_another_commune_is_refused_under_the_commune_field(qtbot, ctx,
                                                                       vietnamese):
    from gui_helpers import make_page

    page = make_page(qtbot, ctx)
    form = _open_new_form(qtbot, page)
    _fill(qtbot, form, full_name="Quàng Văn Minh", birth_date="01/02/1990", sex="Nam",
          national_id="014090012345", commune_code="chieng sinh")
    assert form.fields.widgets["commune_code"].currentText() == "Phường Chiềng Sinh"
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.runner)
    qtbot.waitUntil(lambda: form.fields.error_text("commune_code") != "", timeout=3000)
    assert "phạm vi" in form.fields.error_text("commune_code")
    assert form.isVisible()
    assert list_workers(ctx, WorkerFilter()) == []
