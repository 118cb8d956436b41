"""Issue #20, found by the convergence test with restores: a restored office's own writes
that a commune still holds come back to it, and never silently.

Before: after the hub was restored, a commune's repair bundle (full, automatic) carried
records the hub itself had written and forgotten; the hub refused the whole bundle ("only
the provincial hub may pass on other units' records"), and every later one from it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sonla_desktop.models import Conflict
from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import list_transfers
from sonla_desktop.services.workers import create_worker
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


def test_a_restored_hub_takes_back_its_own_writes_from_a_communes_repair_bundle(
        network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    wid = create_worker(hub.ctx, person(COMMUNE_A, village="Bản Cọ"))  # the hub's own write
    receive(a, send(hub, a, usb))
    edit(hub, wid, village="Bản Hụm")
    receive(a, send(hub, a, usb))
    hub = restore(network, "hub", backup)
    assert worker(hub, wid) is None

    receive(a, send(hub, a, usb))  # the commune notices the restore ...
    path = send(a, hub, usb)  # ... and sends everything back, the hub's writes included
    receive(hub, path)  # refused whole on main

    assert worker(hub, wid).village == "Bản Hụm"
    receive(a, send(hub, a, usb))
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])


def hub_edit_then_restore(network, usb, tmp_path):
    """The hub writes a worker (known everywhere), is backed up, edits it (the commune
    receives the edit), and is then restored: the edit is forgotten at the hub only."""
    a, hub = network["a"], network["hub"]
    wid = create_worker(hub.ctx, person(COMMUNE_A, village="Bản Cọ"))
    receive(a, send(hub, a, usb))
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    edit(hub, wid, village="Bản Hụm")
    receive(a, send(hub, a, usb))
    lost = worker(a, wid).version
    return wid, lost, restore(network, "hub", backup)


def entries_about(node, version: str) -> list[Conflict]:
    with node.db.session() as s:
        return [c for c in s.scalars(select(Conflict)) if version in c.loser]


def test_a_forgotten_edit_coming_back_after_a_new_one_lands_in_the_hubs_inbox(
        network, usb, tmp_path):
    a = network["a"]
    wid, lost, hub = hub_edit_then_restore(network, usb, tmp_path)
    # Before any exchange: the restore is found when the hub next syncs; write first.
    edit(hub, wid, phone="0987654321")
    receive(hub, send(a, hub, usb))  # nothing of the hub's comes back yet (incremental)
    receive(a, send(hub, a, usb))  # the commune learns of the restore ...
    receive(hub, send(a, hub, usb))  # ... and sends everything back: "Bản Hụm" is there
    # The hub's new edit wins (it is later), and its forgotten one is in its own inbox.
    assert worker(hub, wid).phone == "0987654321"
    assert entries_about(hub, lost), "the forgotten edit was dropped as an echo"
    assert any(c.theirs.get("village") == "Bản Hụm" or c.mine.get("village") == "Bản Hụm"
               for c in list_conflicts(hub.ctx))


def test_a_commune_keeps_a_restored_hubs_forgotten_edit_that_a_new_one_overwrites(
        network, usb, tmp_path):
    a = network["a"]
    wid, lost, hub = hub_edit_then_restore(network, usb, tmp_path)
    edit(hub, wid, phone="0987654321")  # made without knowing "Bản Hụm"
    receive(a, send(hub, a, usb))  # on main the commune overwrote "Bản Hụm" without a word
    assert worker(a, wid).phone == "0987654321"
    assert entries_about(a, lost)
    # The entry travels to the hub, whose edit it was.
    receive(hub, send(a, hub, usb))
    assert entries_about(hub, lost)


def _moved_then_hub_restored(network, usb, tmp_path, carry_out: bool):
    """Commune a's worker with a loan, known everywhere; the hub is backed up, moves the
    worker to b (both communes import the move), and is then restored to before the move."""
    from sonla_desktop.services.transfers import move_worker
    from tests.sync_db.sync_helpers import COMMUNE_B, sync_round
    from tests.sync_db.test_sync_invariants import submitted_loan

    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    loan = submitted_loan(a, wid)
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    move_worker(hub.ctx, wid, COMMUNE_B)
    receive(a, send(hub, a, usb))  # a drops its copy, keeps the transfer row
    if carry_out:
        receive(b, send(hub, b, usb))
    assert worker(a, wid) is None
    hub = restore(network, "hub", backup)
    assert worker(hub, wid).commune_code == COMMUNE_A  # the move is forgotten
    return wid, loan, hub


def test_a_restored_hub_that_forgot_a_move_carries_it_out_again_from_the_transfer(
        network, usb, tmp_path):
    """The old commune holds only the transfer row (it dropped the worker); the hub gets the
    row back first, and puts the worker where its own decision said, as a new write."""
    from sonla_desktop.services.loans import approve_loan
    from tests.sync_db.sync_helpers import COMMUNE_B

    a, b = network["a"], network["b"]
    wid, loan, hub = _moved_then_hub_restored(network, usb, tmp_path, carry_out=False)
    # b meanwhile receives newer writes of the restored hub, so the transfer row's old
    # version would never go out to it again by itself.
    create_worker(hub.ctx, person(COMMUNE_B))
    receive(b, send(hub, b, usb))
    receive(hub, send(b, hub, usb))  # the hub learns that b holds them
    receive(a, send(hub, a, usb))  # a learns that the hub was restored
    receive(hub, send(a, hub, usb))  # full: the hub's transfer row comes home (main: refused)
    assert worker(hub, wid).commune_code == COMMUNE_B
    approve_loan(hub.ctx, loan, 50_000_000)
    # Before: the hub still counted the worker in a, sent a the loan without its worker, and
    # a refused the whole file ("points to a worker ... neither in the file nor here").
    receive(a, send(hub, a, usb))
    receive(b, send(hub, b, usb))
    assert worker(b, wid).commune_code == COMMUNE_B
    [move] = list_transfers(b.ctx)  # b learns why the person is now its own
    assert (move.from_commune, move.to_commune, move.status) == (COMMUNE_A, COMMUNE_B, "done")
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key


def test_a_restored_hubs_forgotten_move_comes_home_with_the_worker(network, usb, tmp_path):
    """The new commune holds the moved worker: its full file brings the hub's own move back
    although the hub's copy still stands in the old commune."""
    from tests.sync_db.sync_helpers import COMMUNE_B

    b = network["b"]
    wid, _, hub = _moved_then_hub_restored(network, usb, tmp_path, carry_out=True)
    receive(b, send(hub, b, usb))
    receive(hub, send(b, hub, usb))  # main: refused whole
    assert worker(hub, wid).commune_code == COMMUNE_B
    assert list_conflicts(hub.ctx) == []
    for key in ("a", "b"):
        receive(network[key], send(hub, network[key], usb))
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
