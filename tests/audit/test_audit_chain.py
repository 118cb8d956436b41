"""Issue 14, item 3: an audit that is private (no sensitive value in clear) and tamper-evident
(hash-chained; `audit verify` exits 1 after raw-SQL edits or deletions, on a real file)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import text

from sonla_desktop.domain.audit_chain import SENSITIVE_FIELDS, keyed_hash
from sonla_desktop.services.audit import list_entries, record_history, verify_chain
from sonla_desktop.services.workers import create_worker, delete_worker, update_worker

DUC = {
    "full_name": "Nguyễn Văn Đức", "birth_date": "12/03/1998", "sex": "Nam",
    "national_id": "014098001234", "phone": "+84 912 345 678", "ethnic_code": "19",
    "commune_code": "03670", "village": "Bản Mòng", "household": "poor",
}
SECRETS = ("014098001234", "0912345678", "Nguyễn Văn Đức", "Bản Mòng", "1998-03-12")


def _cli(db, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(db.path), *args],
                          capture_output=True, text=True, timeout=120)


def _audit_text(db) -> str:
    conn = sqlite3.connect(db.path)
    try:
        return "\n".join(r[0] for r in conn.execute("SELECT changes FROM audit_log"))
    finally:
        conn.close()


def test_sensitive_values_never_reach_the_audit_but_the_fields_do(ctx):
    wid = create_worker(ctx, DUC)
    update_worker(ctx, wid, dict(DUC, national_id="014098009999", phone="0987654321",
                                 household="near_poor"))
    stored = _audit_text(ctx.db)
    for secret in (*SECRETS, "014098009999", "0987654321", "near_poor"):
        assert secret not in stored
    history = record_history(ctx, wid)
    assert [e.action for e in history] == ["update", "create"]
    assert {"national_id", "phone", "household"} <= set(history[0].fields)
    # Who holds the node's key can still compare: the keyed hash of the new CCCD matches.
    old, new = history[0].changes["national_id"]
    assert new == keyed_hash(ctx.audit_key, "national_id", "014098009999")
    assert old != new and old.startswith("hmac:")


def test_the_key_lives_outside_the_database(ctx):
    from sonla_desktop.services.setup import node_keys_dir

    create_worker(ctx, DUC)
    key_file = node_keys_dir(ctx.node_id) / "audit.key"
    assert key_file.exists()
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert key_file.read_text().strip() not in ctx.db.path.read_bytes().decode("latin-1")


def test_verify_passes_on_an_untouched_log_with_a_plain_sentence(ctx):
    wid = create_worker(ctx, DUC)
    delete_worker(ctx, wid)
    result = _cli(ctx.db, "audit", "verify")
    assert result.returncode == 0, result.stderr
    # 4: the template's set-up, its first administrator's account, the create, the delete.
    assert "Nhật ký nguyên vẹn: 4 dòng, không dòng nào bị sửa hay xoá." in result.stdout


@pytest.mark.parametrize("tamper", [
    "UPDATE audit_log SET user = 'someone-else' WHERE seq = 2",
    "UPDATE audit_log SET changes = '{}' WHERE action = 'create'",
    "DELETE FROM audit_log WHERE seq = 2",
    "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
    "UPDATE audit_log SET at = '2020-01-01 00:00:00.000000' WHERE seq = 1",
])
def test_verify_exits_1_after_raw_sql_tampering(ctx, tamper):
    wid = create_worker(ctx, DUC)
    update_worker(ctx, wid, dict(DUC, phone="0987654321"))
    delete_worker(ctx, wid)
    assert verify_chain(ctx).ok
    ctx.db.dispose()
    conn = sqlite3.connect(ctx.db.path)
    conn.execute(tamper)
    conn.commit()
    conn.close()
    result = _cli(ctx.db, "audit", "verify")
    assert result.returncode == 1
    assert "can thiệp" in result.stderr


def test_export_and_print_write_an_audit_row(ctx, tmp_path):
    from sonla_desktop.services.spreadsheets import export_workbook

    create_worker(ctx, DUC)
    export_workbook(ctx, tmp_path / "all.xlsx")
    exports = list_entries(ctx, action="export")
    assert [(e.entity, e.user) for e in exports] == [("workbook", "admin")]
    assert [None, 1] in exports[0].changes.values()  # one worker left in the file
    assert verify_chain(ctx).ok


def test_excel_import_rows_join_the_chain_and_hide_values(ctx, tmp_path):
    from sonla_desktop.services.excel_import import import_workbook
    from sonla_desktop.services.spreadsheets import export_workbook

    create_worker(ctx, DUC)
    export_workbook(ctx, tmp_path / "all.xlsx")
    ctx.db.dispose()
    with ctx.db.transaction() as s:
        s.execute(text("DELETE FROM worker"))
    import_workbook(ctx, tmp_path / "all.xlsx")
    assert list_entries(ctx, action="import")
    assert verify_chain(ctx).ok
    stored = _audit_text(ctx.db)
    assert "014098001234" not in stored


def test_audit_list_json(ctx):
    wid = create_worker(ctx, DUC)
    result = _cli(ctx.db, "audit", "list", "--action", "create", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["entity_id"] == wid and rows[0]["action"] == "create"
    assert rows[0]["user"] == "admin" or rows[0]["user"]
    assert set(rows[0]) >= {"seq", "at", "user", "action", "entity", "entity_id", "changes"}
    assert "014098001234" not in result.stdout


def test_the_sensitive_list_covers_the_decree_categories():
    assert {"national_id", "phone", "ethnic_code", "household", "policy_group",
            "approved_vnd", "amount_vnd", "principal_vnd", "full_name"} <= SENSITIVE_FIELDS


def test_the_follow_up_list_and_the_progress_report_write_an_export_row(ctx, tmp_path):
    """Both leave the program as files (the follow-up list with names and phones): each
    export says who took it, from the service, whichever screen or command asked."""
    from sonla_desktop.domain.progress import year_period
    from sonla_desktop.services.event_documents import export_follow_up
    from sonla_desktop.services.progress_report import export_progress, progress_figures

    export_follow_up(ctx, tmp_path / "follow.csv")
    figures = progress_figures(ctx, year_period(2025))
    export_progress(ctx, figures, str(tmp_path / "report.xlsx"), "xlsx")
    exports = list_entries(ctx, action="export")
    assert sorted(e.entity for e in exports) == ["follow_up", "progress_report"]
    assert all(e.user == "admin" for e in exports)
