"""Issue #20, found by the convergence test with restores: a commune's edit of a worker the
hub moved to it, after the hub was restored to before the move.

Before: the restored hub held the worker in the commune it had left, with no transfer
behind it, so the commune's next bundle was refused whole ("outside the scope confirmed for
the sender"), with every unrelated edit in it, and so was every later bundle in which the
commune touched that person. Now the edit goes to the inbox (the hub holds the worker
elsewhere), the rest imports, and the move comes home with the commune's repair bundle.
"""

from __future__ import annotations

import pytest

from sonla_desktop.models import LoanApplication
from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    add_loan,
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


def test_an_edit_of_a_move_the_restored_hub_forgot_goes_to_the_inbox(network, usb, tmp_path):
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    move_worker(hub.ctx, wid, COMMUNE_B)
    receive(b, send(hub, b, usb))  # b holds the moved worker
    hub = restore(network, "hub", backup)  # the hub forgets the move

    edit(b, wid, village="Bản Hụm")
    other = create_worker(b.ctx, person(COMMUNE_B))  # unrelated, in the same bundle
    receive(hub, send(b, hub, usb))  # main: refused whole

    assert worker(hub, other) is not None
    assert worker(hub, wid).commune_code == COMMUNE_A  # not applied ...
    stale = [e for e in list_conflicts(hub.ctx) if e.row_id == wid]
    assert [e.reason for e in stale] == ["stale"]  # ... but kept for a person

    for _ in range(3):
        sync_round(network, usb)
    assert worker(hub, wid).commune_code == COMMUNE_B  # the move came home
    assert worker(a, wid) is None
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
    assert any(e.row_id == wid for e in list_conflicts(b.ctx))  # b's lost edit: its inbox


def test_the_hubs_own_loan_of_a_forgotten_move_comes_home_with_the_repair(
        network, usb, tmp_path):
    """The hub also wrote a loan for the moved worker before its restore: the loan and the
    transfer come home in b's repair bundle next to b's own (stale) edit of the worker."""
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    move_worker(hub.ctx, wid, COMMUNE_B)
    loan = add_loan(hub.ctx, wid)
    receive(b, send(hub, b, usb))
    hub = restore(network, "hub", backup)

    edit(b, wid, village="Bản Hụm")
    receive(b, send(hub, b, usb))  # b notices the restore ...
    receive(hub, send(b, hub, usb))  # ... and sends everything back (main: refused whole)

    assert loan_of(hub, loan) == wid
    for _ in range(3):
        sync_round(network, usb)
    assert worker(hub, wid).commune_code == COMMUNE_B
    assert loan_of(b, loan) == wid and loan_of(a, loan) is None
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key


def loan_of(node, loan_id: str) -> str | None:
    with node.db.session() as s:
        row = s.get(LoanApplication, loan_id)
        return row.worker_id if row else None
