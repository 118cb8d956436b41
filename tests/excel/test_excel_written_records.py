"""What import-excel writes for each row besides the row itself, the way a service writing
one row at a time would: this node as origin, a fresh HLC version each (the clock persisted
past them), created/updated times, and one audit entry with the values written (sensitive ones
as the node's keyed hash, as ``ServiceContext.audit`` stores them: issue 14)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from sqlalchemy import select
from workbook_factory import COMMUNES, fill_workbook, make_people

from sonla_desktop.domain.audit_chain import hide
from sonla_desktop.models import (
    AuditLog,
    Disbursement,
    LoanApplication,
    Node,
    Repayment,
    Setting,
    Worker,
)
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import make_template
from sonla_desktop.services.workers import EDITABLE_FIELDS
from tests.conftest import serve_communes

TODAY = date(2025, 12, 31)


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def test_every_imported_row_carries_its_stamp_and_audit_entry(ctx, tmp_path):
    make_template(ctx, "workers", tmp_path / "w.xlsx")
    make_template(ctx, "loans", tmp_path / "l.xlsx")
    people, loans = make_people(40, seed=9)
    serve_communes(ctx, *COMMUNES)  # one office for the three communes of the list
    book = tmp_path / "list.xlsx"
    fill_workbook(tmp_path / "w.xlsx", tmp_path / "l.xlsx", book, people, loans)
    with ctx.db.session() as s:
        clock_before = s.get(Setting, "hlc_last").value

    result = import_workbook(ctx, book, today=TODAY)

    with ctx.db.session() as s:
        me = s.scalar(select(Node.id).where(Node.is_self))
        clock_after = s.get(Setting, "hlc_last").value
        workers = list(s.scalars(select(Worker)))
        loan_rows = list(s.scalars(select(LoanApplication)))
        repayments = list(s.scalars(select(Repayment)))
        disbursements = list(s.scalars(select(Disbursement)))
        audits = list(s.scalars(select(AuditLog).where(AuditLog.at >= workers[0].created_at)))
    assert len(workers) == result.counts["workers_created"] == len(people)
    assert len(loan_rows) == len(loans) and repayments

    rows = [*workers, *loan_rows, *disbursements, *repayments]
    versions = [r.version for r in rows]
    assert len(set(versions)) == len(versions)
    assert all(clock_before < v <= clock_after and v.endswith("-" + me) for v in versions)
    assert {r.origin for r in rows} == {me}
    assert all(r.created_at == r.updated_at == audits[0].at for r in rows)
    assert not any(r.deleted for r in rows)

    by_entity = {(a.entity, a.entity_id): a for a in audits}
    assert len(by_entity) == len(audits)  # one entry per row
    for w in workers:
        entry = by_entity[("worker", w.id)]
        assert (entry.action, entry.node_id, entry.user) == ("create", me, ctx.user)
        expected = {k: [None, hide(k, _json(getattr(w, k)), ctx.audit_key)]
                    for k in EDITABLE_FIELDS if k not in ("search_text", "sort_key")}
        expected["source"] = [None, "import"]
        assert json.loads(entry.changes) == expected
    for r in repayments:
        changes = json.loads(by_entity[("repayment", r.id)].changes)
        assert changes["loan_id"] == [None, r.loan_id]
        assert changes["principal_vnd"] == [
            None, hide("principal_vnd", r.principal_vnd, ctx.audit_key)]
    summary = json.loads(by_entity[("workbook", "-")].changes)
    assert summary["file"] == [None, "list.xlsx"]
    assert summary["workers_created"] == [None, len(people)]
    assert Counter(a.entity for a in audits) == {
        "worker": len(workers), "loan_application": len(loan_rows),
        "disbursement": len(disbursements), "repayment": len(repayments), "workbook": 1}


def test_audit_text_of_a_created_row_is_what_json_writes():
    """The import's encoder (made once, for speed) writes exactly json.dumps' text, which
    the audit chain hashes: any difference would be a different chain from a typed-in row."""
    from sonla_desktop.services.excel_import.writer import encode_created

    payloads = [
        {"full_name": [None, "Lò Thị Hoa"], "age": [None, 31], "ok": [None, True],
         "rate": [None, 0.5], "gone": [None, None], "odd": [None, float("nan")],
         "quote": [None, 'a "b" \\ c\n\u200b\U0001f600'], "empty": [None, ""]},
        {},
        {"nested": [None, [1, {"x": "y"}]]},
    ]
    for payload in payloads:
        assert encode_created(payload) == json.dumps(payload, ensure_ascii=False)
