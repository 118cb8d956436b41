"""columns from newer program versions kept with their rows

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

``sync_extra`` (local, never synced itself): for a synced row, the columns a newer
program's bundle carried that this version does not have, as JSON. They travel on with the
row in this office's bundles, so offices can be upgraded one at a time (``sync/extra.py``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_extra",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id"),
    )


def downgrade() -> None:
    op.drop_table("sync_extra")
