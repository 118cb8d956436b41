"""Offices on different program versions: a NEW VALUE of a closed list (sync/value_lists.py,
sync/newer_values.py).

Before: a record with a worker status, loan status, consent method... that the receiving
program does not know refused the whole bundle, with every unrelated record in it, and every
later bundle of that office too, until the receiver was upgraded. Now a sender whose manifest
declares newer closed lists (``value_lists``) gets such a record set aside into the
receiver's inbox and asked for again; the rest imports; once the receiver knows the value
the record comes again by itself and imports. From a sender of the same or an older
version, the same record still refuses the bundle, the database left as it was.

A newer program is simulated as the other version tests do (test_version_skew.py): its
bundle is signed with the sending office's real keys, its records are what our exporter
writes with the new value put in the sender's database, and its manifest says
``value_lists: 2``; "upgrading" an office raises ``VALUE_LISTS`` and adds the value to the
domain's list (monkeypatch)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from sonla_desktop.cli import main
from sonla_desktop.domain import worker_rules
from sonla_desktop.models import LoanApplication, LoanCostLine, Setting
from sonla_desktop.services.sync_conflicts import (
    get_conflict,
    list_conflicts,
    resolve_conflict,
)
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync import value_lists
from sonla_desktop.sync.bundle_file import read_manifest
from sonla_desktop.sync.conflict_rules import OTHER_REASON, UNKNOWN_VALUE, conflict_values
from sonla_desktop.sync.newer_values import ASKED
from sonla_desktop.sync.records import TABLES, decode_stored, encode_values
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    add_loan,
    edit,
    person,
    receive,
    send,
    worker,
)
from tests.sync_db.test_exchange import records_in
from tests.sync_db.test_tamper_db import forge, refused

NEW_STATUS = "suspended"  # a worker status a later release might add


def _records(network, usb, *wids: str) -> list[dict]:
    """The workers' records as commune a sends them now (the bundle is not imported)."""
    path = send(network["a"], network["hub"], usb)
    found = {r["id"]: r for r in records_in(path, network["hub"])}
    path.unlink()
    return [found[w] for w in wids]


def _two_workers(network, usb, **changes) -> tuple[str, str, list[dict]]:
    a = network["a"]
    first, second = create_worker(a.ctx, person(COMMUNE_A)), create_worker(a.ctx,
                                                                           person(COMMUNE_A))
    records = _records(network, usb, first, second)
    records[0].update(changes)
    return first, second, records


def _entries(node, reason: str = UNKNOWN_VALUE) -> dict[str, str]:
    """Open inbox entries of that reason: row id -> table."""
    return {e.row_id: e.table for e in list_conflicts(node.ctx) if e.reason == reason}


def _asked(node) -> list[list[str]]:
    with node.db.session() as s:
        row = s.get(Setting, ASKED)
        return json.loads(row.value) if row else []


# --- the manifest -------------------------------------------------------------------------------


def test_every_bundle_says_which_value_lists_its_program_knows(network, usb):
    path = send(network["a"], network["hub"], usb)
    assert read_manifest(path)[0]["value_lists"] == value_lists.VALUE_LISTS


def test_a_manifest_key_this_program_does_not_know_is_ignored(network, usb):
    """What lets a later release add manifest keys (as this one adds ``value_lists``)."""
    wid, _, records = _two_workers(network, usb)
    result = receive(network["hub"], forge(network, usb, records, some_later_key={"x": [1]}))
    assert result.tallies["worker"]["inserted"] == 2 and worker(network["hub"], wid)


@pytest.mark.parametrize("declared", ["2", -1, True, 10**9, [2]])
def test_an_absurd_value_lists_version_refuses_the_bundle(network, usb, declared):
    _, _, records = _two_workers(network, usb)
    err = refused(network["hub"], forge(network, usb, records, value_lists=declared))
    assert "value_lists" in err.en


@pytest.mark.parametrize("asked", [[["sync_extra", "x"]], [["worker", "a b"]],
                                   [["worker", "x"]] * 2001])
