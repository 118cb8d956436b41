"""Same person, two communes (issue #16 item 3): the hub lists the pairs (same CCCD, or the
same folded name + birth date + sex) with both records, a hub clerk decides, and the
decision travels back to both communes and is not undone by an undecided copy."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sonla_desktop.cli import main
from sonla_desktop.errors import UserError
from sonla_desktop.models import PossibleDuplicate
from sonla_desktop.services.duplicates import (
    list_duplicates,
    resolve_duplicate,
    scan_duplicates,
)
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.conflict_rules import wins
from tests.sync_db.sync_helpers import COMMUNE_A, COMMUNE_B, person, sync_round

# 420 = lcm of person()'s cycles: same name, birth date and sex, another CCCD.
SAME_PERSON_OTHER_CCCD = 420


def _links(node) -> dict[str, tuple[str, str]]:
    with node.db.session() as s:
        return {(r.worker_id_1, r.worker_id_2): (r.status, r.reason)
                for r in s.scalars(select(PossibleDuplicate))}


@pytest.fixture
def pairs(network, usb):
    a, b = network["a"], network["b"]
    cccd = (create_worker(a.ctx, person(COMMUNE_A, 7001)),
            create_worker(b.ctx, person(COMMUNE_B, 7001)))
    # Written without accents at one commune: the folded name is the same.
    named = (create_worker(a.ctx, person(COMMUNE_A, 8002, full_name="Cam Van  Khanh")),
             create_worker(b.ctx, person(COMMUNE_B, 8002 + SAME_PERSON_OTHER_CCCD)))
    create_worker(b.ctx, person(COMMUNE_B, 8003))  # nobody else: never listed
    sync_round(network, usb)
    return {"cccd": tuple(sorted(cccd)), "named": tuple(sorted(named))}


def test_the_hub_lists_both_kinds_side_by_side_and_decisions_reach_both_communes(
        network, usb, pairs, capsys):
    hub, a, b = network["hub"], network["a"], network["b"]
    # Sync already linked the shared CCCD; the name match is the hub's own look.
    assert set(_links(hub)) == {pairs["cccd"]}
    assert main(["--db", str(hub.path), "workers", "duplicates", "--format", "json"]) == 0
    listed = {(r["first"]["id"], r["second"]["id"]): r
              for r in json.loads(capsys.readouterr().out)}
    assert set(listed) == {pairs["cccd"], pairs["named"]}
    named = listed[pairs["named"]]
    assert named["reason"] == "name_birth" and named["status"] == "open"
    assert {named["first"]["commune_code"], named["second"]["commune_code"]} == {
        COMMUNE_A, COMMUNE_B}
    assert named["first"]["birth_date"] == named["second"]["birth_date"]
    assert named["first"]["national_id"] != named["second"]["national_id"]
    assert scan_duplicates(hub.ctx) == 0  # looking again adds nothing
    # The clerk decides, with the short id the table shows.
    assert main(["--db", str(hub.path), "workers", "duplicates", "resolve",
                 listed[pairs["cccd"]]["id"][:8], "--same"]) == 0
    assert "cùng một người" in capsys.readouterr().out
    resolve_duplicate(hub.ctx, named["id"], "different")
    assert list_duplicates(hub.ctx) == []
    sync_round(network, usb)
    for node in (a, b):
        assert _links(node) == {pairs["cccd"]: ("same_person", "national_id"),
                                pairs["named"]: ("different", "name_birth")}
    # A commune may not decide; an undecided copy never beats a decision.
    with pytest.raises(UserError):
        resolve_duplicate(a.ctx, named["id"], "same_person")
    decided = {"status": "different", "version": "0001"}
    assert not wins("possible_duplicate", {"status": "open", "version": "9999"}, decided)
    assert wins("possible_duplicate", {"status": "same_person", "version": "0002"}, decided)


def test_an_unknown_id_or_decision_is_refused_and_nothing_changes(network, usb, pairs, capsys):
    hub = network["hub"]
    before = _links(hub)
    assert main(["--db", str(hub.path), "workers", "duplicates", "resolve", "ffffffff",
                 "--different"]) == 1
    assert "ffffffff" in capsys.readouterr().err
    with pytest.raises(UserError):
        resolve_duplicate(hub.ctx, next(iter(list_duplicates(hub.ctx))).id, "maybe")
    assert _links(hub) == before
