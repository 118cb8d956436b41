"""Bundles between real databases: what goes, what arrives, and what comes back."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from sonla_desktop.models import AdminUnit, BundleLog, LoanApplication, PeerAck, Target, Worker
from sonla_desktop.services.setup import node_keys_dir
from sonla_desktop.services.sync import bundle_history, check_bundle, export_preview
from sonla_desktop.services.sync_trust import trusted_peer
from sonla_desktop.services.workers import (
    WorkerFilter,
    create_worker,
    delete_worker,
    list_workers,
    update_worker,
)
from sonla_desktop.sync.bundle_file import read_records, verify_bundle
from sonla_desktop.sync.keys import load_keys
from tests.conftest import serve_communes
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    SCOPES,
    add_loan,
    person,
    receive,
    send,
    set_target,
    sync_round,
    synced_rows,
    worker,
)


def records_in(path, reader) -> list[dict]:
    """Decrypt a bundle as its recipient would."""
    with reader.db.session() as s:
        manifest = verify_bundle(path, lambda n: trusted_peer(s, n))
    return list(read_records(path, manifest, load_keys(node_keys_dir(reader.id))))


def test_a_commune_worker_reaches_the_hub_and_is_searchable_there(network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, full_name="Lò Văn Ơn"))
    result = receive(hub, send(a, hub, usb))
    assert result.tallies["worker"]["inserted"] == 1
    got = worker(hub, wid)
    assert (got.full_name, got.origin, got.version) == ("Lò Văn Ơn", a.id, worker(a, wid).version)
    # The FTS index follows the imported row: diacritics-free search finds it at the hub.
    found = list_workers(hub.ctx, WorkerFilter(search="lo van on"))
    assert [r.id for r in found] == [wid]


def test_a_commune_sends_only_its_own_communes_people(network, usb):
    a, hub = network["a"], network["hub"]
    mine = create_worker(a.ctx, person(COMMUNE_A))
    # A neighbour is refused at entry now (tests/sync_edges/test_worker_scope.py); a record
    # of another commune kept from when this office served it is not the commune's to send.
    serve_communes(a.ctx, COMMUNE_A, COMMUNE_B)
    other = create_worker(a.ctx, person(COMMUNE_B))
    serve_communes(a.ctx, COMMUNE_A)
    path = send(a, hub, usb)
    ids = {r["id"] for r in records_in(path, hub) if r["table"] == "worker"}
    assert ids == {mine}
    assert other not in ids
    # and never the hub's tables
    assert {r["table"] for r in records_in(path, hub)} == {"worker"}


def test_the_hub_sends_a_commune_its_records_plus_reference_data_targets_and_rates(
    network, usb
):
    hub, a, b = network["hub"], network["a"], network["b"]
    wa = create_worker(hub.ctx, person(COMMUNE_A))
    wb = create_worker(hub.ctx, person(COMMUNE_B))
    loan_a = add_loan(hub.ctx, wa)
    add_loan(hub.ctx, wb)
    t_prov = set_target(hub.ctx, 2026, 900)
    t_a = set_target(hub.ctx, 2026, 40, COMMUNE_A)
    t_b = set_target(hub.ctx, 2026, 30, COMMUNE_B)
    records = records_in(send(hub, a, usb), a)
    by_table: dict[str, set] = {}
    for r in records:
        by_table.setdefault(r["table"], set()).add(r["id"])
    assert by_table["worker"] == {wa}
    assert by_table["loan_application"] == {loan_a}
    assert by_table["target"] == {t_prov, t_a}
    assert t_b not in by_table["target"]
    for table in ("admin_unit", "ethnic_group", "market", "policy_group", "policy_rate",
                  "policy_param", "loan_rule"):
        assert by_table[table], table
    # Records carry every column, JSON-safe: decimals as text, dates ISO.
    rate = next(r for r in records if r["table"] == "policy_rate")
    assert isinstance(rate["rate_pct_year"], str) and "." in rate["rate_pct_year"]
    loan = next(r for r in records if r["table"] == "loan_application")
    assert loan["application_date"] == "2025-03-01"
    assert {"origin", "version", "deleted", "created_at", "updated_at"} <= loan.keys()
    assert b  # b untouched


def test_incremental_export_sends_only_what_the_peer_has_not_acknowledged(network, usb):
    a, hub = network["a"], network["hub"]
    w1 = create_worker(a.ctx, person(COMMUNE_A))
    w2 = create_worker(a.ctx, person(COMMUNE_A))
    receive(hub, send(a, hub, usb))
    # Until the hub's acknowledgement comes back, a resend carries both again.
    again = records_in(send(a, hub, usb), hub)
    assert {r["id"] for r in again} == {w1, w2}
    receive(hub, again_path := sorted(usb.glob("*.sldsync"))[-1])
    assert again_path
    # The hub's next bundle carries its have-vector; after that only changes go.
    receive(a, send(hub, a, usb))
    with a.db.session() as s:
        ack = s.get(PeerAck, (hub.id, a.id))
    assert ack is not None and ack.version >= worker(a, w2).version
    update_worker(a.ctx, w2, {**person(COMMUNE_A), "full_name": "Cầm Thị Lan",
                              "national_id": worker(a, w2).national_id,
                              "birth_date": worker(a, w2).birth_date.strftime("%d/%m/%Y"),
                              "sex": worker(a, w2).sex})
    delta = records_in(send(a, hub, usb), hub)
    assert [(r["table"], r["id"]) for r in delta] == [("worker", w2)]
    _, counts = export_preview(a.ctx, to=hub.id)
    assert counts == {"worker": 1}
    _, full = export_preview(a.ctx, to=hub.id, full=True)
    assert full == {"worker": 2}


def test_full_export_sends_everything_in_scope_even_when_acknowledged(network, usb):
    a, hub = network["a"], network["hub"]
    for _ in range(3):
        create_worker(a.ctx, person(COMMUNE_A))
    sync_round(network, usb)
    full = records_in(send(a, hub, usb, full=True), hub)
    assert len([r for r in full if r["table"] == "worker"]) == 3
    assert receive(hub, sorted(usb.glob("*.sldsync"))[-1]).total("unchanged") == 3


def test_a_deletion_travels_as_a_tombstone(network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    sync_round(network, usb)
    delete_worker(a.ctx, wid)
    receive(hub, send(a, hub, usb))
    assert worker(hub, wid).deleted is True
    assert list_workers(hub.ctx, WorkerFilter()) == []


def test_a_hub_correction_comes_back_to_the_commune(network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, village="Bản Cọ"))
    sync_round(network, usb)
    w = worker(hub, wid)
    update_worker(hub.ctx, wid, {**person(COMMUNE_A), "village": "Bản Hụm",
                                 "national_id": w.national_id, "full_name": w.full_name,
                                 "birth_date": w.birth_date.strftime("%d/%m/%Y"), "sex": w.sex,
                                 "phone": w.phone})
    receive(a, send(hub, a, usb))
    assert worker(a, wid).village == "Bản Hụm"
    assert worker(a, wid).search_text.endswith("ban hum")


def test_a_later_local_edit_wins_over_what_was_imported(network, usb):
    # The clock observes imported versions, so the next local write sorts after them even
    # if this PC's clock is behind the hub's.
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    sync_round(network, usb)
    with hub.db.session() as s:
        hub_version = s.get(Worker, wid).version
    with a.ctx.transaction() as s:
        a.ctx.clock(s).ms = 0  # a PC whose clock went far back; resumed from the database
    a.ctx.reset_node()
    w = worker(a, wid)
    update_worker(a.ctx, wid, {**person(COMMUNE_A), "village": "Bản Mới",
                               "national_id": w.national_id, "full_name": w.full_name,
                               "birth_date": w.birth_date.strftime("%d/%m/%Y"), "sex": w.sex,
                               "phone": w.phone})
    assert worker(a, wid).version > hub_version
    receive(hub, send(a, hub, usb))
    assert worker(hub, wid).village == "Bản Mới"


def test_communes_adopt_the_hubs_reference_rows_so_shared_data_converges(network, usb):
    hub, a, b = network["hub"], network["a"], network["b"]
    with hub.ctx.transaction() as s:
        unit = s.scalar(select(AdminUnit).where(AdminUnit.code == COMMUNE_B))
        unit.name_en = "Chieng Sinh ward"
        hub.ctx.stamp(s, unit)
    sync_round(network, usb)
    hub_shared = synced_rows(hub, frozenset())  # scope with no commune: shared tables only
    assert synced_rows(a, frozenset()) == hub_shared
    assert synced_rows(b, frozenset()) == hub_shared
    with a.db.session() as s:
        assert s.scalar(select(AdminUnit.name_en).where(AdminUnit.code == COMMUNE_B)) == (
            "Chieng Sinh ward")
    # The communes' own seeded copies simply give way: nothing for a person to review.
    from sonla_desktop.services.sync_conflicts import list_conflicts

    assert list_conflicts(a.ctx) == list_conflicts(b.ctx) == []


def test_after_a_round_each_commune_and_the_hub_agree_on_that_communes_records(network, usb):
    hub, a, b = network["hub"], network["a"], network["b"]
    create_worker(a.ctx, person(COMMUNE_A))
    create_worker(b.ctx, person(COMMUNE_B))
    wa = create_worker(hub.ctx, person(COMMUNE_A))
    add_loan(hub.ctx, wa)
    sync_round(network, usb)
    assert synced_rows(a, SCOPES["a"]) == synced_rows(hub, SCOPES["a"])
    assert synced_rows(b, SCOPES["b"]) == synced_rows(hub, SCOPES["b"])
    with a.db.session() as s:
        assert s.scalar(select(func.count()).select_from(LoanApplication)) == 1
        # b's people never reach a
        assert s.scalar(select(func.count()).select_from(Worker)
                        .where(Worker.commune_code == COMMUNE_B)) == 0
    with a.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Target)) == 0


def test_verify_names_sender_sequence_and_counts_without_importing(network, usb):
    a, hub = network["a"], network["hub"]
    create_worker(a.ctx, person(COMMUNE_A))
    path = send(a, hub, usb)
    check = check_bundle(hub.ctx, path)
    assert (check.sender_id, check.sender_name) == (a.id, "UBND phường Chiềng Cơi")
    assert check.sequence == bundle_history(a.ctx)[0].sequence
    assert check.counts == {"worker": 1} and not check.already_imported
    with hub.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Worker)) == 0


def test_history_lists_sent_and_received_bundles(network, usb):
    a, hub = network["a"], network["hub"]
    create_worker(a.ctx, person(COMMUNE_A))
    receive(hub, send(a, hub, usb))
    out = bundle_history(a.ctx)
    assert [(h.direction, h.peer_id, h.counts) for h in out] == [("out", hub.id, {"worker": 1})]
    got = bundle_history(hub.ctx)
    assert [(h.direction, h.peer_id, h.peer_name) for h in got] == [
        ("in", a.id, "UBND phường Chiềng Cơi")]
    assert got[0].detail["tallies"]["worker"]["inserted"] == 1
    with hub.db.session() as s:
        log = s.scalars(select(BundleLog)).one()
        assert json.loads(log.summary)["counts"] == {"worker": 1}


def test_export_to_a_folder_picks_a_readable_file_name(network, usb):
    a, hub = network["a"], network["hub"]
    from sonla_desktop.services.sync import export_bundle

    result = export_bundle(a.ctx, usb, to=hub.id)
    assert result.path.parent == usb and result.path.suffix == ".sldsync"
    assert result.path.name.startswith("ubnd-phuong-chieng-coi-gui-so-ld-tb-xh-son-la-")
    assert not list(usb.glob("*.part"))
    again = export_bundle(a.ctx, usb, to=hub.id)
    if again.path.name[:-len(".sldsync")].endswith("-2"):  # same minute: not overwritten
        assert result.path.exists()
    assert len(list(usb.glob("*.sldsync"))) == 2


def _fts_triggers(node) -> list[str]:
    with node.db.engine.connect() as conn:
        return sorted(r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'worker_fts_%'"))


@pytest.mark.sqlite_only("the FTS5 worker index exists on SQLite only")
def test_a_large_import_rebuilds_the_search_index_once(network, usb, monkeypatch):
    from sonla_desktop.sync import merge

    monkeypatch.setattr(merge, "BULK_WORKERS", 1)  # the real threshold is 20,000 people
    a, hub = network["a"], network["hub"]
    triggers = _fts_triggers(hub)
    assert len(triggers) == 3
    wid = create_worker(a.ctx, person(COMMUNE_A, full_name="Lường Văn Pâng"))
    receive(hub, send(a, hub, usb))
    assert _fts_triggers(hub) == triggers
    assert [r.id for r in list_workers(hub.ctx, WorkerFilter(search="luong van pang"))] == [wid]
    # the triggers work again afterwards
    w = worker(hub, wid)
    update_worker(hub.ctx, wid, {**person(COMMUNE_A), "full_name": "Lường Văn Piêng",
                                 "national_id": w.national_id, "phone": w.phone,
                                 "birth_date": w.birth_date.strftime("%d/%m/%Y"), "sex": w.sex})
    assert [r.id for r in list_workers(hub.ctx, WorkerFilter(search="pieng"))] == [wid]
    assert list_workers(hub.ctx, WorkerFilter(search="pang")) == []


def test_sequence_numbers_rise_and_survive_a_restored_backup(network, usb):
    from datetime import UTC, datetime, timedelta

    from sonla_desktop.sync.exporter import next_sequence

    a = network["a"]
    with a.db.session() as s:
        first, previous = next_sequence(s, a.id, datetime(2026, 3, 1, tzinfo=UTC))
    assert previous == "0" * 64
    # minutes since 2025-01-01: 424 days
    assert first == 424 * 24 * 60
    s1 = send(a, network["hub"], usb)
    s2 = send(a, network["hub"], usb)  # the same minute: still one more
    from sonla_desktop.sync.bundle_file import file_sha256, read_manifest

    m1, m2 = read_manifest(s1)[0], read_manifest(s2)[0]
    assert m2["sequence"] == m1["sequence"] + 1
    assert m2["previous_bundle_sha256"] == file_sha256(s1)
    # A PC whose clock went back a year still counts upwards.
    with a.db.session() as s:
        later, _ = next_sequence(s, a.id, datetime.now(UTC) - timedelta(days=365))
    assert later == m2["sequence"] + 1


def test_first_contact_from_the_hub_replaces_seeded_rows_without_conflicts(network, usb):
    from sonla_desktop.services.sync_conflicts import list_conflicts

    hub, a = network["hub"], network["a"]
    with hub.ctx.transaction() as s:
        unit = s.scalar(select(AdminUnit).where(AdminUnit.code == COMMUNE_A))
        unit.name_en = "Chieng Coi ward"
        hub.ctx.stamp(s, unit)
    result = receive(a, send(hub, a, usb))  # the hub has never heard from this commune
    assert result.tallies["admin_unit"]["updated"] == 75
    assert list_conflicts(a.ctx) == []
    assert synced_rows(a, frozenset()) == synced_rows(hub, frozenset())
