"""Offices on different program versions (sync/extra.py): a bundle whose records lack a
column, or carry one this program does not know, imports; nothing of either side is lost.

The other version is simulated the only way it can be before it exists: records of a
genuine export with a column taken out (an older program) or added (a newer one), signed
with the sending office's real keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from sonla_desktop.models import SyncExtra, Worker
from sonla_desktop.services.person_erase import erase_person
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.bundle_file import read_manifest
from sonla_desktop.sync.extra import MAX_EXTRA_COLUMNS, adopt
from sonla_desktop.sync.records import TABLES, decode_stored
from tests.sync_db.sync_helpers import COMMUNE_A, edit, person, receive, send
from tests.sync_db.test_exchange import records_in
from tests.sync_db.test_tamper_db import forge, refused

BASELINE = Path(__file__).with_name("sync_format_1_columns.json")


def _record(network, usb: Path, wid: str) -> dict:
    """The worker's record as commune a sends it now (the bundle itself is not imported)."""
    path = send(network["a"], network["hub"], usb)
    record = next(r for r in records_in(path, network["hub"]) if r["id"] == wid)
    _sequence[0] = read_manifest(path)[0]["sequence"]
    path.unlink()
    return record


_sequence = [0]


def _forged(network, usb: Path, records: list[dict]) -> Path:
    """The records in a bundle signed by commune a, numbered as its real next one."""
    return forge(network, usb, records, sequence=_sequence[0])


def _kept(node, wid: str) -> dict:
    with node.db.session() as s:
        found = s.scalar(select(SyncExtra.columns).where(SyncExtra.table_name == "worker",
                                                         SyncExtra.row_id == wid))
    return json.loads(found) if found else {}


def _worker(node, wid: str) -> Worker:
    with node.db.session() as s:
        return s.get(Worker, wid)


