"""Loan use cases against a real database: each action one transaction, rules by date,
and bad input that leaves the database exactly as it was."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from sonla_desktop.domain.audit_chain import keyed_hash
from sonla_desktop.errors import ValidationError
from sonla_desktop.models import (
    AdminUnit,
    AuditLog,
    Disbursement,
    LoanApplication,
    LoanCostLine,
    Repayment,
)
from sonla_desktop.services import loans as svc
from sonla_desktop.services.loan_queries import LoanFilter, list_loans, loan_detail
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database

TODAY = date(2026, 3, 1)


def worker(ctx, **over) -> str:
    raw = {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670",
           "household": "poor", "ethnic_code": "01", "contract_months": 36}
    raw.update(over)
    return create_worker(ctx, raw)


def application(**over) -> dict:
    # 36,000,000 + 7,500,000 + 8,000,000 + 6,200,000 + 2,300,000 = 60,000,000
    raw = {
        "policy_group": "poor", "application_date": date(2025, 11, 5), "contract_months": 36,
        "term_months": 36, "frequency_months": 1, "requested_vnd": 60_000_000,
        "market_code": "TW", "agency": "Công ty CP Nhân lực Quốc tế Tây Bắc",
        "purpose": "Chi phí đi Đài Loan", "savings_group_name": "Tổ TK&VV bản Mòng",
        "savings_group_head": "Quàng Văn Thành",
        "cost_lines": [
            {"kind": "service_fee", "amount_vnd": 36_000_000},
            {"kind": "airfare", "amount_vnd": 7_500_000},
            {"kind": "training", "amount_vnd": 8_000_000},
            {"kind": "visa_health", "amount_vnd": 6_200_000},
            {"kind": "other", "amount_vnd": 2_300_000, "label": "Ăn ở khi học"},
        ],
    }
    raw.update(over)
    return raw


def approved_loan(ctx, **over) -> str:
    loan_id = svc.create_loan(ctx, worker(ctx), application(**over))
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 60_000_000)
    return loan_id


def get(ctx, model, row_id):
    with ctx.db.session() as s:
        row = s.get(model, row_id)
        s.expunge_all()
        return row


# ----------------------------------------------------------------- happy path

def test_create_stores_costs_declarations_and_audit(ctx):
    wid = worker(ctx)
    loan_id = svc.create_loan(ctx, wid, application(land_revoked=True, notes="Ghi chú"))
    loan = get(ctx, LoanApplication, loan_id)
    assert loan.status == "draft" and loan.total_cost_vnd == 60_000_000
    assert loan.requested_vnd == 60_000_000
    # The draft carries the terms the rules give on the application date (5/11/2025).
    # 60,000,000 in 2025 is above Decree 61's 50,000,000 threshold: collateral required.
    assert loan.rate_pct_year == Decimal("6.6") and loan.collateral_required is True
    assert loan.rate_basis.startswith("NĐ 61/2015/NĐ-CP, NĐ 74/2019/NĐ-CP: lãi suất hộ nghèo")
    assert loan.origin == ctx.node_id and loan.version
    assert loan.notes == "[declared] land_revoked=yes meritorious_relative=no\nGhi chú"
    with ctx.db.session() as s:
        lines = s.scalars(select(LoanCostLine).where(LoanCostLine.loan_id == loan_id)
                          .order_by(LoanCostLine.created_at)).all()
        assert [ln.amount_vnd for ln in lines] == [36_000_000, 7_500_000, 8_000_000,
                                                   6_200_000, 2_300_000]
        assert lines[-1].label == "Ăn ở khi học" and all(ln.version for ln in lines)
        audit = s.scalars(select(AuditLog).where(AuditLog.entity_id == loan_id)).one()
    assert audit.action == "create" and audit.user == "admin"
    # Loan amounts are financial data: recorded as changed, as a keyed hash (issue 14).
    assert json.loads(audit.changes)["requested_vnd"] == [
        None, keyed_hash(ctx.audit_key, "requested_vnd", 60_000_000)]


def test_edit_replaces_the_cost_lines(ctx):
    loan_id = svc.create_loan(ctx, worker(ctx), application())
    svc.update_loan(ctx, loan_id, application(
        requested_vnd=50_000_000,
        cost_lines=[{"kind": "service_fee", "amount_vnd": 45_000_000},
                    {"kind": "airfare", "amount_vnd": 8_000_000}]))
    detail = loan_detail(ctx, loan_id, TODAY)
    assert [c["amount_vnd"] for c in detail["cost_lines"]] == [45_000_000, 8_000_000]
    assert detail["total_cost_vnd"] == 53_000_000 and detail["requested_vnd"] == 50_000_000
    with ctx.db.session() as s:
        # The old lines stay as tombstones, so sync carries their removal.
        assert s.query(LoanCostLine).filter_by(loan_id=loan_id, deleted=True).count() == 5
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity_id == loan_id)).all()
    assert actions == ["create", "update"]


def test_rate_is_fixed_by_the_disbursement_date_across_1_december_2025(ctx):
    before = approved_loan(ctx)
    after = svc.create_loan(ctx, worker(ctx, full_name="Cầm Thị Lan", sex="F"), application())
    svc.submit_loan(ctx, after)
    svc.approve_loan(ctx, after, "60.000.000")
    svc.disburse_loan(ctx, before, date(2025, 11, 20), 60_000_000, today=TODAY)
    svc.disburse_loan(ctx, after, date(2025, 12, 5), 60_000_000, today=TODAY)
    assert get(ctx, LoanApplication, before).rate_pct_year == Decimal("6.6")
    assert get(ctx, LoanApplication, after).rate_pct_year == Decimal("6.24")
    # First month's interest: 60,000,000 × 6.6 % / 12 = 330,000; × 6.24 % / 12 = 312,000.
    assert loan_detail(ctx, before, TODAY)["schedule"][0]["interest_vnd"] == 330_000
    assert loan_detail(ctx, after, TODAY)["schedule"][0]["interest_vnd"] == 312_000
    # The last day of the old rate still gets it.
    edge = approved_loan(ctx)
    svc.disburse_loan(ctx, edge, date(2025, 11, 30), 60_000_000, today=TODAY)
    assert get(ctx, LoanApplication, edge).rate_pct_year == Decimal("6.6")


def test_overdue_principal_is_charged_130_percent(ctx):
    loan_id = svc.create_loan(ctx, worker(ctx), application(
        requested_vnd=36_000_000, cost_lines=[{"kind": "service_fee", "amount_vnd": 36_000_000}]))
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 36_000_000)
    svc.disburse_loan(ctx, loan_id, date(2025, 11, 20), 36_000_000, today=TODAY)
    state = loan_detail(ctx, loan_id, date(2026, 1, 19))["state"]
    # Instalment 1 (1,000,000) fell due 20/12/2025 and was not paid: overdue from 21/12 to
    # 19/01 = 30 days at 6.6 % × 130 % = 8.58 %/year, actual/360:
    # 1,000,000 × 8.58 % × 30 / 360 = 7,150.
    assert state["overdue_principal_vnd"] == 1_000_000 and state["overdue_days"] == 30
    assert state["overdue_interest_vnd"] == 7_150
    # Normal interest: month 1 = 36,000,000 × 0.55 % = 198,000; month 2 (31 days) on the
    # 35,000,000 still in term for 30 days = 192,500 × 30 / 31 = 186,290.32 -> 186,290.
    assert state["interest_accrued_vnd"] == 198_000 + 186_290
    [row] = list_loans(ctx, LoanFilter(overdue_only=True), as_of=date(2026, 1, 19))
    assert row.id == loan_id and row.overdue_vnd == 1_000_000
    assert list_loans(ctx, LoanFilter(overdue_only=True), as_of=date(2025, 12, 20)) == []


def test_repay_on_schedule_then_close(ctx):
    loan_id = svc.create_loan(ctx, worker(ctx), application(
        requested_vnd=3_000_000, term_months=3,
        cost_lines=[{"kind": "airfare", "amount_vnd": 3_000_000}]))
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 3_000_000)
    svc.disburse_loan(ctx, loan_id, date(2025, 12, 5), 3_000_000, today=TODAY)
    # 3,000,000 at 6.24 %: interest 15,600; 10,400; 5,200 (balance × 0.52 %).
    for day, interest in ((date(2026, 1, 5), 15_600), (date(2026, 2, 5), 10_400)):
        svc.record_repayment(ctx, loan_id, day, 1_000_000, interest, today=TODAY)
    with pytest.raises(ValidationError) as info:
        svc.close_loan(ctx, loan_id, today=TODAY)
    assert info.value.field == "outstanding_vnd" and "1.000.000" in info.value.vi
    svc.record_repayment(ctx, loan_id, date(2026, 3, 1), "1.000.000", 5_200, today=TODAY)
    svc.close_loan(ctx, loan_id, today=TODAY)
    detail = loan_detail(ctx, loan_id, TODAY)
    assert detail["status"] == "closed" and detail["state"]["outstanding_vnd"] == 0
    assert sum(r["principal_vnd"] for r in detail["repayments"]) == 3_000_000
    with ctx.db.session() as s:
        assert all(r.version and r.origin == ctx.node_id for r in s.scalars(select(Repayment)))
        assert s.scalars(select(Disbursement)).one().version


def test_reject_keeps_the_reason(ctx):
    loan_id = svc.create_loan(ctx, worker(ctx), application())
    svc.submit_loan(ctx, loan_id)
    svc.reject_loan(ctx, loan_id, "  Thiếu hợp đồng  ")
    loan = get(ctx, LoanApplication, loan_id)
    assert loan.status == "rejected" and loan.reject_reason == "Thiếu hợp đồng"


def test_declared_land_revocation_makes_a_kinh_worker_eligible(ctx):
    wid = worker(ctx, household="none")
    with pytest.raises(ValidationError):
        svc.create_loan(ctx, wid, application(policy_group="land_revoked"))
    loan_id = svc.create_loan(ctx, wid, application(policy_group="land_revoked",
                                                    land_revoked=True))
    assert loan_detail(ctx, loan_id)["declared"]["land_revoked"] is True
    svc.submit_loan(ctx, loan_id)  # re-checked on submit, still eligible


def test_poor_area_commune_makes_its_residents_eligible(ctx):
    with ctx.transaction() as s:
        s.scalars(select(AdminUnit).where(AdminUnit.code == "03670")).one().is_poor_area = True
    loan_id = svc.create_loan(ctx, worker(ctx, household="none"),
                              application(policy_group="poor_area"))
    assert get(ctx, LoanApplication, loan_id).policy_group == "poor_area"


def test_collateral_threshold_follows_the_application_date(ctx, db):
    from sonla_desktop.services.dossier_data import dossier_data

    old = svc.create_loan(ctx, worker(ctx), application())
    new = svc.create_loan(ctx, worker(ctx, full_name="Cầm Thị Lan", sex="F"),
                          application(application_date=date(2026, 2, 1)))
    with db.session() as s:
        # 60,000,000 > 50,000,000 (Decree 61) on 05/11/2025; ≤ 200,000,000 (Decree 338)
        # on 01/02/2026.
        assert dossier_data(s, old, TODAY).needs_collateral is True
        assert dossier_data(s, new, TODAY).needs_collateral is False


# ----------------------------------------------------------------- bad input, nothing written

def _refused(db, fn, field):
    before = dump_database(db)
    with pytest.raises(ValidationError) as info:
        fn()
    assert info.value.field == field
    assert dump_database(db) == before
    return info.value


def test_amount_above_costs_is_refused(ctx, db):
    wid = worker(ctx)
    err = _refused(db, lambda: svc.create_loan(ctx, wid, application(requested_vnd=60_000_001)),
                   "requested_amount")
    assert "60.000.001" in err.vi and "60.000.000" in err.vi


def test_group_the_worker_is_not_in_is_refused(ctx, db):
    wid = worker(ctx)  # Kinh, poor household, ordinary commune
    err = _refused(db, lambda: svc.create_loan(ctx, wid, application(
        policy_group="ethnic_minority")), "policy_group")
    assert "Dân tộc thiểu số" in err.vi and "Hộ nghèo" in err.vi


def test_every_field_error_is_reported_together(ctx, db):
    wid = worker(ctx)
    err = _refused(db, lambda: svc.create_loan(ctx, wid, application(
        policy_group="ethnic_minority", requested_vnd=70_000_000, term_months=48,
        market_code="XX")), "market_code")
    assert set(err.all_errors) == {"market_code", "policy_group", "requested_amount",
                                   "term_months"}


def test_repayment_larger_than_outstanding_is_refused(ctx, db):
    loan_id = approved_loan(ctx)
    svc.disburse_loan(ctx, loan_id, date(2025, 11, 20), 60_000_000, today=TODAY)
    svc.record_repayment(ctx, loan_id, date(2026, 1, 20), 59_000_000, 0, today=TODAY)
    err = _refused(db, lambda: svc.record_repayment(
        ctx, loan_id, date(2026, 2, 20), 1_000_001, 0, today=TODAY), "principal")
    assert "1.000.000" in err.vi
    # Entered late with an earlier date, it still cannot exceed what is left.
    _refused(db, lambda: svc.record_repayment(
        ctx, loan_id, date(2025, 12, 20), 1_000_001, 0, today=TODAY), "principal")


def test_disbursement_before_approval_is_refused(ctx, db):
    loan_id = svc.create_loan(ctx, worker(ctx), application())
    _refused(db, lambda: svc.disburse_loan(ctx, loan_id, date(2025, 11, 20), 60_000_000,
                                           today=TODAY), "status")
    svc.submit_loan(ctx, loan_id)
    _refused(db, lambda: svc.disburse_loan(ctx, loan_id, date(2025, 11, 20), 60_000_000,
                                           today=TODAY), "status")


@pytest.mark.parametrize(("action", "field"), [
    (lambda ctx, i: svc.approve_loan(ctx, i, 60_000_001), "approved_vnd"),
    (lambda ctx, i: svc.reject_loan(ctx, i, "   "), "reason"),
    (lambda ctx, i: svc.update_loan(ctx, i, application()), "status"),
    (lambda ctx, i: svc.record_repayment(ctx, i, date(2026, 1, 1), 1, today=TODAY), "status"),
    (lambda ctx, i: svc.close_loan(ctx, i, today=TODAY), "status"),
])
def test_submitted_loan_refuses_wrong_actions(ctx, db, action, field):
    loan_id = svc.create_loan(ctx, worker(ctx), application())
    svc.submit_loan(ctx, loan_id)
    _refused(db, lambda: action(ctx, loan_id), field)


def test_disbursement_date_and_amount_are_checked(ctx, db):
    loan_id = approved_loan(ctx)
    _refused(db, lambda: svc.disburse_loan(ctx, loan_id, date(2025, 11, 1), 60_000_000,
                                           today=TODAY), "disbursed_on")
    _refused(db, lambda: svc.disburse_loan(ctx, loan_id, date(2025, 11, 20), 60_000_001,
                                           today=TODAY), "amount_vnd")


def test_term_longer_than_the_contract_is_refused(ctx, db):
    wid = worker(ctx)
    _refused(db, lambda: svc.create_loan(ctx, wid, application(term_months=37)), "term_months")


def test_delete_only_drafts(ctx, db):
    loan_id = svc.create_loan(ctx, worker(ctx), application())
    svc.submit_loan(ctx, loan_id)
    _refused(db, lambda: svc.delete_loan(ctx, loan_id), "status")
    draft = svc.create_loan(ctx, worker(ctx, full_name="Cầm Thị Lan", sex="F"), application())
    svc.delete_loan(ctx, draft)
    assert [r.id for r in list_loans(ctx, LoanFilter())] == [loan_id]
