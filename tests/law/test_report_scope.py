"""Issue 13 item 4: a report says which communes it covers and which target it used.

A commune office's database holds only its own communes, so `report` without --commune
there covers those communes and compares with their targets; "Toàn tỉnh" only at the hub
(or when every commune is in scope). The JSON, Excel, PDF and the Báo cáo page agree."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from sonla_desktop.cli import main
from sonla_desktop.domain.progress import year_period
from sonla_desktop.models import AdminUnit, Node
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.progress_report import progress_figures
from sonla_desktop.services.targets import list_targets, set_target, split_target
from tests.conftest import hub_for_a_moment, make_hub

sys.path.insert(0, str(Path(__file__).parents[1] / "excel"))
from report_data import worker  # noqa: E402

YEAR = 2026


@pytest.fixture
def office(ctx):
    """The test node is the office of ward 03670; 5 of its people left in 2026. The
    province's target is 4 and the ward's own 6, like the issue's 220 and 269."""
    names = ["Lò Văn An", "Cầm Văn Bình", "Hà Văn Cường", "Vì Văn Dũng", "Quàng Văn Em"]
    for month, name in enumerate(names, 1):
        worker(ctx, name, "03670", departure=date(YEAR, month, 10), market="JP")
    with hub_for_a_moment(ctx):  # targets are the hub's: here, as if it had sent them
        set_target(ctx, YEAR, 4)
        set_target(ctx, YEAR, 6, "03670")
    return ctx


def _run(db_path, capsys, *args):
    code = main(["--db", str(db_path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _set_scope(ctx, communes: str) -> None:
    with ctx.transaction() as s:
        s.execute(update(Node).where(Node.is_self.is_(True)).values(scope=communes))


def test_report_at_a_commune_office_covers_its_commune_and_its_target(office, db_path,
                                                                      capsys):
    code, out, err = _run(db_path, capsys, "report", "--year", str(YEAR))
    assert code == 0, err
    got = json.loads(out)
    assert got["scope"] == ["03670"]
    assert got["scope_label"] == "Phường Chiềng Cơi (03670)"
    assert got["whole_province"] is False
    assert got["target"] == {"departures": 6, "basis": "communes", "years": [YEAR],
                             "communes": ["03670"], "missing": []}
    # 5 of 6, not 5 of the province's 4 ("Đạt 125%" was the defect).
    assert got["departures"]["target"] == 6 and got["departures"]["achievement_pct"] == 83.3
    # The same as naming the commune, and as the Báo cáo page computes.
    named = json.loads(_run(db_path, capsys, "report", "--year", str(YEAR),
                            "--commune", "03670")[1])
    assert named["departures"] == got["departures"] and named["scope"] == got["scope"]


def test_pdf_and_xlsx_name_the_office_scope_not_the_province(office, db_path, tmp_path,
                                                             capsys):
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    assert _run(db_path, capsys, "report", "--year", str(YEAR), "--format", "pdf",
                "-o", str(pdf))[0] == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    assert "Phường Chiềng Cơi (03670)" in text and "Toàn tỉnh" not in text
    assert "Đạt 83,3% chỉ tiêu" in text
    assert "Chỉ tiêu so sánh: 6 người, chỉ tiêu năm 2026 của Chiềng Cơi." in text
    assert _run(db_path, capsys, "report", "--year", str(YEAR), "--format", "xlsx",
                "-o", str(xlsx))[0] == 0
    cells = [r[0] for r in load_workbook(xlsx)["Báo cáo"].iter_rows(values_only=True) if r[0]]
    assert "Phạm vi: Phường Chiềng Cơi (03670)" in cells
    assert any(str(c).startswith("Chỉ tiêu so sánh: 6 người") for c in cells)


def test_the_hub_reports_the_whole_province_against_its_target(office, db_path, capsys):
    make_hub(office.db)
    got = json.loads(_run(db_path, capsys, "report", "--year", str(YEAR))[1])
    assert got["whole_province"] is True and got["scope_label"] == "Toàn tỉnh Sơn La"
    with office.db.session() as s:
        assert got["scope"] == sorted(s.scalars(select(AdminUnit.code)))
    assert got["target"]["basis"] == "province" and got["target"]["departures"] == 4
    assert got["departures"]["achievement_pct"] == 125.0


def test_an_office_of_several_communes_sums_their_targets_or_names_the_missing_one(office):
    _set_scope(office, "03670,03646")
    worker(office, "Cầm Thị Hoa", "03646", departure=date(YEAR, 6, 1), market="TW", sex="F")
    f = progress_figures(office, year_period(YEAR))
    assert f.scope.communes == ("03646", "03670") and not f.whole_province
    assert f.scope_label == "2 xã/phường: Phường Tô Hiệu (03646), Phường Chiềng Cơi (03670)"
    assert f.departures_total == 6
    # 03646 has no target yet: no achievement rather than 6 of the ward's 6.
    assert f.target is None and f.target_used.missing == ("03646",)
    with hub_for_a_moment(office):
        set_target(office, YEAR, 4, "03646")
    f = progress_figures(office, year_period(YEAR))
    assert f.target == 10 and f.achievement_pct == 60.0
    assert f.as_json()["target"]["communes"] == ["03646", "03670"]


def test_an_office_holding_every_commune_is_the_province(office):
    with office.db.session() as s:
        _set_scope(office, ",".join(s.scalars(select(AdminUnit.code))))
    f = progress_figures(office, year_period(YEAR))
    assert f.whole_province and f.scope_label == "Toàn tỉnh Sơn La" and f.target == 4


def test_the_reports_page_and_the_cli_agree_at_a_commune_office(qtbot, office, db_path,
                                                              capsys):
    from sonla_desktop.ui.pages.reports_page import ReportsPage
    from sonla_desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    page = ReportsPage(office, runner)
    qtbot.addWidget(page)
    page.year.setValue(YEAR)
    page.refresh()
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.period.start.year == YEAR,
                    timeout=10000)
    runner.wait_idle()
    assert page.commune.itemText(0) == "Phạm vi văn phòng: Phường Chiềng Cơi (03670)"
    table = {page.table.item(r, 0).text(): page.table.item(r, 1).text()
             for r in range(page.table.rowCount())}
    assert table["Chỉ tiêu"] == "6" and table["Tỷ lệ hoàn thành"] == "83,3%"
    cli = json.loads(_run(db_path, capsys, "report", "--year", str(YEAR))[1])
    assert page.figures.as_json() == cli


def test_split_target_adds_up_exactly():
    parts = split_target(700, {"a": 3, "b": 3, "c": 1})
    assert sum(parts.values()) == 700 and parts == {"a": 300, "b": 300, "c": 100}
    parts = split_target(10, {"a": 1, "b": 1, "c": 1})
    assert sum(parts.values()) == 10 and parts == {"a": 4, "b": 3, "c": 3}


def test_demo_targets_add_up_to_the_province_plan(ctx):
    make_hub(ctx.db)
    generate_demo(ctx, workers=400, seed=3, today=date(2026, 12, 6))
    by_year: dict[int, dict] = {}
    for t in list_targets(ctx):
        by_year.setdefault(t.year, {})[t.commune_code] = t.departures
    assert by_year[2025][None] == 200 and by_year[2026][None] == 700
    for year, targets in by_year.items():
        province = targets.pop(None)
        assert len(targets) == 75 and sum(targets.values()) == province, year
