"""seed the shipped loan rules on upgrade

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

An office that upgrades a database made before the rules were data has an empty
``loan_rule`` table (0002 created it; only ``init`` seeded it), so none of its 2026 loans
could be priced until ``init`` ran again or the hub's bundle arrived. This revision inserts
the rules shipped in ``resources/data/loan_rules.csv`` **only when the table holds no row at
all** (a deleted one included): rules the hub has sent or an admin edited are never touched.
The rows get the ids ``init`` would give them (``reference_id``), this node as origin and a
version from its clock, exactly as ``services.loan_rules.seed_loan_rules`` stamps them, so
the hub's copy of the same rule still replaces them when its bundle arrives (the hub's
tables give way to the hub, ``sync.merge._authority_overrides``).

A database with no node yet (a fresh file on its way to ``init``) is left to ``init``.
Nothing is removed on downgrade: the rows are data, valid at 0011 as well.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

from sonla_desktop import paths
from sonla_desktop.domain.text import clean_text
from sonla_desktop.models.base import reference_id, utcnow
from sonla_desktop.sync.hlc import HybridClock

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

HLC_SETTING = "hlc_last"

_rule = sa.table(
    "loan_rule",
    sa.column("id", sa.String), sa.column("key", sa.String), sa.column("kind", sa.String),
    sa.column("valid_from", sa.Date), sa.column("valid_to", sa.Date),
    sa.column("conditions", sa.Text), sa.column("value_kind", sa.String),
    sa.column("value", sa.String), sa.column("base", sa.String),
    sa.column("legal_basis", sa.Text), sa.column("label_vi", sa.Text),
    sa.column("note", sa.Text), sa.column("confidence", sa.Text),
    sa.column("origin", sa.String), sa.column("version", sa.String),
    sa.column("deleted", sa.Boolean), sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)
_node = sa.table("node", sa.column("id", sa.String), sa.column("is_self", sa.Boolean))
_setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def shipped_rows() -> list[dict[str, str]]:
    with paths.data_file("loan_rules.csv").open(encoding="utf-8", newline="") as fh:
        return [{k: clean_text(v or "") for k, v in row.items()} for row in csv.DictReader(fh)]


def seed_if_empty(conn: sa.Connection) -> int:
    """Insert the shipped rules when ``loan_rule`` has no row; returns how many."""
    if conn.execute(sa.select(sa.func.count()).select_from(_rule)).scalar_one():
        return 0
    node_id = conn.execute(sa.select(_node.c.id).where(_node.c.is_self.is_(True))).scalar()
    if node_id is None:
        return 0
    last = conn.execute(sa.select(_setting.c.value)
                        .where(_setting.c.key == HLC_SETTING)).scalar()
    clock = HybridClock.resume(node_id, last)
    now = utcnow()
    rows = []
    for r in shipped_rows():
        rows.append({
            "id": reference_id("loan_rule", f"{r['key']}|{r['valid_from']}"),
            "key": r["key"], "kind": r["kind"], "valid_from": _day(r["valid_from"]),
            "valid_to": _day(r["valid_to"]), "conditions": r["conditions"] or "any",
            "value_kind": r["value_kind"],
            "value": format(Decimal(r["value"]).normalize(), "f"), "base": r["base"],
            "legal_basis": r["legal_basis"], "label_vi": r["label_vi"], "note": r["note"],
            "confidence": r["confidence"], "origin": node_id, "version": clock.tick(),
            "deleted": False, "created_at": now, "updated_at": now})
    conn.execute(sa.insert(_rule), rows)
    if last is None:
        conn.execute(sa.insert(_setting).values(key=HLC_SETTING, value=clock.last))
    else:
        conn.execute(sa.update(_setting).where(_setting.c.key == HLC_SETTING)
                     .values(value=clock.last))
    return len(rows)


def upgrade() -> None:
    seed_if_empty(op.get_bind())


def downgrade() -> None:
    pass
