"""Issue #20, the convergence test's seed 787 (a commune's bundle refused whole for one row
of another commune).

Commune b wrote a worker and a loan; the hub received them and moved the worker to commune
a, whose bundle from the hub brought the worker with b's loan (its ``origin`` stays b, the
office that wrote it). The hub was then restored to a backup made before it ever had them.
Commune a, seeing the hub's new generation, owed it a full repair bundle, which carried
everything in a's communes, b's loan too. The restored hub does not hold that loan, so by the
origin rule (``inbound.admit``: only the hub passes on other offices' records) it refused the
whole file, a's own writes with it, and every later repair bundle of a the same way.

The sender was wrong to send it: a row of a third office sent by a commune is either held by
the hub at that version (an echo, which changes nothing) or refused. A commune's bundle now
carries only its own rows and the hub's (``exporter._Selector.origins``); the refusal of a
forged row stays as it was (``tests/sync_db/test_tamper_db.py``).
"""

from __future__ import annotations

import pytest

from sonla_desktop.models import LoanApplication
from sonla_desktop.services.sync_trust import node_keys
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.bundle_file import read_manifest, read_records
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
from tests.sync_edges.test_orphans import loan_of

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_a_communes_repair_bundle_leaves_out_another_communes_loan(network, usb, tmp_path):
    a, b = network["a"], network["b"]
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)  # the hub's backup, before b's worker existed
    wid = create_worker(b.ctx, person(COMMUNE_B))
    loan = add_loan(b.ctx, wid)
    receive(network["hub"], send(b, network["hub"], usb))
    move_worker(network["hub"].ctx, wid, COMMUNE_A)
    receive(a, send(network["hub"], a, usb))
    assert loan_of(a, loan) == wid  # a holds the moved worker with b's loan
    with a.db.session() as s:
        assert s.get(LoanApplication, loan).origin == b.id

    hub = restore(network, "hub", backup)
    receive(a, send(hub, a, usb))  # a sees the hub's new generation: it owes a repair
    edit(a, wid, village="Bản Mòng")  # a's own write, after the move

    repair = send(a, hub, usb)
    manifest = read_manifest(repair)[0]
    assert manifest["full"]
    records = read_records(repair, manifest, node_keys(hub.ctx))
    # main: b's loan went in the file, and the hub refused the whole file for it
    assert {r["origin"] for r in records} <= {a.id, hub.id}
    assert loan not in {r["id"] for r in records}
    receive(hub, repair)
    assert worker(hub, wid).village == "Bản Mòng"  # a's edit arrived
    assert worker(hub, wid).commune_code == COMMUNE_A  # with the hub's own move, home again
    assert loan_of(hub, loan) is None  # only b, its writer, may bring the loan back
