"""a person's rights: consent records and erasure tombstones

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

Two synced tables (``models.person``): ``consent`` (per worker: purpose, date, written or
verbal with a witness, who recorded it, withdrawn on) and ``erasure`` (the tombstone that
carries a person's erasure to every office holding the worker).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
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
    op.create_table(
        "consent",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("witness", sa.String(length=120), nullable=False),
        sa.Column("recorded_by", sa.String(length=120), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["worker_id"], ["worker.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "erasure",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("erased_on", sa.Date(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["worker_id"], ["worker.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for table in ("consent", "erasure"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_version"), ["version"], unique=False)
            batch_op.create_index(batch_op.f(f"ix_{table}_worker_id"), ["worker_id"],
                                  unique=False)


def downgrade() -> None:
    for table in ("erasure", "consent"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_worker_id"))
            batch_op.drop_index(batch_op.f(f"ix_{table}_version"))
        op.drop_table(table)
