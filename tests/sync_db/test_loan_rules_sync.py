"""Loan rules travel like the other hub-owned tables: a rate the hub adds decides the
communes' loans after one bundle; a commune cannot set one of its own."""

from __future__ import annotations

from datetime import date

import pytest

from sonla_desktop.errors import UserError
from sonla_desktop.services import loans as svc
from sonla_desktop.services.loan_queries import loan_detail
from sonla_desktop.services.loan_rules import add_rule
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database
from tests.sync_db.sync_helpers import COMMUNE_A, person, receive, send
from tests.sync_db.test_exchange import records_in


def test_a_rate_the_hub_adds_reaches_the_commune_and_decides_its_loans(network, usb):
    hub, a = network["hub"], network["a"]
    rule_id = add_rule(hub.ctx, {
        "key": "poor_household_rate", "kind": "series", "valid_from": "01/04/2026",
        "value_kind": "percent_year", "value": "6", "legal_basis": "QĐ …/QĐ-TTg (thử)",
        "label_vi": "lãi suất cho vay hộ nghèo", "note": "quyết định mới"})
    path = send(hub, a, usb)
    sent = [r for r in records_in(path, a) if r["table"] == "loan_rule"]
    assert rule_id in {r["id"] for r in sent}
    receive(a, path)
    wid = create_worker(a.ctx, person(COMMUNE_A, household="none", ethnic_code="03"))
    loan_id = svc.create_loan(a.ctx, wid, {
        "policy_group": "ethnic_minority", "application_date": date(2026, 4, 2),
        "contract_months": 36, "term_months": 36, "requested_vnd": 60_000_000,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": 60_000_000}]})
    assert loan_detail(a.ctx, loan_id)["rate_pct_year"] == 7.62  # 127% of the new 6%


def test_a_commune_cannot_set_a_loan_rule_of_its_own(network, usb):
    """Loan rules are the hub's (sync.ownership): a commune's own rule would never travel,
    so it is refused at entry with a sentence saying whom to ask, and nothing is written."""
    hub, a = network["hub"], network["a"]
    before = dump_database(a.db)
    with pytest.raises(UserError) as err:
        add_rule(a.ctx, {"key": "collateral_threshold", "kind": "collateral_threshold",
                         "valid_from": "01/05/2026", "value_kind": "vnd", "value": "300.000.000",
                         "legal_basis": "thử"})
    assert "văn phòng tỉnh" in err.value.vi
    assert dump_database(a.db) == before
    create_worker(a.ctx, person(COMMUNE_A))
    tables = {r["table"] for r in records_in(send(a, hub, usb), hub)}
    assert "loan_rule" not in tables
