"""Issue #20's follow-up: an ``orphan`` inbox entry closes by itself once its record arrives.

A record whose parent is not here is set aside with an entry telling the clerk to ask for a
full export (``sync/orphans.py``). Once the parent came and the record imported, the entry
used to stay open, still saying the record was missing, until the clerk closed it by hand.
Now the import that applies the record closes it as a clerk's "read" would
(``orphans.close_arrived``): a new version of this office, an audit line, and the decision
travels to the other offices like any resolution.
"""

from __future__ import annotations

import pytest

from sonla_desktop.models import Conflict
from sonla_desktop.services.audit import list_entries
from sonla_desktop.services.sync_conflicts import list_conflicts
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    NAMES,
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
from tests.sync_edges.test_orphans import loan_of

pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def entries_for(node, row_id: str) -> list:
    return [e for e in list_conflicts(node.ctx, include_resolved=True) if e.row_id == row_id]


def a_forgets_a_worker_the_hub_lends_to(network, usb, tmp_path) -> tuple[str, str]:
    """Commune a, restored to before one of its workers existed, receives the hub's loan for
    that worker: the loan waits in a's inbox (reason ``orphan``). Returns (worker, loan)."""
    sync_round(network, usb)
    backup = tmp_path / "a.db"
    network["a"].db.backup(backup)
    wid = create_worker(network["a"].ctx, person(COMMUNE_A))
    sync_round(network, usb)  # the hub holds the worker
    a = restore(network, "a", backup)  # a forgets it
    loan = add_loan(network["hub"].ctx, wid)
    receive(a, send(network["hub"], a, usb))
    assert loan_of(a, loan) is None
    return wid, loan


def test_the_orphan_entry_closes_by_itself_when_its_record_arrives(network, usb, tmp_path):
    wid, loan = a_forgets_a_worker_the_hub_lends_to(network, usb, tmp_path)
    a = network["a"]
    [entry] = entries_for(a, loan)
    assert entry.reason == "orphan" and entry.resolved_at is None

    # a's next file tells the hub it was restored; the hub's full file brings the worker
    # and, with it, the loan.
    receive(network["hub"], send(a, network["hub"], usb))
    receive(a, send(network["hub"], a, usb, full=True))
    assert worker(a, wid) is not None and loan_of(a, loan) == wid

    # main: still open, "points to data not held here", for a loan that is here.
    [closed] = entries_for(a, loan)
    assert closed.id == entry.id
    assert closed.resolved_at is not None and closed.resolution == "theirs"
    assert closed.resolved_by == NAMES["a"]  # the office that closed it, by name
    assert list_conflicts(a.ctx) == []
    with a.db.session() as s:
        row = s.get(Conflict, entry.id)
        assert row.origin == a.id and row.resolved_by == a.id
    [audit] = list_entries(a.ctx, action="resolve", entity_id=loan)
    assert audit.entity == "loan_application"
    assert audit.changes == {"keep": [None, "theirs"], "automatic": [None, "record_arrived"]}

    # The decision travels: the hub, where the entry came open from a, takes the closed one.
    hub = network["hub"]
    assert [e.resolution for e in entries_for(hub, loan)] == [""]
    sync_round(network, usb)
    [at_hub] = entries_for(hub, loan)
    assert at_hub.resolved_at is not None
    assert at_hub.resolution == "mine"  # the loan is the hub's own: both read the same
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
    # Nothing was written twice: one decision, one audit line, at a only.
    assert list_entries(hub.ctx, action="resolve", entity_id=loan) == []
    assert len(list_entries(a.ctx, action="resolve", entity_id=loan)) == 1


def test_an_orphan_entry_whose_record_did_not_arrive_stays_open(network, usb, tmp_path):
    wid, loan = a_forgets_a_worker_the_hub_lends_to(network, usb, tmp_path)
    a, hub = network["a"], network["hub"]
    # Another loan, for a worker a holds, imports; the orphan comes again and is set aside
    # again (its worker is still missing: the hub does not know yet that a was restored).
    held = create_worker(hub.ctx, person(COMMUNE_A))
    other = add_loan(hub.ctx, held)
    receive(a, send(hub, a, usb))
    assert loan_of(a, other) == held and loan_of(a, loan) is None

    [entry] = entries_for(a, loan)
    assert entry.reason == "orphan" and entry.resolved_at is None
    assert entries_for(a, other) == []
    assert list_entries(a.ctx, action="resolve") == []


def test_the_hub_closes_its_entry_and_the_commune_holding_the_open_copy_follows(
        network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    wid = create_worker(a.ctx, person(COMMUNE_A))
    sync_round(network, usb)
    hub = restore(network, "hub", backup)  # the hub forgets a's worker
    loan = add_loan(a.ctx, wid)  # a believes the hub holds the worker: only the loan goes
    receive(hub, send(a, hub, usb))
    assert loan_of(hub, loan) is None
    [entry] = entries_for(hub, loan)
    assert entry.reason == "orphan" and entry.resolved_at is None
    receive(a, send(hub, a, usb))  # the entry reaches a (kept in a's commune), open
    assert [e.resolved_at for e in entries_for(a, loan)] == [None]

    for _ in range(3):  # a learns the hub was restored; its repair brings worker and loan
        sync_round(network, usb)
    assert loan_of(hub, loan) == wid
    [closed] = entries_for(hub, loan)
    assert closed.resolved_at is not None and closed.resolved_by == NAMES["hub"]
    assert len(list_entries(hub.ctx, action="resolve", entity_id=loan)) == 1
    [at_a] = entries_for(a, loan)
    assert at_a.resolved_at is not None and at_a.resolved_by == NAMES["hub"]
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
