"""loan rules as data; loan terms decided from the draft on

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06

Table ``loan_rule`` (hub-owned, synced: effective-dated rates and rules of Decrees 61/2015,
74/2019 and 338/2025, see domain/loan_rules.py) and three loan_application columns:
``state_supported_vnd`` (costs the state budget pays, not lent from 2026), ``rate_basis``
(which rule decided the rate and why) and ``collateral_required``. Existing loans keep
their fixed rate; their basis stays empty (shown as computed when the rule still gives the
same rate).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "loan_rule",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("value_kind", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=32), nullable=False),
        sa.Column("base", sa.String(length=60), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("label_vi", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("loan_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_rule_key"), ["key"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_rule_version"), ["version"], unique=False)
    with op.batch_alter_table("loan_application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state_supported_vnd", sa.BigInteger(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("rate_basis", sa.Text(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("collateral_required", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("loan_application", schema=None) as batch_op:
        batch_op.drop_column("collateral_required")
        batch_op.drop_column("rate_basis")
        batch_op.drop_column("state_supported_vnd")
    with op.batch_alter_table("loan_rule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_rule_version"))
        batch_op.drop_index(batch_op.f("ix_loan_rule_key"))
    op.drop_table("loan_rule")
