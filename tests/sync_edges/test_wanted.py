"""Issue #20, the convergence hunt's seed 152: a worker a commune dropped as moved out, moved
back to it by a move the hub then forgot in a restore, never came back to the commune.

Acknowledgements are per origin: the restored hub holds the worker at the commune's own old
version, which the commune's clock covers, so no incremental bundle ever carried it again
(the commune held the moves, not the person; the hub held the person in that commune).
Now an office asks for such rows by id (``sync/wanted.py``: the manifest's ``wanted`` list),
and the peer puts them in its next bundle.
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.bundle_file import read_manifest
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


def test_a_worker_moved_back_by_a_forgotten_move_is_asked_for_and_comes_back(
        network, usb, tmp_path):
    a, b = network["a"], network["b"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)
    move_worker(network["hub"].ctx, wid, COMMUNE_A)
    assert receive(b, send(network["hub"], b, usb)).moved_out == 1  # b drops the person
    receive(a, send(network["hub"], a, usb))
    move_worker(network["hub"].ctx, wid, COMMUNE_B)  # and back to b ...
    receive(a, send(network["hub"], a, usb))  # ... which only a hears of
    hub = restore(network, "hub", backup)  # the hub forgets both moves

    receive(a, send(hub, a, usb))
    receive(hub, send(a, hub, usb))  # a's full file: the moves come home
    receive(b, send(hub, b, usb))  # b learns the person is its own again, but has no copy
    assert worker(b, wid) is None
    path = send(b, hub, usb)
    assert ["worker", wid] in read_manifest(path)[0]["wanted"]  # so it asks for it
    receive(hub, path)
    receive(b, send(hub, b, usb))  # main: never sent (b's own old version)
    assert worker(b, wid).commune_code == COMMUNE_B

    for _ in range(2):
        sync_round(network, usb)
    converged(network)
    with b.db.session() as s:
        from sonla_desktop.sync.wanted import wanted
        assert wanted(s) == []  # it got what it asked for
