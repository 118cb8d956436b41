"""market minimum age

Revision ID: 0007
Revises: 0002
Create Date: 2026-12-06

A market may require workers older than the legal minimum of 18 (Law 69/2020/QH14,
Art. 44): the minimum is reference data, seeded from resources/data/markets.csv.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.add_column(sa.Column("min_age", sa.Integer(), nullable=False,
                                      server_default="18"))


def downgrade() -> None:
    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.drop_column("min_age")
