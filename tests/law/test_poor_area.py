"""Issue 13: the "particularly difficult area" flag of a commune (``admin_unit.is_poor_area``)
is set by the hub's admin, by command or service, audited; it decides Decree 338's rule for
Kinh borrowers of poor households; a commune office cannot set it; no list ships."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from sqlalchemy import select

from sonla_desktop import paths
from sonla_desktop.errors import UserError, ValidationError
from sonla_desktop.models import AdminUnit, AuditLog
from sonla_desktop.services import loans as svc
from sonla_desktop.services.admin_units import list_units, set_poor_area
from sonla_desktop.services.loan_queries import loan_detail
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database, hub_for_a_moment
from tests.loans.test_loan_cli import run

BASIS_127 = "NĐ 338/2025/NĐ-CP, Điều 15: 127% lãi suất hộ nghèo"


def kinh_poor_loan(ctx, commune: str = "03670") -> dict:
    wid = create_worker(ctx, {"full_name": "Nguyễn Văn Đức", "sex": "M",
                              "commune_code": commune, "household": "poor",
                              "ethnic_code": "01", "contract_months": 36})
    loan_id = svc.create_loan(ctx, wid, {
        "policy_group": "poor", "application_date": date(2026, 3, 2), "contract_months": 36,
        "term_months": 36, "requested_vnd": 60_000_000,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": 60_000_000}]})
    return loan_detail(ctx, loan_id)


def test_no_unit_is_flagged_until_the_hub_says_so():
    """No sourced list of Son La's difficult communes ships: every flag starts off."""
    with paths.data_file("sonla_units.csv").open(encoding="utf-8") as fh:
        assert "is_poor_area" not in next(csv.reader(fh))


def test_the_rule_fires_in_a_flagged_unit_and_not_otherwise(ctx):
    assert not any(u.is_poor_area for u in list_units(ctx))
    plain = kinh_poor_loan(ctx)
    assert (plain["rate_pct_year"], plain["rate_basis"]) == (7.9248, BASIS_127)
    with hub_for_a_moment(ctx):
        assert set_poor_area(ctx, "03670", True) is True
    flagged = kinh_poor_loan(ctx)
    assert flagged["rate_pct_year"] == 6.24
    assert "sống ở xã nghèo" in flagged["rate_basis"]
    assert "NĐ 338/2025/NĐ-CP, Điều 15" in flagged["rate_basis"]
    with hub_for_a_moment(ctx):
        assert set_poor_area(ctx, "03670", False) is True
        assert set_poor_area(ctx, "03670", False) is False  # already off: nothing written
    assert kinh_poor_loan(ctx)["rate_pct_year"] == 7.9248
    with ctx.db.session() as s:
        unit_id = s.scalar(select(AdminUnit.id).where(AdminUnit.code == "03670"))
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "admin_unit",
                                                 AuditLog.entity_id == unit_id)
                          .order_by(AuditLog.seq)).all()
    assert [json.loads(a.changes)["is_poor_area"] for a in audit] == [[False, True],
                                                                       [True, False]]


def test_a_commune_office_cannot_set_the_flag_and_nothing_is_written(ctx, db):
    before = dump_database(db)
    with pytest.raises(UserError) as err:
        set_poor_area(ctx, "03670", True)
    assert "văn phòng tỉnh" in err.value.vi
    assert dump_database(db) == before


def test_an_unknown_code_is_refused_and_nothing_is_written(ctx, db):
    before = dump_database(db)
    with hub_for_a_moment(ctx), pytest.raises(ValidationError) as err:
        set_poor_area(ctx, "99999", True)
    assert err.value.field == "code" and "99999" in err.value.vi
    assert dump_database(db) == before


def test_the_command_sets_lists_and_refuses_at_a_commune(ctx, db, db_path):
    refused = run(db_path, "admin-units", "set-poor-area", "03670", "--yes", check=False)
    assert refused.returncode == 1 and "văn phòng tỉnh" in refused.stderr
    with hub_for_a_moment(ctx):
        out = run(db_path, "admin-units", "set-poor-area", "03670", "--yes")
        assert "Đã ghi" in out.stdout
        again = run(db_path, "admin-units", "set-poor-area", "03670", "--yes")
        assert "Không thay đổi" in again.stdout
    listed = json.loads(run(db_path, "admin-units", "list", "--poor-area", "--format",
                            "json").stdout)
    assert listed == [{"code": "03670", "name": "Phường Chiềng Cơi", "kind": "ward",
                       "is_poor_area": True}]
    assert kinh_poor_loan(ctx)["rate_pct_year"] == 6.24
    with pytest.raises(SystemExit) as usage:  # --yes or --no is required
        run(db_path, "admin-units", "set-poor-area", "03670", check=False)
    assert usage.value.code == 2


@pytest.mark.parametrize(("flagged", "rate"), [(True, 6.24), (False, 7.9248)])
def test_the_excel_loan_import_reads_the_flag_as_the_form_does(ctx, tmp_path, flagged, rate):
    """A Kinh borrower of a poor household, imported as "Hộ nghèo" with the rate left empty:
    the rate in force is decided on the same facts as the form's, the unit's flag included."""
    from sonla_desktop.models import LoanApplication
    from sonla_desktop.services.excel_import import import_workbook
    from tests.excel.test_loan_state_supported import NID, TODAY, sheet

    create_worker(ctx, {"full_name": "Nguyễn Văn Đức", "birth_date": "01/01/1995", "sex": "M",
                        "national_id": NID, "commune_code": "03670", "household": "poor",
                        "ethnic_code": "01", "contract_months": 36})
    if flagged:
        with hub_for_a_moment(ctx):
            set_poor_area(ctx, "03670", True)
    path = sheet(ctx, tmp_path, **{"Số tiền vay": 60_000_000, "Đối tượng chính sách": "Hộ nghèo"})
    import_workbook(ctx, path, today=TODAY)
    with ctx.db.session() as s:
        loan = s.scalar(select(LoanApplication))
    assert float(loan.rate_pct_year) == rate
    assert ("sống ở xã nghèo" in loan.rate_basis) is flagged
