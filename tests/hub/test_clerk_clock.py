"""Two clerks' programs on one hub database share its clock: a write by one is stamped after
what the other stored, even when the other's clock moved ahead (a commune PC whose clock is
fast sent versions from a few minutes ahead)."""

from __future__ import annotations

from sonla_desktop.db import open_database
from sonla_desktop.services.context import HLC_SETTING, ServiceContext
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.workers import create_worker, get_worker, update_worker
from sonla_desktop.sync.hlc import format_version, wall_ms
from tests.sync_db.sync_helpers import person


def test_a_clerk_stamps_after_the_clock_another_clerk_stored(pg_url):
    db = open_database(pg_url)
    initialise(db, name="Sở LĐ-TB&XH Sơn La", hub=True)
    first, second = (ServiceContext(db, user="clerk-1", role="admin"),
                     ServiceContext(db, user="clerk-2", role="admin"))
    wid = create_worker(second, person("03670", 7))  # the second clerk's clock is running
    ahead = format_version(wall_ms() + 10 * 60_000, 0, first.node_id)
    with first.transaction() as s:  # what an import from a fast commune leaves behind
        first.clock(s).observe(ahead)
        first.next_version(s)
    from sonla_desktop.models import Setting

    with db.session() as s:
        assert s.get(Setting, HLC_SETTING).value > ahead
    values = get_worker(second, wid)
    values["village"] = "Bản Mới"
    update_worker(second, wid, values)
    assert get_worker(second, wid)["version"] > ahead  # the later edit wins everywhere
    db.dispose()
