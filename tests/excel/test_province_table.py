"""The province dashboard (issue #16 item 1): one row per commune, equal to that commune's
own progress report; totals equal the sum of the rows; silent communes stand out."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from report_data import event, loan, worker

from sonla_desktop.cli import main
from sonla_desktop.domain.progress import year_period
from sonla_desktop.models import BundleLog, Node
from sonla_desktop.services.progress_report import progress_figures
from sonla_desktop.services.province_table import PLAN_YEARS, province_table
from sonla_desktop.services.targets import set_target
from tests.conftest import make_hub

LATER = date(2026, 6, 1)
NOW = datetime(2026, 6, 1, 12, 0)
SUMMED = ("departures", "loans", "amount_vnd", "outstanding_vnd", "overdue_vnd", "events",
          "attendees")


@pytest.fixture
def data(as_hub, ctx):
    make_hub(ctx.db)
    w1 = worker(ctx, "Lò Văn An", "03670", departure=date(2025, 3, 10))
    w2 = worker(ctx, "Cầm Thị Hoa", "03646", departure=date(2025, 7, 1), sex="F")
    worker(ctx, "Quàng Văn Ba", "03670", departure=date(2025, 12, 31), market="TW")
    worker(ctx, "Hà Văn Năm", "03670", departure=date(2026, 2, 1))
    set_target(ctx, 2025, 4, "03670")
    set_target(ctx, 2025, 1, "03646")
    set_target(ctx, 2026, 6, "03670")
    loan(ctx, w1, 60_000_000, date(2025, 1, 15), repayments=[(date(2025, 3, 15), 10_000_000, 0)])
    loan(ctx, w2, 100_000_000, date(2025, 2, 10), term=36, group="ethnic_minority")
    event(ctx, date(2025, 4, 1), "03670", attendees=(w1,))
    event(ctx, date(2025, 10, 10), "03646", attendees=(w1, w2))
    # Bundles received: from the node of 03670 two days ago; 03646's node 40 days ago.
    with ctx.transaction() as s:
        for name, scope, age in (("Chiềng Cơi", "03670", 2), ("Chiềng Sinh", "03646", 40)):
            node = Node(id=f"node-{scope}", name=name, scope=scope)
            s.add(node)
            s.add(BundleLog(bundle_sha256=scope * 12, direction="in", sender=node.id,
                            sequence=1, at=NOW - timedelta(days=age)))
    return {"w1": w1}


def test_each_row_is_that_communes_own_report_and_totals_are_the_sums(ctx, data):
    table = province_table(ctx, year_period(2025), LATER, now=NOW)
    assert len(table.rows) == 75
    by_code = {r.code: r for r in table.rows}
    for code in ("03670", "03646", "03679"):
        own = progress_figures(ctx, year_period(2025), code, LATER)
        r = by_code[code]
        assert (r.departures, r.loans, r.amount_vnd, r.outstanding_vnd, r.overdue_vnd,
                r.events, r.attendees, r.target) == (
            own.departures_total, own.loans_count, own.loans_amount_vnd, own.outstanding_vnd,
            own.overdue_vnd, own.events, own.attendees, own.target)
    for attr in SUMMED:
        assert getattr(table.total, attr) == sum(getattr(r, attr) for r in table.rows), attr
    province = progress_figures(ctx, year_period(2025), today=LATER)
    assert (table.total.departures, table.total.loans, table.total.outstanding_vnd,
            table.total.attendees) == (province.departures_total, province.loans_count,
                                       province.outstanding_vnd, province.attendees)
    r = by_code["03670"]
    assert (r.target, r.departures, r.percent) == (4, 2, 50.0)
    assert (r.age_days, r.silent) == (2, False)
    assert (by_code["03646"].age_days, by_code["03646"].silent) == (40, True)
    assert by_code["03679"].last_bundle is None and by_code["03679"].silent
    # Sorted furthest behind first; communes without a target at the end.
    assert [r.code for r in table.rows[:2]] == ["03670", "03646"]
    assert all(r.target is None for r in table.rows[2:])
    # Plan against actual, per year of the project.
    assert tuple(r.plan) == PLAN_YEARS
    assert (r.plan[2025], r.plan[2026], r.plan[2027]) == ((4, 2), (6, 1), (None, 0))
    assert table.total.plan[2025] == (5, 3)


def test_cli_by_commune_json_xlsx_pdf(ctx, data, db_path, tmp_path, capsys):
    args = ["--db", str(db_path), "report", "--by-commune", "--year", "2025"]
    assert main(args) == 0
    got = json.loads(capsys.readouterr().out)
    assert len(got["rows"]) == 75
    assert got["total"]["departures"] == sum(r["departures"] for r in got["rows"]) == 3
    row = next(r for r in got["rows"] if r["code"] == "03670")
    assert row["plan_vs_actual"]["2026"] == {"plan": 6, "actual": 1}
    xlsx, pdf = tmp_path / "tinh.xlsx", tmp_path / "tinh.pdf"
    assert main([*args, "--format", "xlsx", "-o", str(xlsx)]) == 0
    ws = load_workbook(xlsx)["Theo xã"]
    assert ws["A4"].value == "Mã" and ws.max_row == 4 + 75 + 1
    assert ws.cell(ws.max_row, 2).value == "Toàn tỉnh"
    assert ws.cell(ws.max_row, 4).value == 3
    assert main([*args, "--format", "pdf", "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main([*args, "--commune", "03670"]) == 1  # one commune is not "by commune"


def _plan_sheet(path, rows) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["Năm", "Xã/Phường", "Chỉ tiêu xuất cảnh"])
    for row in rows:
        ws.append(list(row))
    wb.save(path)


def test_a_plan_sheet_by_code_or_name_is_all_or_nothing_and_shows_plan_vs_actual(
        ctx, data, tmp_path):
    from sonla_desktop.errors import ImportRowsError
    from sonla_desktop.services.excel_import import import_workbook
    from sonla_desktop.services.targets import list_targets

    before = [(t.year, t.commune_code, t.departures) for t in list_targets(ctx)]
    plan = [(y, "03670", 10 + y - 2025) for y in PLAN_YEARS]  # by code
    plan += [(y, "Chiềng Sinh", 5) for y in PLAN_YEARS]  # by name
    bad = tmp_path / "ke-hoach-loi.xlsx"
    _plan_sheet(bad, [*plan, (2027, "Không Có Xã Này", 3), (2028, "03646", -4)])
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, bad)
    assert {e.row for e in info.value.errors} == {len(plan) + 2, len(plan) + 3}
    assert [(t.year, t.commune_code, t.departures) for t in list_targets(ctx)] == before
    good = tmp_path / "ke-hoach.xlsx"
    _plan_sheet(good, plan)
    assert import_workbook(ctx, good).counts["targets_set"] == 12
    table = province_table(ctx, year_period(2025), LATER, now=NOW)
    by_code = {r.code: r for r in table.rows}
    assert by_code["03670"].plan == {y: (10 + y - 2025, {2025: 2, 2026: 1}.get(y, 0))
                                     for y in PLAN_YEARS}
    assert by_code["03679"].plan[2030] == (5, 0)
    assert table.total.plan[2030] == (15 + 5, 0)


def test_a_commune_office_lists_only_its_own_communes(db, db_path, capsys):
    # The test database's node is the office of 03670 (no as_hub here).
    assert main(["--db", str(db_path), "report", "--by-commune", "--year", "2025"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in got["rows"]] == ["03670"]


DEMO_COMMUNES = ("03646", "03664", "03670", "03679", "03688", "03694")


@pytest.mark.parametrize("period", [year_period(2025), year_period(2026)])
def test_every_row_equals_its_communes_own_report_on_a_multi_commune_province(
        as_hub, ctx, period):
    """The table's grouped queries (one per figure for all communes) give, row by row, what
    the progress report computes for one commune on its own, on demo data spread over six
    communes with loans, repayments, conferences and targets; a commune missing one
    year's target has none over a two-year period."""
    from sonla_desktop.services.demo import generate_demo

    generate_demo(ctx, workers=600, seed=16, today=LATER, communes=DEMO_COMMUNES)
    for n, code in enumerate(DEMO_COMMUNES[:4]):
        set_target(ctx, period.start.year, 10 + n, code)
    year = period.start.year
    a = worker(ctx, "Lò Văn Tư", "03664", departure=date(year, 5, 1))
    b = worker(ctx, "Cầm Thị Lan", "03688", departure=date(year, 6, 1), sex="F")
    event(ctx, date(year, 4, 2), "03664", attendees=(a, b))
    # Someone from 03664 at a conference of 03688 counts in 03688's row, as in its report.
    event(ctx, date(year, 9, 9), "03688", attendees=(a,))
    table = province_table(ctx, period, LATER, now=NOW)
    by_code = {r.code: r for r in table.rows}
    filled = 0
    for code in DEMO_COMMUNES:
        own = progress_figures(ctx, period, code, LATER)
        r = by_code[code]
        assert (r.departures, r.loans, r.amount_vnd, r.outstanding_vnd, r.overdue_vnd,
                r.events, r.attendees, r.target) == (
            own.departures_total, own.loans_count, own.loans_amount_vnd, own.outstanding_vnd,
            own.overdue_vnd, own.events, own.attendees, own.target), code
        filled += bool(r.departures and r.outstanding_vnd)
    # The data reaches several communes, not one, with every kind of figure.
    assert filled >= 4
    assert sum(bool(by_code[c].loans) for c in DEMO_COMMUNES) >= 2
    assert sum(bool(by_code[c].attendees) for c in DEMO_COMMUNES) >= 2
    assert all(not (r.departures or r.loans or r.events) for r in table.rows
               if r.code not in DEMO_COMMUNES)
    for attr in SUMMED:
        assert getattr(table.total, attr) == sum(getattr(r, attr) for r in table.rows), attr
    province = progress_figures(ctx, period, today=LATER)
    assert (table.total.departures, table.total.loans, table.total.amount_vnd,
            table.total.outstanding_vnd, table.total.overdue_vnd, table.total.events,
            table.total.attendees) == (
        province.departures_total, province.loans_count, province.loans_amount_vnd,
        province.outstanding_vnd, province.overdue_vnd, province.events, province.attendees)
