"""Issue #20, the convergence hunt's seed 210: a commune's loan set aside as stale in the very
bundle that brings the hub's forgotten move home.

The hub moved a worker from commune b to commune a, was then restored to before the move
(so it holds the worker in b again) and edited the worker there. Commune a writes a loan for
the worker. At the hub the loan is stale (its worker stands in b, outside a's communes). In
a's full repair bundle the move comes home too, but transfers come after loans in table order:
the hub follows the move (``transfers.follow_moves``) only after the loan was set aside
again. Set aside, the loan counted as received, so a never sent it again and the hub missed
it for good (a held it, the hub did not). Now the hub takes a second look at such records
once it has followed the moves (``AfterMerge._retry_stale``) and merges those whose worker
is back in the sender's communes.
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    add_loan,
    edit,
    person,
    receive,
    restore,
    send,
    sync_round,
    worker,
)
from tests.sync_edges.test_orphans import converged, loan_of

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_a_loan_set_aside_before_the_move_comes_home_in_the_same_bundle_is_merged(
        network, usb, tmp_path):
    a, b = network["a"], network["b"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)
    move_worker(network["hub"].ctx, wid, COMMUNE_A)
    receive(a, send(network["hub"], a, usb))  # a holds the worker now
    receive(b, send(network["hub"], b, usb))  # b dropped it
    hub = restore(network, "hub", backup)  # the hub forgets the move ...
    edit(hub, wid, village="Bản Mòng")  # ... and edits the worker, still in b for it

    loan = add_loan(a.ctx, wid)
    receive(hub, send(a, hub, usb))  # stale at the hub: the worker stands in b there
    assert loan_of(hub, loan) is None
    receive(a, send(hub, a, usb))  # a learns that the hub was restored
    receive(hub, send(a, hub, usb))  # a's full file: the loan, then the move (main: aside)
    assert worker(hub, wid).commune_code == COMMUNE_A
    assert loan_of(hub, loan) == wid

    for _ in range(3):
        sync_round(network, usb)
    assert loan_of(hub, loan) == wid and loan_of(a, loan) == wid
    converged(network)