def test_a_list_of_rows_asked_for_must_name_synced_rows(network, usb, asked):
    """The list now names rows of any synced table (rows set aside for an unknown value), and
    nothing else."""
    _, _, records = _two_workers(network, usb)
    err = refused(network["hub"], forge(network, usb, records, wanted=asked))
    assert "wanted" in err.en


# --- a newer sender -------------------------------------------------------------------------------


def test_a_newer_programs_value_waits_in_the_inbox_and_the_rest_imports(network, usb):
    hub = network["hub"]
    wid, other, records = _two_workers(network, usb, status=NEW_STATUS)
    result = receive(hub, forge(network, usb, records, value_lists=2))  # main: refused whole

    assert worker(hub, other) is not None  # the rest imported
    assert worker(hub, wid) is None  # not applied
    assert result.tallies["worker"] == {"inserted": 1, "updated": 0, "unchanged": 1,
                                        "conflicts": 1}
    assert _entries(hub) == {wid: "worker"}
    [entry] = [e for e in list_conflicts(hub.ctx) if e.row_id == wid]
    assert entry.theirs["status"] == NEW_STATUS  # the record is kept, as it came
    assert "cập nhật chương trình" in entry.reason_vi and "update the program" in entry.reason_en
    assert _asked(hub) == [["worker", wid, records[0]["version"]]]
    # Asked for again by id in every manifest from here (per-origin acknowledgements moved
    # past it with the other worker, a later record of the same office).
    back = send(hub, network["a"], usb)
    assert ["worker", wid] in read_manifest(back)[0]["wanted"]
    # Reading the entry changes nothing: the row is the sender's.
    assert resolve_conflict(hub.ctx, entry.id, "theirs") is False
    assert worker(hub, wid) is None


@pytest.mark.parametrize("declared", [None, 1])
def test_the_same_value_from_a_sender_of_the_same_version_refuses_the_bundle(network, usb,
                                                                           declared):
    """A hostile or buggy peer is not a newer program: the bundle is refused whole, as before."""
    _, _, records = _two_workers(network, usb, status=NEW_STATUS)
    fields = {} if declared is None else {"value_lists": declared}
    err = refused(network["hub"], forge(network, usb, records, **fields))
    assert f"“{NEW_STATUS}”" in err.en and "status" in err.en


def test_a_newer_value_with_another_fault_refuses_the_bundle(network, usb):
    _, _, records = _two_workers(network, usb, status=NEW_STATUS, full_name="Lò Văn 2")
    err = refused(network["hub"], forge(network, usb, records, value_lists=2))
    assert "full_name" in err.en or "status" in err.en


def test_a_newer_value_outside_the_senders_scope_refuses_the_bundle(network, usb):
    """The scope is checked with a known value in its place: no way around it."""
    _, _, records = _two_workers(network, usb, status=NEW_STATUS, commune_code="03679")
    err = refused(network["hub"], forge(network, usb, records, value_lists=2))
    assert "outside the scope" in err.en


# --- the record comes again once the office knows the value -----------------------------------------


def _cost_line(ctx, loan_id: str) -> str:
    with ctx.transaction() as s:
        row = LoanCostLine(loan_id=loan_id, kind="airfare", label="Vé máy bay",
                           amount_vnd=12_000_000)
        s.add(row)
        ctx.stamp(s, row)
        s.flush()
        return row.id


def _newer(monkeypatch, upgraded: bool):
    """This process as a program whose lists know NEW_STATUS (``upgraded``) or not."""
    monkeypatch.setattr(value_lists, "VALUE_LISTS", 2 if upgraded else 1)
    statuses = worker_rules.WORKER_STATUSES
    if upgraded and NEW_STATUS not in statuses:
        monkeypatch.setattr(worker_rules, "WORKER_STATUSES", (*statuses, NEW_STATUS))
    elif not upgraded and NEW_STATUS in statuses:
        monkeypatch.setattr(worker_rules, "WORKER_STATUSES",
                            tuple(s for s in statuses if s != NEW_STATUS))


