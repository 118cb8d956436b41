"""A person's request (Law 91/2025/QH15) reaches what only sync keeps about them.

The export of "everything held about me" listed the live rows and the audit, but an office
also holds a person's data in places sync made: copies of old values in the conflicts
inbox, possible-duplicate links (with the CCCD), columns a newer program version sent with
the person's rows, and the rows of a person moved to another commune, archived for a while
(``sync/dropped.py``; the export even refused such a person as unknown). Erasing a person
dropped the newer version's columns of the worker's row only, not of the loans.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from sonla_desktop.errors import NotFoundError
from sonla_desktop.models import Conflict, SyncExtra
from sonla_desktop.services.person import export_person
from sonla_desktop.services.person_erase import erase_person
from sonla_desktop.services.transfers import move_worker
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    add_loan,
    edit,
    person,
    receive,
    send,
    sync_round,
    worker,
)
from tests.sync_db.test_exchange import records_in
from tests.sync_db.test_tamper_db import forge


def _exported(node, wid: str, folder: Path) -> tuple[dict, str]:
    json_path, pdf_path = export_person(node.ctx, wid, folder / f"{node.id}-{wid}.json")
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return json.loads(json_path.read_text(encoding="utf-8")), text


def test_a_newer_programs_columns_on_the_persons_loan_are_exported_and_erased(
        network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A))
    loan = add_loan(a.ctx, wid)
    path = send(a, hub, usb)
    records = records_in(path, hub)
    path.unlink()
    for record in records:  # what a newer program at the commune would have sent
        if record["id"] == loan:
            record["guarantor_name"] = "Lò Văn Bình"
    receive(hub, forge(network, usb, records, sequence=50))

    data, text = _exported(hub, wid, tmp_path)
    assert data["kept_columns"] == {loan: {"guarantor_name": "Lò Văn Bình"}}
    assert "Lò Văn Bình" in text and "phiên bản chương trình mới hơn" in text

    erase_person(hub.ctx, wid)
    with hub.db.session() as s:
        assert s.scalars(select(SyncExtra.row_id)).all() == []  # main: the loan's stayed


def test_inbox_copies_and_duplicate_links_are_in_the_export(network, usb, tmp_path):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, 7002, village="Bản Cũ"))
    twin = create_worker(hub.ctx, person(COMMUNE_A, 7002))  # the same CCCD at the hub
    sync_round(network, usb)
    edit(a, wid, village="Bản Hụm")  # both ends edit at once: one edit loses
    edit(hub, wid, village="Bản Mòng")
    for _ in range(2):
        sync_round(network, usb)

    for node in (a, hub):
        data, text = _exported(node, wid, tmp_path)
        [link] = data["possible_duplicates"]
        assert {link["worker_id_1"], link["worker_id_2"]} == {wid, twin}
        assert twin[:23] in text and "chưa xét" in text  # a long id wraps in its cell
        with node.db.session() as s:
            entries = s.scalars(select(Conflict.id).where(Conflict.row_id == wid)).all()
        assert [e["id"] for e in data["inbox"]] == entries
        for entry in data["inbox"]:  # main: none of this was in the export
            villages = {entry["winner"]["village"], entry["loser"]["village"]}
            assert villages == {"Bản Hụm", "Bản Mòng"}
            assert "Hai nơi cùng sửa" in text
    with hub.db.session() as s:
        assert s.scalar(select(Conflict.id).where(Conflict.row_id == wid)) is not None


def test_a_person_moved_away_is_answered_from_the_archive(network, usb, tmp_path):
    b, hub = network["b"], network["hub"]
    wid = create_worker(b.ctx, person(COMMUNE_B, full_name="Cầm Thị Xuân"))
    loan = add_loan(b.ctx, wid)
    sync_round(network, usb)
    move_worker(hub.ctx, wid, COMMUNE_A)
    sync_round(network, usb)
    assert worker(b, wid) is None  # b no longer holds the person, only its archive

    data, text = _exported(b, wid, tmp_path)  # main: "worker not found"
    assert data["held_here"] is False
    assert data["worker"]["full_name"] == "Cầm Thị Xuân"
    assert {(r["table"], r["row_id"]) for r in data["archived"]} == {
        ("worker", wid), ("loan_application", loan)}
    archived_loan = next(r for r in data["archived"] if r["row_id"] == loan)
    assert archived_loan["record"]["requested_vnd"] == 80_000_000
    assert "Cầm Thị Xuân" in text and "đã chuyển sang xã/phường khác" in text
    assert "Hồ sơ vay" in text


    # Erased at the hub, the tombstone reaches b, whose archive then answers "not found".
    erase_person(hub.ctx, wid)
    for _ in range(2):
        sync_round(network, usb)
    with pytest.raises(NotFoundError):
        export_person(b.ctx, wid, tmp_path / "gone.json")
