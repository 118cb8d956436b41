"""``workers export-person``: everything held about one person, JSON and a readable PDF."""

from __future__ import annotations

import json
import subprocess

import pytest

from sonla_desktop.errors import NotFoundError
from sonla_desktop.services.audit import list_entries
from sonla_desktop.services.consents import add_consent
from sonla_desktop.services.person import export_person
from sonla_desktop.services.workers import create_worker
from tests.person.helpers import CCCD, DUC, NAME, PHONE, worker_with_loan


def test_the_json_holds_the_worker_loans_with_payments_consents_and_audit(ctx, tmp_path):
    wid, loan_id = worker_with_loan(ctx)
    other = create_worker(ctx, {**DUC, "full_name": "Lò Thị Mai", "national_id": "",
                                "phone": "0987654321"})
    cid = add_consent(ctx, wid, {"purpose": "Hỗ trợ vay vốn", "given_on": "02/02/2026",
                                 "method": "verbal", "witness": "Cầm Văn Khánh"})
    json_path, pdf_path = export_person(ctx, wid, tmp_path / "duc.json")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    w = data["worker"]
    assert (w["id"], w["full_name"], w["national_id"], w["phone"], w["household"]) == (
        wid, NAME, CCCD, PHONE, "poor")
    [loan] = data["loans"]
    assert loan["id"] == loan_id and loan["requested_vnd"] == 60_000_000
    assert [d["amount_vnd"] for d in loan["disbursements"]] == [60_000_000]
    assert [r["principal_vnd"] for r in loan["repayments"]] == [1_250_000]
    assert [c["id"] for c in data["consents"]] == [cid]
    assert data["consents"][0]["witness"] == "Cầm Văn Khánh"
    audited = {(e["entity"], e["entity_id"], e["action"]) for e in data["audit"]}
    assert {("worker", wid, "create"), ("loan_application", loan_id, "create"),
            ("consent", cid, "create")} <= audited
    # Nothing about anybody else.
    text = json_path.read_text(encoding="utf-8")
    assert other not in text and "Lò Thị Mai" not in text and "0987654321" not in text
    # The export itself is audited, naming the files but not the data.
    [entry] = list_entries(ctx, action="export", entity_id=wid)
    assert entry.changes["file"] == [None, "duc.json"]
    assert pdf_path == tmp_path / "duc.pdf"


def test_the_pdf_is_readable_with_embedded_vietnamese_fonts(ctx, tmp_path):
    wid, _ = worker_with_loan(ctx)
    add_consent(ctx, wid, {"purpose": "Hỗ trợ vay vốn", "given_on": "02/02/2026",
                           "method": "written"})
    _, pdf_path = export_person(ctx, wid, tmp_path / "duc.json")
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout
    for expected in (NAME, CCCD, "Hộ nghèo", "60.000.000", "1.250.000", "Hỗ trợ vay vốn",
                     "bằng văn bản", "Nhật ký truy cập"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf_path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded


def test_an_unknown_worker_writes_nothing(ctx, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFoundError):
        export_person(ctx, "no-such-id", out / "x.json")
    assert list(out.iterdir()) == []
