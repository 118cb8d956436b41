"""Issue #20, the convergence hunt's seed 190: the hub's own inbox entry coming home after a
hub restore.

An entry the hub wrote about a commune's late edit of a worker it had moved away (reason
``stale``) travels to that commune: it is kept in the commune of the losing edit, while its
winning version names the worker's new commune. The hub, restored to before it wrote the
entry, gets it back in the commune's full repair bundle. Before, the entry was checked like a
record the commune wrote (``conflict_rules.check_state_records``: both versions must be of the
sender's communes) and the whole repair bundle was refused, and every later one with it. Now
an entry written by the receiver itself and coming home (``inbound.admit``) is not held to the
sender's scope, as ``merge._check_links`` already does for other rows coming home.
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    edit,
    person,
    receive,
    restore,
    send,
    sync_round,
    worker,
)
from tests.sync_edges.test_orphans import converged

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_the_hubs_stale_entry_comes_home_in_the_communes_repair_bundle(network, usb, tmp_path):
    a = network["a"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)
    move_worker(network["hub"].ctx, wid, COMMUNE_B)
    edit(a, wid, village="Bản Hụm")  # a has not heard of the move yet
    receive(network["hub"], send(a, network["hub"], usb))  # the hub: a stale edit
    receive(a, send(network["hub"], a, usb))  # a gets the entry and drops the worker
    [entry] = [e for e in list_conflicts(a.ctx) if e.row_id == wid]
    assert entry.reason == "stale"
    hub = restore(network, "hub", backup)  # the hub forgets the move and the entry

    receive(a, send(hub, a, usb))  # a learns that the hub was restored
    receive(hub, send(a, hub, usb))  # a's full file (main: refused whole for the entry)
    assert [e.reason for e in list_conflicts(hub.ctx) if e.row_id == wid] == ["stale"]
    assert worker(hub, wid).commune_code == COMMUNE_B  # the move came home too

    for _ in range(3):
        sync_round(network, usb)
    converged(network)
