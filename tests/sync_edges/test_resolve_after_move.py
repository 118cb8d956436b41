"""Issue #20: settling a clash about a worker the hub has moved since.

Before: "keep theirs" (or "mine") copied every field of the kept version, its commune too,
so keeping a commune's edit made before the move put the worker back in the commune it had
left, with no transfer saying so: the old commune (told by the transfer that the worker had
left) dropped it, the hub kept it there, and the new commune never got it (found by the
convergence test). A move is ``workers move``, which records it; settling a clash is not.
"""

from __future__ import annotations

from sonla_desktop.services.sync_conflicts import list_conflicts, resolve_conflict
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    edit,
    person,
    receive,
    send,
    sync_round,
    synced_rows,
    worker,
)


def test_keeping_an_edit_made_before_a_move_keeps_the_worker_where_the_hub_moved_it(
        network, usb):
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B, village="Bản Cọ"))
    sync_round(network, usb)
    edit(b, wid, village="Bản Hụm")
    edit(hub, wid, village="Bản Mòng")  # at the same time, at the hub
    receive(hub, send(b, hub, usb))
    [clash] = [e for e in list_conflicts(hub.ctx) if e.row_id == wid]
    move_worker(hub.ctx, wid, COMMUNE_A)

    resolve_conflict(hub.ctx, clash.id, "theirs")  # b's edit, made in commune b

    assert worker(hub, wid).village == "Bản Hụm"
    assert worker(hub, wid).commune_code == COMMUNE_A  # main: back in b, no transfer
    for _ in range(3):
        sync_round(network, usb)
    assert worker(b, wid) is None
    assert worker(a, wid).village == "Bản Hụm"
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
