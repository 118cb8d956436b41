"""Return bundles for all (issue #16 item 4): ``bundle export --all`` at the hub writes one
bundle per trusted commune, named after it; each commune imports its own; refused at a
commune office."""

from __future__ import annotations

from datetime import date

import pytest

from sonla_desktop.cli import main
from sonla_desktop.errors import UserError
from sonla_desktop.services.sync import import_bundle
from sonla_desktop.services.sync_all import bundle_name, export_all
from sonla_desktop.services.targets import list_targets, set_target
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import COMMUNE_A, COMMUNE_B, person, worker


def test_one_bundle_per_commune_named_after_it_and_each_imports_its_own(
        network, usb, capsys):
    hub, a, b = network["hub"], network["a"], network["b"]
    wa = create_worker(hub.ctx, person(COMMUNE_A))
    wb = create_worker(hub.ctx, person(COMMUNE_B))
    set_target(hub.ctx, 2026, 40, COMMUNE_A)
    assert main(["--db", str(hub.path), "bundle", "export", "--all", "-o", str(usb)]) == 0
    out = capsys.readouterr()
    assert "Xong: 2/2 xã/phường." in out.out and "[1/2]" in out.err
    day = f"{date.today():%Y%m%d}"
    files = sorted(p.name for p in usb.iterdir())
    assert files == [f"ubnd-phuong-chieng-coi-{COMMUNE_A}-{day}.sldsync",
                     f"ubnd-phuong-chieng-sinh-{COMMUNE_B}-{day}.sldsync"]
    for_a, for_b = (usb / f for f in files)
    import_bundle(a.ctx, for_a)
    import_bundle(b.ctx, for_b)
    assert worker(a, wa) is not None and worker(a, wb) is None
    assert worker(b, wb) is not None and worker(b, wa) is None
    assert [(t.commune_code, t.departures) for t in list_targets(a.ctx, 2026)] == [
        (COMMUNE_A, 40)]
    # A bundle is for its commune only.
    with pytest.raises(UserError):
        import_bundle(a.ctx, for_b)
    # Again the same day: new files beside the first ones, with the next sequence.
    steps = []
    items = export_all(hub.ctx, usb, progress=lambda done, total, name: steps.append(done))
    assert steps == [0, 1, 2] and all(i.result and not i.error for i in items)
    assert len(list(usb.iterdir())) == 4
    assert all(i.path.name.endswith(f"-{day}-2.sldsync") for i in items)


def test_refused_at_a_commune_office(network, usb, capsys):
    assert main(["--db", str(network["a"].path), "bundle", "export", "--all",
                 "-o", str(usb)]) == 1
    assert "Chỉ văn phòng tỉnh" in capsys.readouterr().err
    assert list(usb.iterdir()) == []


def test_bundle_name_is_readable():
    assert bundle_name("UBND xã Mường Bú", "03847", date(2026, 12, 6)) == \
        "ubnd-xa-muong-bu-03847-20261206.sldsync"
