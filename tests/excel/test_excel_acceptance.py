"""Issue 7 acceptance: the app's own template filled with hundreds of messy rows imports,
and the report's figures match figures computed here from the truth; one bad row among
hundreds writes nothing."""

from __future__ import annotations

import calendar
import subprocess
import sys
import unicodedata
from datetime import date

import pytest
from sqlalchemy import func, select
from workbook_factory import fill_workbook, make_people

from sonla_desktop.cli import main
from sonla_desktop.domain.progress import year_period
from sonla_desktop.models import Disbursement, LoanApplication, Repayment, Worker
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.progress_report import progress_figures
from sonla_desktop.services.spreadsheets import make_template
from sonla_desktop.services.targets import set_target
from tests.conftest import dump_database, make_hub

# Targets and province-wide reports are the hub's work (sync.ownership).
pytestmark = pytest.mark.usefixtures("as_hub")

IMPORT_DAY = date(2025, 12, 31)


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _overdue(amount: int, term: int, start: date, repaid: int, as_of: date) -> int:
    """Monthly equal principal (remainder last); due before as_of and not repaid."""
    share = amount // term
    due = 0
    for k in range(1, term + 1):
        if _add_months(start, k) < as_of:
            due += share if k < term else amount - share * (term - 1)
    return max(0, due - repaid)


@pytest.fixture
def templates(ctx, tmp_path):
    make_template(ctx, "workers", tmp_path / "workers.xlsx")
    make_template(ctx, "loans", tmp_path / "loans.xlsx")
    return tmp_path / "workers.xlsx", tmp_path / "loans.xlsx"


def test_hundreds_of_messy_rows_import_and_report_matches_the_truth(ctx, templates, tmp_path):
    make_hub(ctx.db)  # three communes' people: the province report is the hub's
    people, loans = make_people(320, seed=11)
    book = tmp_path / "filled.xlsx"
    fill_workbook(*templates, book, people, loans)
    set_target(ctx, 2025, 120)

    result = import_workbook(ctx, book, today=IMPORT_DAY)

    assert result.counts["workers_created"] == len(people)
    assert result.counts["loans_created"] == len(loans)
    # every CCCD typed as a number lost its 0 and the summary says it was put back
    restored = [n for n in result.notices if "đã được thêm số 0 đầu" in n.vi]
    assert restored, "some CCCDs were number cells"
    first = restored[0]
    assert first.vi.startswith(f"Dòng {first.row}: số CCCD 14")
    assert "thành 014" in first.vi

    with ctx.db.session() as s:
        stored = {w.national_id: w for w in s.scalars(select(Worker))}
    for p in people:
        w = stored[p.nid]
        assert w.full_name == p.full_name and unicodedata.is_normalized("NFC", w.full_name)
        assert (w.birth_date, w.sex, w.phone, w.commune_code, w.ethnic_code, w.household,
                w.market_code, w.status, w.departure_date, w.return_date) == (
            p.birth, p.sex, p.phone, p.commune, p.ethnic, p.household, p.market, p.status,
            p.departure, p.returned)

    figures = progress_figures(ctx, year_period(2025), today=date(2026, 3, 1)).as_json()

    gone = [p for p in people if p.status in ("departed", "returned")
            and p.departure and p.departure.year == 2025]
    by_market: dict[str, int] = {}
    by_commune: dict[str, int] = {}
    for p in gone:
        by_market[p.market] = by_market.get(p.market, 0) + 1
        by_commune[p.commune] = by_commune.get(p.commune, 0) + 1
    total = len(gone)
    pct = int(total * 1000 / 120 + 0.5) / 10  # half-up to one decimal
    assert figures["departures"] == {
        "total": total, "by_market": by_market, "by_commune": by_commune,
        "target": 120, "achievement_pct": pct}
    assert list(figures["departures"]["by_market"].values()) == sorted(by_market.values(),
                                                                      reverse=True)

    in_2025 = [ln for ln in loans if ln.disbursed.year == 2025]
    groups = dict.fromkeys(["poor", "near_poor", "ethnic_minority", "land_revoked",
                            "meritorious_relative", "poor_area", "other"], 0)
    for ln in in_2025:
        groups[ln.group] += 1
    assert figures["loans"] == {"count": len(in_2025),
                                "amount_vnd": sum(ln.amount for ln in in_2025),
                                "by_policy_group": groups}

    # "Đã trả gốc" is recorded as one repayment on the import day (31/12/2025 here).
    as_of = date(2025, 12, 31)
    assert figures["outstanding"] == {
        "balance_vnd": sum(ln.amount - ln.repaid for ln in loans),
        "borrowers": len({ln.nid for ln in loans if ln.amount > ln.repaid}),
        "overdue_vnd": sum(_overdue(ln.amount, ln.term, ln.disbursed, ln.repaid, as_of)
                           for ln in loans),
    }
    assert figures["counselling"] == {"events": 0, "attendees": 0}
    assert figures["period"] == {"from": "2025-01-01", "to": "2025-12-31"}

    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Repayment)) == \
            sum(1 for ln in loans if ln.repaid)
        assert set(s.scalars(select(Repayment.paid_on))) <= {IMPORT_DAY}
        assert s.scalar(select(func.sum(Disbursement.amount_vnd))) == sum(ln.amount for ln in loans)
        rates = dict(s.execute(select(Worker.national_id, LoanApplication.rate_pct_year)
                               .join(Worker, Worker.id == LoanApplication.worker_id)).all())
    for ln in loans:  # given in the sheet, or in force on the disbursement date
        expected = "6.6" if ln.rate or ln.disbursed < date(2025, 12, 1) else "6.24"
        assert str(rates[ln.nid]) == expected


