"""USB sync on the 100k-worker demo database: full export against a plain gzip NDJSON dump,
incremental export after 100 edits, and import of the full bundle into an empty node."""

from __future__ import annotations

import gzip
import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import BIG, big_database, report


def _as_hub(db, name: str) -> None:
    """The demo database belongs to a commune; sending all 100k people needs the hub's scope."""
    from sonla_desktop.models import Node

    with db.transaction() as s:
        node = s.query(Node).filter(Node.is_self.is_(True)).one()
        node.name, node.scope, node.is_hub = name, "hub", True


def _plain_dump(db, path: Path) -> int:
    """Baseline: the same tables' rows as gzip NDJSON, no signing, no encryption, no checks."""
    from sonla_desktop.models import SYNCED_MODELS

    n = 0
    # Same compression level as the bundle writer, so the ratio compares like with like.
    with db.engine.connect() as conn, gzip.open(path, "wt", encoding="utf-8",
                                               compresslevel=6) as out:
        for model in SYNCED_MODELS:
            t = model.__table__
            for row in conn.execute(t.select()):
                out.write(json.dumps(dict(row._mapping), default=str, ensure_ascii=False))
                out.write("\n")
                n += 1
    return n


def main() -> None:
    from sonla_desktop.db import open_database
    from sonla_desktop.models import Worker
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.setup import ensure_node_keys, initialise
    from sonla_desktop.services.sync import export_bundle, import_bundle
    from sonla_desktop.services.sync_trust import public_key_text, trust_peer
    from sonla_desktop.services.workers import get_worker, update_worker

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shutil.copyfile(big_database(), tmp / "sender.db")
        sender_db = open_database(tmp / "sender.db")
        _as_hub(sender_db, "Sở LĐ-TB&XH Sơn La")
        sender = ServiceContext(sender_db, role="admin")
        ensure_node_keys(sender.node_id)
        receiver_db = open_database(tmp / "receiver.db")
        initialise(receiver_db, name="Máy chủ dự phòng", hub=True)
        receiver = ServiceContext(receiver_db, role="admin")
        trust_peer(sender, public_key_text(receiver))
        trust_peer(receiver, public_key_text(sender))

        start = time.perf_counter()
        full = export_bundle(sender, tmp / "full.sldsync", to=receiver.node_id, full=True)
        ours = time.perf_counter() - start
        start = time.perf_counter()
        rows = _plain_dump(sender_db, tmp / "plain.ndjson.gz")
        base = time.perf_counter() - start
        assert rows == full.total, (rows, full.total)
        report(f"sync full export ({full.counts.get('worker', 0):,} workers, "
               f"{full.size / 1e6:.1f} MB)", ours, base, "<= 10 s and <= 3x the plain dump")

        start = time.perf_counter()
        result = import_bundle(receiver, full.path)
        took = time.perf_counter() - start
        report(f"sync import of that bundle into an empty node ({result.total('inserted'):,} "
               "rows)", took, None, "(printed only)")

        # The receiver's reply carries its have-vector: from then on only changes travel.
        import_bundle(sender, export_bundle(receiver, tmp / "ack.sldsync",
                                           to=sender.node_id).path)
        with sender_db.session() as s:
            ids = list(s.scalars(Worker.__table__.select().with_only_columns(Worker.id)
                                 .where(Worker.deleted.is_(False)).limit(100)))
        for i, wid in enumerate(ids):
            values = get_worker(sender, wid)
            values["notes"] = f"sửa lần {i}"
            update_worker(sender, wid, values)
        start = time.perf_counter()
        delta = export_bundle(sender, tmp / "delta.sldsync", to=receiver.node_id)
        ours = time.perf_counter() - start
        # A changed worker travels with its loans and attendances (children follow parents).
        assert delta.counts["worker"] == 100, delta.counts
        report(f"sync incremental export (100 of {BIG:,} changed, {delta.total:,} rows)",
               ours, None, "<= 0.5 s")
        sender_db.dispose()
        receiver_db.dispose()