def _newer(network, usb, **columns) -> tuple[str, dict]:
    a = network["a"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    record = _record(network, usb, wid)
    record.update(columns)
    return wid, record


# --- a newer program's columns ---------------------------------------------------------------


def test_a_column_from_a_newer_program_is_kept_and_sent_on_after_a_local_edit(network, usb):
    a, hub = network["a"], network["hub"]
    wid, record = _newer(network, usb, email="lo.van.an@example.vn")
    result = receive(hub, forge(network, usb, [record], sequence=50))
    assert result.tallies["worker"]["inserted"] == 1
    assert _kept(hub, wid) == {"email": "lo.van.an@example.vn"}

    # The hub edits the worker: its program cannot have changed the e-mail, so the column
    # goes out with the hub's new version, and the commune keeps it the same way.
    edit(hub, wid, village="Bản Mé Mới")
    back = send(hub, a, usb)
    sent = next(r for r in records_in(back, a) if r["id"] == wid)
    assert sent["email"] == "lo.van.an@example.vn" and sent["village"] == "Bản Mé Mới"
    receive(a, back)
    assert _worker(a, wid).village == "Bản Mé Mới"
    assert _kept(a, wid) == {"email": "lo.van.an@example.vn"}


def test_a_newer_value_replaces_the_kept_one_and_a_record_without_it_leaves_it(network, usb):
    hub = network["hub"]
    wid, record = _newer(network, usb, email="cu@example.vn", zalo="0912345678")
    receive(hub, forge(network, usb, [record], sequence=50))

    edit(network["a"], wid, village="Bản Hụn")
    later = _record(network, usb, wid)  # the commune's own program: no e-mail, no Zalo
    receive(hub, forge(network, usb, [later], sequence=51))
    assert _worker(hub, wid).village == "Bản Hụn"
    assert _kept(hub, wid) == {"email": "cu@example.vn", "zalo": "0912345678"}

    edit(network["a"], wid, village="Bản Cọ")
    newest = _record(network, usb, wid)
    newest["email"] = "moi@example.vn"
    receive(hub, forge(network, usb, [newest], sequence=52))
    assert _kept(hub, wid) == {"email": "moi@example.vn", "zalo": "0912345678"}


@pytest.mark.parametrize(("columns", "phrase"), [
    ({"ghi chu": "x"}, "is not a column name"),
    ({"email": ["a@b.vn"]}, "is not a plain value"),
    ({"score": 1.5}, "is not a plain value"),
    ({"email": "a\x07@b.vn"}, "control character"),
    ({"note2": "x" * 32_768}, "is too long"),
    ({f"c{i}": i for i in range(MAX_EXTRA_COLUMNS + 1)}, "columns do not match"),
])
def test_unusable_unknown_columns_refuse_the_bundle_and_change_nothing(network, usb, columns,
                                                                        phrase):
    _, record = _newer(network, usb, **columns)
    err = refused(network["hub"], forge(network, usb, [record], sequence=50))
    assert phrase in err.en


def test_erasing_the_person_drops_the_kept_columns(network, usb):
    hub = network["hub"]
    wid, record = _newer(network, usb, email="lo.van.an@example.vn")
    receive(hub, forge(network, usb, [record], sequence=50))
    erase_person(hub.ctx, wid)
    assert _kept(hub, wid) == {}


def test_the_upgrade_that_adds_the_column_takes_the_kept_values(network, usb):
    hub = network["hub"]
    wid, record = _newer(network, usb, email="lo.van.an@example.vn", zalo="0912345678")
    receive(hub, forge(network, usb, [record], sequence=50))
    with hub.db.engine.begin() as conn:  # what the migration adding worker.email does
        conn.execute(text("ALTER TABLE worker ADD COLUMN email VARCHAR(120)"))
        assert adopt(conn, "worker", "email") == 1
    with hub.db.engine.connect() as conn:
        assert conn.execute(text("SELECT email FROM worker WHERE id = :i"),
                            {"i": wid}).scalar() == "lo.van.an@example.vn"
    assert _kept(hub, wid) == {"zalo": "0912345678"}


# --- an older program's records ----------------------------------------------------------------


def test_a_record_without_a_column_keeps_this_databases_value(network, usb):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, notes="Ghi chú của xã"))
    receive(hub, send(a, hub, usb))
    edit(a, wid, village="Bản Hụn", notes="Ghi chú sửa ở xã")
    record = _record(network, usb, wid)
    del record["notes"]  # an older program has no such column
    receive(hub, _forged(network, usb, [record]))
    got = _worker(hub, wid)
    assert got.village == "Bản Hụn" and got.notes == "Ghi chú của xã"


def test_a_new_row_without_a_column_takes_its_default(network, usb):
    hub = network["hub"]
    wid, record = _newer(network, usb)
    del record["notes"], record["market_code"]
    assert receive(hub, forge(network, usb, [record], sequence=50)).tallies["worker"][
        "inserted"] == 1
    got = _worker(hub, wid)
    assert got.notes == "" and got.market_code is None


@pytest.mark.parametrize(("column", "phrase"), [
    ("full_name", "the column(s) full_name are missing and have no default"),
    ("version", "columns do not match (missing: version"),
])
def test_a_column_that_cannot_be_filled_refuses_the_bundle(network, usb, column, phrase):
    _, record = _newer(network, usb)
    del record[column]
    err = refused(network["hub"], forge(network, usb, [record], sequence=50))
    assert phrase in err.en


def test_an_inbox_copy_from_another_version_reads(network, usb):
    _, stored = _newer(network, usb, email="an@example.vn")
    del stored["notes"]
    got_spec, got = decode_stored(json.dumps(stored))
    assert got_spec is TABLES["worker"] and got["notes"] == "" and "email" not in got
    assert got["full_name"] == stored["full_name"]


def test_every_column_added_after_the_first_sync_format_can_be_filled():
    """What keeps mixed versions working: a synced column that is not in the first format
    must be nullable or have a plain default, or an older office's records could not be
    merged. The list is the synced tables' columns as of format ``sonla-sync/1``."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    for name, spec in TABLES.items():
        for col in spec.columns:
            if col.name not in baseline.get(name, ()):
                assert col.has_default, f"{name}.{col.name}: nullable or a plain default"
