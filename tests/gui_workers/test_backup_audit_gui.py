"""The Backups and Activity log pages and the worker form's history tab, on real widgets."""

from __future__ import annotations

import sqlite3

import pytest
from gui_helpers import settle
from PySide6.QtWidgets import QMessageBox

from sonla_desktop.services.backup import list_backups
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.workers import create_worker, get_worker, update_worker
from sonla_desktop.ui.tasks import TaskRunner

DUC = {"full_name": "Nguyễn Văn Đức", "birth_date": "12/03/1998", "sex": "Nam",
       "national_id": "014098001234", "phone": "0912345678", "ethnic_code": "01",
       "commune_code": "03670", "village": "Bản Mòng", "household": "poor"}


@pytest.fixture
def office(ctx):
    initialise(ctx.db, name="UBND phường Chiềng Cơi", communes=["03670"])
    ctx.reset_node()
    return ctx


def _page(qtbot, cls, ctx):
    runner = TaskRunner()
    page = cls(ctx, runner)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    page.refresh()
    settle(qtbot, runner)
    return page, runner


def _texts(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_backup_now_then_restore_the_selected_backup(qtbot, office, vietnamese, monkeypatch):
    from sonla_desktop.ui.pages.backup_page import BackupPage

    first = create_worker(office, DUC)
    page, runner = _page(qtbot, BackupPage, office)
    assert page.table.rowCount() == 0 and not page.restore_button.isEnabled()
    page.make_button.click()
    settle(qtbot, runner)
    assert page.table.rowCount() == 1 and _texts(page.table, 1) == ["Làm ngay"]
    later = create_worker(office, dict(DUC, national_id="014098009999", phone="0987654321"))

    page.table.selectRow(0)
    assert page.restore_button.isEnabled()
    asked, told = [], []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    page.restore_button.click()
    settle(qtbot, runner)
    assert len(asked) == 1 and "khôi phục" in told[0].lower()
    assert get_worker(office, first)["national_id"] == "014098001234"
    with pytest.raises(Exception):  # noqa: B017 - NotFoundError, whatever its message
        get_worker(office, later)


def test_a_refused_restore_is_explained_and_changes_nothing(qtbot, office, vietnamese,
                                                           monkeypatch, tmp_path):
    from sonla_desktop.ui.pages.backup_page import BackupPage

    wid = create_worker(office, DUC)
    bad = tmp_path / "bad.sldbak"
    bad.write_bytes(b"age-encryption.org/v1\nnot really")
    page, runner = _page(qtbot, BackupPage, office)
    errors = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: errors.append(a[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(a[2]))
    page.restore(bad)
    settle(qtbot, runner)
    assert errors and "giữ nguyên" in errors[0]
    assert get_worker(office, wid)["national_id"] == "014098001234"


def test_audit_page_lists_and_verifies(qtbot, office, vietnamese):
    from sonla_desktop.ui.pages.audit_page import AuditPage

    wid = create_worker(office, DUC)
    update_worker(office, wid, dict(DUC, phone="0987654321"))
    page, runner = _page(qtbot, AuditPage, office)
    assert "Sửa" in _texts(page.table, 3) and "Số điện thoại" in _texts(page.table, 6)[0]
    page.verify_button.click()
    settle(qtbot, runner)
    assert "nguyên vẹn" in page.verdict.text()
    office.db.dispose()
    conn = sqlite3.connect(office.db.path)
    conn.execute("DELETE FROM audit_log WHERE action = 'create'")
    conn.commit()
    conn.close()
    page.verify_button.click()
    settle(qtbot, runner)
    assert "can thiệp" in page.verdict.text()


def test_worker_form_history_tab(qtbot, office, lookups, vietnamese):
    from sonla_desktop.ui.worker_form import WorkerForm

    wid = create_worker(office, DUC)
    update_worker(office, wid, dict(DUC, national_id="014098009999"))
    runner = TaskRunner()
    form = WorkerForm(office, runner, lookups, wid)
    qtbot.addWidget(form)
    form.show()
    settle(qtbot, runner)
    assert form.history.table.rowCount() == 0  # not read until the tab is opened
    form.tabs.setCurrentWidget(form.history)
    settle(qtbot, runner)
    assert _texts(form.history.table, 2) == ["Sửa", "Thêm mới"]
    assert "Số CCCD" in form.history.table.item(0, 3).text()
    assert "014098" not in " ".join(_texts(form.history.table, 3))


def test_closing_the_window_makes_a_backup(qtbot, office, vietnamese):
    from sonla_desktop.ui.main_window import MainWindow

    window = MainWindow(office)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window.runner)
    window.close()
    assert [b.reason for b in list_backups()] == ["close"]


def test_every_action_the_program_logs_has_a_name_on_the_activity_log():
    """The Activity log shows each row's action by name (and offers it in its filter): an
    action written somewhere in the program without a name there showed as a raw word
    ("resolve", "approve"), and a sync file or a person's PDF showed as "Excel import/export"."""
    import re
    from pathlib import Path

    from sonla_desktop.ui.widgets.history_view import ACTION_TEXT, action_text

    root = Path(__file__).resolve().parents[2] / "sonla_desktop"
    written: set[str] = set()
    calls = re.compile(r"""(?:\.audit\(\s*\w+,\s*|record\(ctx,\s*|_set_status\(ctx,\s*s,\s*"""
                       r"""\w+,\s*)"([a-z_]+)\"""")
    for path in root.rglob("*.py"):
        if "ui" in path.relative_to(root).parts:
            continue
        written.update(calls.findall(path.read_text(encoding="utf-8")))
    # The import's own writer (excel_import.writer: create/update/import) and a sanity check
    # that the scan found the program's actions at all.
    assert {"create", "update", "import", "export", "resolve", "approve"} <= written
    assert sorted(written - ACTION_TEXT.keys()) == []
    assert action_text("import") == "Nhập tệp" and action_text("export") == "Xuất tệp"
