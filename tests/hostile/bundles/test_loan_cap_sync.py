"""Issue 13 at the sync door: a 2026 loan is held to the form's cap, the pre-departure costs
minus what the state budget pays (Decree 338), not only to the older share of the costs.
A request the form refuses refuses the bundle whole; the receiver's database is unchanged."""

from __future__ import annotations

from datetime import date

from sonla_desktop.services.sync import import_bundle
from tests.hostile.bundles.hostile_corpus import forge, loan_record, worker_record
from tests.sync_db.test_tamper_db import refused

SPRING_2026 = date(2026, 3, 2)


def _loan(network, usb, requested: int):
    worker = worker_record(network, usb)
    loan = loan_record(network, worker["id"], application_date=SPRING_2026,
                       total_cost_vnd=100_000_000, state_supported_vnd=20_000_000,
                       requested_vnd=requested, approved_vnd=None, status="submitted",
                       rate_pct_year="7.9248")
    return forge(network, usb, [worker, loan])


def test_a_2026_loan_above_costs_less_state_support_refuses_the_bundle(network, usb):
    err = refused(network["hub"], _loan(network, usb, 90_000_000))
    # The form's own message: the cap and how it is made.
    assert "requested_amount" in err.en and "80.000.000" in err.vi
    assert "Nhà nước hỗ trợ 20.000.000" in err.vi


def test_a_2026_loan_at_the_cap_is_accepted(network, usb):
    result = import_bundle(network["hub"].ctx, _loan(network, usb, 80_000_000))
    assert result.total("inserted") == 2