def _run(db, *args):
    return subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8")


def test_one_bad_row_among_hundreds_writes_nothing_and_lists_every_bad_row(
        db, db_path, ctx, templates, tmp_path, capsys):
    from openpyxl import load_workbook

    people, loans = make_people(300, seed=5)
    book = tmp_path / "bad.xlsx"
    fill_workbook(*templates, book, people, loans)
    wb = load_workbook(book)
    ws = wb["Người lao động"]
    ws["B18"] = "31/02/2001"  # no such day
    ws["G151"] = "Xã Không Có"  # no such commune
    ws["E300"] = "12345"  # not a phone number
    ls = wb["Khoản vay"]
    ls["A5"] = "014099999999"  # nobody has this CCCD
    wb.save(book)
    before = dump_database(db)

    proc = _run(db_path, "import-excel", str(book))

    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert any(ln.startswith("Người lao động · dòng 18 · Ngày sinh · Ngày không hợp lệ")
               for ln in lines), proc.stderr
    assert any(ln.startswith("Người lao động · dòng 151 · Xã/Phường · ") and "Xã Không Có" in ln
               for ln in lines)
    assert any(ln.startswith("Người lao động · dòng 300 · Số điện thoại · ") for ln in lines)
    assert any(ln.startswith("Khoản vay · dòng 5 · Số CCCD · Không tìm thấy") for ln in lines)
    assert "Có 4 lỗi: không ghi gì" in proc.stderr
    assert dump_database(db) == before

    # --dry-run with the same file: same verdict; with a clean file: nothing written either
    def run(*args):
        code = main(["--db", str(db_path), "import-excel", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("--dry-run", str(book))[0] == 1
    clean = tmp_path / "clean.xlsx"
    fill_workbook(*templates, clean, people, loans)
    code, out, err = run("--dry-run", str(clean))
    assert code == 0, err
    assert "chạy thử" in out and "300 người lao động mới" in out
    assert dump_database(db) == before
    code, out, err = run(str(clean))
    assert code == 0, err
    assert "Đã nhập: 300 người lao động mới" in out
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Worker)) == 300
