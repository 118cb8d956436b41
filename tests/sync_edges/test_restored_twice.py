"""Issue #20, the convergence hunt's seed 817: a hub restored twice, first to an older backup
and then to a newer one taken before the first restore.

The hub moved a worker of commune b to commune a (a ``done`` transfer, never sent), took a
backup, and was restored to an OLDER backup: that line of the hub forgot the move, wrote
newer rows and sent them to b, whose "have" for the hub (one version per origin) rose above
the move's. The hub was then restored to the NEWER backup, which holds the move again at its
old version. b's next bundle told the hub that b held the hub's writes up to that newer
version, so no incremental bundle ever carried the transfer to b: b and the hub differed for
good with nothing in any inbox. Now an office found restored owes each peer all its own rows
(``sync/restore_debt.py``): its bundles carry them whatever the peer's "have" says, until the
peer says it imported one.

In the seed the debt was then "paid" by the wrong file: the hub's second line (a restore to
the older backup again) wrote its state file with its own last sequence number, below the
numbers the first line had sent, so the third line counted sequence numbers from there again.
b's acknowledgement of the first line's bundle looked like one of the third line's full
bundle, and those reused numbers were refused by b as old. The state file now keeps the
sequence floor (``generation.write_state``).
"""

from __future__ import annotations

import pytest

from sonla_desktop.errors import SyncError
from sonla_desktop.models import Transfer
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync import exporter
from sonla_desktop.sync.bundle_file import read_manifest
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    person,
    receive,
    restore,
    send,
    sync_round,
)
from tests.sync_edges.test_orphans import converged

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


@pytest.fixture(autouse=True)
def one_minute(monkeypatch):
    """Every bundle of the story in the same minute (or a PC clock set back): sequence numbers
    then count on from the last one and the floor, as in the convergence test."""
    monkeypatch.setattr(exporter, "clock_sequence", lambda now=None: 1)


def transfers(node) -> set[str]:
    with node.db.session() as s:
        return set(s.scalars(Transfer.__table__.select().with_only_columns(Transfer.id)))


def test_a_row_the_middle_line_never_had_reaches_the_commune(network, usb, tmp_path):
    hub, b = network["hub"], network["b"]
    wid = create_worker(hub.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    older, newer = tmp_path / "hub-1.db", tmp_path / "hub-2.db"
    hub.db.backup(older)
    move_worker(hub.ctx, wid, COMMUNE_A)  # never sent before the restore
    hub.db.backup(newer)
    [move] = transfers(hub)

    hub = restore(network, "hub", older)  # this line never had the move ...
    create_worker(hub.ctx, person(COMMUNE_B))
    receive(b, send(hub, b, usb))  # ... and raises b's "have" for the hub above it

    hub = restore(network, "hub", newer)  # the move is back, at its old version
    receive(hub, send(b, hub, usb))  # b says which versions of the hub it holds
    receive(b, send(hub, b, usb))
    assert move in transfers(b)  # main: the hub's "have" for b covered it, never sent
    sync_round(network, usb)
    converged(network)


def test_a_hub_restored_again_does_not_reuse_the_numbers_its_lost_line_sent(
        network, usb, tmp_path):
    hub, a, b = network["hub"], network["a"], network["b"]
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    create_worker(hub.ctx, person(COMMUNE_B))
    first = send(hub, b, usb)
    seen = read_manifest(first)[0]["sequence"]
    receive(b, first)

    hub = restore(network, "hub", backup)  # finds itself restored at its next import ...
    receive(hub, send(a, hub, usb))  # ... and wrote its state file after it
    hub = restore(network, "hub", backup)  # the same backup again
    create_worker(hub.ctx, person(COMMUNE_B))
    path = send(hub, b, usb)
    assert read_manifest(path)[0]["sequence"] > seen  # main: a number b already imported
    try:
        receive(b, path)
    except SyncError as err:  # main: "not above number …", and every file after it too
        pytest.fail(err.en)
    for _ in range(2):
        sync_round(network, usb)
    converged(network)
