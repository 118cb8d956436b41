"""Issue #20, the convergence hunt's seed 390: a commune's deletion lost without a word when
the restored hub moved the person away.

Commune b deleted a worker and the hub received it; the hub was then restored to before the
deletion and received a later write of b's (so its "have" for b, per origin, covered the
deletion again), and moved the still-living worker to commune a. When the move reached b,
``drop_moved_out`` took b's deletion for one the hub held (below the hub's "have" for b) and
dropped it with no inbox entry; the hub's move on the old copy won everywhere. Now, while the
sender is found restored (or still owed its repair), every row of ours a move drops goes to
the inbox first (reason ``moved_out``).
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker, delete_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
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


def test_a_deletion_the_restored_hub_forgot_is_kept_when_its_move_drops_it(
        network, usb, tmp_path):
    b = network["b"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)
    delete_worker(b.ctx, wid)
    receive(network["hub"], send(b, network["hub"], usb))
    receive(b, send(network["hub"], b, usb))  # b learns that the hub holds it
    hub = restore(network, "hub", backup)  # the hub forgets the deletion ...
    create_worker(b.ctx, person(COMMUNE_B))
    receive(hub, send(b, hub, usb))  # ... while its "have" for b passes it again
    move_worker(hub.ctx, wid, COMMUNE_A)  # the person b deleted, still alive here

    assert receive(b, send(hub, b, usb)).moved_out == 1
    assert worker(b, wid) is None
    [entry] = [e for e in list_conflicts(b.ctx) if e.row_id == wid]  # main: none anywhere
    assert entry.reason == "moved_out" and entry.mine["deleted"] is True
    for _ in range(3):
        sync_round(network, usb)
    assert any(e.row_id == wid for e in list_conflicts(hub.ctx))  # the hub learns it too
    converged(network)
