"""Two offices editing the same person before syncing: last writer wins, the loser is kept."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sonla_desktop.cli import main
from sonla_desktop.errors import UserError
from sonla_desktop.models import Conflict
from sonla_desktop.services.sync_conflicts import (
    get_conflict,
    list_conflicts,
    resolve_conflict,
)
from sonla_desktop.services.workers import create_worker, delete_worker, get_worker, update_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    SCOPES,
    person,
    receive,
    send,
    sync_round,
    synced_rows,
    worker,
)


def edit(node, wid: str, **changes) -> None:
    values = get_worker(node.ctx, wid)
    values.update(changes)
    update_worker(node.ctx, wid, values)


@pytest.fixture
def shared(network, usb) -> str:
    """One person known to commune a and the hub."""
    wid = create_worker(network["a"].ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    return wid


def test_concurrent_edits_keep_the_later_one_everywhere_and_the_other_in_the_inbox(
    network, usb, shared
):
    a, hub = network["a"], network["hub"]
    edit(a, shared, village="Bản Hụm")  # the commune, earlier
    edit(hub, shared, village="Bản Mòng")  # the hub, later, not knowing of the commune's edit
    assert worker(hub, shared).version > worker(a, shared).version
    receive(hub, send(a, hub, usb))  # the hub's own later edit stays
    assert worker(hub, shared).village == "Bản Mòng"
    receive(a, send(hub, a, usb))
    assert worker(a, shared).village == "Bản Mòng"
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])

    inbox = list_conflicts(hub.ctx)
    assert len(inbox) == 1
    c = inbox[0]
    assert (c.table, c.row_id, c.differing) == ("worker", shared, ["village"])
    assert (c.mine["village"], c.theirs["village"]) == ("Bản Mòng", "Bản Hụm")
    assert c.title == worker(hub, shared).full_name
    # The commune's edit lost: the entry travelled to it, seen from its side (issue #20).
    [at_a] = list_conflicts(a.ctx)
    assert at_a.id == c.id
    assert (at_a.mine["village"], at_a.theirs["village"], at_a.in_use) == (
        "Bản Hụm", "Bản Mòng", "theirs")


def test_choosing_theirs_writes_it_again_and_it_wins_on_both_sides(network, usb, shared):
    a, hub = network["a"], network["hub"]
    edit(a, shared, village="Bản Hụm")
    edit(hub, shared, village="Bản Mòng")
    receive(hub, send(a, hub, usb))
    conflict = list_conflicts(hub.ctx)[0]
    assert resolve_conflict(hub.ctx, conflict.id, "theirs") is True
    assert worker(hub, shared).village == "Bản Hụm"
    assert worker(hub, shared).origin == hub.id  # a new local edit, so it travels
    receive(a, send(hub, a, usb))
    assert worker(a, shared).village == "Bản Hụm"
    assert list_conflicts(hub.ctx) == []
    done = get_conflict(hub.ctx, conflict.id)
    assert done.resolution == "theirs" and done.resolved_at is not None
    assert list_conflicts(a.ctx) == []
    with pytest.raises(UserError):
        resolve_conflict(hub.ctx, conflict.id, "mine")


def test_choosing_the_version_already_in_place_changes_no_data(network, usb, shared):
    a, hub = network["a"], network["hub"]
    edit(a, shared, village="Bản Hụm")
    edit(hub, shared, village="Bản Mòng")
    receive(hub, send(a, hub, usb))
    before = worker(hub, shared)
    entry = list_conflicts(hub.ctx)[0]
    assert resolve_conflict(hub.ctx, entry.id, "mine") is False
    after = worker(hub, shared)
    assert (after.village, after.phone) == (before.village, before.phone)
    # Written again all the same: the decision and the row carry one new version, so a
    # concurrent decision elsewhere cannot leave them disagreeing (issue #20, case 7).
    with hub.db.session() as s:
        assert after.version == s.get(Conflict, entry.id).version > before.version


def test_edits_made_one_after_the_other_are_not_conflicts(network, usb, shared):
    a, hub = network["a"], network["hub"]
    edit(a, shared, village="Bản Hụm")
    sync_round(network, usb)
    edit(hub, shared, village="Bản Mòng")  # the hub had the commune's edit: no clash
    sync_round(network, usb)
    edit(a, shared, phone="0987654321")
    sync_round(network, usb)
    assert worker(a, shared).village == worker(hub, shared).village == "Bản Mòng"
    assert worker(hub, shared).phone == "0987654321"
    assert list_conflicts(a.ctx) == list_conflicts(hub.ctx) == []


def test_an_old_echo_of_our_own_edit_is_not_a_conflict(network, usb, shared):
    a, hub = network["a"], network["hub"]
    echo = send(hub, a, usb, full=True)  # carries the person as the commune first wrote it
    edit(a, shared, village="Bản Hụm")
    receive(a, echo)
    assert worker(a, shared).village == "Bản Hụm"
    assert list_conflicts(a.ctx) == []


def test_deleted_on_one_side_edited_on_the_other(network, usb, shared):
    a, hub = network["a"], network["hub"]
    edit(hub, shared, village="Bản Mòng")
    delete_worker(a.ctx, shared)  # later
    receive(a, send(hub, a, usb))
    assert worker(a, shared).deleted is True
    inbox = list_conflicts(a.ctx)
    assert [sorted(c.differing) for c in inbox] == [["deleted", "village"]]
    resolve_conflict(a.ctx, inbox[0].id, "theirs")  # bring the person back, with the edit
    assert (worker(a, shared).deleted, worker(a, shared).village) == (False, "Bản Mòng")


def test_reimporting_records_does_not_duplicate_conflicts(network, usb, shared):
    a, hub = network["a"], network["hub"]
    edit(a, shared, village="Bản Hụm")
    edit(hub, shared, village="Bản Mòng")
    receive(hub, send(a, hub, usb))
    receive(hub, send(a, hub, usb))  # a second file with the same record
    with hub.db.session() as s:
        assert len(s.scalars(select(Conflict)).all()) == 1


def test_conflicts_from_the_command_line(network, usb, shared, capsys):
    a, hub = network["a"], network["hub"]
    edit(a, shared, village="Bản Hụm")
    edit(hub, shared, village="Bản Mòng")
    receive(hub, send(a, hub, usb))
    db = str(hub.path)
    assert main(["--db", db, "conflicts", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["table"], r["mine"]["village"], r["theirs"]["village"]) for r in rows] == [
        ("worker", "Bản Mòng", "Bản Hụm")]
    assert main(["--db", db, "conflicts", "list"]) == 0
    out = capsys.readouterr().out
    assert "village: Bản Mòng → Bản Hụm" in out
    assert main(["--db", db, "conflicts", "resolve", rows[0]["id"][:8], "--keep", "theirs"]) == 0
    assert "Đã giữ bản của họ" in capsys.readouterr().out
    hub.ctx.reset_node()
    assert worker(hub, shared).village == "Bản Hụm"
    assert main(["--db", db, "conflicts", "resolve", rows[0]["id"], "--keep", "theirs"]) == 1
    assert "đã được giải quyết" in capsys.readouterr().err
