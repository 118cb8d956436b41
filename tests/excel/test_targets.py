"""Departure targets: set, change, remove, import from a sheet; one row per year and commune."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from sonla_desktop.cli import main
from sonla_desktop.errors import ImportRowsError, ValidationError
from sonla_desktop.models import AuditLog, Target
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import make_template
from sonla_desktop.services.targets import (
    list_targets,
    set_target,
    set_targets,
    target_for,
    target_id,
)

# Targets and province-wide reports are the hub's work (sync.ownership).
pytestmark = pytest.mark.usefixtures("as_hub")


def test_set_change_and_remove_a_target(ctx):
    assert set_target(ctx, 2026, 800) is True
    assert set_target(ctx, 2026, 800) is False  # nothing to change
    assert set_target(ctx, 2026, 850) is True
    assert set_target(ctx, 2026, 12, "03670") is True
    rows = list_targets(ctx, 2026)
    assert [(r.commune_code, r.commune_name, r.departures) for r in rows] == [
        (None, "", 850), ("03670", "Chiềng Cơi", 12)]  # the province first
    with ctx.db.session() as s:
        row = s.get(Target, target_id(2026, None))
        assert row.departures == 850 and row.version and row.origin
        actions = list(s.scalars(select(AuditLog.action).where(AuditLog.entity == "target")
                                 .order_by(AuditLog.at)))
    assert actions == ["create", "update", "create"]
    assert set_targets(ctx, 2026, [(None, None), ("03670", 15)]) == 2
    assert [(r.commune_code, r.departures) for r in list_targets(ctx, 2026)] == [("03670", 15)]
    assert set_target(ctx, 2026, 900) is True  # a removed target comes back
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Target)) == 2
        assert target_for(s, [2026], None) == 900
        assert target_for(s, [2026], "03670") == 15
        assert target_for(s, [2026, 2027], None) is None


@pytest.mark.parametrize(("year", "count", "commune"), [
    (1999, 10, None), (2026, -1, None), (2026, 10, "99999")])
def test_bad_targets_are_refused(ctx, year, count, commune):
    with pytest.raises(ValidationError):
        set_target(ctx, year, count, commune)


def test_cli_target_set_and_list(db, db_path):
    ok = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(db_path), "target",
                         "set", "--year", "2026", "--count", "40", "--commune", "03670"],
                        capture_output=True, text=True, encoding="utf-8")
    assert ok.returncode == 0, ok.stderr
    assert "Đã đặt chỉ tiêu năm 2026 xã/phường 03670: 40 người" in ok.stdout


def test_cli_target_list_and_refusal(db, db_path, capsys):
    assert main(["--db", str(db_path), "target", "set", "--year", "2026", "--count", "40"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "target", "list", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"year": 2026, "commune": None, "departures": 40}]
    assert main(["--db", str(db_path), "target", "set", "--year", "2026", "--count", "5",
                 "--commune", "00000"]) == 1
    assert "00000" in capsys.readouterr().err


def test_import_a_per_commune_target_sheet(ctx, tmp_path):
    path = tmp_path / "chi-tieu.xlsx"
    make_template(ctx, "targets", path, year=2026)
    wb = load_workbook(path)
    ws = wb["Chỉ tiêu"]
    assert [c.value for c in ws[1]] == ["Năm", "Xã/Phường", "Chỉ tiêu xuất cảnh"]
    assert ws.max_row == 1 + 1 + 75  # province row + every commune, targets left empty
    by_name = {ws.cell(r, 2).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(by_name[None], 3, 800)
    ws.cell(by_name["Chiềng Cơi"], 3, 12)
    ws.cell(by_name["Mường Bú"], 3, "20")
    wb.save(path)
    result = import_workbook(ctx, path)
    assert result.counts["targets_set"] == 3
    assert {(t.commune_code, t.departures) for t in list_targets(ctx, 2026)} == {
        (None, 800), ("03670", 12), ("03847", 20)}
    # the same commune twice in one sheet is an error, and nothing changes
    ws.cell(by_name["Tô Hiệu"], 2, "Chiềng Cơi")
    ws.cell(by_name["Tô Hiệu"], 3, 99)
    wb.save(path)
    with pytest.raises(ImportRowsError) as info:
        import_workbook(ctx, path)
    assert "trùng với dòng" in info.value.errors[0].vi
    assert {(t.commune_code, t.departures) for t in list_targets(ctx, 2026)} == {
        (None, 800), ("03670", 12), ("03847", 20)}