def test_a_record_set_aside_imports_with_its_loan_once_the_office_knows_the_value(
        network, usb, monkeypatch):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    with a.db.engine.begin() as conn:  # what commune a's newer program stored
        conn.execute(text("UPDATE worker SET status = :s WHERE id = :i"),
                     {"s": NEW_STATUS, "i": wid})
    loan = add_loan(a.ctx, wid)
    line = _cost_line(a.ctx, loan)
    later = create_worker(a.ctx, person(COMMUNE_A))  # a later record of the same office

    _newer(monkeypatch, upgraded=True)  # commune a exports as the newer program
    path = send(a, hub, usb)
    _newer(monkeypatch, upgraded=False)  # the hub's program is the older one
    result = receive(hub, path)  # main: refused whole

    assert worker(hub, later) is not None
    assert worker(hub, wid) is None
    with hub.db.session() as s:  # the loan and its cost line follow their worker
        assert s.get(LoanApplication, loan) is None and s.get(LoanCostLine, line) is None
    assert _entries(hub) == {wid: "worker", loan: "loan_application", line: "loan_cost_line"}
    assert result.conflicts == 3
    assert sorted(i for _, i, _ in _asked(hub)) == sorted([wid, loan, line])

    receive(a, send(hub, a, usb))  # the hub's manifest asks for the three rows
    _newer(monkeypatch, upgraded=True)  # both offices now run the newer program
    again = send(a, hub, usb)
    assert {r["id"] for r in records_in(again, hub)} >= {wid, loan, line}
    receive(hub, again)

    assert worker(hub, wid).status == NEW_STATUS
    with hub.db.session() as s:
        assert s.get(LoanApplication, loan).worker_id == wid
        assert s.get(LoanCostLine, line).loan_id == loan
    assert _asked(hub) == []  # nothing asked for any more
    assert ["worker", wid] not in read_manifest(send(hub, a, usb))[0]["wanted"]


@pytest.mark.parametrize("hub_edit_reaches_a_first", [True, False])
def test_a_local_edit_meeting_the_record_set_aside_is_a_clash(network, usb, monkeypatch,
                                                              hub_edit_reaches_a_first):
    """The acknowledgement moved past the record without the hub having seen it: the hub's
    later edit of the same worker did not know it, so both versions stay in the inbox, in
    whichever order the two meet (at the commune or at the hub)."""
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    receive(hub, send(a, hub, usb))
    with a.db.engine.begin() as conn:
        conn.execute(text("UPDATE worker SET status = :s, version = :v WHERE id = :i"),
                     {"s": NEW_STATUS, "v": _next_version(a), "i": wid})
    create_worker(a.ctx, person(COMMUNE_A))  # a later record: the hub's "have" passes it
    _newer(monkeypatch, upgraded=True)
    path = send(a, hub, usb)
    _newer(monkeypatch, upgraded=False)
    receive(hub, path)
    assert worker(hub, wid).status == "registered"

    if not hub_edit_reaches_a_first:
        receive(a, send(hub, a, usb))  # the hub's ask, before its clerk edits
    edit(hub, wid, village="Bản Hụn")  # the hub's clerk, unaware of a's change
    if hub_edit_reaches_a_first:
        receive(a, send(hub, a, usb))  # at a: the hub's edit is later and wins there
    _newer(monkeypatch, upgraded=True)
    receive(hub, send(a, hub, usb))
    [clash] = [e for e in list_conflicts(hub.ctx) if e.row_id == wid and e.reason == ""]
    assert {clash.mine["status"], clash.theirs["status"]} == {"registered", NEW_STATUS}
    assert worker(hub, wid).village == "Bản Hụn"


def _next_version(node) -> str:
    with node.ctx.transaction() as s:
        return node.ctx.next_version(s)


# --- inbox entries of a newer program ---------------------------------------------------------------


