"""Migration 0008 on a database written by an earlier version: the old audit rows held full
values (CCCDs included); after the upgrade they are scrubbed, chained and verify passes."""

from __future__ import annotations

import json
import sqlite3

from alembic import command
from sqlalchemy import text

from sonla_desktop.db import Database, _alembic_config
from sonla_desktop.services.audit import verify_chain
from sonla_desktop.services.context import ServiceContext


def test_upgrade_scrubs_old_values_and_builds_the_chain(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    with db.engine.begin() as conn:
        for i, (field, old, new) in enumerate([
            ("national_id", None, "014098001234"), ("phone", "0912345678", "0987654321"),
            ("status", "registered", "departed"),
        ]):
            conn.execute(text(
                "INSERT INTO audit_log (id, at, user, node_id, action, entity, entity_id, "
                "changes) VALUES (:id, :at, 'old-clerk', 'n', 'update', 'worker', 'w1', :c)"),
                {"id": f"a{i}", "at": f"2026-01-0{i + 1} 08:00:00.000000",
                 "c": json.dumps({field: [old, new]})})
    db.dispose()
    db = Database(path)
    db.upgrade()
    result = verify_chain(ServiceContext(db, role="admin"))
    assert result.ok and result.rows == 3
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT seq, changes FROM audit_log ORDER BY seq")).all()
    assert [json.loads(c) for _, c in rows] == [
        {"national_id": [None, "***"]}, {"phone": ["***", "***"]},
        {"status": ["registered", "departed"]}]
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = path.read_bytes()
    assert b"014098001234" not in raw and b"0912345678" not in raw
