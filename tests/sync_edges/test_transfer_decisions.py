"""Issue #20: a commune's move request, edited again after the hub carried it out.

Before: a transfer row merged by version alone. A commune that asked again (``workers
move`` a second time, before it learnt the move was done) wrote its ``requested`` copy with
a later version than the hub's ``done``: the request overwrote the hub's decision at the hub
(the move was then forgotten: listed as an open request again), or, through the inbox, a
"keep mine" at the hub wrote the old decision again with a new time and put it after a later
move, so the commune dropped a worker the hub kept (found by the convergence test).
"""

from __future__ import annotations

from sqlalchemy import select

from sonla_desktop.models import Transfer
from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import list_transfers, move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    person,
    receive,
    send,
    sync_round,
    synced_rows,
    worker,
)


def transfer(node, transfer_id: str) -> Transfer:
    with node.db.session() as s:
        return s.get(Transfer, transfer_id)


def test_a_request_asked_again_never_overwrites_the_hubs_decision(network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    request = move_worker(a.ctx, wid, COMMUNE_B, note="lấy chồng ở Chiềng Sinh")
    assert request.status == "requested"
    receive(hub, send(a, hub, usb))
    assert move_worker(hub.ctx, wid, COMMUNE_B).transfer_id == request.transfer_id

    # a does not know yet and asks again (a later version than the hub's decision).
    again = move_worker(a.ctx, wid, COMMUNE_B, note="đề nghị lần hai")
    assert again.transfer_id == request.transfer_id
    assert transfer(a, request.transfer_id).version > transfer(hub, request.transfer_id).version
    receive(hub, send(a, hub, usb))

    assert transfer(hub, request.transfer_id).status == "done"  # main: "requested" again
    assert list_transfers(hub.ctx, "requested") == []
    # An answered request is no clash for a person to settle: the answer is the row itself.
    assert [e for e in list_conflicts(hub.ctx) if e.table == "transfer"] == []

    sync_round(network, usb)
    sync_round(network, usb)
    assert transfer(a, request.transfer_id).status == "done"
    assert worker(a, wid) is None  # moved out
    assert worker(network["b"], wid).commune_code == COMMUNE_B
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key])


def test_a_later_move_stays_the_latest_whatever_the_request_says(network, usb):
    """The hub moves the worker back; the commune's second request arrives after: the
    worker stays where the hub's last decision put it, at every office."""
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    request = move_worker(a.ctx, wid, COMMUNE_B)
    receive(hub, send(a, hub, usb))
    move_worker(hub.ctx, wid, COMMUNE_B)  # carries the request out
    move_worker(a.ctx, wid, COMMUNE_B, note="đề nghị lần hai")
    move_worker(hub.ctx, wid, COMMUNE_A, note="về lại Chiềng Cơi")
    receive(hub, send(a, hub, usb))
    assert transfer(hub, request.transfer_id).status == "done"

    sync_round(network, usb)
    sync_round(network, usb)
    assert worker(hub, wid).commune_code == COMMUNE_A
    assert worker(a, wid) is not None and worker(a, wid).commune_code == COMMUNE_A
    with b.db.session() as s:
        assert s.scalar(select(Transfer.id).where(Transfer.status == "requested")) is None
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key])
