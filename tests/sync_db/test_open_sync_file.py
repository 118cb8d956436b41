"""A double-clicked ``.sldsync`` file (Windows passes its path as the only argument) opens
the program on the sync page's receive tab with the file checked, nothing imported yet."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sonla_desktop.cli import main
from sonla_desktop.services.users import create_first_admin
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui.main_window import MainWindow
from tests.conftest import TEST_PASSWORD, TEST_USER, dump_database
from tests.sync_db.sync_helpers import COMMUNE_A, person, send


def test_a_bundle_path_alone_opens_the_receive_tab_checked_but_not_imported(
        qtbot, network, usb, monkeypatch):
    a, hub = network["a"], network["hub"]
    create_worker(a.ctx, person(COMMUNE_A))
    path = send(a, hub, usb)
    upper = path.rename(path.with_suffix(".SLDSYNC"))  # Windows keeps the name's case
    # The hub's administrator (the GUI logs in with SONLA_USER/SONLA_PASSWORD).
    create_first_admin(hub.db, TEST_USER, TEST_PASSWORD)
    before = dump_database(hub.db)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs the crash hook
    seen = {}
    deadline = time.monotonic() + 60

    def look() -> None:
        # The window run_gui opened, not one an earlier test left alive.
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w.ctx.db.path == hub.path]
        panel = windows[0].pages["sync"].import_panel if windows else None
        if panel is None or "Tệp hợp lệ" not in panel.verdict.text():
            if time.monotonic() < deadline:  # the check runs on the task runner
                QTimer.singleShot(50, look)
                return
            seen["timeout"] = panel.verdict.text() if panel else "no main window"
        else:
            window = windows[0]
            seen.update(page=window.current_page(), sync_page=window.pages["sync"],
                        tab=window.pages["sync"].tabs.currentWidget(), panel=panel,
                        verdict=panel.verdict.text(), file=panel.file_label.text(),
                        apply=panel.apply_button.isEnabled(), window=window)
        QApplication.instance().exit(0)  # only the loop: closing the last window would
        # also post a quit that ends the next test's event loop at once

    QTimer.singleShot(0, look)
    assert main(["--db", str(hub.path), str(upper)]) == 0
    assert "timeout" not in seen, seen.get("timeout")
    qtbot.addWidget(seen["window"])  # closed and deleted with the test
    assert seen["page"] is seen["sync_page"]
    assert seen["tab"] is seen["panel"] and seen["file"] == str(upper.resolve())
    assert "UBND phường Chiềng Cơi" in seen["verdict"] and seen["apply"]
    assert dump_database(hub.db) == before


def test_a_command_still_takes_a_bundle_path_as_its_argument(network, usb, capsys):
    a, hub = network["a"], network["hub"]
    path = send(a, hub, usb)
    assert main(["--db", str(hub.path), "bundle", "verify", str(path)]) == 0
    assert capsys.readouterr().out


def test_only_a_lone_bundle_path_is_taken_as_a_file_to_open():
    from sonla_desktop.cli import _opens_gui, sync_file_argument

    assert sync_file_argument([r"E:\USB\xa-to-tinh.SLDSYNC"]) == r"E:\USB\xa-to-tinh.SLDSYNC"
    assert sync_file_argument(["--db", "x.db", "b.sldsync"]) == "b.sldsync"
    assert _opens_gui(["--db", "x.db", "b.sldsync"])
    assert sync_file_argument(["bundle", "verify", "b.sldsync"]) is None
    assert not _opens_gui(["bundle", "import", "b.sldsync"])
    assert sync_file_argument(["notes.txt"]) is None and not _opens_gui(["notes.txt"])
