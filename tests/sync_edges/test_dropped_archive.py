"""Issue #20, the convergence hunt's seed 438: a worker held by no office after a hub restore.

Commune b created a worker and sent it to the hub, which moved it to commune a; commune a
never received it. The hub was then restored to a backup made before it ever had the worker,
and only after that did the hub's old bundle carrying the move reach b: b dropped its copy as
moved out (the old hub's "have" rightly covered it when the bundle was made). No office held
the person any more and no inbox had a word of it. Now b keeps what a move drops in its
archive of dropped rows (``sync/dropped.py``) and sends its own dropped rows back in the
repair bundle it owes the restored hub; the hub takes the worker in b's commune and follows
its move on to commune a.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sonla_desktop.models import DroppedRow
from sonla_desktop.services.person_erase import erase_person
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
    worker,
)
from tests.sync_edges.test_orphans import converged, loan_of

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
RESTORES = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def _archived(node) -> int:
    with node.db.session() as s:
        return s.scalar(select(func.count()).select_from(DroppedRow))


def _lose_the_hub_copy(network, usb, tmp_path) -> tuple[str, str]:
    """The seed-438 story up to b's drop; returns (worker id, loan id)."""
    a, b, hub = network["a"], network["b"], network["hub"]
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)  # before the hub ever had the worker
    wid = create_worker(b.ctx, person(COMMUNE_B))
    loan = add_loan(b.ctx, wid)
    receive(hub, send(b, hub, usb))
    move_worker(hub.ctx, wid, COMMUNE_A)
    to_b = send(hub, b, usb)  # made before the restore, a never gets the worker
    restore(network, "hub", backup)
    assert receive(b, to_b).moved_out == 1
    assert worker(b, wid) is None
    assert worker(a, wid) is None
    return wid, loan


@RESTORES
def test_a_worker_dropped_by_a_move_the_restored_hub_forgot_comes_back_and_reaches_a(
        network, usb, tmp_path):
    wid, loan = _lose_the_hub_copy(network, usb, tmp_path)
    b = network["b"]
    assert _archived(b) == 2  # the worker and its loan, kept at b

    for _ in range(3):  # b finds the hub restored and sends its repair bundle
        sync_round(network, usb)

    hub, a = network["hub"], network["a"]
    # main: held by no office at all
    assert worker(hub, wid) is not None and worker(hub, wid).commune_code == COMMUNE_A
    assert worker(a, wid) is not None and worker(a, wid).commune_code == COMMUNE_A
    assert worker(b, wid) is None
    assert loan_of(a, loan) is not None
    assert _archived(b) == 0  # the hub confirmed the repair that carried them
    converged(network)


def test_erasing_the_person_purges_the_archived_copies(network, usb):
    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    move_worker(hub.ctx, wid, COMMUNE_A)
    sync_round(network, usb)
    assert worker(b, wid) is None and _archived(b) == 1  # an ordinary move: kept a while
    move_worker(hub.ctx, wid, COMMUNE_B)  # back home
    sync_round(network, usb)
    assert worker(b, wid) is not None and _archived(b) == 1

    erase_person(b.ctx, wid)
    assert _archived(b) == 0  # the old names and CCCD leave the archive too


def test_a_loan_dropped_by_a_move_comes_back_with_its_worker(network, usb):
    """Convergence seed 45: b's loan, dropped by a move, reached the hub after the hub moved
    the worker back to b; the worker came home, the loan never did (b's acknowledgement of
    its own writes covered it), and it stayed at the hub only. b now asks for it by id."""
    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    move_worker(hub.ctx, wid, COMMUNE_A)
    to_b = send(hub, b, usb)
    loan = add_loan(b.ctx, wid)  # b does not know of the move yet
    from_b = send(b, hub, usb)
    assert receive(b, to_b).moved_out == 1  # dropped, with its inbox entry
    move_worker(hub.ctx, wid, COMMUNE_B)  # back home
    receive(b, send(hub, b, usb))  # the worker comes home without the loan
    receive(hub, from_b)  # the loan reaches the hub only now

    for _ in range(3):
        sync_round(network, usb)
    assert worker(b, wid) is not None
    assert loan_of(b, loan) is not None  # main: held by the hub only
    converged(network)
