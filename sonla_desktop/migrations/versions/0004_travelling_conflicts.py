"""conflicts and possible duplicates travel in bundles

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

The conflicts inbox becomes a synced table (issue #20: the node whose edit lost must see
it, and a resolution must reach every node): it gains origin/version/deleted/updated_at, the
two versions are stored as winner/loser instead of this node's mine/theirs, and it records
the row's commune (its scope), a rule key and who resolved it. Existing entries are kept:
the version with the higher clock value is the winner, as the merge decided.
A new synced table links workers that may be one person (same CCCD from two ends).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    conn = op.get_bind()
    # Typed columns: SQLite hands back timestamps as text otherwise.
    # 0003 gave entries a reason (a worker's move); keep it.
    old = list(conn.execute(sa.text(
        "SELECT id, table_name, row_id, mine, theirs, created_at, resolved_at, resolution, "
        "reason FROM conflict").columns(created_at=sa.DateTime(), resolved_at=sa.DateTime())))
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_row_id"))
    op.drop_table("conflict")
    conflict = op.create_table(
        "conflict",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("winner", sa.Text(), nullable=False),
        sa.Column("loser", sa.Text(), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("resolution", sa.String(length=10), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_row_id"), ["row_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_version"), ["version"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_commune_code"), ["commune_code"],
                              unique=False)
    rows = []
    me = conn.execute(sa.text("SELECT id FROM node WHERE is_self")).scalar()
    clock = conn.execute(sa.text("SELECT value FROM setting WHERE key = 'hlc_last'")).scalar()
    # Entries from before are this node's own notes: stamped with its clock's last value, so
    # they are well-formed records if they travel (sync/hlc.py: 18 hex digits, "-", node id).
    version = f"{clock.partition('-')[0]}-{me}" if me and clock else ""
    for r in old:
        mine, theirs = json.loads(r.mine), json.loads(r.theirs)
        mine_won = str(mine.get("version", "")) >= str(theirs.get("version", ""))
        winner, loser = (r.mine, r.theirs) if mine_won else (r.theirs, r.mine)
        resolution = ""
        if r.resolution:
            resolution = "winner" if (r.resolution == "mine") == mine_won else "loser"
        commune = mine.get("commune_code") if r.table_name in ("worker", "event") else None
        rows.append({"id": r.id, "table_name": r.table_name, "row_id": r.row_id,
                     "winner": winner, "loser": loser, "commune_code": commune,
                     "reason": r.reason or "",
                     "resolution": resolution, "resolved_at": r.resolved_at, "resolved_by": "",
                     "origin": me or "", "version": version, "deleted": False,
                     "created_at": r.created_at, "updated_at": r.created_at})
    if rows:
        op.bulk_insert(conflict, rows)

    op.create_table(
        "possible_duplicate",
        sa.Column("worker_id_1", sa.String(length=36), nullable=False),
        sa.Column("worker_id_2", sa.String(length=36), nullable=False),
        sa.Column("commune_code_1", sa.String(length=5), nullable=False),
        sa.Column("commune_code_2", sa.String(length=5), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("national_id", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("possible_duplicate", schema=None) as batch_op:
        for col in ("worker_id_1", "worker_id_2", "commune_code_1", "commune_code_2",
                    "version"):
            batch_op.create_index(batch_op.f(f"ix_possible_duplicate_{col}"), [col],
                                  unique=False)


def downgrade() -> None:
    op.drop_table("possible_duplicate")
    op.drop_table("conflict")
    op.create_table(
        "conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("mine", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_row_id"), ["row_id"], unique=False)
