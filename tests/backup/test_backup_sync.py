"""A commune restored from its encrypted backup: its next bundle is handled (the restore
notice appears, the hub sends everything back by itself, nothing is silently lost)."""

from __future__ import annotations

import json

from sonla_desktop.services.backup import make_backup, restore_backup
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.erasure_ledger import LEDGER_FILE
from sonla_desktop.services.person_erase import erase_person
from sonla_desktop.services.setup import node_keys_dir
from sonla_desktop.services.sync import export_bundle
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.bundle_file import read_manifest
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    SCOPES,
    SyncNode,
    person,
    receive,
    send,
    synced_rows,
    worker,
)


def test_a_commune_restored_from_its_backup_is_repaired_by_the_next_exchange(
        network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    first = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    receive(hub, send(a, hub, usb))
    receive(a, send(hub, a, usb))
    backup = make_backup(a.ctx, tmp_path / "a.sldbak").path
    second = create_worker(a.ctx, person(COMMUNE_A))
    receive(hub, send(a, hub, usb))
    receive(a, send(hub, a, usb))

    result = restore_backup(a.db, backup, user="clerk")
    # Bundles were sent after the backup (the state file says so): the clerk is told now.
    assert "tệp đồng bộ cuối cùng" in result.notice_vi and "ĐẦY ĐỦ" in result.notice_vi
    a = network["a"] = SyncNode("a", ServiceContext(a.db, user="clerk", role="admin"), a.path)
    assert worker(a, second) is None and worker(a, first) is not None

    out = export_bundle(a.ctx, usb / "after-restore.sldsync", to=hub.id)
    assert out.restored is not None  # the clerk is told at the next export
    assert "ĐẦY ĐỦ" in out.restored.message_vi
    got = receive(hub, usb / "after-restore.sldsync")
    assert got.sender_restored
    back = send(hub, a, usb)
    assert read_manifest(back)[0]["full"] is True
    receive(a, back)
    assert worker(a, second) is not None
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])


def test_an_erasure_received_by_sync_is_on_the_list_and_survives_a_restore(
        network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    receive(hub, send(a, hub, usb))
    receive(a, send(hub, a, usb))
    backup = make_backup(a.ctx, tmp_path / "a.sldbak").path
    # The hub erases the person (a request made at the province office) and sends it down.
    erase_person(hub.ctx, wid)
    receive(a, send(hub, a, usb))
    ledger = json.loads((node_keys_dir(a.ctx.node_id) / LEDGER_FILE).read_text("utf-8"))
    assert [e["worker_id"] for e in ledger["erasures"]] == [wid]

    restore_backup(a.db, backup, user="clerk")
    a = network["a"] = SyncNode("a", ServiceContext(a.db, user="clerk", role="admin"), a.path)
    row = worker(a, wid)
    assert row is not None and row.full_name == "Đã xoá" and row.deleted
