"""Issue #20, found by the convergence test with restores: a write the hub forgot in a
restore comes home and overwrites an edit made without knowing it.

Before: commune a edited a worker; the hub, not knowing, moved the worker to b (a later
version), and was then restored to before the move. a's edit reached the restored hub first;
then b's repair bundle brought the hub's own move home, which won by its version over a's
edit. Neither write knew the other, but no clash was noted (the hub only looked for one when
its forgotten write was the *older* one), a dropped the worker as moved out, and a's edit
was lost with no entry in any inbox. Now the hub notes the clash; a's office gets the entry.
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker, delete_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    edit,
    person,
    receive,
    restore,
    send,
    sync_round,
    synced_rows,
    worker,
)

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_the_hubs_forgotten_move_coming_home_over_an_edit_is_a_clash(network, usb, tmp_path):
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    edit(a, wid, village="Bản Hụm")  # not sent yet
    lost = worker(a, wid).version
    move_worker(hub.ctx, wid, COMMUNE_B)  # later, without knowing a's edit
    receive(b, send(hub, b, usb))
    hub = restore(network, "hub", backup)  # the hub forgets its move

    receive(hub, send(a, hub, usb))  # a's edit: nothing to clash with at the restored hub
    receive(b, send(hub, b, usb))  # b notices the restore ...
    receive(hub, send(b, hub, usb))  # ... the move comes home over a's edit
    for _ in range(3):
        sync_round(network, usb)

    assert worker(hub, wid).commune_code == COMMUNE_B
    # main: a's edit was gone with no entry anywhere
    assert any(e.mine["version"] == lost for e in list_conflicts(a.ctx) if e.row_id == wid)
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key


def test_a_worker_deleted_meanwhile_still_follows_the_move_coming_home(network, usb, tmp_path):
    """The hub moved b's worker to a and forgot it in a restore; b, not knowing, deleted the
    person. When the move comes home the deleted record goes to a too (main: the hub kept it
    in b, a kept a live copy of it for good, b had dropped it)."""
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B, village="Bản Cọ"))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    move_worker(hub.ctx, wid, COMMUNE_A)
    receive(a, send(hub, a, usb))
    hub = restore(network, "hub", backup)

    delete_worker(b.ctx, wid)
    receive(hub, send(b, hub, usb))
    receive(a, send(hub, a, usb))  # a notices the restore ...
    receive(hub, send(a, hub, usb))  # ... the move comes home
    for _ in range(3):
        sync_round(network, usb)

    assert worker(hub, wid).commune_code == COMMUNE_A and worker(hub, wid).deleted
    assert worker(a, wid).deleted
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
