"""The province simulation at small scale (issue 16, item 6; ``python -m bench province``).

Three commune offices make their own data, send one bundle each; the hub's consolidated
figures must equal each commune's own report and, for the province, their sum. Run with a
hub on SQLite and with a hub on a real PostgreSQL server.
"""

from __future__ import annotations

import pytest

from bench import province


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_hub_consolidation_equals_the_sum_of_the_communes_own_reports(backend, tmp_path,
                                                                      request):
    where = (request.getfixturevalue("pg_url") if backend == "postgres"
             else tmp_path / "hub.db")
    hub = province.make_hub(where, "Sở LĐ-TB&XH Sơn La")
    communes = province.make_communes(tmp_path, {"hub": hub}, 3, 30, progress=lambda _: None)
    own = province.own_figures(communes)
    # Something to add up: departures, loans and money in more than one commune.
    assert sum(f["departures_total"] > 0 for f in own.values()) >= 2
    assert sum(f["loans_amount_vnd"] for f in own.values()) > 0

    before, _ = province.consolidated(hub, communes)
    assert all(f["departures_total"] == 0 for f in before.values())  # nothing received yet
    took = province.import_all(hub, communes, "hub")
    assert len(took) == 3
    at_hub, whole = province.consolidated(hub, communes)
    assert province.mismatches(at_hub, whole, own) == []
    assert whole["departures_total"] == sum(f["departures_total"] for f in own.values())
    hub.db.dispose()


def test_a_missing_bundle_shows_as_a_mismatch(tmp_path):
    """The comparison itself notices a commune whose data did not arrive."""
    hub = province.make_hub(tmp_path / "hub.db", "Sở LĐ-TB&XH Sơn La")
    communes = province.make_communes(tmp_path, {"hub": hub}, 2, 30, progress=lambda _: None)
    own = province.own_figures(communes)
    province.import_all(hub, communes[:1], "hub")
    at_hub, whole = province.consolidated(hub, communes)
    bad = province.mismatches(at_hub, whole, own)
    assert any(b.startswith(communes[1].code) for b in bad) and any("province" in b for b in bad)
    hub.db.dispose()
