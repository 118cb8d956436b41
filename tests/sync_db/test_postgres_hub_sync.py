"""The provincial hub runs on PostgreSQL: it imports a commune's file and answers back."""

from __future__ import annotations

from sonla_desktop.db import open_database
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.sync import export_bundle, import_bundle
from sonla_desktop.services.sync_trust import public_key_text, trust_peer
from sonla_desktop.services.workers import WorkerFilter, create_worker, list_workers
from tests.sync_db.sync_helpers import COMMUNE_A, SCOPES, SyncNode, add_loan, person, synced_rows


def test_a_postgresql_hub_imports_a_commune_bundle_and_replies(pg_url, network, usb):
    db = open_database(pg_url)
    try:
        result = initialise(db, name="Sở LĐ-TB&XH Sơn La (máy chủ)", hub=True)
        pg = SyncNode("hub", ServiceContext(db, user="hub-admin", role="admin"), None)
        a = network["a"]
        trust_peer(pg.ctx, public_key_text(a.ctx))
        trust_peer(a.ctx, public_key_text(pg.ctx))

        wid = create_worker(a.ctx, person(COMMUNE_A, 77, full_name="Quàng Văn Ơn"))
        add_loan(a.ctx, wid)
        path = usb / "a-to-pg.sldsync"
        export_bundle(a.ctx, path, to=result.node_id)
        imported = import_bundle(pg.ctx, path)
        assert imported.tallies["worker"]["inserted"] == 1
        assert imported.tallies["loan_application"]["inserted"] == 1
        assert [r.id for r in list_workers(pg.ctx, WorkerFilter(search="quang van on"))] == [wid]
        assert import_bundle(pg.ctx, path).already_imported

        back = usb / "pg-to-a.sldsync"
        export_bundle(pg.ctx, back, to=a.id)
        import_bundle(a.ctx, back)
        assert synced_rows(a, SCOPES["a"]) == synced_rows(pg, SCOPES["a"])
        # The commune's next file acknowledges what it holds; the hub then resends nothing
        # (versions compared in byte order on PostgreSQL too).
        ack = usb / "a-to-pg-2.sldsync"
        export_bundle(a.ctx, ack, to=result.node_id)
        import_bundle(pg.ctx, ack)
        again = usb / "pg-to-a-2.sldsync"
        assert export_bundle(pg.ctx, again, to=a.id).counts == {}
    finally:
        db.dispose()
