"""Issue #20, found by the convergence test with restores: a move request travelling to the
commune the worker would go to.

Before: a transfer row went to both communes it names, a commune's *request* too. The
commune asked to take the worker then held another office's row; after the hub was restored
its repair bundle carried that request back, and the hub refused the whole bundle ("only the
provincial hub may pass on other units' records"), and every later one. A request is between
the asking commune and the hub; only the hub's answer concerns the other commune.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sonla_desktop.models import Transfer
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    person,
    restore,
    sync_round,
    synced_rows,
)

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def transfers(node) -> dict[str, str]:
    with node.db.session() as s:
        return {t.id: t.status for t in s.scalars(select(Transfer))}


def test_a_request_stays_between_the_asking_commune_and_the_hub(network, usb, tmp_path):
    a, b, hub = network["a"], network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B, village="Bản Cọ"))
    sync_round(network, usb)
    backup = tmp_path / "hub.db"
    hub.db.backup(backup)
    request = move_worker(b.ctx, wid, COMMUNE_A).transfer_id
    sync_round(network, usb)
    assert request in transfers(hub) and request not in transfers(a)  # main: a held it too

    hub = restore(network, "hub", backup)
    for _ in range(3):
        sync_round(network, usb)  # main: a's repair bundle refused whole, every time
    assert transfers(hub)[request] == "requested"  # came home from b

    move_worker(hub.ctx, wid, COMMUNE_A)  # the answer concerns a: it goes there
    for _ in range(2):
        sync_round(network, usb)
    assert transfers(a)[request] == "done"
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key]), key
