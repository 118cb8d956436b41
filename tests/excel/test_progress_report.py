"""The progress report on a small, hand-worked data set (figures worked out in comments)."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from report_data import event, loan, worker

from sonla_desktop.cli import main
from sonla_desktop.domain.progress import Period, achievement_pct, make_period, year_period
from sonla_desktop.errors import ValidationError
from sonla_desktop.services.progress_report import progress_figures
from sonla_desktop.services.targets import set_target
from tests.conftest import make_hub

# Targets and province-wide reports are the hub's work (sync.ownership).
pytestmark = pytest.mark.usefixtures("as_hub")

LATER = date(2026, 6, 1)  # "today" after the periods tested: balances on their last day


@pytest.fixture
def data(ctx):
    make_hub(ctx.db)  # records of two communes, as the hub holds them
    w1 = worker(ctx, "Lò Văn An", "03670", departure=date(2025, 3, 10), market="JP")
    w2 = worker(ctx, "Cầm Thị Hoa", "03646", departure=date(2025, 7, 1), market="JP", sex="F")
    worker(ctx, "Quàng Văn Ba", "03670", departure=date(2025, 12, 31), market="TW")
    w4 = worker(ctx, "Lường Văn Tư", "03670", status="returned", departure=date(2025, 1, 1),
                returned=date(2025, 9, 1), market="KR")
    worker(ctx, "Hà Văn Năm", "03670", departure=date(2024, 12, 31), market="JP")
    worker(ctx, "Vì Văn Sáu", "03670", status="cancelled", departure=date(2025, 5, 5))
    w7 = worker(ctx, "Mùa A Bảy", "03670", status="registered", market=None)
    worker(ctx, "Sồng A Tám", "03670", departure=date(2026, 1, 1), market="JP")
    set_target(ctx, 2025, 3)
    set_target(ctx, 2025, 2, "03670")
    set_target(ctx, 2024, 5, "03670")
    set_target(ctx, 2024, 7, "03646")
    # A: 60,000,000 over 12 months = 5,000,000 a month from 15/02/2025; 10,000,000 paid.
    loan(ctx, w1, 60_000_000, date(2025, 1, 15), repayments=[(date(2025, 3, 15), 10_000_000, 0)])
    # B: 100,000,000 over 36 months = 2,777,777 a month from 10/07/2024; repaid in full 2025.
    loan(ctx, w2, 100_000_000, date(2024, 6, 10), term=36, group="ethnic_minority",
         repayments=[(date(2025, 6, 1), 100_000_000, 0)])
    # C: 20,000,000 over 12 months = 1,666,666 a month from 20/12/2025.
    loan(ctx, w1, 20_000_000, date(2025, 11, 20))
    loan(ctx, w4, 50_000_000, None, status="submitted")  # never paid out: not counted
    event(ctx, date(2025, 4, 1), "03670", attendees=(w1, w7, w7))  # w7 ticked twice
    event(ctx, date(2025, 10, 10), "03646", attendees=(w1,))
    event(ctx, date(2024, 11, 11), "03670", attendees=(w2,))
    return {"w1": w1, "w7": w7}


def test_province_year_figures(ctx, data):
    got = progress_figures(ctx, year_period(2025), today=LATER).as_json()
    scope = got.pop("scope")  # the hub: every commune and ward of the province
    assert len(scope) == 75 and {"03646", "03670"} <= set(scope)
    assert got == {
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "commune": None,
        "scope_label": "Toàn tỉnh Sơn La",
        "whole_province": True,
        "target": {"departures": 3, "basis": "province", "years": [2025], "communes": [],
                   "missing": []},
        # 10/03, 01/07, 31/12 (last day counts) and the returned worker's 01/01 (first day);
        # not: 31/12/2024, 01/01/2026, the cancelled one, the registered one.
        "departures": {"total": 4, "by_market": {"JP": 2, "KR": 1, "TW": 1},
                       "by_commune": {"03646": 1, "03670": 3}, "target": 3,
                       "achievement_pct": 133.3},
        "loans": {"count": 2, "amount_vnd": 80_000_000,
                  "by_policy_group": {"poor": 2, "near_poor": 0, "ethnic_minority": 0,
                                      "land_revoked": 0, "meritorious_relative": 0,
                                      "poor_area": 0, "other": 0}},
        # On 31/12/2025: A 50,000,000 left, C 20,000,000, B nothing. Due before 31/12:
        # A 11 × 5,000,000 = 55,000,000 minus 10,000,000 paid; C one 1,666,666.
        "outstanding": {"balance_vnd": 70_000_000, "borrowers": 1,
                        "overdue_vnd": 45_000_000 + 1_666_666},
        "counselling": {"events": 2, "attendees": 3},
    }


def test_previous_year_and_province_target_from_commune_targets(ctx, data):
    got = progress_figures(ctx, year_period(2024), today=LATER).as_json()
    assert got["target"]["basis"] == "communes" and got["target"]["departures"] == 12
    assert got["departures"]["total"] == 1
    assert got["departures"]["target"] == 12  # no province target: 5 + 7 of the communes
    assert got["departures"]["achievement_pct"] == 8.3
    assert got["loans"]["count"] == 1 and got["loans"]["amount_vnd"] == 100_000_000
    assert got["loans"]["by_policy_group"]["ethnic_minority"] == 1
    # B on 31/12/2024: nothing repaid yet; 6 instalments (10/07 … 10/12) overdue.
    assert got["outstanding"] == {"balance_vnd": 100_000_000, "borrowers": 1,
                                  "overdue_vnd": 6 * 2_777_777}
    assert got["counselling"] == {"events": 1, "attendees": 1}


def test_commune_figures(ctx, data):
    got = progress_figures(ctx, year_period(2025), "03670", today=LATER).as_json()
    assert got["commune"] == "03670"
    assert got["departures"] == {"total": 3, "by_market": {"JP": 1, "KR": 1, "TW": 1},
                                 "by_commune": {"03670": 3}, "target": 2,
                                 "achievement_pct": 150.0}
    assert got["counselling"] == {"events": 1, "attendees": 2}
    assert got["outstanding"]["balance_vnd"] == 70_000_000  # w1 lives in 03670
    other = progress_figures(ctx, year_period(2025), "03646", today=LATER).as_json()
    assert other["outstanding"]["balance_vnd"] == 0
    assert other["departures"]["target"] is None and other["departures"]["achievement_pct"] is None


def test_running_period_reads_balances_today(ctx, data):
    f = progress_figures(ctx, year_period(2025), today=date(2025, 3, 31))
    assert f.as_of == date(2025, 3, 31)
    # A: 50,000,000 (2 instalments due, both covered by the 10,000,000 paid); C not paid out;
    # B: 100,000,000 with 9 instalments (10/07/2024 … 10/03/2025) overdue.
    assert f.as_json()["outstanding"] == {"balance_vnd": 150_000_000, "borrowers": 2,
                                          "overdue_vnd": 9 * 2_777_777}


def test_a_quarter_has_no_target_and_months_only_for_one_year(ctx, data):
    f = progress_figures(ctx, Period(date(2025, 1, 1), date(2025, 3, 31)), today=LATER)
    assert f.departures_total == 2 and f.target is None and f.achievement_pct is None
    assert f.departures_by_month == ()
    year = progress_figures(ctx, year_period(2025), today=LATER)
    assert year.departures_by_month == (1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1)


def test_unknown_commune_is_refused(ctx):
    with pytest.raises(ValidationError):
        progress_figures(ctx, year_period(2025), "99999")


@pytest.mark.parametrize(("total", "target", "pct"), [
    (304, 200, 152.0), (1, 8, 12.5), (1, 16, 6.3), (2, 3, 66.7), (0, 5, 0.0),
    (3, None, None), (3, 0, None)])
def test_achievement_is_rounded_half_up_to_one_decimal(total, target, pct):
    assert achievement_pct(total, target) == pct


def test_periods():
    today = date(2025, 7, 4)
    assert make_period(None, None, None, today) == year_period(2025)
    assert make_period(None, date(2025, 3, 1), None, today) == Period(date(2025, 3, 1),
                                                                      date(2025, 12, 31))
    assert Period(date(2024, 7, 1), date(2026, 6, 30)).whole_years == [2025]
    with pytest.raises(ValidationError):
        make_period(2025, date(2025, 1, 1), None, today)
    with pytest.raises(ValidationError):
        make_period(None, date(2025, 5, 1), date(2025, 4, 1), today)


def test_cli_json_xlsx_and_pdf_carry_the_same_figures(ctx, data, db_path, tmp_path, capsys):
    from openpyxl import load_workbook

    def run(*args):
        code = main(["--db", str(db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, err = run("report", "--year", "2025")
    assert code == 0, err
    assert json.loads(out) == progress_figures(ctx, year_period(2025)).as_json()

    assert run("report", "--year", "2025", "--format", "pdf")[0] == 2
    code, _, err = run("report", "--year", "2025", "--commune", "99999")
    assert code == 1 and "99999" in err

    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    done = run("report", "--year", "2025", "--format", "xlsx", "-o", str(xlsx))
    assert done[0] == 0, done[2]
    ws = load_workbook(xlsx)["Báo cáo"]
    values = {row[0]: row[1] for row in ws.iter_rows(values_only=True) if row[0]}
    assert values["Số người xuất cảnh trong kỳ"] == 4
    assert values["Chỉ tiêu"] == 3
    assert values["Tỷ lệ hoàn thành chỉ tiêu (%)"] == 133.3
    assert values["Số tiền giải ngân trong kỳ (đồng)"] == 80_000_000
    assert values["Dư nợ đến ngày 31/12/2025 (đồng)"] == 70_000_000
    assert values["Nợ gốc quá hạn (đồng)"] == 46_666_666

    assert run("report", "--year", "2025", "--format", "pdf", "-o", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    # poppler's pdftotext: .ci/run installs poppler-utils
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    for expected in ("BÁO CÁO KẾT QUẢ ĐƯA NGƯỜI LAO ĐỘNG", "Đạt 133,3% chỉ tiêu",
                     "70.000.000", "46.666.666", "80.000.000", "Nhật Bản", "Hàn Quốc"):
        assert expected in text, expected
