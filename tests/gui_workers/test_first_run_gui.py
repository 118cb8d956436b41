"""First start: an empty database gets a wizard, a node, and (if asked) demo data."""

from __future__ import annotations

from gui_helpers import settle, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from sonla_desktop.db import open_database
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.setup import get_self_node, get_setting, is_initialised
from sonla_desktop.services.workers import WorkerFilter, count_workers
from sonla_desktop.ui.first_run import FirstRunWizard

MUONG_BU = "03847"


def _fresh(tmp_path):
    return open_database(tmp_path / "fresh.db")


def test_wizard_picks_communes_by_typing_without_diacritics(qtbot, tmp_path, vietnamese):
    db = _fresh(tmp_path)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.office
    assert page.list.count() == 75
    assert not page.isComplete()
    type_into(qtbot, page.name, "UBND xã Mường Bú")
    type_into(qtbot, page.search, "muong bu")
    shown = [i.text() for i in page.visible_items()]
    assert shown == ["Xã Mường Bú"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # one match left: Enter ticks it
    assert page.search.text() == ""
    type_into(qtbot, page.search, "chieng coi")
    page.visible_items()[0].setCheckState(Qt.CheckState.Checked)
    assert page.isComplete()
    assert sorted(page.communes()) == sorted(["03670", MUONG_BU])
    assert "Xã Mường Bú" in page.chosen.text() and "Phường Chiềng Cơi" in page.chosen.text()
    db.dispose()


def test_finishing_creates_the_node_and_loads_demo_data(
        qtbot, tmp_path, vietnamese, monkeypatch):
    import sonla_desktop.ui.first_run as first_run

    monkeypatch.setattr(first_run, "DEMO_WORKERS", 300)  # the real 2,000 take a few seconds
    db = _fresh(tmp_path)
    assert not is_initialised(db)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.office.name.setText("UBND phường Chiềng Cơi")
    type_into(qtbot, wizard.office.search, "chieng coi")
    qtbot.keyClick(wizard.office.search, Qt.Key.Key_Return)
    wizard.next()
    assert wizard.currentPage() is wizard.demo_page
    wizard.demo_page.demo.setChecked(True)
    with qtbot.waitSignal(wizard.initialised, timeout=30000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    settle(qtbot, wizard.runner)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert is_initialised(db)
    ctx = ServiceContext(db, role="admin")
    node = get_self_node(ctx)
    assert node.name == "UBND phường Chiềng Cơi" and node.scope == "03670"
    assert get_setting(ctx, "office_name") == "UBND phường Chiềng Cơi"
    with db.session() as s:
        assert count_workers(s, WorkerFilter()) == 300
    db.dispose()


def test_without_demo_data_the_register_starts_empty(qtbot, tmp_path, vietnamese):
    db = _fresh(tmp_path)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.office.name.setText("UBND xã Chiềng Sinh")
    wizard.office.list.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(wizard.initialised, timeout=30000):
        wizard.accept()
    with db.session() as s:
        assert count_workers(s, WorkerFilter()) == 0
    assert is_initialised(db)
    db.dispose()


def test_run_gui_shows_the_wizard_on_a_fresh_database_then_the_main_window(
        qtbot, tmp_path, monkeypatch, vietnamese):
    from sonla_desktop.ui import app as app_module
    from sonla_desktop.ui.main_window import MainWindow

    shown = []

    def fake_exec(wizard):
        shown.append(wizard)
        wizard.office.name.setText("UBND xã Mường Bú")
        wizard.office.list.item(3).setCheckState(Qt.CheckState.Checked)
        with qtbot.waitSignal(wizard.initialised, timeout=30000):
            wizard.accept()
        return QDialog.DialogCode.Accepted

    windows = []
    monkeypatch.setattr(FirstRunWizard, "exec", fake_exec)
    monkeypatch.setattr(QApplication, "exec", lambda *a: windows.extend(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)) or 0)
    import sys

    hook = sys.excepthook
    try:
        assert app_module.run_gui(str(tmp_path / "new.db")) == 0
        assert sys.excepthook is not hook  # the crash handler is installed
    finally:
        sys.excepthook = hook
    assert len(shown) == 1
    assert len(windows) == 1 and windows[0].isVisible()
    settle(qtbot, windows[0].runner)
    assert windows[0].status_office.text() == "UBND xã Mường Bú"
    windows[0].close()
    windows[0].deleteLater()

    # Second start on the same file: straight to the main window.
    shown.clear()
    windows.clear()
    try:
        assert app_module.run_gui(str(tmp_path / "new.db")) == 0
    finally:
        sys.excepthook = hook
    assert shown == [] and len(windows) >= 1
    for w in windows:
        w.close()
        w.deleteLater()


def test_cancelling_the_wizard_leaves_without_a_window(qtbot, tmp_path, monkeypatch,
                                                        vietnamese):
    import sys

    from sonla_desktop.ui import app as app_module

    monkeypatch.setattr(FirstRunWizard, "exec", lambda w: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QApplication, "exec", lambda *a: (_ for _ in ()).throw(AssertionError))
    hook = sys.excepthook
    try:
        assert app_module.run_gui(str(tmp_path / "cancel.db")) == 0
    finally:
        sys.excepthook = hook
    assert not is_initialised(open_database(tmp_path / "cancel.db"))


def test_the_office_name_example_says_phuong_for_a_ward(qtbot, tmp_path, vietnamese):
    db = _fresh(tmp_path)
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    page = wizard.office
    assert page.name.placeholderText() == "ví dụ: UBND xã Mường Bú"  # a commune: "xã"
    type_into(qtbot, page.search, "chieng coi")
    page.visible_items()[0].setCheckState(Qt.CheckState.Checked)
    assert page.name.placeholderText() == "ví dụ: UBND phường Chiềng Cơi"  # a ward
    db.dispose()
