"""Inbox entries and duplicate links arrive from peers too: each is checked like any record
(readable versions, the sender's scope, well-formed ids), and a bad one refuses the file."""

from __future__ import annotations

from sonla_desktop.sync.conflict_rules import conflict_values, duplicate_id
from sonla_desktop.sync.records import TABLES, decode_record, encode_values
from tests.sync_db.sync_helpers import COMMUNE_A, COMMUNE_B
from tests.sync_db.test_tamper_db import forge, refused, worker_record


def entry_record(network, usb, **changes) -> dict:
    a = network["a"]
    record = worker_record(network, usb)
    _, winner = decode_record(record, 1)
    loser = {**winner, "village": "Bản Cọ", "version": winner["version"].replace(
        winner["version"][:18], f"{int(winner['version'][:18], 16) - 1:018x}")}
    values = conflict_values(TABLES["worker"], winner, loser, COMMUNE_A)
    values.update(origin=a.id, version=winner["version"], **changes)
    return encode_values(TABLES["conflict"], values)


def test_a_genuine_entry_from_the_commune_is_taken(network, usb):
    from sonla_desktop.services.sync import import_bundle
    from sonla_desktop.services.sync_conflicts import list_conflicts

    record = entry_record(network, usb)
    import_bundle(network["hub"].ctx, forge(network, usb, [record]))
    [entry] = list_conflicts(network["hub"].ctx)
    assert (entry.id, entry.differing) == (record["id"], ["village"])


def test_an_entry_for_another_commune_is_refused(network, usb):
    err = refused(network["hub"], forge(network, usb, [entry_record(
        network, usb, commune_code=COMMUNE_B)]))
    assert "outside the scope confirmed for the sender" in err.en


def test_an_entry_with_unreadable_versions_is_refused(network, usb):
    err = refused(network["hub"], forge(network, usb, [entry_record(
        network, usb, winner='{"table": "worker"}')]))
    assert "cannot be read" in err.en


def test_an_entry_with_an_unknown_decision_is_refused(network, usb):
    err = refused(network["hub"], forge(network, usb, [entry_record(
        network, usb, resolution="both")]))
    assert "invalid conflict resolution" in err.en


def test_a_duplicate_link_with_a_made_up_id_is_refused(network, usb):
    a = network["a"]
    ids = sorted(("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"))
    record = worker_record(network, usb)
    values = {"id": duplicate_id(*ids), "worker_id_1": ids[0], "worker_id_2": ids[1],
              "commune_code_1": COMMUNE_A, "commune_code_2": COMMUNE_A, "reason": "national_id",
              "national_id": "014085000001", "status": "open", "origin": a.id,
              "version": record["version"], "deleted": False,
              "created_at": decode_record(record, 1)[1]["created_at"],
              "updated_at": decode_record(record, 1)[1]["created_at"]}
    good = encode_values(TABLES["possible_duplicate"], values)
    err = refused(network["hub"], forge(network, usb, [{**good, "id": ids[0]}]))
    assert "invalid possible-duplicate link" in err.en
    err = refused(network["hub"], forge(network, usb, [{
        **good, "commune_code_1": COMMUNE_B, "commune_code_2": COMMUNE_B}]))
    assert "outside the scope confirmed for the sender" in err.en
