"""Issue #20, case 3: a write a node does not own is refused at entry, with a message.

Before: ``target set --commune …`` at a commune office exited 0 (targets are hub data, so the
row was never sent and hub and commune disagreed for good), and a commune's ``demo`` left
such targets too.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sonla_desktop.cli import main
from sonla_desktop.errors import UserError
from sonla_desktop.models import Target
from sonla_desktop.services.demo import generate_demo, own_communes
from sonla_desktop.services.targets import list_targets, set_target, set_targets
from sonla_desktop.sync.ownership import HUB_TABLES, OWNERS
from sonla_desktop.sync.records import TABLE_ORDER
from sonla_desktop.sync.scope import HUB_ONLY_TABLES
from tests.sync_db.sync_helpers import COMMUNE_A, receive, send


def targets(node) -> int:
    with node.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Target)))


def test_every_synced_table_has_one_owner():
    assert set(OWNERS) == set(TABLE_ORDER)
    assert HUB_ONLY_TABLES == HUB_TABLES == {t for t, o in OWNERS.items() if o == "hub"}


def test_a_commune_cannot_set_a_target_and_is_told_to_ask_the_hub(network, usb):
    a, hub = network["a"], network["hub"]
    with pytest.raises(UserError, match="văn phòng tỉnh") as err:
        set_target(a.ctx, 2026, 40, COMMUNE_A)
    assert "hub" in err.value.en
    with pytest.raises(UserError):
        set_targets(a.ctx, 2026, [(COMMUNE_A, 40)])
    assert targets(a) == 0

    # The hub's target reaches the commune as before.
    set_target(hub.ctx, 2026, 35, COMMUNE_A)
    receive(a, send(hub, a, usb))
    assert [(t.commune_code, t.departures) for t in list_targets(a.ctx, 2026)] == [
        (COMMUNE_A, 35)]


def test_target_set_at_a_commune_exits_1_and_writes_nothing(network, capsys):
    a = network["a"]
    code = main(["--db", str(a.path), "target", "set", "--year", "2026", "--count", "40",
                 "--commune", COMMUNE_A])
    assert code == 1
    assert "văn phòng tỉnh" in capsys.readouterr().err
    assert targets(a) == 0


def test_a_communes_demo_leaves_no_targets_the_hubs_does(network):
    a, hub = network["a"], network["hub"]
    generate_demo(a.ctx, workers=30, seed=3, communes=own_communes(a.ctx))
    assert targets(a) == 0
    generate_demo(hub.ctx, workers=30, seed=3)
    assert targets(hub) > 0


def test_a_target_sheet_imported_at_a_commune_is_refused_row_by_row(network, tmp_path):
    from openpyxl import load_workbook

    from sonla_desktop.errors import ImportRowsError
    from sonla_desktop.services.excel_import import import_workbook
    from sonla_desktop.services.spreadsheets import make_template
    from tests.conftest import dump_database

    a = network["a"]
    path = tmp_path / "chi-tieu.xlsx"
    make_template(a.ctx, "targets", path, year=2026)
    wb = load_workbook(path)
    ws = wb["Chỉ tiêu"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "Chiềng Cơi")
    ws.cell(row, 3, 12)
    wb.save(path)
    before = dump_database(a.db)
    with pytest.raises(ImportRowsError) as info:
        import_workbook(a.ctx, path)
    [issue] = info.value.errors
    assert issue.row == row and "văn phòng tỉnh" in issue.vi
    assert dump_database(a.db) == before
