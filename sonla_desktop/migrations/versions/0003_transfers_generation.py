"""worker transfers between communes; reason of a conflicts-inbox entry

Revision ID: 0003
Revises: 0007
Create Date: 2026-12-06

``transfer``: a worker's move between communes (requested by a commune, done by the hub),
synced to the communes on both sides. ``conflict.reason``: why an inbox entry exists when it
is not a plain concurrent edit (a stale edit of a moved record).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transfer",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("from_commune", sa.String(length=5), nullable=False),
        sa.Column("to_commune", sa.String(length=5), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.create_index("ix_transfer_worker", ["worker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_transfer_version"), ["version"], unique=False)
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=20), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_column("reason")
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transfer_version"))
        batch_op.drop_index("ix_transfer_worker")
    op.drop_table("transfer")
