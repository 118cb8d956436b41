"""The worker form's consent tab and warning, and the workers page's export/erase actions."""

from __future__ import annotations

import json

from gui_helpers import settle
from PySide6.QtWidgets import QDialog

from sonla_desktop.services.workers import WorkerFilter, create_worker, list_workers
from sonla_desktop.ui.tasks import TaskRunner
from tests.person.helpers import DUC


def _form(qtbot, ctx, lookups, wid=None):
    from sonla_desktop.ui.worker_form import WorkerForm

    runner = TaskRunner()
    form = WorkerForm(ctx, runner, lookups, wid)
    qtbot.addWidget(form)
    form.show()
    settle(qtbot, runner)
    return form, runner


def test_the_form_warns_until_a_consent_is_recorded_in_its_tab(qtbot, ctx, lookups, vietnamese):
    wid = create_worker(ctx, DUC)
    form, runner = _form(qtbot, ctx, lookups, wid)
    assert form.consent_warning.isVisible()
    assert "dân tộc" in form.consent_warning.text()
    view = form.consents
    view.purpose.setText("Hỗ trợ vay vốn")
    view.given_on.setText("02/02/2026")
    view.method.setCurrentIndex(view.method.findData("verbal"))
    view.add_button.click()  # no witness: refused, said under the line, nothing written
    settle(qtbot, runner)
    assert "làm chứng" in view.error.text() and view.table.rowCount() == 0
    view.witness.setText("Lò Văn Hùng")
    view.add_button.click()
    settle(qtbot, runner)
    assert view.table.rowCount() == 1 and view.table.item(0, 3).text() == "Lò Văn Hùng"
    assert not form.consent_warning.isVisible()
    view.table.selectRow(0)
    view.withdraw_button.click()
    settle(qtbot, runner)
    assert view.table.item(0, 5).text() != "" and form.consent_warning.isVisible()


def test_a_new_worker_with_an_ethnic_group_gets_the_reminder(qtbot, ctx, lookups, vietnamese):
    form, _ = _form(qtbot, ctx, lookups)
    assert not form.consent_warning.isVisible()
    form.fields.set_values({**DUC, "household": "none"})
    form.validate()
    assert form.consent_warning.isVisible()
    assert form.save_button.isEnabled()  # a warning, not a refusal
    form._snapshot = form.fields.values()  # closing at teardown must not ask "save?"


def test_erase_needs_the_name_or_xoa_typed(qtbot, ctx, vietnamese):
    from sonla_desktop.ui.pages.person_actions import EraseDialog

    dialog = EraseDialog("Nguyễn Văn Đức")
    qtbot.addWidget(dialog)
    for typed, ok in (("", False), ("Nguyễn Văn", False), ("xoa", False), ("XOA", True),
                      ("  nguyễn  văn đức ", True)):
        dialog.confirm.setText(typed)
        assert dialog.ok.isEnabled() is ok, typed


def test_export_and_erase_from_the_workers_page(qtbot, ctx, vietnamese, tmp_path, monkeypatch):
    from sonla_desktop.ui.pages.person_actions import (
        EraseDialog,
        erase_person_confirmed,
        export_person_file,
    )

    wid = create_worker(ctx, DUC)
    [row] = list_workers(ctx, WorkerFilter())
    runner = TaskRunner()
    from PySide6.QtWidgets import QMessageBox, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a))
    export_person_file(page, ctx, runner, row, tmp_path / "duc.json")
    settle(qtbot, runner)
    assert json.loads((tmp_path / "duc.json").read_text("utf-8"))["worker"]["id"] == wid
    assert (tmp_path / "duc.pdf").exists() and "2 ngày làm việc" in shown[0][2]
    dialog = EraseDialog(row.full_name, page)
    dialog.confirm.setText("XOA")
    dialog.ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    reloaded = []
    erase_person_confirmed(page, ctx, runner, row, lambda: reloaded.append(True), dialog)
    settle(qtbot, runner)
    assert reloaded and list_workers(ctx, WorkerFilter()) == []
