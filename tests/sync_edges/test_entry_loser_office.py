"""Issue #20, the convergence hunt's seed 137: the inbox entry about a loan goes to the office
whose write lost, even when the worker stands in another commune by then.

A loan row names no commune: its entry travelled with the row, to the commune the worker
stands in at the office noticing the clash. The hub approved and paid out a loan, moved the
worker from commune b to a, and was restored to before all that; commune b's approval of the
same loan then reached it. In a's repair bundle the hub's move and its paid-out loan came
home: the paid-out loan wins, b's approval lost, and the entry went to a (where the worker
now is). b, whose approval lost, never learnt of it (it dropped the worker and the loan when
the move arrived). Now an entry about a loan (payout, attendance...) is kept in a commune of
the losing write's office when that is a commune office (``AfterMerge._office_commune``).
"""

from __future__ import annotations

from datetime import date

import pytest

from sonla_desktop.services.loans import approve_loan, disburse_loan
from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    person,
    receive,
    restore,
    send,
    sync_round,
)
from tests.sync_db.test_sync_invariants import submitted_loan
from tests.sync_edges.test_orphans import converged, loan_of

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_the_office_whose_loan_approval_lost_gets_the_entry_after_a_move(
        network, usb, tmp_path):
    a, b = network["a"], network["b"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    loan = submitted_loan(b, wid)
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)
    approve_loan(network["hub"].ctx, loan, 50_000_000)
    disburse_loan(network["hub"].ctx, loan, date(2025, 4, 1), 50_000_000,
                  today=date(2025, 6, 1))
    move_worker(network["hub"].ctx, wid, COMMUNE_A)
    receive(a, send(network["hub"], a, usb))  # a holds the worker and the paid-out loan
    approve_loan(b.ctx, loan, 40_000_000)  # b has heard of neither
    hub = restore(network, "hub", backup)  # the hub forgets the payout and the move
    receive(hub, send(b, hub, usb))  # b's approval: no clash with what the hub holds now

    receive(a, send(hub, a, usb))
    receive(hub, send(a, hub, usb))  # the move and the paid-out loan come home: b's lost
    assert loan_of(hub, loan) == wid
    assert receive(b, send(hub, b, usb)).moved_out == 1
    [entry] = [e for e in list_conflicts(b.ctx) if e.row_id == loan]  # main: none at b
    assert entry.mine["approved_vnd"] == 40_000_000
    for _ in range(2):
        sync_round(network, usb)
    converged(network)
