"""Issue #20: a duplicate link after its workers moved to another commune.

Before: a link travelled by the communes written in it. When the hub moved both workers of
a link from commune b to a, commune a (which had never received the link) wrote it again
with its own communes; that newer copy replaced the hub's, so the link left b's scope at the
hub, but b kept its old copy for good (found by the convergence test). Now a link goes
where its workers are, like a loan.
"""

from __future__ import annotations

from sqlalchemy import select

from sonla_desktop.models import PossibleDuplicate
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    person,
    sync_round,
    synced_rows,
    worker,
)


def links(node) -> dict[str, tuple[str, str]]:
    with node.db.session() as s:
        return {r.id: (r.commune_code_1, r.commune_code_2)
                for r in s.scalars(select(PossibleDuplicate))}


def converged(network) -> None:
    hub = network["hub"]
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key


def test_a_link_whose_workers_both_moved_away_leaves_the_old_commune(network, usb):
    a, b, hub = network["a"], network["b"], network["hub"]
    first = create_worker(b.ctx, person(COMMUNE_B, 7001))
    second = create_worker(hub.ctx, person(COMMUNE_B, 7001))  # same CCCD, at the hub
    sync_round(network, usb)
    sync_round(network, usb)
    assert len(links(b)) == 1 and len(links(hub)) == 1

    move_worker(hub.ctx, first, COMMUNE_A)
    move_worker(hub.ctx, second, COMMUNE_A)
    for _ in range(3):
        sync_round(network, usb)

    assert worker(b, first) is None and worker(b, second) is None
    assert worker(a, first) is not None and worker(a, second) is not None
    converged(network)  # main: b kept the link the hub no longer sends it

