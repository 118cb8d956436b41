"""Issue 13, item 3 at the sync door: a bundle carrying a departure before the worker's 18th
birthday is refused whole, as the form and the Excel import refuse it, and the hub's
database stays exactly as it was (``refused`` checks that)."""

from __future__ import annotations

from tests.sync_db.test_tamper_db import forge, refused, worker_record


def test_a_bundle_with_an_under_age_departure_is_refused(network, usb):
    record = worker_record(network, usb, birth_date="2008-05-01", sex="M",
                           national_id="014208000123", status="departed", market_code="JP",
                           departure_date="2026-03-01")
    err = refused(network["hub"], forge(network, usb, [record], counts={"worker": 1}))
    assert "departure_date" in err.en and "18" in err.en
    assert "Nothing was imported" in err.en


def test_the_same_worker_departing_on_the_18th_birthday_is_accepted(network, usb):
    from sonla_desktop.services.sync import import_bundle

    record = worker_record(network, usb, birth_date="2008-05-01", sex="M",
                           national_id="014208000123", status="departed", market_code="JP",
                           departure_date="2026-05-01")
    path = forge(network, usb, [record], counts={"worker": 1})
    assert import_bundle(network["hub"].ctx, path).total("inserted") == 1
