"""Issue #20, found by the convergence test with restores (seeds 64 and 92): a record whose
parent row the receiver does not hold, after a restore.

Before: the whole bundle was refused ("it points to worker …, which is neither in the file
nor in this database"), with every unrelated record in it. A bundle is refused whole only for
what #12 names (forgery, absurd versions or sequences, a wrong signer), never for one such
record. Now the record is set aside (``sync/orphans.py``), the rest imports, and sync
repairs the rest by itself:

* a loan for a worker this commune dropped as moved out (the hub, restored to before the
  move, still held the worker here): not ours, nothing lost, no inbox entry; once the hub
  knows the move again the loan goes to the worker's new commune;
* a loan for a worker this commune forgot in its own restore: kept in the commune's inbox
  (reason ``orphan``) until the repair bundle brings the worker and the loan back.
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


def loan_of(node, loan_id: str) -> str | None:
    with node.db.session() as s:
        row = s.get(LoanApplication, loan_id)
        return row.worker_id if row else None


def converged(network) -> None:
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(
            network["hub"], SCOPES[key]), key


def test_a_loan_for_a_worker_the_commune_dropped_as_moved_out_does_not_block_the_bundle(
        network, usb, tmp_path):
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    move_worker(hub.ctx, wid, COMMUNE_A)
    assert receive(b, send(hub, b, usb)).moved_out == 1  # b dropped its copy
    hub = restore(network, "hub", backup)  # the hub forgets the move

    loan = add_loan(hub.ctx, wid)  # the hub still holds the worker in b's commune
    other = create_worker(hub.ctx, person(COMMUNE_B))  # unrelated, in the same bundle
    receive(b, send(hub, b, usb))  # main: refused whole

    assert worker(b, other) is not None  # the rest imported
    assert loan_of(b, loan) is None and worker(b, wid) is None  # the person is a's now
    assert list_conflicts(b.ctx) == []  # nothing of b's was lost

    for _ in range(3):
        sync_round(network, usb)
    assert worker(hub, wid).commune_code == COMMUNE_A  # the move came home to the hub
    assert loan_of(a, loan) == wid and loan_of(b, loan) is None
    converged(network)


def test_a_loan_for_a_worker_the_commune_forgot_in_a_restore_waits_in_its_inbox(
        network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    sync_round(network, usb)
    backup = tmp_path / "a.db"
    a.db.backup(backup)
    wid = create_worker(a.ctx, person(COMMUNE_A))
    sync_round(network, usb)  # the hub holds the worker
    a = restore(network, "a", backup)  # a forgets it

    loan = add_loan(hub.ctx, wid)
    other = create_worker(hub.ctx, person(COMMUNE_A))
    receive(a, send(hub, a, usb))  # before a's repair; main: refused whole

    assert worker(a, other) is not None
    assert loan_of(a, loan) is None
    [entry] = [e for e in list_conflicts(a.ctx) if e.row_id == loan]
    assert entry.reason == "orphan"  # told, in plain words (services/sync_conflicts.py)

    for _ in range(3):  # a's next file tells the hub it was restored: a full one comes back
        sync_round(network, usb)
    assert worker(a, wid) is not None and loan_of(a, loan) == wid
    # The loan's arrival closed its entry (orphans.close_arrived; test_orphan_close.py).
    assert list_conflicts(a.ctx) == []
    for _ in range(2):
        sync_round(network, usb)
    assert loan_of(a, loan) == wid
    # The closed entry travelled to the hub (where the loan is the hub's own: "mine").
    assert [e.resolution for e in list_conflicts(hub.ctx, include_resolved=True)
            if e.row_id == loan] == ["mine"]
    converged(network)
