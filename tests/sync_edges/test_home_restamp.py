"""Issue #20, the convergence hunt's seed 240: a row of the hub's that a restore made it
forget, coming home from one commune, never reached the other.

The hub links two records of one CCCD entered at commune a and at commune b (a duplicate
link, written by the hub) and sends it to b only; then it is restored to before the link.
Commune a meanwhile receives later writes of the restored hub, so a's acknowledgement for the
hub's writes is above the link's version. b's repair bundle brings the link home with its
old version, and the hub, sending by version per origin, never sent it to a: the two offices
disagreed for good. Now the hub writes every row of its own coming home again with a new
version (``AfterMerge._restamp_home``, before only for transfer rows), so it travels on.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sonla_desktop.models import PossibleDuplicate
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
from tests.sync_edges.test_orphans import converged

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def links(node) -> list[tuple[str, str]]:
    with node.db.session() as s:
        return sorted((d.worker_id_1, d.worker_id_2) for d in s.scalars(select(PossibleDuplicate)))


def test_a_link_the_restored_hub_gets_back_from_one_commune_reaches_the_other(
        network, usb, tmp_path):
    a, b = network["a"], network["b"]
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    network["hub"].db.backup(backup)
    create_worker(a.ctx, person(COMMUNE_A, 5))
    create_worker(b.ctx, person(COMMUNE_B, 5))  # the same CCCD
    receive(network["hub"], send(a, network["hub"], usb))
    receive(network["hub"], send(b, network["hub"], usb))  # the hub links the two
    receive(b, send(network["hub"], b, usb))  # only b gets the link
    [pair] = links(b)
    hub = restore(network, "hub", backup)  # the hub forgets the link

    create_worker(hub.ctx, person(COMMUNE_A))  # a later write of the hub's, for a
    receive(a, send(hub, a, usb))  # a learns that the hub was restored
    receive(b, send(hub, b, usb))  # so does b
    receive(hub, send(b, hub, usb))  # b's full file: the link comes home
    receive(hub, send(a, hub, usb))  # a's full file: a's worker comes home
    receive(a, send(hub, a, usb))  # main: the link's old version is below a's ack
    assert links(a) == [pair]

    for _ in range(2):
        sync_round(network, usb)
    converged(network)
