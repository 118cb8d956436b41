"""private, hash-chained audit log

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-06

``audit_log`` gains ``seq``, ``prev_hash`` and ``row_hash`` (``domain.audit_chain``). Rows
written by earlier versions held full before/after values, CCCDs included: every sensitive
value in them is replaced by ``***`` (the node's HMAC key is not available to a migration,
and a value nobody can compare is the safe default), then the rows are chained in the order
they were written (time, then id) and the head is stored in the ``audit_head`` setting.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from sonla_desktop.domain.audit_chain import (
    GENESIS,
    ChainRow,
    format_head,
    row_hash,
    scrub,
)

revision = "0008"
down_revision = "0004"
branch_labels = None
depends_on = None

_audit = sa.table(
    "audit_log",
    sa.column("id", sa.String), sa.column("at", sa.DateTime), sa.column("user", sa.String),
    sa.column("node_id", sa.String), sa.column("action", sa.String),
    sa.column("entity", sa.String), sa.column("entity_id", sa.String),
    sa.column("changes", sa.Text), sa.column("seq", sa.Integer),
    sa.column("prev_hash", sa.String), sa.column("row_hash", sa.String),
)
_setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))


def _scrubbed(text: str) -> str:
    try:
        payload = json.loads(text or "{}")
    except ValueError:
        return json.dumps({"changes": "***"})
    if not isinstance(payload, dict):
        return json.dumps({"changes": "***"})
    return json.dumps(scrub(payload), ensure_ascii=False, sort_keys=True)


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("row_hash", sa.String(length=64), nullable=False,
                                      server_default=""))
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        # Pages the scrub frees are zeroed, so the old values do not linger in the file.
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    rows = conn.execute(sa.select(_audit.c.id, _audit.c.at, _audit.c.user, _audit.c.node_id,
                                  _audit.c.action, _audit.c.entity, _audit.c.entity_id,
                                  _audit.c.changes)
                        .order_by(_audit.c.at, _audit.c.id)).all()
    prev, seq, batch = GENESIS, 0, []
    for r in rows:
        seq += 1
        changes = _scrubbed(r.changes)
        chain = ChainRow(seq, r.id, r.at, r.user, r.node_id, r.action, r.entity,
                         r.entity_id, changes, prev)
        digest = row_hash(chain)
        batch.append({"b_id": r.id, "changes": changes, "seq": seq, "prev_hash": prev,
                      "row_hash": digest})
        prev = digest
        if len(batch) >= 5000:
            _write(conn, batch)
            batch = []
    _write(conn, batch)
    conn.execute(sa.delete(_setting).where(_setting.c.key == "audit_head"))
    conn.execute(sa.insert(_setting).values(key="audit_head", value=format_head(seq, prev)))
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_seq", ["seq"], unique=True)
        batch_op.create_index("ix_audit_log_action", ["action"], unique=False)


def _write(conn, batch: list[dict]) -> None:
    if batch:
        conn.execute(sa.update(_audit).where(_audit.c.id == sa.bindparam("b_id")).values(
            changes=sa.bindparam("changes"), seq=sa.bindparam("seq"),
            prev_hash=sa.bindparam("prev_hash"), row_hash=sa.bindparam("row_hash")), batch)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_action")
        batch_op.drop_index("ix_audit_log_seq")
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
    op.execute(sa.delete(_setting).where(_setting.c.key == "audit_head"))
