"""Issue #20, the convergence test's seed 41 (a loan the hub forgot, held by no office at the
end, in no inbox; it passed by accident once the seeds ran the same each time).

A loan the hub wrote and sent to commune a, then forgot in a restore, is held only by a. The
restored hub then moves the worker to commune b: a drops the worker with its loans when the
move arrives (``transfers.drop_moved_out``). Before, only rows written *at a* that the hub had
not received went to the inbox first, so the hub's own forgotten loan vanished everywhere
without a word. Now a row of the sender's own forgotten ranges (its manifest's
``forgotten``) is kept in the inbox too (reason ``moved_out``), and the entry reaches the hub.
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    add_loan,
    person,
    receive,
    restore,
    send,
    sync_round,
)
from tests.sync_edges.test_orphans import converged, loan_of

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_a_loan_the_restored_hub_forgot_is_not_dropped_silently_by_its_move(
        network, usb, tmp_path):
    a = network["a"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)
    loan = add_loan(network["hub"].ctx, wid)
    receive(a, send(network["hub"], a, usb))
    assert loan_of(a, loan) == wid  # a holds the hub's loan ...
    hub = restore(network, "hub", backup)  # ... which the hub forgets
    move_worker(hub.ctx, wid, COMMUNE_B)

    assert receive(a, send(hub, a, usb)).moved_out == 1  # a drops the worker and the loan
    assert loan_of(a, loan) is None
    # main: no entry anywhere, and no office holds the loan any more
    [entry] = [e for e in list_conflicts(a.ctx) if e.row_id == loan]
    assert entry.reason == "moved_out" and entry.table == "loan_application"

    for _ in range(3):
        sync_round(network, usb)
    assert [e.reason for e in list_conflicts(hub.ctx) if e.row_id == loan] == ["moved_out"]
    assert all(loan_of(network[k], loan) is None for k in ("hub", "a", "b"))
    converged(network)
