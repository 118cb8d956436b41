"""Issue #20, cases 4-7: the loser always knows, and rules across records hold after a merge.

Each test replays a delivery order that went wrong before: the inbox entry stayed on the
winner's side, the same CCCD from two ends blocked every later edit, concurrent approvals and
payouts ended with two payouts above the approved amount, and two resolutions of one clash
left the inboxes saying different things.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sonla_desktop.cli import main
from sonla_desktop.errors import UserError
from sonla_desktop.models import Conflict, Disbursement, LoanApplication, PossibleDuplicate
from sonla_desktop.services.loans import approve_loan, disburse_loan
from sonla_desktop.services.sync_conflicts import list_conflicts, resolve_conflict
from sonla_desktop.services.workers import create_worker, get_worker, update_worker
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
    wid = create_worker(network["a"].ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    return wid


# --- case 4: the loser always knows --------------------------------------------------------


@pytest.mark.parametrize("first", ["hub-to-commune", "commune-to-hub"])
def test_the_overwritten_edit_lands_in_the_inbox_of_the_office_that_lost(
        network, usb, shared, first):
    a, hub = network["a"], network["hub"]
    edit(hub, shared, village="Bản Mòng")  # the hub, earlier: its edit will lose
    edit(a, shared, village="Bản Hụm")  # the commune, later, not knowing of the hub's
    if first == "hub-to-commune":  # the order of the report: the commune notices first
        receive(a, send(hub, a, usb))
        receive(hub, send(a, hub, usb))
    else:
        receive(hub, send(a, hub, usb))
        receive(a, send(hub, a, usb))
    assert worker(hub, shared).village == worker(a, shared).village == "Bản Hụm"
    [lost] = list_conflicts(hub.ctx)
    assert (lost.row_id, lost.differing) == (shared, ["village"])
    assert (lost.mine["village"], lost.theirs["village"]) == ("Bản Mòng", "Bản Hụm")
    assert (lost.mine_by, lost.theirs_by, lost.in_use) == (
        "Sở LĐ-TB&XH Sơn La", "UBND phường Chiềng Cơi", "theirs")
    # One entry, the same one on both sides, not one per office that noticed.
    assert [c.id for c in list_conflicts(a.ctx)] == [lost.id]
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])


def test_an_entry_does_not_reach_a_commune_it_is_not_about(network, usb, shared):
    a, b, hub = network["a"], network["b"], network["hub"]
    edit(hub, shared, village="Bản Mòng")
    edit(a, shared, village="Bản Hụm")
    receive(hub, send(a, hub, usb))
    receive(b, send(hub, b, usb))
    assert list_conflicts(b.ctx, include_resolved=True) == []


# --- case 5: the same person created at both ends ------------------------------------------


def test_the_same_cccd_from_two_ends_is_linked_and_both_records_stay_editable(network, usb):
    a, hub = network["a"], network["hub"]
    at_hub = create_worker(hub.ctx, person(COMMUNE_A, 7001, full_name="Lò Văn Ơn"))
    at_a = create_worker(a.ctx, person(COMMUNE_A, 7001, full_name="Lò Văn Ơn"))
    sync_round(network, usb)
    sync_round(network, usb)
    for node in (a, hub):
        assert worker(node, at_hub).national_id == worker(node, at_a).national_id
        with node.db.session() as s:
            [link] = s.scalars(select(PossibleDuplicate)).all()
            assert ({link.worker_id_1, link.worker_id_2}, link.status, link.reason) == (
                {at_hub, at_a}, "open", "national_id")
    # Later edits of either record go through at the commune and at the hub.
    edit(a, at_hub, village="Bản Hụm")
    edit(a, at_a, phone="0987654321")
    sync_round(network, usb)
    edit(hub, at_a, village="Bản Mòng")
    sync_round(network, usb)
    assert worker(hub, at_hub).village == "Bản Hụm"
    assert (worker(a, at_a).phone, worker(a, at_a).village) == ("0987654321", "Bản Mòng")
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])


# --- case 6: rules across a loan's records --------------------------------------------------


def submitted_loan(node, worker_id: str, amount: int = 80_000_000) -> str:
    with node.ctx.transaction() as s:
        loan = LoanApplication(worker_id=worker_id, policy_group="poor", status="submitted",
                               application_date=date(2025, 3, 1), market_code="KR",
                               total_cost_vnd=amount, requested_vnd=amount)
        s.add(loan)
        node.ctx.stamp(s, loan)
        s.flush()
        return loan.id


def payouts(node, loan_id: str) -> list[int]:
    with node.db.session() as s:
        return sorted(s.scalars(select(Disbursement.amount_vnd).where(
            Disbursement.loan_id == loan_id, Disbursement.deleted.is_(False))))


@pytest.mark.parametrize("later", ["a", "hub"])
def test_concurrent_approvals_and_payouts_keep_one_payout_within_the_approval(
        network, usb, shared, later):
    a, hub = network["a"], network["hub"]
    loan = submitted_loan(a, shared)
    sync_round(network, usb)
    amounts = {"hub": 50_000_000, "a": 40_000_000}
    for key in ("a", "hub") if later == "hub" else ("hub", "a"):
        approve_loan(network[key].ctx, loan, amounts[key])
        disburse_loan(network[key].ctx, loan, date(2025, 4, 1), amounts[key])
    earlier = "a" if later == "hub" else "hub"
    receive(a, send(hub, a, usb))
    receive(hub, send(a, hub, usb))
    sync_round(network, usb)
    for node in (a, hub):
        with node.db.session() as s:
            row = s.get(LoanApplication, loan)
            assert (row.status, row.approved_vnd) == ("disbursed", amounts[later])
        assert payouts(node, loan) == [amounts[later]]
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])
    # The office whose approval and payout lost sees both: the approval as an edit that
    # lost, the payout as kept out by the rule, with the reason.
    inbox = list_conflicts(network[earlier].ctx)
    by_table = {c.table: c for c in inbox}
    assert set(by_table) == {"loan_application", "disbursement"}
    assert by_table["loan_application"].mine["approved_vnd"] == amounts[earlier]
    kept_out = by_table["disbursement"]
    assert kept_out.reason == "over_approved" and "kept out" in kept_out.reason_en
    assert (kept_out.mine["amount_vnd"], kept_out.mine["deleted"]) == (amounts[earlier], False)
    assert (kept_out.theirs["deleted"], kept_out.differing) == (True, ["deleted"])
    # Keeping the payout the rule left out would break it again: refused, nothing written.
    with pytest.raises(UserError) as refused:
        resolve_conflict(network[earlier].ctx, kept_out.id, "mine")
    assert "Cannot keep this version" in refused.value.en
    assert payouts(network[earlier], loan) == [amounts[later]]


def test_a_concurrent_approval_does_not_take_a_paid_out_loan_back(network, usb, shared):
    a, hub = network["a"], network["hub"]
    loan = submitted_loan(a, shared)
    sync_round(network, usb)
    approve_loan(a.ctx, loan, 40_000_000)
    disburse_loan(a.ctx, loan, date(2025, 4, 1), 40_000_000)
    approve_loan(hub.ctx, loan, 50_000_000)  # later, but behind in the workflow
    sync_round(network, usb)
    sync_round(network, usb)
    for node in (a, hub):
        with node.db.session() as s:
            row = s.get(LoanApplication, loan)
            assert (row.status, row.approved_vnd) == ("disbursed", 40_000_000)
        assert payouts(node, loan) == [40_000_000]
    [lost] = list_conflicts(hub.ctx)
    assert (lost.mine["status"], lost.mine["approved_vnd"]) == ("approved", 50_000_000)
    with pytest.raises(UserError) as refused:
        resolve_conflict(hub.ctx, lost.id, "mine")
    assert "cannot go back" in refused.value.en


# --- case 7: two resolutions of one conflict -----------------------------------------------


def crossed_edits(network, usb, wid: str) -> None:
    """Both offices edit, then files cross on the way: each office notices the clash."""
    a, hub = network["a"], network["hub"]
    edit(hub, wid, village="Bản Mòng")
    edit(a, wid, village="Bản Hụm")  # later: the commune's edit wins
    to_a, to_hub = send(hub, a, usb), send(a, hub, usb)
    receive(a, to_a)
    receive(hub, to_hub)


@pytest.mark.parametrize("last", ["hub", "a"])
def test_two_resolutions_of_one_conflict_end_as_the_later_one_on_every_node(
        network, usb, shared, last):
    a, hub = network["a"], network["hub"]
    crossed_edits(network, usb, shared)
    [at_a], [at_hub] = list_conflicts(a.ctx), list_conflicts(hub.ctx)
    assert at_a.id == at_hub.id
    # Each keeps its own version: the commune's matches what is in place.
    order = ("a", "hub") if last == "hub" else ("hub", "a")
    for key in order:
        resolve_conflict(network[key].ctx, at_a.id, "mine")
    sync_round(network, usb)
    sync_round(network, usb)
    village = {"hub": "Bản Mòng", "a": "Bản Hụm"}[last]
    assert worker(a, shared).village == worker(hub, shared).village == village
    for node in (a, hub):
        [c] = list_conflicts(node.ctx, include_resolved=True)
        mine = "mine" if node.key == last else "theirs"
        # The inbox and the data agree on every node: the later decision won both.
        assert (c.resolution, c.in_use) == (mine, mine), node.key
        assert c.resolved_by == {"hub": "Sở LĐ-TB&XH Sơn La",
                                 "a": "UBND phường Chiềng Cơi"}[last]
    assert list_conflicts(a.ctx) == list_conflicts(hub.ctx) == []
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])


def test_a_resolution_travels_and_closes_the_entry_on_the_other_node(network, usb, shared,
                                                                    capsys):
    a, hub = network["a"], network["hub"]
    edit(hub, shared, village="Bản Mòng")
    edit(a, shared, village="Bản Hụm")
    receive(hub, send(a, hub, usb))
    [entry] = list_conflicts(hub.ctx)
    resolve_conflict(hub.ctx, entry.id, "mine")  # the hub keeps its own (losing) edit
    receive(a, send(hub, a, usb))
    assert worker(a, shared).village == "Bản Mòng"
    assert list_conflicts(a.ctx) == []
    [done] = list_conflicts(a.ctx, include_resolved=True)
    assert (done.resolution, done.in_use, done.resolved_by) == (
        "theirs", "theirs", "Sở LĐ-TB&XH Sơn La")
    with pytest.raises(UserError) as refused:
        resolve_conflict(a.ctx, entry.id, "mine")
    assert "already resolved" in refused.value.en
    with hub.db.session() as s:
        assert s.get(Conflict, entry.id).resolution == "loser"
    # The command line names who decided.
    assert main(["--db", str(a.path), "conflicts", "list", "--all"]) == 0
    assert "theirs (Sở LĐ-TB&XH Sơn La)" in capsys.readouterr().out
