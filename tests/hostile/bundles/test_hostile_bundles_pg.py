"""The same refusals when the hub runs on PostgreSQL, where a value that slipped through
would not be stored quietly but raise (a sequence above 2^31, a village of 121 characters)."""

from __future__ import annotations

import pytest

from sonla_desktop.db import open_database
from sonla_desktop.errors import SyncError
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.sync import import_bundle
from sonla_desktop.services.sync_trust import public_key_text, trust_peer
from tests.conftest import dump_database
from tests.hostile.bundles.hostile_corpus import CASES
from tests.sync_db.sync_helpers import SyncNode

ON_POSTGRESQL = ("sequence-2-to-the-62", "version-at-the-end-of-the-clock", "bell-in-a-village-name",
                 "megabyte-of-notes", "village-longer-than-its-column", "lone-surrogate",
                 "loan-disbursed-above-approved", "origin-another-commune")


def test_a_postgresql_hub_refuses_the_hostile_corpus_whole(pg_url, network, usb):
    db = open_database(pg_url)
    try:
        result = initialise(db, name="Sở LĐ-TB&XH Sơn La (máy chủ)", hub=True)
        pg = SyncNode("hub", ServiceContext(db, user="hub-admin", role="admin"), None)
        trust_peer(pg.ctx, public_key_text(network["a"].ctx))
        trust_peer(network["a"].ctx, public_key_text(pg.ctx))
        nodes = {**network, "hub": pg}
        assert pg.id == result.node_id
        for case in (c for c in CASES if c.name in ON_POSTGRESQL):
            path = case.build(nodes, usb)
            before = dump_database(db)
            with pytest.raises(SyncError) as err:
                import_bundle(pg.ctx, path)
            assert case.phrase in err.value.en, (case.name, err.value.en)
            assert dump_database(db) == before, case.name
    finally:
        db.dispose()
