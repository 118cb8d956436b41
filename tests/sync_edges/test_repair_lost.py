"""Issue #20: the full bundle that repairs a restored office is lost on the way.

Before: the peer of a restored office made ONE full bundle and then went back to
incremental ones. When that file never reached the restored office (a stick left in a
drawer), the next bundles were incremental: the peer's acknowledgements (the restored
office's clock, moved past what it forgot) said it already held its own lost writes, so
they never came back and the offices never converged (found by the convergence test).
Now the peer keeps sending full bundles until the restored office says it imported one.
"""

from __future__ import annotations

import pytest

from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.bundle_file import read_manifest
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    SCOPES,
    edit,
    person,
    receive,
    restore,
    send,
    synced_rows,
    worker,
)
from tests.sync_edges.test_restore import history

# A restore puts a SQLite file back; PostgreSQL restores are the server's own tools.
pytestmark = pytest.mark.sqlite_only("puts a SQLite database file back (a restore)")


def test_the_repair_bundle_comes_again_until_the_restored_office_got_one(
        network, usb, tmp_path):
    first, second, backup = history(network, usb, tmp_path)
    hub = network["hub"]
    a = restore(network, "a", backup)
    assert worker(a, second) is None  # lost by the restore
    assert receive(hub, send(a, hub, usb)).sender_restored

    lost = send(hub, a, usb)  # the repair bundle: never carried to a
    assert read_manifest(lost)[0]["full"] is True
    create_worker(hub.ctx, person(COMMUNE_A))  # the hub works on meanwhile
    receive(hub, send(a, hub, usb))  # a sends again, still without the repair

    again = send(hub, a, usb)
    assert read_manifest(again)[0]["full"] is True  # main: incremental, without a's own rows
    receive(a, again)
    assert worker(a, second) is not None
    assert worker(a, first).village == "Bản Hụm"
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])

    # Once a's next bundle says it imported a full one, the hub goes back to incremental.
    edit(a, first, village="Bản Mòng")
    receive(hub, send(a, hub, usb))
    after = send(hub, a, usb)
    assert read_manifest(after)[0]["full"] is False
    receive(a, after)
    assert worker(hub, first).village == "Bản Mòng"
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])
