"""Issue #20, found by the convergence test with moves and restores: one clash noticed at
two offices while a move is on its way.

Before: an inbox entry took its commune from the row as the noticing office held it. Its id
comes from the losing version, so the hub and commune b, noticing the same clash, wrote one
entry with two communes (a's, where the hub held the row; b's, where b held it). b's later
copy won everywhere and took the entry out of a's scope at the hub, but a kept the copy it
had received from the hub, for good. Now the entry's commune is the losing version's.
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
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
)

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_one_clash_noticed_at_the_hub_and_at_a_commune_is_one_entry_everywhere(
        network, usb, tmp_path):
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    move_worker(hub.ctx, wid, COMMUNE_B)
    receive(b, send(hub, b, usb))  # b holds the move
    hub = restore(network, "hub", backup)  # the hub forgets it

    edit(a, wid, village="Bản Hụm")  # after the move, without knowing it
    receive(hub, send(a, hub, usb))
    receive(b, send(hub, b, usb))  # b notices the restore ...
    receive(hub, send(b, hub, usb))  # ... the move comes home: the hub notes the clash
    receive(a, send(hub, a, usb))
    for _ in range(3):
        sync_round(network, usb)

    for key in ("a", "b"):  # main: a kept an entry the hub no longer sends it
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
