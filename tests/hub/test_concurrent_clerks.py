"""Several hub clerks at once on PostgreSQL (issue 16, item 5): nothing is lost.

Three operating-system processes against the real server, started together: one clerk
imports commune A's bundle (updates of people the hub already holds), another imports
commune B's bundle (new people), a third corrects some of A's people by hand meanwhile.
Without REPEATABLE READ and the retry (services/sync.py, db.retrying), the import read a row
before the correction committed and then wrote A's older values over it.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sonla_desktop.db import open_database
from sonla_desktop.models import SYNCED_MODELS, BundleLog, PeerAck, Worker
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.sync import export_bundle, import_bundle
from sonla_desktop.services.sync_trust import public_key_text, trust_peer
from sonla_desktop.services.workers import get_worker, update_worker

EDITS = 60


def _clerk(job: str, url: str, arg: object, data_dir: str, start, results) -> None:
    """One hub clerk in a process of its own: what a second copy of the program does."""
    os.environ["SONLA_DATA_DIR"] = data_dir
    db = open_database(url)
    ctx = ServiceContext(db, user=f"clerk-{job}", role="admin")
    try:
        if job == "long-edit":
            _long_edit(ctx, arg, start)
            results.put((job, "ok"))
            return
        start.wait(timeout=60)
        if job == "edit":
            for i, wid in enumerate(arg):
                values = get_worker(ctx, wid)
                values["notes"] = f"tỉnh sửa {i}"
                update_worker(ctx, wid, values)
            results.put((job, "ok"))
        else:
            result = import_bundle(ctx, Path(arg))
            results.put((job, result.total("inserted") + result.total("updated")))
    except BaseException as exc:  # reported to the test, which fails with it
        results.put((job, f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def _long_edit(ctx: ServiceContext, ids: list[str], start) -> None:
    """Corrections written in one long transaction (as a large correction list from Excel
    takes seconds): the imports start while it holds its rows and commit after it."""
    with ctx.transaction() as s:
        for i, wid in enumerate(ids):
            row = s.get(Worker, wid)
            ctx.apply(s, row, "worker", {"notes": (row.notes, f"tỉnh sửa {i}")})
        s.flush()
        start.wait(timeout=60)  # the importers go now, while these rows are written
        time.sleep(2)


def _commune(path: Path, name: str, code: str, hub: ServiceContext, workers: int,
             seed: int) -> ServiceContext:
    db = open_database(path)
    initialise(db, name=name, communes=[code])
    ctx = ServiceContext(db, user=f"clerk-{code}", role="admin")
    trust_peer(hub, public_key_text(ctx))
    trust_peer(ctx, public_key_text(hub))
    generate_demo(ctx, workers=workers, seed=seed, communes=[code])
    return ctx


def _max_versions(ctx: ServiceContext) -> str:
    with ctx.db.session() as s:
        return max(s.scalar(select(func.max(m.version)).where(m.origin == ctx.node_id)) or ""
                   for m in SYNCED_MODELS)


@pytest.mark.parametrize("editor", ["edit", "long-edit"])
def test_two_imports_and_an_edit_at_once_lose_nothing(pg_url, tmp_path, editor):
    hub_db = open_database(pg_url)
    initialise(hub_db, name="Sở LĐ-TB&XH Sơn La", hub=True)
    hub = ServiceContext(hub_db, user="hub", role="admin")
    a = _commune(tmp_path / "a.db", "UBND phường Chiềng Cơi", "03670", hub, 1500, 1)
    b = _commune(tmp_path / "b.db", "UBND phường Chiềng Sinh", "03679", hub, 1500, 2)
    import_bundle(hub, export_bundle(a, tmp_path / "a1.sldsync", to=hub.node_id).path)
    # Commune A then edits every one of its people: its next bundle updates 1,500 rows.
    with a.transaction() as s:
        a_workers = list(s.scalars(select(Worker).order_by(Worker.id)))
        for w in a_workers:
            w.notes = "xã sửa"
            a.stamp(s, w)
    a_ids = [w.id for w in a_workers]
    bundle_a = export_bundle(a, tmp_path / "a2.sldsync", to=hub.node_id).path
    bundle_b = export_bundle(b, tmp_path / "b1.sldsync", to=hub.node_id).path
    # The hub's corrections come later than A's edits: they must be what the hub keeps.
    corrected = a_ids[::len(a_ids) // EDITS][:EDITS]
    hub_db.dispose()

    spawn = multiprocessing.get_context("spawn")  # as separate programs; no forked Qt state
    start, results = spawn.Barrier(3), spawn.Queue()
    data_dir = os.environ["SONLA_DATA_DIR"]
    clerks = [spawn.Process(target=_clerk, args=(job, pg_url, arg, data_dir, start, results))
              for job, arg in (("import-a", str(bundle_a)), ("import-b", str(bundle_b)),
                               (editor, corrected))]
    for p in clerks:
        p.start()
    outcome = dict(results.get(timeout=300) for _ in clerks)
    for p in clerks:
        p.join(timeout=60)
    assert outcome[editor] == "ok", outcome
    # Each import wrote its bundle (A's updates lose only to the hub's later corrections).
    assert outcome["import-a"] >= 1500 - EDITS and outcome["import-b"] >= 1500, outcome

    with hub_db.session() as s:
        notes = dict(s.execute(select(Worker.id, Worker.notes)
                               .where(Worker.commune_code == "03670")).all())
        b_at_hub = set(s.scalars(select(Worker.id).where(Worker.commune_code == "03679")))
        logged = s.scalar(select(func.count()).select_from(BundleLog)
                          .where(BundleLog.direction == "in"))
        acks = dict(s.execute(select(PeerAck.origin, PeerAck.version)
                              .where(PeerAck.peer_id == hub.node_id)).all())
    with b.db.session() as s:
        b_ids = set(s.scalars(select(Worker.id)))
    assert b_at_hub == b_ids  # every one of B's people arrived
    assert set(notes) == set(a_ids)
    lost = [i for i, wid in enumerate(corrected) if notes[wid] != f"tỉnh sửa {i}"]
    assert lost == [], f"hub corrections overwritten by the concurrent import: {lost}"
    assert all(notes[wid] == "xã sửa" for wid in set(a_ids) - set(corrected))
    assert logged == 3
    # What the hub says it holds from each commune is exactly what each commune wrote last.
    assert acks[a.node_id] == _max_versions(a) and acks[b.node_id] == _max_versions(b)
    hub_db.dispose()