def _entry_record(network, usb, reason: str) -> tuple[str, list[dict]]:
    """A worker record and an inbox entry about it, with ``reason``, as commune a sends."""
    a = network["a"]
    wid, other, records = _two_workers(network, usb)
    spec, values = decode_stored(json.dumps(records[0]))
    entry = conflict_values(spec, values, values, COMMUNE_A, reason=reason)
    stamped = {**entry, "origin": a.id, "version": _next_version(a)}
    return wid, [*records, encode_values(TABLES["conflict"], stamped)]


def test_an_inbox_entry_with_a_reason_this_program_does_not_know_is_shown_as_other(
        network, usb):
    hub = network["hub"]
    wid, records = _entry_record(network, usb, "household_split")
    receive(hub, forge(network, usb, records, value_lists=2))  # main: refused whole
    [entry] = [e for e in list_conflicts(hub.ctx) if e.row_id == wid]
    assert (entry.reason_vi, entry.reason_en) == OTHER_REASON
    assert entry.as_json()["reason_text"]
    assert get_conflict(hub.ctx, entry.id).reason == "household_split"
    # Resolving only closes it: a reason this program does not know may mean anything.
    before = worker(hub, wid).version
    assert resolve_conflict(hub.ctx, entry.id, "mine") is False
    assert worker(hub, wid).version == before


