"""The hub's "particularly difficult area" flag travels to the communes with the next
bundle, and from then on decides their Kinh poor borrowers' rate (Decree 338, Art. 15)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from sonla_desktop.models import AdminUnit
from sonla_desktop.services import loans as svc
from sonla_desktop.services.admin_units import set_poor_area
from sonla_desktop.services.loan_queries import loan_detail
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import COMMUNE_A, COMMUNE_B, person, receive, send
from tests.sync_db.test_exchange import records_in


def _kinh_poor_rate(node) -> float:
    wid = create_worker(node.ctx, person(COMMUNE_A, household="poor", ethnic_code="01"))
    loan_id = svc.create_loan(node.ctx, wid, {
        "policy_group": "poor", "application_date": date(2026, 3, 2), "contract_months": 36,
        "term_months": 36, "requested_vnd": 60_000_000,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": 60_000_000}]})
    return loan_detail(node.ctx, loan_id)["rate_pct_year"]


def _flags(node) -> dict[str, bool]:
    with node.db.session() as s:
        return dict(s.execute(select(AdminUnit.code, AdminUnit.is_poor_area)
                              .where(AdminUnit.code.in_([COMMUNE_A, COMMUNE_B]))).all())


def test_the_hub_flags_a_unit_and_the_commune_prices_by_it(network, usb):
    hub, a = network["hub"], network["a"]
    assert _kinh_poor_rate(a) == 7.9248
    set_poor_area(hub.ctx, COMMUNE_A, True)
    path = send(hub, a, usb)
    sent = [r for r in records_in(path, a) if r["table"] == "admin_unit"]
    assert (COMMUNE_A, True) in {(r["code"], r["is_poor_area"]) for r in sent}
    receive(a, path)
    assert _flags(a) == {COMMUNE_A: True, COMMUNE_B: False}
    assert _kinh_poor_rate(a) == 6.24
    # Taken off the list: the next bundle clears it at the commune too.
    set_poor_area(hub.ctx, COMMUNE_A, False)
    receive(a, send(hub, a, usb))
    assert _flags(a) == {COMMUNE_A: False, COMMUNE_B: False}
    assert _kinh_poor_rate(a) == 7.9248
