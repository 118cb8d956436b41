"""The hub's screens (issue #16): "Toàn tỉnh", "Trùng người" and the sync page's
"Xuất cho tất cả xã" tab, as a hub clerk uses them; hidden at a commune office."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sqlalchemy import select

from sonla_desktop.models import PossibleDuplicate
from sonla_desktop.services.targets import set_target
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui.main_window import MainWindow
from sonla_desktop.ui.pages import PAGES
from sonla_desktop.ui.pages.duplicates_page import DuplicatesPage
from sonla_desktop.ui.pages.province_page import RED, ProvincePage
from sonla_desktop.ui.pages.sync_page import SyncPage
from tests.sync_db.sync_helpers import COMMUNE_A, COMMUNE_B, person, sync_round
from tests.sync_db.test_sync_page import settle

# SONLA_SHOTS=folder keeps the rendered screens to look at.
SHOTS = os.environ.get("SONLA_SHOTS")


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _open(qtbot, page_class, node):
    from sonla_desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    page = page_class(node.ctx, runner)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    settle(qtbot, runner)
    return page, runner


def test_province_page_shows_every_commune_coloured_and_the_silent_ones(qtbot, network, usb):
    hub, a = network["hub"], network["a"]
    year = date.today().year
    create_worker(a.ctx, person(COMMUNE_A, departure_date=f"01/01/{year}",
                                status="departed", market_code="JP"))
    sync_round(network, usb)  # A and B sent a bundle today
    set_target(hub.ctx, year, 4, COMMUNE_A)
    page, _ = _open(qtbot, ProvincePage, hub)
    assert page.table.rowCount() == 76 and page.plan.rowCount() == 76
    first = [page.table.item(0, c).text() for c in range(5)]
    assert first[:4] == [COMMUNE_A, "Chiềng Cơi", "4", "1"] and first[4] == "25,0"
    assert page.table.item(0, 4).background().color().name().upper() == RED
    rows = {page.table.item(i, 0).text(): i for i in range(75)}
    assert page.table.item(rows[COMMUNE_B], 12).text() == "0"  # received today: not red
    assert page.table.item(rows[COMMUNE_B], 11).background().color().name().upper() != RED
    assert page.table.item(rows["03847"], 11).text() == "chưa nhận"
    assert page.table.item(rows["03847"], 11).background().color().name().upper() == RED
    assert page.table.item(75, 1).text() == "Toàn tỉnh"
    assert "73 xã/phường chưa gửi" in page.summary.text()
    _shot(page, "province")


def test_duplicates_page_lists_pairs_and_the_clerk_decides(qtbot, network, usb):
    hub, a, b = network["hub"], network["a"], network["b"]
    create_worker(a.ctx, person(COMMUNE_A, 7001))
    create_worker(b.ctx, person(COMMUNE_B, 7001))
    sync_round(network, usb)
    page, runner = _open(qtbot, DuplicatesPage, hub)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 4).text() != page.table.item(0, 8).text()  # two communes
    assert not page.same.isEnabled()
    _shot(page, "duplicates")
    page.table.selectRow(0)
    assert page.same.isEnabled()
    page.same.click()
    settle(qtbot, runner)
    assert page.table.rowCount() == 0
    with hub.db.session() as s:
        assert s.scalar(select(PossibleDuplicate.status)) == "same_person"


def test_export_all_tab_at_the_hub_and_not_at_a_commune(qtbot, network, usb):
    hub, a = network["hub"], network["a"]
    page, runner = _open(qtbot, SyncPage, hub)
    panel = page.export_all
    page.tabs.setCurrentWidget(panel)
    panel.folder.setText(str(usb))
    panel.export_button.click()
    settle(qtbot, runner)
    assert len(list(usb.glob("*.sldsync"))) == 2
    assert "Đã ghi 2/2 tệp" in panel.result.text()
    assert (panel.progress.value(), panel.progress.maximum()) == (2, 2)
    _shot(page, "export-all")
    commune_page, _ = _open(qtbot, SyncPage, a)
    assert not hasattr(commune_page, "export_all")
    window = MainWindow(a.ctx)
    qtbot.addWidget(window)
    hidden = {spec.key for i, spec in enumerate(PAGES) if window.nav.item(i).isHidden()}
    assert hidden == {"province", "duplicates"}
