"""Issue #20, case 2: a database restored from a backup (or a file copied back).

Before: the restored office sent incremental bundles with 0 records, its peers'
acknowledgements said they already had what it lost, nobody repaired and nobody was warned;
its first bundles after the restore were refused as "old" (sequence numbers reused).
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.setup import node_keys_dir
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.bundle_file import read_manifest
from sonla_desktop.sync.generation import STATE_FILE
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    SCOPES,
    edit,
    person,
    receive,
    restore,
    send,
    synced_rows,
    worker,
)

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def history(network, usb, tmp_path):
    """Commune a: one worker sent, a backup, then a second worker and an edit sent too."""
    a, hub = network["a"], network["hub"]
    first = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    receive(hub, send(a, hub, usb))
    receive(a, send(hub, a, usb))
    backup = tmp_path / "a-backup.db"
    a.db.backup(backup)
    second = create_worker(a.ctx, person(COMMUNE_A))
    edit(a, first, village="Bản Hụm")
    receive(hub, send(a, hub, usb))
    receive(a, send(hub, a, usb))
    return first, second, backup


def test_a_restored_commune_is_detected_and_gets_back_what_it_lost(network, usb, tmp_path):
    first, second, backup = history(network, usb, tmp_path)
    hub = network["hub"]
    a = restore(network, "a", backup)
    assert worker(a, second) is None  # lost by the restore

    path = send(a, hub, usb)  # on main: refused as "old" (same minute, number reused)
    result = receive(hub, path)
    assert result.sender_restored
    back = send(hub, a, usb)
    assert read_manifest(back)[0]["full"] is True  # without anyone asking for --full
    got = receive(a, back)

    assert worker(a, second) is not None
    assert worker(a, first).village == "Bản Hụm"
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])
    assert got.conflicts == 0
    # Edits made after the repair travel as usual and win.
    edit(a, first, village="Bản Mòng")
    receive(hub, send(a, hub, usb))
    assert worker(hub, first).village == "Bản Mòng"


def test_the_restored_office_is_told_what_happened_and_what_to_carry(network, usb, tmp_path):
    from sonla_desktop.services.sync import export_bundle

    _, _, backup = history(network, usb, tmp_path)
    hub = network["hub"]
    a = restore(network, "a", backup)
    result = export_bundle(a.ctx, usb / "after-restore.sldsync", to=hub.id)
    assert result.restored is not None
    assert "khôi phục" in result.restored.message_vi
    assert "FULL" in result.restored.message_en
    assert result.restored.last_sent > result.restored.last_known > 0
    assert str(result.restored.last_sent) in result.restored.message_vi
    # A second export does not raise the alarm again.
    assert export_bundle(a.ctx, usb / "again.sldsync", to=hub.id).restored is None


def test_a_restore_with_its_key_folder_is_caught_by_the_peers_word(network, usb, tmp_path):
    """The whole PC restored: no state file to compare with. The hub's next bundle says it
    holds more of ours than we do; then the same repair follows."""
    first, second, backup = history(network, usb, tmp_path)
    hub = network["hub"]
    a = restore(network, "a", backup)
    (node_keys_dir(a.id) / STATE_FILE).unlink()

    got = receive(a, send(hub, a, usb))
    assert got.restored is not None and got.restored.how == "peer"
    receive(hub, send(a, hub, usb))  # new generation, numbers past the old ones: accepted
    receive(a, send(hub, a, usb))  # full, by itself
    assert worker(a, second) is not None
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])


def test_a_restored_hub_gets_the_communes_records_back(network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    backup = tmp_path / "hub-backup.db"
    hub.db.backup(backup)
    wid = create_worker(a.ctx, person(COMMUNE_A))
    receive(hub, send(a, hub, usb))
    receive(a, send(hub, a, usb))
    hub = restore(network, "hub", backup)
    assert worker(hub, wid) is None

    got = receive(a, send(hub, a, usb))  # the hub noticed; so does the commune
    assert got.sender_restored
    path = send(a, hub, usb)
    assert read_manifest(path)[0]["full"] is True
    receive(hub, path)
    assert worker(hub, wid) is not None
    assert synced_rows(a, SCOPES["a"], hub_tables=False) == synced_rows(
        hub, SCOPES["a"], hub_tables=False)
