"""Every bundle of the hostile corpus is refused whole by a real hub database, in words.

The sender is a trusted commune that signs what it sends (its real keys), so signature checks
do not help: what protects the hub is the import's own checks (sync/bounds.py,
sync/inbound.py, the scope checks in sync/merge.py). For each case: a ``SyncError`` (a
``UserError``) with a Vietnamese and an English sentence, the database unchanged row for
row, and the hub still able to write and to export afterwards.
"""

from __future__ import annotations

from datetime import date

import pytest

from sonla_desktop.errors import SyncError, UserError
from sonla_desktop.services.sync import export_bundle, import_bundle
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database
from tests.hostile.bundles.hostile_corpus import CASES, forge, worker_record
from tests.sync_db.sync_helpers import COMMUNE_A, person


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_bundle_is_refused_whole(network, usb, case):
    hub = network["hub"]
    path = case.build(network, usb)
    before = dump_database(hub.db)
    with pytest.raises(SyncError) as err:
        import_bundle(hub.ctx, path)
    assert isinstance(err.value, UserError)
    assert case.phrase in err.value.en, err.value.en
    assert err.value.vi and err.value.vi != err.value.en
    assert "Traceback" not in err.value.vi + err.value.en
    assert dump_database(hub.db) == before
    # Nothing the file carried reached the hub's clock: it still writes and exports.
    create_worker(hub.ctx, person(COMMUNE_A))
    assert export_bundle(hub.ctx, usb / "after.sldsync", to=network["a"].id).total >= 1


def test_the_corpus_builders_make_importable_bundles_when_nothing_is_wrong(network, usb):
    """The hostile cases differ from a bundle the hub takes only by what they break."""
    from tests.hostile.bundles.hostile_corpus import event_record, loan_record, record

    w = worker_record(network, usb)
    loan = loan_record(network, w["id"])
    pay = record(network, "disbursement", loan_id=loan["id"], disbursed_on=date(2025, 4, 1),
                 amount_vnd=50_000_000)
    from sonla_desktop.sync.records import TABLES

    rows = sorted([w, event_record(network), loan, pay], key=lambda r: TABLES[r["table"]].order)
    path = forge(network, usb, rows)
    result = import_bundle(network["hub"].ctx, path)
    assert result.total("inserted") == 4


def test_a_synced_departure_below_the_markets_own_minimum_age_is_refused(network, usb):
    """A market's minimum age (market.min_age, data) holds for records that arrive by sync,
    as it does on the form: a worker of 19 leaving for a market that asks 21 is refused."""
    from sqlalchemy import update

    from sonla_desktop.models import Market

    hub = network["hub"]
    with hub.db.session() as s, s.begin():
        s.execute(update(Market).where(Market.code == "KR").values(min_age=21))
    w = worker_record(network, usb)
    born = date.fromisoformat(w["birth_date"])
    w.update(departure_date=born.replace(year=born.year + 19).isoformat(), market_code="KR",
             status="departed")
    before = dump_database(hub.db)
    with pytest.raises(SyncError) as err:
        import_bundle(hub.ctx, forge(network, usb, [w]))
    assert "21" in err.value.vi, err.value.vi
    assert dump_database(hub.db) == before


def test_a_payout_above_the_approval_is_kept_out_and_shown_not_refused(network, usb):
    """Above the approval is what two offices' concurrent loan actions produce too (issue
    #20 case 6): the merge keeps the payout out (a tombstone that travels) and puts it in the
    inbox with the rule, instead of refusing everything else the bundle carries."""
    from sqlalchemy import select

    from sonla_desktop.domain.loan_invariants import RULE_OVER_APPROVED
    from sonla_desktop.models import Conflict, Disbursement
    from tests.hostile.bundles.hostile_corpus import loan_record, record

    w = worker_record(network, usb)
    loan = loan_record(network, w["id"])
    pay = record(network, "disbursement", loan_id=loan["id"], disbursed_on=date(2025, 4, 1),
                 amount_vnd=80_000_000)
    import_bundle(network["hub"].ctx, forge(network, usb, [w, loan, pay]))
    with network["hub"].db.session() as s:
        row = s.get(Disbursement, pay["id"])
        assert row is not None and row.deleted
        reasons = set(s.scalars(select(Conflict.reason).where(Conflict.row_id == pay["id"])))
    assert reasons == {RULE_OVER_APPROVED}


def test_a_right_to_left_override_is_cleaned_away_as_on_the_form(network, usb):
    """Bidi overrides (which can make "Ơn" display reversed) are stripped by clean_text on
    every door, the form's included: a synced name is stored as the form would store it."""
    from sonla_desktop.models import Worker

    w = worker_record(network, usb, full_name="Lò Văn \u202eƠn")
    import_bundle(network["hub"].ctx, forge(network, usb, [w]))
    with network["hub"].db.session() as s:
        assert s.get(Worker, w["id"]).full_name == "Lò Văn Ơn"
