"""Decree 338/2025 in the loan workflow: terms from the draft on, fixed at payout, the cap
minus what the state supports, collateral above 200 million, the dossier and the CLI."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from sonla_desktop.domain.audit_chain import keyed_hash
from sonla_desktop.errors import ValidationError
from sonla_desktop.models import AdminUnit, AuditLog, LoanApplication, LoanRule
from sonla_desktop.services import loans as svc
from sonla_desktop.services.loan_queries import export_dossier, loan_detail
from sonla_desktop.services.loan_rules import add_rule
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database, hub_for_a_moment
from tests.loans.test_loan_cli import run

BASIS_127 = "NĐ 338/2025/NĐ-CP, Điều 15: 127% lãi suất hộ nghèo"


def worker(ctx, household="none", ethnic="03", commune="03670") -> str:
    return create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": commune,
                               "household": household, "ethnic_code": ethnic,
                               "contract_months": 36})


def application(on: date, amount: int, supported: int = 0, group="ethnic_minority", **over):
    raw = {"policy_group": group, "application_date": on, "contract_months": 36,
           "term_months": 36, "requested_vnd": amount, "state_supported_vnd": supported,
           "cost_lines": [{"kind": "service_fee", "amount_vnd": amount + supported}]}
    raw.update(over)
    return raw


def pdf_text(pdf) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return " ".join(out.split())


def test_a_draft_carries_rate_basis_and_collateral_and_payout_fixes_them(ctx):
    # A Thái borrower not in a poor household applies in December 2025, paid out in 2026.
    loan_id = svc.create_loan(ctx, worker(ctx), application(date(2025, 12, 10), 60_000_000))
    shown = loan_detail(ctx, loan_id, as_of=date(2025, 12, 11))
    assert shown["rate_pct_year"] == 6.24 and shown["terms_fixed"] is False
    assert shown["rate_basis"].startswith("NĐ 61/2015/NĐ-CP, NĐ 74/2019/NĐ-CP: lãi suất hộ nghèo")
    assert shown["collateral_required"] is True  # 60 million > Decree 61's 50 million
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 60_000_000)
    svc.disburse_loan(ctx, loan_id, date(2026, 1, 5), 60_000_000, today=date(2026, 1, 5))
    shown = loan_detail(ctx, loan_id, as_of=date(2026, 1, 6))
    assert (shown["rate_pct_year"], shown["rate_basis"], shown["collateral_required"],
            shown["terms_fixed"]) == (7.9248, BASIS_127, False, True)
    with ctx.db.session() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.entity_id == loan_id,
                                                 AuditLog.action == "disburse")).one()
        changes = json.loads(audit.changes)
    assert changes["rate_pct_year"] == ["6.24", "7.9248"]
    # The basis names the borrower's facts (poverty, ethnicity): a keyed hash (issue 14).
    assert changes["rate_basis"][1] == keyed_hash(ctx.audit_key, "rate_basis", BASIS_127)
    # A later decision does not touch a loan already paid out.
    with hub_for_a_moment(ctx):  # loan rules are the hub's to set
        add_rule(ctx, {"key": "poor_household_rate", "kind": "series", "valid_from": "01/02/2026",
                       "value_kind": "percent_year", "value": "5", "legal_basis": "QĐ mới"})
    assert loan_detail(ctx, loan_id, as_of=date(2026, 3, 1))["rate_pct_year"] == 7.9248


@pytest.mark.parametrize(("household", "ethnic", "poor_area", "rate", "facts"), [
    ("poor", "03", False, 6.24, "(người dân tộc thiểu số, hộ nghèo)"),
    ("none", "03", False, 7.9248, None),
    ("poor", "01", True, 6.24, "(người Kinh, hộ nghèo, sống ở xã nghèo"),
    ("poor", "01", False, 7.9248, None),
    ("near_poor", "03", False, 7.9248, None),
])
def test_2026_drafts_by_borrower_kind(ctx, household, ethnic, poor_area, rate, facts):
    with ctx.transaction() as s:
        s.execute(update(AdminUnit).where(AdminUnit.code == "03670")
                  .values(is_poor_area=poor_area))
    group = "poor" if household == "poor" else "near_poor" if household == "near_poor" \
        else "ethnic_minority"
    loan_id = svc.create_loan(ctx, worker(ctx, household, ethnic),
                              application(date(2026, 2, 1), 60_000_000, group=group))
    shown = loan_detail(ctx, loan_id)
    assert shown["rate_pct_year"] == rate
    if facts is None:
        assert shown["rate_basis"] == BASIS_127
    else:
        assert facts in shown["rate_basis"]


def test_250_million_in_2026_requires_collateral_150_million_does_not(ctx):
    wid = worker(ctx, "poor")
    big = svc.create_loan(ctx, wid, application(date(2026, 3, 1), 250_000_000, group="poor"))
    small = svc.create_loan(ctx, wid, application(date(2026, 3, 1), 150_000_000, group="poor"))
    assert loan_detail(ctx, big)["collateral_required"] is True
    assert loan_detail(ctx, small)["collateral_required"] is False


def test_a_request_above_the_2026_cap_is_refused_with_the_figures_and_nothing_written(ctx, db):
    wid = worker(ctx)
    before = dump_database(db)
    raw = application(date(2026, 3, 1), 95_000_000, cost_lines=[
        {"kind": "service_fee", "amount_vnd": 90_000_000},
        {"kind": "training", "amount_vnd": 10_000_000}], state_supported_vnd="8.530.000")
    with pytest.raises(ValidationError) as err:
        svc.create_loan(ctx, wid, raw)
    assert err.value.field == "requested_amount"
    assert "91.470.000 đồng" in err.value.vi and "8.530.000" in err.value.vi
    assert dump_database(db) == before
    raw["requested_vnd"] = "91.470.000"
    loan_id = svc.create_loan(ctx, wid, raw)
    assert loan_detail(ctx, loan_id)["state_supported_vnd"] == 8_530_000


def test_a_draft_follows_a_new_rule_until_it_is_submitted(ctx):
    loan_id = svc.create_loan(ctx, worker(ctx), application(date(2026, 3, 1), 60_000_000))
    with hub_for_a_moment(ctx):  # loan rules are the hub's to set
        add_rule(ctx, {"key": "poor_household_rate", "kind": "series", "valid_from": "01/02/2026",
                       "value_kind": "percent_year", "value": "6", "legal_basis": "QĐ thử",
                       "label_vi": "lãi suất cho vay hộ nghèo", "note": "thử"})
    with ctx.db.session() as s:
        old = s.scalars(select(LoanRule).where(LoanRule.key == "poor_household_rate",
                                               LoanRule.valid_from == date(2025, 12, 1))).one()
        assert old.valid_to == date(2026, 1, 31)  # closed the day before the new one
    # What the loan stored was decided when it was saved; submitting re-decides it.
    assert loan_detail(ctx, loan_id)["rate_pct_year"] == 7.9248
    svc.submit_loan(ctx, loan_id)
    assert loan_detail(ctx, loan_id)["rate_pct_year"] == 7.62


def test_add_rule_refuses_a_rule_without_legal_basis_and_writes_nothing(ctx, db):
    before = dump_database(db)
    with pytest.raises(ValidationError) as err, hub_for_a_moment(ctx):
        add_rule(ctx, {"key": "poor_household_rate", "kind": "series",
                       "valid_from": "01/02/2026", "value_kind": "percent_year", "value": "6"})
    assert err.value.field == "legal_basis"
    assert dump_database(db) == before


def test_the_2026_dossier_prints_the_rate_its_basis_and_the_collateral_section(ctx, tmp_path):
    wid = worker(ctx)
    big = svc.create_loan(ctx, wid, application(date(2026, 3, 1), 250_000_000))
    out = tmp_path / "big.pdf"
    export_dossier(ctx, big, out, today=date(2026, 3, 2))
    text = pdf_text(out)
    assert f"Lãi suất cho vay: 7,9248 %/năm ({BASIS_127}; mức có hiệu lực ngày làm đơn " \
           "01/03/2026" in text
    assert "Lãi suất nợ quá hạn: 10,30224 %/năm" in text  # 130% of 7.9248
    assert ("7. Tài sản bảo đảm tiền vay (bắt buộc: số tiền vay 250.000.000 đồng trên mức "
            "200.000.000 đồng, NĐ 338/2025/NĐ-CP, Điều 13)") in text
    assert "Giấy tờ về tài sản bảo đảm tiền vay" in text  # in the list of attachments
    small = svc.create_loan(ctx, wid, application(date(2026, 3, 1), 150_000_000))
    export_dossier(ctx, small, out, today=date(2026, 3, 2))
    text = pdf_text(out)
    assert "7,9248 %/năm" in text and "Tài sản bảo đảm tiền vay" not in text


def test_cli_create_takes_the_state_supported_amount_and_show_carries_the_terms(ctx, db_path):
    wid = worker(ctx)
    args = ["loans", "create", "--worker", wid, "--group", "ethnic_minority",
            "--date", "2026-03-01", "--cost", "service_fee=100.000.000", "--term", "36",
            "--contract-months", "36", "--state-supported", "8.530.000"]
    refused = run(db_path, *args, "--requested", "95.000.000", check=False)
    assert refused.returncode == 1
    assert "vượt mức tối đa 91.470.000 đồng" in refused.stderr
    loan_id = run(db_path, *args, "--requested", "91.470.000").stdout.strip()
    shown = json.loads(run(db_path, "loans", "show", loan_id, "--format", "json").stdout)
    assert (shown["rate_pct_year"], shown["rate_basis"], shown["collateral_required"],
            shown["state_supported_vnd"]) == (7.9248, BASIS_127, False, 8_530_000)


def test_loans_stored_before_the_rules_were_data_keep_their_rate(ctx):
    # A 2025 loan paid out at 6.6 by an older version: no basis stored.
    loan_id = svc.create_loan(ctx, worker(ctx), application(date(2025, 11, 1), 40_000_000))
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 40_000_000)
    svc.disburse_loan(ctx, loan_id, date(2025, 11, 20), 40_000_000, today=date(2025, 11, 20))
    with ctx.transaction() as s:
        s.execute(update(LoanApplication).where(LoanApplication.id == loan_id)
                  .values(rate_basis="", collateral_required=None))
    shown = loan_detail(ctx, loan_id, as_of=date(2026, 6, 1))
    assert shown["rate_pct_year"] == 6.6
    assert shown["rate_basis"].startswith("NĐ 61/2015")  # the rule that gives that rate
    with ctx.transaction() as s:
        s.execute(update(LoanApplication).where(LoanApplication.id == loan_id)
                  .values(rate_pct_year=Decimal("6.5")))
    assert loan_detail(ctx, loan_id, as_of=date(2026, 6, 1))["rate_basis"] == ""


@pytest.mark.parametrize(("on", "rate"), [(date(2025, 11, 30), 7.92), (date(2025, 12, 1), 7.488),
                                          (date(2026, 1, 1), 7.9248)])
def test_a_kinh_worker_in_no_priority_group_borrows_as_other(ctx, on, rate):
    loan_id = svc.create_loan(ctx, worker(ctx, "none", "01"),
                              application(on, 40_000_000, group="other"))
    shown = loan_detail(ctx, loan_id)
    assert shown["policy_group"] == "other" and shown["rate_pct_year"] == rate


def test_a_dossier_with_no_rule_in_force_says_so_instead_of_printing(ctx, tmp_path):
    from sonla_desktop.errors import UserError

    loan_id = svc.create_loan(ctx, worker(ctx), application(date(2026, 3, 1), 60_000_000))
    with ctx.transaction() as s:  # as written by an older node, and the rules withdrawn
        s.execute(update(LoanApplication).where(LoanApplication.id == loan_id)
                  .values(rate_pct_year=None, rate_basis=""))
        s.execute(update(LoanRule).where(LoanRule.kind == "loan_rate").values(deleted=True))
    with pytest.raises(UserError) as err:
        export_dossier(ctx, loan_id, tmp_path / "x.pdf", today=date(2026, 3, 2))
    assert "Không có quy định lãi suất cho vay" in err.value.vi
