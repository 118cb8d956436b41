"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25

All tables of the first release, plus the SQLite FTS5 index over workers'
folded search text (kept in step by triggers; PostgreSQL searches the folded
column with LIKE instead).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "admin_unit",
        sa.Column("code", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("is_poor_area", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("admin_unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_admin_unit_version"), ["version"], unique=False)

    op.create_table(
        "audit_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=80), nullable=False),
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "bundle_log",
        sa.Column("bundle_sha256", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("sender", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_sha256"),
    )
    with op.batch_alter_table("bundle_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bundle_log_sender"), ["sender"], unique=False)

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
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_row_id"), ["row_id"], unique=False)

    op.create_table(
        "ethnic_group",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("source_name", sa.String(length=60), nullable=False),
        sa.Column("other_names", sa.Text(), nullable=False),
        sa.Column("in_son_la", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("ethnic_group", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ethnic_group_version"), ["version"], unique=False)

    op.create_table(
        "market",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name_vi", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_market_version"), ["version"], unique=False)

    op.create_table(
        "node",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("is_hub", sa.Boolean(), nullable=False),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "peer_ack",
        sa.Column("peer_id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("peer_id", "origin"),
    )
    op.create_table(
        "policy_group",
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("name_vi", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("policy_group", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_group_version"), ["version"], unique=False)

    op.create_table(
        "policy_param",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=32), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("policy_param", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_param_key"), ["key"], unique=False)
        batch_op.create_index(batch_op.f("ix_policy_param_version"), ["version"], unique=False)

    op.create_table(
        "policy_rate",
        sa.Column("group_key", sa.String(length=30), nullable=False),
        sa.Column("rate_pct_year", sa.String(length=32), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("policy_rate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_rate_group_key"), ["group_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_policy_rate_version"), ["version"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "target",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=True),
        sa.Column("departures", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "commune_code", name="uq_target_year_commune"),
    )
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_target_version"), ["version"], unique=False)

    op.create_table(
        "event",
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("organiser", sa.String(length=200), nullable=False),
        sa.Column("counsellors", sa.Text(), nullable=False),
        sa.Column("agencies", sa.Text(), nullable=False),
        sa.Column("markets", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commune_code"],
            ["admin_unit.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_event_date"), ["event_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_version"), ["version"], unique=False)

    op.create_table(
        "worker",
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("national_id", sa.String(length=12), nullable=True),
        sa.Column("id_issued_on", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=15), nullable=False),
        sa.Column("ethnic_code", sa.String(length=2), nullable=True),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("village", sa.String(length=120), nullable=False),
        sa.Column("household", sa.String(length=10), nullable=False),
        sa.Column("education", sa.String(length=60), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=True),
        sa.Column("occupation", sa.String(length=120), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("departure_date", sa.Date(), nullable=True),
        sa.Column("return_date", sa.Date(), nullable=True),
        sa.Column("contract_months", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commune_code"],
            ["admin_unit.code"],
        ),
        sa.ForeignKeyConstraint(
            ["ethnic_code"],
            ["ethnic_group.code"],
        ),
        sa.ForeignKeyConstraint(
            ["market_code"],
            ["market.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.create_index("ix_worker_commune_sort", ["commune_code", "sort_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_worker_departure_date"), ["departure_date"], unique=False
        )
        batch_op.create_index("ix_worker_live_sort", ["deleted", "sort_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_worker_national_id"), ["national_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_worker_phone"), ["phone"], unique=False)
        batch_op.create_index("ix_worker_status_sort", ["status", "sort_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_worker_version"), ["version"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("interest_market", sa.String(length=2), nullable=True),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("consent_method", sa.String(length=20), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["worker.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_version"), ["version"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "loan_application",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("policy_group", sa.String(length=30), nullable=False),
        sa.Column("application_date", sa.Date(), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=True),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("contract_months", sa.Integer(), nullable=False),
        sa.Column("total_cost_vnd", sa.BigInteger(), nullable=False),
        sa.Column("requested_vnd", sa.BigInteger(), nullable=False),
        sa.Column("approved_vnd", sa.BigInteger(), nullable=True),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("frequency_months", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("savings_group_name", sa.String(length=200), nullable=False),
        sa.Column("savings_group_head", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reject_reason", sa.Text(), nullable=False),
        sa.Column("rate_pct_year", sa.String(length=32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["market_code"],
            ["market.code"],
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["worker.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("loan_application", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_application_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_application_version"), ["version"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_loan_application_worker_id"), ["worker_id"], unique=False
        )

    op.create_table(
        "disbursement",
        sa.Column("loan_id", sa.String(length=36), nullable=False),
        sa.Column("disbursed_on", sa.Date(), nullable=False),
        sa.Column("amount_vnd", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loan_application.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disbursement_disbursed_on"), ["disbursed_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_disbursement_loan_id"), ["loan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_disbursement_version"), ["version"], unique=False)

    op.create_table(
        "loan_cost_line",
        sa.Column("loan_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("amount_vnd", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loan_application.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("loan_cost_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_cost_line_loan_id"), ["loan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_cost_line_version"), ["version"], unique=False)

    op.create_table(
        "repayment",
        sa.Column("loan_id", sa.String(length=36), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("principal_vnd", sa.BigInteger(), nullable=False),
        sa.Column("interest_vnd", sa.BigInteger(), nullable=False),
        sa.Column("overdue_interest_vnd", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loan_application.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("repayment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_repayment_loan_id"), ["loan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_repayment_version"), ["version"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        create_worker_fts()


# The FTS table mirrors worker.search_text by rowid (external content). Rowids of a
# table with a text primary key can change on VACUUM, so restore and vacuum paths
# run ``INSERT INTO worker_fts(worker_fts) VALUES('rebuild')`` afterwards.
WORKER_FTS_SQL = (
    "CREATE VIRTUAL TABLE worker_fts USING fts5("
    "search_text, content='worker', content_rowid='rowid', prefix='1 2 3')",
    "CREATE TRIGGER worker_fts_ai AFTER INSERT ON worker BEGIN "
    "INSERT INTO worker_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
    "CREATE TRIGGER worker_fts_ad AFTER DELETE ON worker BEGIN "
    "INSERT INTO worker_fts(worker_fts, rowid, search_text) "
    "VALUES ('delete', old.rowid, old.search_text); END",
    "CREATE TRIGGER worker_fts_au AFTER UPDATE OF search_text ON worker BEGIN "
    "INSERT INTO worker_fts(worker_fts, rowid, search_text) "
    "VALUES ('delete', old.rowid, old.search_text); "
    "INSERT INTO worker_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
)


def create_worker_fts() -> None:
    for statement in WORKER_FTS_SQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("worker_fts_ai", "worker_fts_ad", "worker_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS worker_fts")

    with op.batch_alter_table("repayment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_repayment_version"))
        batch_op.drop_index(batch_op.f("ix_repayment_loan_id"))

    op.drop_table("repayment")
    with op.batch_alter_table("loan_cost_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_cost_line_version"))
        batch_op.drop_index(batch_op.f("ix_loan_cost_line_loan_id"))

    op.drop_table("loan_cost_line")
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disbursement_version"))
        batch_op.drop_index(batch_op.f("ix_disbursement_loan_id"))
        batch_op.drop_index(batch_op.f("ix_disbursement_disbursed_on"))

    op.drop_table("disbursement")
    with op.batch_alter_table("loan_application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_application_worker_id"))
        batch_op.drop_index(batch_op.f("ix_loan_application_version"))
        batch_op.drop_index(batch_op.f("ix_loan_application_status"))

    op.drop_table("loan_application")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_worker_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_version"))
        batch_op.drop_index(batch_op.f("ix_attendance_event_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_worker_version"))
        batch_op.drop_index("ix_worker_status_sort")
        batch_op.drop_index(batch_op.f("ix_worker_phone"))
        batch_op.drop_index(batch_op.f("ix_worker_national_id"))
        batch_op.drop_index("ix_worker_live_sort")
        batch_op.drop_index(batch_op.f("ix_worker_departure_date"))
        batch_op.drop_index("ix_worker_commune_sort")

    op.drop_table("worker")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_version"))
        batch_op.drop_index(batch_op.f("ix_event_event_date"))

    op.drop_table("event")
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_version"))

    op.drop_table("target")
    op.drop_table("setting")
    with op.batch_alter_table("policy_rate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_rate_version"))
        batch_op.drop_index(batch_op.f("ix_policy_rate_group_key"))

    op.drop_table("policy_rate")
    with op.batch_alter_table("policy_param", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_param_version"))
        batch_op.drop_index(batch_op.f("ix_policy_param_key"))

    op.drop_table("policy_param")
    with op.batch_alter_table("policy_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_group_version"))

    op.drop_table("policy_group")
    op.drop_table("peer_ack")
    op.drop_table("node")
    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_market_version"))

    op.drop_table("market")
    with op.batch_alter_table("ethnic_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ethnic_group_version"))

    op.drop_table("ethnic_group")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_row_id"))

    op.drop_table("conflict")
    with op.batch_alter_table("bundle_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bundle_log_sender"))

    op.drop_table("bundle_log")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    with op.batch_alter_table("admin_unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admin_unit_version"))

    op.drop_table("admin_unit")