def test_the_command_line_lists_and_closes_entries_of_a_newer_program(network, usb, capsys):
    hub = network["hub"]
    wid, records = _entry_record(network, usb, "household_split")
    records[0]["status"] = NEW_STATUS  # and a record with a value this program lacks
    receive(hub, forge(network, usb, records, value_lists=2))
    db = str(hub.path)
    assert main(["--db", db, "conflicts", "list"]) == 0
    out = capsys.readouterr().out
    assert OTHER_REASON[0] in out and "chưa biết" in out
    assert main(["--db", db, "conflicts", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["reason"] for r in rows) == ["household_split", UNKNOWN_VALUE]
    assert all(r["reason_text"] for r in rows)
    for row in rows:
        assert main(["--db", db, "conflicts", "resolve", row["id"], "--keep", "mine"]) == 0
    hub.ctx.reset_node()
    assert list_conflicts(hub.ctx) == [] and worker(hub, wid) is None


def test_the_conflicts_page_shows_entries_of_a_newer_program(qtbot, network, usb):
    from tests.sync_db.test_sync_page import make_page, settle

    hub = network["hub"]
    _, records = _entry_record(network, usb, "household_split")
    records[1]["status"] = NEW_STATUS
    receive(hub, forge(network, usb, records, value_lists=2))
    page, runner = make_page(qtbot, hub)
    page.tabs.setCurrentWidget(page.conflicts)
    settle(qtbot, runner)
    panel = page.conflicts
    shown = []
    for row in range(panel.list.rowCount()):
        panel.list.selectRow(row)
        settle(qtbot, runner)
        shown.append((panel.in_use.text(), panel.message.text()))
    assert len(shown) == 2
    assert any(label.startswith(OTHER_REASON[0]) and "cập nhật chương trình" in text
               for label, text in shown)
    assert any("chưa biết" in label and "cập nhật chương trình" in text
               for label, text in shown)
    panel.keep_mine.click()
    settle(qtbot, runner)
    assert panel.list.rowCount() == 1


def test_a_malformed_inbox_reason_still_refuses_the_bundle(network, usb):
    _, records = _entry_record(network, usb, "Lý do <b>lạ</b>")
    refused(network["hub"], forge(network, usb, records, value_lists=2))


# --- other closed lists: the hub's loan rules, inbox entries themselves -----------------------------


def _hub_rule_of_a_newer_kind(network) -> tuple[str, str]:
    """A rule of a kind a later release might add, as the newer hub's program stores it, and
    a worker the hub registered meanwhile (unrelated, in the same bundle)."""
    from sonla_desktop.services.loan_rules import add_rule

    hub = network["hub"]
    rule_id = add_rule(hub.ctx, {
        "key": "grace_period_poor", "kind": "series", "valid_from": "01/04/2026",
        "value_kind": "percent_year", "value": "6", "legal_basis": "QĐ …/QĐ-TTg (thử)",
        "label_vi": "ân hạn cho hộ nghèo", "note": ""})
    with hub.db.engine.begin() as conn:
        conn.execute(text("UPDATE loan_rule SET kind = 'grace_period', value_kind = 'months',"
                          " conditions = 'poor and disabled' WHERE id = :i"), {"i": rule_id})
    return rule_id, create_worker(hub.ctx, person(COMMUNE_A))


def test_a_loan_rule_of_a_kind_the_commune_does_not_know_waits_in_its_inbox(network, usb,
                                                                            monkeypatch):
    from sonla_desktop.models import LoanRule

    hub, a = network["hub"], network["a"]
    rule_id, wid = _hub_rule_of_a_newer_kind(network)
    monkeypatch.setattr(value_lists, "VALUE_LISTS", 2)
    path = send(hub, a, usb)
    monkeypatch.setattr(value_lists, "VALUE_LISTS", 1)
    receive(a, path)  # main: refused whole, and every later file of the hub too
    assert worker(a, wid) is not None
    with a.db.session() as s:
        assert s.get(LoanRule, rule_id) is None
    assert _entries(a) == {rule_id: "loan_rule"}
    # The entry is the commune's: it travels to the hub, whose program knows the kind.
    receive(hub, send(a, hub, usb))
    assert rule_id in _entries(hub)


def test_a_loan_rule_of_an_unknown_kind_from_a_hub_of_the_same_version_is_refused(network,
                                                                                 usb):
    hub, a = network["hub"], network["a"]
    _hub_rule_of_a_newer_kind(network)
    err = refused(a, send(hub, a, usb))
    assert "grace_period" in err.en


def test_an_inbox_entry_with_a_resolution_this_program_does_not_know_waits(network, usb):
    """An entry cannot hold an entry: the newer program's decision simply waits (asked for
    again) while the rest imports."""
    from sonla_desktop.models import Conflict

    hub = network["hub"]
    wid, records = _entry_record(network, usb, "")
    records[-1].update(resolution="dismissed", resolved_by=network["a"].id)
    result = receive(hub, forge(network, usb, records, value_lists=2))
    assert worker(hub, wid) is not None
    with hub.db.session() as s:
        assert s.get(Conflict, records[-1]["id"]) is None
    assert result.tallies["conflict"]["unchanged"] == 1 and result.conflicts == 0
    assert _asked(hub) == [["conflict", records[-1]["id"], records[-1]["version"]]]
    err = refused(hub, forge(network, usb, records, sequence=60))  # same version: refused
    assert "resolution" in err.en


def test_keeping_a_version_with_a_value_this_program_does_not_know_is_refused(network, usb):
    """A clash noticed at an office already upgraded travels here with both versions: the
    newer one cannot be written here (this office would send it on to offices of its own
    version, which would refuse the whole bundle)."""
    from sonla_desktop.errors import UserError

    hub = network["hub"]
    wid, _, records = _two_workers(network, usb)
    spec, ours = decode_stored(json.dumps(records[0]))
    newer = {**ours, "status": NEW_STATUS, "village": "Bản Mới", "version": _next_version(
        network["a"])}
    entry = conflict_values(spec, ours, newer, COMMUNE_A)
    stamped = {**entry, "origin": network["a"].id, "version": _next_version(network["a"])}
    receive(hub, forge(network, usb, [*records, encode_values(TABLES["conflict"], stamped)],
                       value_lists=2))
    [clash] = [e for e in list_conflicts(hub.ctx) if e.row_id == wid]
    side = "mine" if clash.mine["status"] == NEW_STATUS else "theirs"
    before = worker(hub, wid).version
    with pytest.raises(UserError) as err:
        resolve_conflict(hub.ctx, clash.id, side)
    assert f"status = {NEW_STATUS}" in err.value.en and "cập nhật chương trình" in err.value.vi
    assert worker(hub, wid).version == before and worker(hub, wid).status == "registered"
    assert resolve_conflict(hub.ctx, clash.id, "theirs" if side == "mine" else "mine") is False
