"""``loans`` and ``dossier`` as scripts use them: real processes on a real demo database,
and the dossier PDF read back with pdftotext."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import subprocess
import sys
import unicodedata
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from sonla_desktop.cli import main
from sonla_desktop.domain.money_words import amount_in_words

KEYS = {"id", "worker_id", "national_id", "full_name", "policy_group", "amount_vnd",
        "disbursed_on", "rate_pct_year", "term_months", "outstanding_vnd", "status"}


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(db, *args, check=True) -> Result:
    """The CLI's own entry point in this process (a new interpreter per call costs ~1 s)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--db", str(db), *args])
    result = Result(code, out.getvalue(), err.getvalue())
    if check:
        assert code == 0, result.stderr
    return result


def test_the_installed_entry_point_runs_as_a_process(demo_db):
    proc = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(demo_db),
                           "loans", "list", "--overdue", "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows and all(r["status"] == "disbursed" for r in rows)
    assert all(r["overdue_principal_vnd"] > 0 for r in rows)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("loans-cli") / "demo.db"
    run(db, "init", "--name", "UBND phường Chiềng Cơi", "--commune", "03670")
    run(db, "demo", "--workers", "1500", "--seed", "3")
    return db


def table_dump(db: Path) -> list:
    conn = sqlite3.connect(db)
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
              if not t.startswith("worker_fts")]
    return [(t, conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]


def test_list_json_carries_the_documented_fields(demo_db):
    rows = json.loads(run(demo_db, "loans", "list", "--format", "json").stdout)
    assert len(rows) > 50
    assert all(set(r) >= KEYS for r in rows)
    paid_out = [r for r in rows if r["status"] == "disbursed"]
    assert paid_out and all(isinstance(r["rate_pct_year"], float) for r in paid_out)
    # 2025: the poor-household rate for every priority group; 2026: 127% of it (7.9248)
    # for borrowers the decree does not name, the poor-household rate for those it names.
    assert {r["rate_pct_year"] for r in paid_out} <= {6.6, 6.24, 7.9248}
    assert all(0 < r["outstanding_vnd"] <= r["amount_vnd"] for r in paid_out)
    drafts = json.loads(run(demo_db, "loans", "list", "--status", "draft", "--format",
                            "json").stdout)
    assert drafts and {r["status"] for r in drafts} == {"draft"}
    assert all(r["disbursed_on"] is None and r["outstanding_vnd"] == 0 for r in drafts)


def test_show_json_has_schedule_and_state(demo_db):
    rows = json.loads(run(demo_db, "loans", "list", "--status", "disbursed", "--format",
                          "json").stdout)
    loan = rows[0]
    shown = json.loads(run(demo_db, "loans", "show", loan["id"][:8], "--as-of",
                           "2026-11-25", "--format", "json").stdout)
    assert shown["id"] == loan["id"]
    assert sum(i["principal_vnd"] for i in shown["schedule"]) == loan["amount_vnd"]
    assert len(shown["schedule"]) == loan["term_months"]
    state = shown["state"]
    assert state["disbursed_vnd"] == loan["amount_vnd"]
    assert state["outstanding_vnd"] == state["disbursed_vnd"] - state["principal_paid_vnd"]
    assert sum(c["amount_vnd"] for c in shown["cost_lines"]) == shown["total_cost_vnd"]


def test_cli_workflow_and_refusals_leave_the_database_unchanged(demo_db, tmp_path):
    db = tmp_path / "copy.db"
    # SQLite's backup, not a file copy: recent writes may still sit in the -wal file.
    with sqlite3.connect(demo_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    workers = json.loads(run(db, "workers", "list", "--status", "training", "--format", "json",
                             "--limit", "500").stdout)
    poor = next(w for w in workers if w["household"] == "poor" and w["national_id"])
    base = ["loans", "create", "--worker", poor["national_id"], "--group", "poor",
            "--date", "01/12/2025", "--cost", "service_fee=40.000.000",
            "--cost", "airfare=8.000.000:Vé Hà Nội – Đài Bắc", "--term", "24",
            "--contract-months", "36"]
    before = table_dump(db)
    bad = run(db, *base, "--requested", "48.000.001", check=False)
    assert bad.returncode == 1 and "48.000.001" in bad.stderr
    assert table_dump(db) == before
    loan_id = run(db, *base, "--requested", "48.000.000").stdout.strip()
    run(db, "loans", "submit", loan_id)
    before = table_dump(db)
    early = run(db, "loans", "disburse", loan_id, "--date", "05/12/2025", "--amount",
                "48000000", check=False)
    assert early.returncode == 1 and "duyệt" in early.stderr
    assert table_dump(db) == before
    run(db, "loans", "approve", loan_id, "--amount", "48.000.000")
    run(db, "loans", "disburse", loan_id, "--date", "05/12/2025", "--amount", "48000000")
    run(db, "loans", "repay", loan_id, "--date", "05/01/2026", "--principal", "2000000",
        "--interest", "249600")  # 48,000,000 × 0.52 % = 249,600
    before = table_dump(db)
    too_much = run(db, "loans", "repay", loan_id, "--date", "05/02/2026", "--principal",
                   "46000001", check=False)
    assert too_much.returncode == 1 and "46.000.000" in too_much.stderr
    assert table_dump(db) == before
    shown = json.loads(run(db, "loans", "show", loan_id, "--as-of", "2026-01-05", "--format", "json").stdout)
    assert shown["rate_pct_year"] == 6.24 and shown["state"]["outstanding_vnd"] == 46_000_000


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return out


def test_dossier_of_a_demo_loan_reads_back_name_amount_words_and_rate(demo_db, tmp_path):
    rows = json.loads(run(demo_db, "loans", "list", "--status", "disbursed", "--format",
                          "json").stdout)
    loan = next(r for r in rows if any(ch in r["full_name"] for ch in "ơưăâêôđ"))
    pdf = tmp_path / "ho-so.pdf"
    run(demo_db, "dossier", loan["id"], "-o", str(pdf))
    raw = pdf_text(pdf)
    assert raw == unicodedata.normalize("NFC", raw)
    text = " ".join(raw.split())
    assert loan["full_name"] in text
    shown = json.loads(run(demo_db, "loans", "show", loan["id"], "--format", "json").stdout)
    requested = shown["requested_vnd"]
    figures = f"{requested:,}".replace(",", ".")
    assert f"Số tiền đề nghị vay: {figures} đồng" in text
    assert f"Bằng chữ: {amount_in_words(requested)}" in text
    rate = f"{loan['rate_pct_year']:.2f}".replace(".", ",")
    assert re.search(rf"Lãi suất cho vay: {rate} %/năm", text)
    assert "LỊCH TRẢ NỢ DỰ KIẾN" in text and "DANH MỤC HỒ SƠ KÈM THEO" in text
    # The short dossier number on the form finds the loan again.
    number = loan["id"][:8].upper()
    assert f"Số hồ sơ: {number}" in text
    assert json.loads(run(demo_db, "loans", "show", number, "--format", "json").stdout)["id"] == loan["id"]


def test_dossier_of_an_application_not_yet_paid_out_says_which_rate_it_uses(demo_db, tmp_path):
    rows = json.loads(run(demo_db, "loans", "list", "--status", "submitted", "--format",
                          "json").stdout)
    pdf = tmp_path / "nhap.pdf"
    run(demo_db, "dossier", rows[0]["id"], "-o", str(pdf))
    text = " ".join(pdf_text(pdf).split())
    # The rate comes with the rule that decided it and the day it was read on.
    assert re.search(r"\d,\d+ %/năm \(NĐ [^)]*Điều 15: [^;]*; mức có hiệu lực ngày làm đơn",
                     text), text
    assert "lãi suất chính thức là mức có hiệu lực vào ngày giải ngân" in text
    assert "Lịch tạm tính như thể giải ngân ngày làm đơn" in text


def test_unknown_loan_is_a_user_error(demo_db):
    proc = run(demo_db, "loans", "show", "nonexistent", check=False)
    assert proc.returncode == 1 and "Không tìm thấy khoản vay" in proc.stderr
