"""An erasure made at a commune travels to the hub through a real bundle: the hub anonymises
the worker too and its file no longer holds the values."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sonla_desktop.models import Conflict, Erasure, LoanApplication, Worker
from sonla_desktop.services.audit import verify_chain
from sonla_desktop.services.person_erase import erase_person
from sonla_desktop.services.workers import WorkerFilter, create_worker, list_workers
from tests.person.helpers import CCCD, DUC, NAME, PHONE, file_bytes, held
from tests.sync_db.sync_helpers import COMMUNE_A, add_loan, receive, send

# The values are looked for in the database file's bytes; the PostgreSQL hub reclaims dead
# rows with its own vacuum (docs/security.md).
pytestmark = pytest.mark.sqlite_only("reads the SQLite file's bytes after the erasure")


def test_an_erasure_travels_from_the_commune_to_the_hub(network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, {**DUC, "commune_code": COMMUNE_A})
    loan_id = add_loan(a.ctx, wid)
    receive(hub, send(a, hub, usb))
    assert held(file_bytes(hub.db), NAME, CCCD, PHONE) == [NAME, CCCD, PHONE]
    assert [r.id for r in list_workers(hub.ctx, WorkerFilter(search="nguyen van duc"))] == [wid]

    erase_person(a.ctx, wid)
    result = receive(hub, send(a, hub, usb))
    assert result.tallies["erasure"]["inserted"] == 1
    assert held(file_bytes(hub.db), NAME, CCCD, PHONE, "nguyen van duc") == []
    with hub.db.session() as s:
        w = s.get(Worker, wid)
        assert (w.full_name, w.national_id, w.phone, w.deleted) == ("Đã xoá", None, "", True)
        assert s.get(LoanApplication, loan_id).worker_id == wid  # the bank's record stays
        assert s.scalar(select(Erasure.worker_id)) == wid
    assert list_workers(hub.ctx, WorkerFilter(search="duc")) == []
    assert verify_chain(hub.ctx).ok and verify_chain(a.ctx).ok


def test_an_edit_made_at_the_hub_meanwhile_is_erased_too(network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, {**DUC, "commune_code": COMMUNE_A})
    receive(hub, send(a, hub, usb))
    # The hub corrects the village while the commune erases the person.
    from sonla_desktop.services.workers import get_worker, update_worker

    values = get_worker(hub.ctx, wid)
    update_worker(hub.ctx, wid, {**values, "village": "Bản Mòng Trên"})
    erase_person(a.ctx, wid)
    receive(hub, send(a, hub, usb))
    assert held(file_bytes(hub.db), NAME, CCCD, PHONE, "Bản Mòng Trên") == []
    with hub.db.session() as s:
        assert s.get(Worker, wid).full_name == "Đã xoá"
        # The inbox's copy of the losing version (which held the name) is gone as well.
        assert s.scalars(select(Conflict).where(Conflict.row_id == wid)).all() == []
    # And the hub's re-erasure travels back without bringing anything back.
    receive(a, send(hub, a, usb))
    with a.db.session() as s:
        assert s.get(Worker, wid).full_name == "Đã xoá"
    assert held(file_bytes(a.db), NAME, CCCD, PHONE, "Bản Mòng Trên") == []
