"""Issue #20, the convergence hunt's seed 964: a commune's edit of a worker, stale at a
restored hub, in the very bundle that brings the hub's forgotten move home.

Commune b edits its worker (village "Tổ 3"), the hub receives it and moves the worker to
commune a; a receives the move. Then b and the hub are both restored to before b's edit, so
b's edit lives on only in the row a holds. Commune a edits the worker (phone) and sends its
full repair bundle to the restored hub, which still holds the worker in b at b's old version.
The worker record comes before the transfer in table order, so it was set aside as stale
(the worker stands outside a's communes); then ``transfers.follow_moves`` carried the move
out again by writing the hub's *old* row in a. That write won everywhere: a's edit lost with
an entry at a, and b's edit, which a's row had carried, lost with no entry at b. Now the hub
merges such a record before following the moves (``AfterMerge._retry_stale_workers``): a's
row, which knew the row the hub holds, simply wins, and nothing is lost.
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


def test_a_stale_edit_of_a_worker_whose_move_comes_home_with_it_wins(network, usb, tmp_path):
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    hub_backup, b_backup = tmp_path / "hub.db", tmp_path / "b.db"
    hub.db.backup(hub_backup)
    b.db.backup(b_backup)

    edit(b, wid, village="Tổ 3")
    receive(hub, send(b, hub, usb))
    move_worker(hub.ctx, wid, COMMUNE_A)
    receive(a, send(hub, a, usb))  # a holds the worker, with b's edit
    b = restore(network, "b", b_backup)  # b forgets its edit ...
    hub = restore(network, "hub", hub_backup)  # ... and so does the hub, with the move

    receive(a, send(hub, a, usb))  # a learns that the hub was restored
    edit(a, wid, phone="0912345678")
    receive(hub, send(a, hub, usb))  # a's full file: the worker, then the move (main: aside)
    row = worker(hub, wid)
    assert (row.commune_code, row.village, row.phone) == (COMMUNE_A, "Tổ 3", "0912345678")
    assert list_conflicts(hub.ctx) == []  # nobody's edit lost

    for _ in range(3):
        sync_round(network, usb)
    converged(network)
    assert worker(a, wid).village == "Tổ 3" and worker(b, wid) is None
