"""The "Đồng bộ" page as a clerk uses it: send to a stick, receive, trust, resolve."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from sonla_desktop.services.sync_trust import list_peers, public_key_text
from sonla_desktop.services.workers import create_worker, get_worker, update_worker
from sonla_desktop.ui.main_window import MainWindow
from sonla_desktop.ui.pages.sync_page import SyncPage
from sonla_desktop.ui.tasks import TaskRunner
from tests.conftest import dump_database
from tests.sync_db.sync_helpers import COMMUNE_A, person, receive, send, sync_round, worker


def settle(qtbot, runner: TaskRunner) -> None:
    for _ in range(6):
        runner.wait_idle(10_000)
        qtbot.wait(20)


def make_page(qtbot, node) -> tuple[SyncPage, TaskRunner]:
    runner = TaskRunner()
    page = SyncPage(node.ctx, runner)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    settle(qtbot, runner)
    return page, runner


def test_the_sync_page_is_in_the_navigation(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    settle(qtbot, window.runner)
    # A database without its keys (copied from another PC) says what to do.
    assert page.notice.isVisible() and "sonla-desktop init" in page.notice.text()


def test_export_shows_what_goes_then_writes_the_file_and_says_where(qtbot, network, usb):
    a, hub = network["a"], network["hub"]
    create_worker(a.ctx, person(COMMUNE_A))
    create_worker(a.ctx, person(COMMUNE_A))
    page, runner = make_page(qtbot, a)
    panel = page.export_panel
    assert panel.peer.currentData() == hub.id
    assert "Người lao động: 2" in panel.counts.text()
    panel.folder.setText(str(usb))
    panel.export()
    settle(qtbot, runner)
    files = list(usb.glob("*.sldsync"))
    assert len(files) == 1
    assert files[0].name in panel.result.text() and str(usb) in panel.result.text()
    assert "Sở LĐ-TB&XH Sơn La" in panel.result.text()
    assert panel.progress.value() == panel.progress.maximum()
    assert receive(hub, files[0]).total("inserted") == 2
    page.tabs.setCurrentWidget(page.history)
    settle(qtbot, runner)
    assert page.history.table.rowCount() == 1
    assert page.history.table.item(0, 1).text() == "Gửi đi"


def test_import_verifies_in_words_then_applies(qtbot, network, usb):
    a, hub = network["a"], network["hub"]
    create_worker(a.ctx, person(COMMUNE_A))
    path = send(a, hub, usb)
    page, runner = make_page(qtbot, hub)
    panel = page.import_panel
    panel.verify_file(path)
    settle(qtbot, runner)
    assert "Tệp hợp lệ" in panel.verdict.text() and "UBND phường Chiềng Cơi" in panel.verdict.text()
    assert "Người lao động: 1" in panel.verdict.text()
    assert panel.apply_button.isEnabled()
    panel.apply()
    settle(qtbot, runner)
    assert "1 bản ghi mới" in panel.summary_label.text()
    assert panel.summary.item(0, 0).text() == "Người lao động"
    panel.verify_file(path)
    settle(qtbot, runner)
    assert "đã được nhập trước đây" in panel.verdict.text()
    assert not panel.apply_button.isEnabled()


def test_a_refused_file_is_explained_and_changes_nothing(qtbot, network, usb):
    a, hub = network["a"], network["hub"]
    create_worker(a.ctx, person(COMMUNE_A))
    path = send(a, hub, usb)
    raw = bytearray(path.read_bytes())
    # A byte inside the encrypted payload: the middle of the whole file may fall on the
    # signature's untrusted comment, which minisign leaves unauthenticated by design.
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("payload.age")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + info.compress_size // 2] ^= 1
    path.write_bytes(bytes(raw))
    before = dump_database(hub.db)
    page, runner = make_page(qtbot, hub)
    page.import_panel.verify_file(path)
    settle(qtbot, runner)
    text = page.import_panel.verdict.text()
    assert text.startswith("Không nhập tệp này.") and "bị sửa" in text
    assert not page.import_panel.apply_button.isEnabled()
    assert dump_database(hub.db) == before


def test_adding_a_trusted_office_needs_the_phone_check(qtbot, network, usb):
    a, b = network["a"], network["b"]
    key_file = usb / "b.pub"
    key_file.write_text(public_key_text(b.ctx), encoding="utf-8")
    page, runner = make_page(qtbot, a)
    seen = {}

    def confirm(dialog) -> None:
        def act() -> None:
            seen["enabled_before"] = dialog.accept_button.isEnabled()
            dialog.confirmed.setChecked(True)
            dialog.accept_button.click()

        QTimer.singleShot(0, act)

    page.trust.add_from_file(key_file, dialog_hook=confirm)
    settle(qtbot, runner)
    assert seen["enabled_before"] is False
    assert b.id in {p.node_id for p in list_peers(a.ctx)}
    assert "UBND phường Chiềng Sinh" in page.trust.message.text()

    def cancel(dialog) -> None:
        QTimer.singleShot(0, lambda: dialog.done(QDialog.DialogCode.Rejected))

    other = usb / "again.pub"
    other.write_text(public_key_text(network["hub"].ctx), encoding="utf-8")
    before = dump_database(a.db)
    page.trust.add_from_file(other, dialog_hook=cancel)
    settle(qtbot, runner)
    assert dump_database(a.db) == before


def test_trust_tab_shows_our_fingerprint_and_exports_the_key(qtbot, network, usb):
    a = network["a"]
    page, runner = make_page(qtbot, a)
    page.tabs.setCurrentWidget(page.trust)
    settle(qtbot, runner)
    fingerprint = page.trust.my_fingerprint.text()
    assert len(fingerprint.split()) == 6
    assert page.trust.table.rowCount() == 1  # the hub
    # The commune by its name, the code beside it (issue 17: it read "03670").
    assert page.trust.my_scope.text() == f"Phường Chiềng Cơi ({COMMUNE_A})"
    page.trust.export_key_to(usb / "mine.pub")
    settle(qtbot, runner)
    assert fingerprint in (usb / "mine.pub").read_text(encoding="utf-8")


def test_conflicts_side_by_side_and_take_theirs(qtbot, network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    for node, village in ((a, "Bản Hụm"), (hub, "Bản Mòng")):
        values = get_worker(node.ctx, wid)
        values["village"] = village
        update_worker(node.ctx, wid, values)
    receive(hub, send(a, hub, usb))
    page, runner = make_page(qtbot, hub)
    assert page.tabs.tabText(page.tabs.indexOf(page.conflicts)) == "Xung đột (1)"
    page.tabs.setCurrentWidget(page.conflicts)
    settle(qtbot, runner)
    panel = page.conflicts
    rows = {panel.compare.item(r, 0).text(): (panel.compare.item(r, 1).text(),
                                              panel.compare.item(r, 2).text())
            for r in range(panel.compare.rowCount())}
    assert rows["Bản/Tổ dân phố"] == ("Bản Mòng", "Bản Hụm")
    assert panel.compare.item(0, 0).text() == "Bản/Tổ dân phố"  # what differs comes first
    assert "bản của tôi" in panel.in_use.text()
    panel.keep_theirs.click()
    settle(qtbot, runner)
    assert worker(hub, wid).village == "Bản Hụm"
    assert panel.list.rowCount() == 0
    assert page.tabs.tabText(page.tabs.indexOf(page.conflicts)) == "Xung đột"


def test_a_payout_kept_out_by_a_loan_rule_says_why(qtbot, network, usb):
    from datetime import date

    from sonla_desktop.services.loans import approve_loan, disburse_loan
    from tests.sync_db.test_sync_invariants import submitted_loan

    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    loan = submitted_loan(a, wid)
    sync_round(network, usb)
    for node, amount in ((hub, 50_000_000), (a, 40_000_000)):  # the commune acts later
        approve_loan(node.ctx, loan, amount)
        disburse_loan(node.ctx, loan, date(2025, 4, 1), amount)
    receive(hub, send(a, hub, usb))
    page, runner = make_page(qtbot, hub)
    page.tabs.setCurrentWidget(page.conflicts)
    settle(qtbot, runner)
    panel = page.conflicts
    texts = {}
    for row in range(panel.list.rowCount()):
        panel.list.selectRow(row)
        settle(qtbot, runner)
        texts[panel.list.item(row, 0).text()] = panel.in_use.text()
    payout = next(text for label, text in texts.items() if label == "Giải ngân")
    assert payout.startswith("Giải ngân lần hai hoặc vượt số đã duyệt: không tính.")
