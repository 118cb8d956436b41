"""Issue #20, case 1: moving a worker between communes is a hub action that travels.

Before: the hub moved a worker from commune B to A, B was never told, and the next bundle in
which B touched that worker was refused whole ("outside the scope confirmed for the
sender"), with every unrelated edit in it, and so was every later bundle from B.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sonla_desktop.errors import UserError
from sonla_desktop.models import LoanApplication, Transfer
from sonla_desktop.services.sync_conflicts import list_conflicts, resolve_conflict
from sonla_desktop.services.transfers import list_transfers, move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    add_loan,
    edit,
    person,
    receive,
    send,
    sync_round,
    synced_rows,
    worker,
)


def loans_of(node, wid: str) -> list[str]:
    with node.db.session() as s:
        return list(s.scalars(select(LoanApplication.id).where(LoanApplication.worker_id == wid)))


@pytest.fixture
def moved(network, usb) -> tuple[str, str]:
    """A worker of commune b with a loan, known everywhere, then moved to a by the hub."""
    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B, village="Bản Cọ"))
    loan = add_loan(b.ctx, wid)
    sync_round(network, usb)
    result = move_worker(hub.ctx, wid, COMMUNE_A, note="lấy chồng ở Chiềng Cơi")
    assert result.status == "done"
    return wid, loan


def test_a_stale_edit_goes_to_the_inbox_and_the_rest_of_the_bundle_imports(network, usb, moved):
    wid, _ = moved
    a, b, hub = network["a"], network["b"], network["hub"]
    edit(b, wid, village="Bản Hụm")  # b does not know yet
    other = create_worker(b.ctx, person(COMMUNE_B))  # unrelated edit in the same bundle

    result = receive(hub, send(b, hub, usb))  # refused whole on main

    assert worker(hub, other) is not None
    assert worker(hub, wid).commune_code == COMMUNE_A
    assert worker(hub, wid).village == "Bản Cọ"
    [entry] = list_conflicts(hub.ctx)
    assert entry.reason == "stale" and entry.row_id == wid
    assert entry.theirs["village"] == "Bản Hụm"
    assert "chuyển" in entry.as_json()["reason_text"]
    assert result.conflicts == 1

    # The hub keeps the late edit's fields but never moves the person back.
    resolve_conflict(hub.ctx, entry.id, "theirs")
    assert worker(hub, wid).village == "Bản Hụm"
    assert worker(hub, wid).commune_code == COMMUNE_A

    # Later bundles from b import too, and every office converges.
    edit(b, other, village="Bản Mòng")
    receive(hub, send(b, hub, usb))
    assert worker(hub, other).village == "Bản Mòng"
    sync_round(network, usb)
    sync_round(network, usb)
    for key in ("a", "b"):
        assert synced_rows(network[key], SCOPES[key]) == synced_rows(hub, SCOPES[key])
    assert worker(a, wid).village == "Bản Hụm"


def test_the_old_commune_receives_a_moved_out_record_and_drops_its_copy(network, usb, moved):
    wid, loan = moved
    a, b, hub = network["a"], network["b"], network["hub"]

    result = receive(b, send(hub, b, usb))

    assert result.moved_out == 1
    assert worker(b, wid) is None and loans_of(b, wid) == []
    [move] = list_transfers(b.ctx)
    assert (move.from_commune, move.to_commune, move.status) == (COMMUNE_B, COMMUNE_A, "done")
    assert list_conflicts(b.ctx) == []  # nothing of b's was lost
    receive(a, send(hub, a, usb))
    assert worker(a, wid).commune_code == COMMUNE_A and loans_of(a, wid) == [loan]
    # b's next bundle is accepted and the offices agree.
    receive(hub, send(b, hub, usb))
    assert synced_rows(b, SCOPES["b"]) == synced_rows(hub, SCOPES["b"])


def test_an_unsent_edit_at_the_old_commune_is_kept_in_its_inbox_when_the_move_arrives(
        network, usb, moved):
    wid, _ = moved
    b, hub = network["b"], network["hub"]
    edit(b, wid, phone="0987654321")
    receive(b, send(hub, b, usb))
    assert worker(b, wid) is None
    [entry] = list_conflicts(b.ctx)
    assert entry.reason == "moved_out" and entry.mine["phone"] == "0987654321"
    assert entry.theirs["commune_code"] == COMMUNE_A
    resolve_conflict(b.ctx, entry.id, "mine")  # read and passed on: closes the entry
    assert list_conflicts(b.ctx) == []


def test_a_commune_cannot_move_a_worker_away_itself_it_requests_the_move(network, usb):
    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    with pytest.raises(UserError, match="workers move"):
        edit(b, wid, commune_code=COMMUNE_A)  # accepted on main, and never sent
    assert worker(b, wid).commune_code == COMMUNE_B

    request = move_worker(b.ctx, wid, COMMUNE_A, note="chuyển hộ khẩu")
    assert request.status == "requested"
    assert worker(b, wid).commune_code == COMMUNE_B
    receive(hub, send(b, hub, usb))
    [seen] = list_transfers(hub.ctx, "requested")
    assert (seen.worker_id, seen.to_commune, seen.note) == (wid, COMMUNE_A, "chuyển hộ khẩu")

    done = move_worker(hub.ctx, wid, COMMUNE_A)
    assert done.transfer_id == request.transfer_id  # the request itself is carried out
    receive(b, send(hub, b, usb))
    assert worker(b, wid) is None
    assert [t.status for t in list_transfers(b.ctx)] == ["done"]


def test_a_hub_edit_of_the_commune_field_is_a_move_too(network, usb):
    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    sync_round(network, usb)
    edit(hub, wid, commune_code=COMMUNE_A)
    with hub.db.session() as s:
        assert s.scalar(select(Transfer.status).where(Transfer.worker_id == wid)) == "done"
    receive(b, send(hub, b, usb))
    assert worker(b, wid) is None


def test_workers_move_on_the_command_line(network, usb, capsys):
    from sonla_desktop.cli import main

    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    assert main(["--db", str(b.path), "workers", "move", wid, "--commune", COMMUNE_A,
                 "--note", "chuyển hộ khẩu"]) == 0
    assert "đề nghị" in capsys.readouterr().out
    receive(hub, send(b, hub, usb))
    assert main(["--db", str(hub.path), "workers", "move", wid, "--commune", COMMUNE_A]) == 0
    assert "Đã chuyển" in capsys.readouterr().out
    assert main(["--db", str(b.path), "bundle", "import",
                 str(send(hub, b, usb))]) == 0
    assert "chuyển sang xã/phường khác" in capsys.readouterr().out
    assert main(["--db", str(b.path), "workers", "moves", "--format", "json"]) == 0
    assert '"status": "done"' in capsys.readouterr().out


def test_the_hub_can_refuse_a_request_and_the_commune_sees_the_answer(network, usb):
    from sonla_desktop.services.transfers import refuse_request

    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B))
    request = move_worker(b.ctx, wid, COMMUNE_A)
    with pytest.raises(UserError):
        refuse_request(b.ctx, request.transfer_id)  # the hub's answer, not the commune's
    receive(hub, send(b, hub, usb))
    refuse_request(hub.ctx, request.transfer_id[:8], note="chưa đủ giấy tờ")
    receive(b, send(hub, b, usb))
    [answer] = list_transfers(b.ctx)
    assert (answer.status, answer.note) == ("refused", "chưa đủ giấy tờ")
    assert worker(b, wid).commune_code == COMMUNE_B
