"""Migration 0004 keeps a database's inbox: old entries become winner/loser entries."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import text

from sonla_desktop.db import Database, _alembic_config
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.sync_conflicts import list_conflicts

ME = "11111111-1111-4111-8111-111111111111"
PEER = "22222222-2222-4222-8222-222222222222"


def record(version: str, origin: str, village: str) -> str:
    return json.dumps({"table": "target", "id": "t1", "origin": origin, "version": version,
                       "village": village})


def test_old_entries_keep_their_versions_and_decisions(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    cfg = _alembic_config()
    cfg.set_main_option("sqlalchemy.url", db.url)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO node (id, name, scope, is_hub, is_self, public_key, created_at) "
                          "VALUES (:id, 'Xã', '03670', 0, 1, '', '2026-01-01 00:00:00')"), {"id": ME})
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('hlc_last', :v)"),
                     {"v": f"01a24cf5270f000003-{ME}"})
        mine = record(f"01a24cf52700000000-{ME}", ME, "Bản Cọ")  # lost here
        theirs = record(f"01a24cf52800000000-{PEER}", PEER, "Bản Hụm")
        conn.execute(text(
            "INSERT INTO conflict (id, table_name, row_id, mine, theirs, created_at, "
            "resolved_at, resolution) VALUES ('c1', 'target', 't1', :m, :t, "
            "'2026-01-02 03:04:05', '2026-01-03 00:00:00', 'mine')"), {"m": mine, "t": theirs})
    db.upgrade()
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM conflict")).one()._mapping
    assert json.loads(row["winner"])["version"].endswith(PEER)
    assert json.loads(row["loser"])["version"].endswith(ME)
    assert (row["resolution"], row["origin"]) == ("loser", ME)  # "mine" was the loser
    assert row["version"] == f"01a24cf5270f000003-{ME}"
    db.dispose()


def test_an_empty_inbox_upgrades_and_lists_nothing(db):
    assert list_conflicts(ServiceContext(db, role="admin"), include_resolved=True) == []
