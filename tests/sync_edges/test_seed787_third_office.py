"""Issue #20, the convergence test's seed 787 (a commune's bundle refused whole for one row
of another commune, then a loan held by one commune only).

Commune b wrote a worker and a loan; the hub received them and moved the worker to commune
a, whose bundle from the hub brought the worker with b's loan (its ``origin`` stays b, the
office that wrote it). The hub was then restored to a backup made before it ever had them.
Commune a, seeing the hub's new generation, owed it a full repair bundle, which carried
everything in a's communes, b's loan too. The restored hub did not hold that loan, so by the
origin rule (``inbound.admit``: only the hub passes on other offices' records) it refused the
whole file, a's own writes with it, and every later repair bundle of a the same way.

Now the restored hub sets such a row aside as a *witness* (``sync/witness.py``): never
applied, but b's own record at exactly that version is then not a stale write of a worker
moved out of b's communes, and the hub takes it from b, so the loan ends up where its worker
is. Outside a repair, a commune's bundle carries only its own rows and the hub's
(``exporter._Selector.origins``). A forged row is still refused whole
(``tests/sync_db/test_tamper_db.py``).
"""

from __future__ import annotations

import pytest

from sonla_desktop.models import LoanApplication
from sonla_desktop.services.sync import import_bundle
from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.exporter import clock_sequence
from sonla_desktop.sync.records import TABLES, encode_values
from tests.hostile.bundles.hostile_corpus import forge, version
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
from tests.sync_db.test_tamper_db import refused
from tests.sync_edges.test_orphans import converged, loan_of

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def _story(network, usb, tmp_path):
    """b's worker and loan, moved by the hub to a, then the hub restored to before them;
    a and b have both seen the restored hub (each owes it a repair bundle)."""
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
    receive(b, send(hub, b, usb))  # so does b (the hub forgot the move: b keeps the worker)
    edit(a, wid, village="Bản Mòng")  # a's own write, after the move

    # main: "claims to be written by unit ... (commune b)", nothing imported
    receive(hub, send(a, hub, usb))
    assert worker(hub, wid).village == "Bản Mòng"  # a's edit arrived
    assert worker(hub, wid).commune_code == COMMUNE_A  # with the hub's own move, home again
    assert loan_of(hub, loan) is None  # a may not write in b's name
    return hub, wid, loan


def test_another_communes_loan_in_a_repair_bundle_comes_back_from_its_writer(
        network, usb, tmp_path):
    """The seed's order: b's repair reaches the hub before b heard of the move."""
    hub, wid, loan = _story(network, usb, tmp_path)
    a, b = network["a"], network["b"]
    receive(hub, send(b, hub, usb))
    # main (with a's file let in): b's loan was a stale write of a worker moved out of b
    assert loan_of(hub, loan) == wid
    assert not [e for e in list_conflicts(b.ctx) if e.row_id == loan]  # not "stale"

    for _ in range(3):
        sync_round(network, usb)
    assert loan_of(a, loan) == wid and loan_of(hub, loan) == wid
    assert loan_of(b, loan) is None  # b dropped it with the moved worker
    converged(network)


def test_the_loan_comes_back_from_the_archive_when_the_move_reached_its_writer_first(
        network, usb, tmp_path):
    """The other order: b drops the worker and the loan before its repair bundle (the hub
    had not received it yet, so the drop keeps a ``moved_out`` entry, an extra one); the
    hub asks b for the loan by id and b sends it from its archive of dropped rows."""
    hub, wid, loan = _story(network, usb, tmp_path)
    a, b = network["a"], network["b"]
    assert receive(b, send(hub, b, usb)).moved_out == 1
    assert loan_of(b, loan) is None
    receive(hub, send(b, hub, usb))
    assert loan_of(hub, loan) == wid

    for _ in range(3):
        sync_round(network, usb)
    assert loan_of(a, loan) == wid and loan_of(hub, loan) == wid
    converged(network)


def test_a_commune_still_cannot_make_the_restored_hub_take_another_communes_row(
        network, usb, tmp_path):
    """The hostile side: at the restored hub, a row in b's name from a is never applied,
    and one newer than anything the hub could have relayed before its restore refuses the
    file whole, as at a hub never restored (``tests/hostile``, ``origin-another-commune``)."""
    hub, wid, loan = _story(network, usb, tmp_path)
    a, b = network["a"], network["b"]
    with a.db.session() as s:
        row = s.get(LoanApplication, loan)
        values = {c.name: getattr(row, c.name) for c in LoanApplication.__table__.columns}
    record = encode_values(TABLES["loan_application"], values)
    record["approved_vnd"] = record["requested_vnd"]  # a's forgery of b's loan

    later = clock_sequence() + 100  # past a's real bundles of this minute
    import_bundle(hub.ctx, forge(network, usb, [record], manifest_fields={"sequence": later}))
    assert loan_of(hub, loan) is None  # set aside as a witness, never applied
    record["version"] = version(b.id)  # newer than the hub's clock before its restore
    err = refused(hub, forge(network, usb, [record],
                             manifest_fields={"sequence": later + 1}))
    assert "only the provincial hub may pass on" in err.en
