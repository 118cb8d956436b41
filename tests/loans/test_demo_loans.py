"""Demo loans look like Son La's: a fifth of departed workers, typical amounts per market,
eligible groups, the rate of the disbursement date, repayments, a few overdue."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from sonla_desktop.db import open_database
from sonla_desktop.domain.loan_application import decode_notes
from sonla_desktop.domain.loan_rules import BorrowerFacts, decide_rate
from sonla_desktop.domain.policy import Applicant, eligible_groups
from sonla_desktop.models import (
    AdminUnit,
    Disbursement,
    LoanApplication,
    LoanCostLine,
    Repayment,
    Worker,
)
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.loan_figures import loan_figures
from sonla_desktop.services.loan_queries import LoanFilter, overdue_loans
from sonla_desktop.services.loan_rules import loan_rules
from tests.pg_backend import copy_of

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(_template_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("demo-loans") / "demo.db"
    path = copy_of(_template_db, path)
    db = open_database(path)
    summary = generate_demo(ServiceContext(db, role="admin"), workers=2000, seed=11, today=TODAY)
    yield db, summary
    db.dispose()


def test_about_a_fifth_of_departed_workers_borrowed(demo):
    db, summary = demo
    with db.session() as s:
        departed = s.scalar(select(func.count()).select_from(Worker).where(
            Worker.status.in_(("departed", "returned"))))
        paid_out = s.scalar(select(func.count()).select_from(Disbursement))
        pipeline = s.scalar(select(func.count()).select_from(LoanApplication).where(
            LoanApplication.status.in_(("draft", "submitted", "approved", "rejected"))))
    # A fifth are drawn; Kinh workers of ordinary households qualify for nothing.
    assert 0.13 * departed <= paid_out <= 0.23 * departed
    assert pipeline > 0
    assert summary.extra["khoản vay"] == paid_out + pipeline
    assert summary.extra["lần trả nợ"] > 10 * paid_out


def test_costs_add_up_and_amounts_are_typical_per_market(demo):
    db, _ = demo
    with db.session() as s:
        totals = dict(s.execute(select(LoanCostLine.loan_id, func.sum(LoanCostLine.amount_vnd))
                                .group_by(LoanCostLine.loan_id)).all())
        loans = s.execute(select(LoanApplication.id, LoanApplication.market_code,
                                 LoanApplication.requested_vnd, LoanApplication.total_cost_vnd,
                                 LoanApplication.term_months, LoanApplication.contract_months)
                          ).all()
    for loan_id, market, requested, total, term, contract in loans:
        assert totals[loan_id] == total and requested <= total and term <= contract
        low, high = {"TW": (55, 65), "KR": (90, 110), "JP": (150, 200)}.get(market, (80, 120))
        assert low * 10**6 <= requested <= high * 10**6, (market, requested)


def test_groups_match_the_worker_and_rates_the_disbursement_date(demo):
    db, _ = demo
    with db.session() as s:
        rules = loan_rules(s)
        poor_areas = set(s.scalars(select(AdminUnit.code).where(AdminUnit.is_poor_area)))
        rows = s.execute(select(LoanApplication, Worker, Disbursement.disbursed_on)
                         .join(Worker, Worker.id == LoanApplication.worker_id)
                         .outerjoin(Disbursement, Disbursement.loan_id == LoanApplication.id)
                         ).all()
        groups = Counter()
        for loan, worker, paid_on in rows:
            declared, _ = decode_notes(loan.notes)
            applicant = Applicant(worker.household, worker.ethnic_code,
                                  worker.commune_code in poor_areas, declared.land_revoked,
                                  declared.meritorious_relative)
            assert loan.policy_group in eligible_groups(applicant)
            groups[loan.policy_group] += 1
            # The rate and its basis come from the loan rules on the borrower's facts: on
            # the payout day once paid out, on the application date before.
            facts = BorrowerFacts(worker.household, worker.ethnic_code,
                                  worker.commune_code in poor_areas, declared.land_revoked,
                                  declared.meritorious_relative)
            decision = decide_rate(rules, facts, paid_on or loan.application_date)
            assert (loan.rate_pct_year, loan.rate_basis) == (decision.rate_pct_year,
                                                              decision.basis)
            if paid_on is not None:
                # paid out at or just before departure, after applying
                assert timedelta(0) < worker.departure_date - paid_on <= timedelta(days=25)
                assert loan.application_date < paid_on
    assert groups.most_common(1)[0][0] == "ethnic_minority"
    assert groups["poor"] + groups["near_poor"] > 0


@pytest.mark.parametrize("few", [500, 0], ids=["per-loan reads", "whole-table pass"])
def test_most_repay_monthly_and_a_few_are_overdue(demo, monkeypatch, few):
    from sonla_desktop.services import loan_queries

    # Both ways of reading the balances (a commune's few loans, the province's many).
    monkeypatch.setattr(loan_queries, "_FEW_LOANS", few)
    db, _ = demo
    with db.session() as s:
        figures = [f for f in loan_figures(s, TODAY) if f.state is not None]
        repaying = s.scalar(select(func.count(func.distinct(Repayment.loan_id))))
        overdue = overdue_loans(s, LoanFilter(), TODAY)
    assert repaying >= 0.7 * len(figures)
    assert 0 < len(overdue) <= 0.1 * len(figures)
    by_id = {f.loan_id: f for f in figures}
    for loan_id, amount in overdue.items():
        assert by_id[loan_id].state.overdue_principal_vnd == amount
    assert all(f.state.outstanding_vnd == 0 for f in figures if f.status == "closed")


def test_same_seed_same_loans(demo, _template_db, tmp_path):
    db, _ = demo
    path = tmp_path / "again.db"
    path = copy_of(_template_db, path)
    again = open_database(path)
    generate_demo(ServiceContext(again, role="admin"), workers=2000, seed=11, today=TODAY)

    def loans(database):
        with database.session() as s:
            return s.execute(select(LoanApplication.id, LoanApplication.worker_id,
                                    LoanApplication.requested_vnd, LoanApplication.policy_group)
                             .order_by(LoanApplication.id)).all()

    assert loans(again) == loans(db)
    again.dispose()
