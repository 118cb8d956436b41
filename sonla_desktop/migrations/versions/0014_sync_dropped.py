"""rows a move dropped, kept for a restored hub's repair

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

``sync_dropped`` (local, never synced itself): a commune office's own rows that a move out of
its communes dropped (``sync/transfers.drop_moved_out``), as bundle records, so that a hub
restored to before it had them gets them back in the office's repair bundle
(``sync/dropped.py``; issue #20, convergence hunt seed 438).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_dropped",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("dropped_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id"),
    )
    op.create_index("ix_sync_dropped_worker_id", "sync_dropped", ["worker_id"])
    op.create_index("ix_sync_dropped_dropped_at", "sync_dropped", ["dropped_at"])


def downgrade() -> None:
    op.drop_index("ix_sync_dropped_dropped_at", table_name="sync_dropped")
    op.drop_index("ix_sync_dropped_worker_id", table_name="sync_dropped")
    op.drop_table("sync_dropped")
