"""An office that upgrades gets the shipped loan rules (issue 13): a database at the previous
head (0011) whose ``loan_rule`` table is empty, as every office's was before the rules were
data, prices its 2026 loans right after the upgrade; rules the hub sent or an admin edited
are left as they were; and ``init`` run again at a commune office does not trip over them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import delete, select, text

from sonla_desktop.db import Database, _alembic_config, head_revision, open_database
from sonla_desktop.models import LoanRule, Node, reference_id
from sonla_desktop.services import loans as svc
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.loan_queries import loan_detail
from sonla_desktop.services.loan_rules import shipped_rules
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.workers import create_worker
from tests.conftest import TEST_USER
from tests.pg_backend import copy_of

BASIS_127 = "NĐ 338/2025/NĐ-CP, Điều 15: 127% lãi suất hộ nghèo"


def _at_0011(path, with_rules: bool = False) -> str:
    """A commune office's database at revision 0011, with a worker, and (unless
    ``with_rules``) no loan rules, as an office that never re-ran ``init`` has it."""
    db = Database(path)
    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
    ctx = ServiceContext(db, user=TEST_USER, role="admin")
    wid = create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670",
                              "household": "none", "ethnic_code": "03",
                              "contract_months": 36})
    if not with_rules:
        with db.transaction() as s:
            s.execute(delete(LoanRule))
    assert db.current_revision() == "0011"
    db.dispose()
    return wid


def _loan(ctx, wid: str) -> str:
    return svc.create_loan(ctx, wid, {
        "policy_group": "ethnic_minority", "application_date": date(2026, 2, 1),
        "contract_months": 36, "term_months": 36, "requested_vnd": 60_000_000,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": 60_000_000}]})


def test_an_upgraded_office_prices_a_2026_loan_with_the_shipped_rules(_template_db, tmp_path):
    path = copy_of(_template_db, tmp_path / "office.db")
    wid = _at_0011(path)
    db = open_database(path)  # what the GUI and every command do: upgrade to head
    assert db.current_revision() == head_revision()
    ctx = ServiceContext(db, user=TEST_USER, role="admin")
    with db.session() as s:
        rows = s.scalars(select(LoanRule)).all()
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
        hlc = s.execute(text("SELECT value FROM setting WHERE key = 'hlc_last'")).scalar()
    assert len(rows) == len(shipped_rules())
    assert {r.id for r in rows} == {reference_id("loan_rule", f"{r['key']}|{r['valid_from']}")
                                    for r in shipped_rules()}
    # Stamped as this office's own writes, so its clock moved past them.
    assert {r.origin for r in rows} == {node.id}
    assert max(r.version for r in rows) == hlc
    shown = loan_detail(ctx, _loan(ctx, wid))
    assert shown["rate_pct_year"] == 7.9248
    assert shown["rate_basis"] == BASIS_127
    # Running init again at this commune office (it owns no hub data) changes nothing.
    before = {(r.id, r.version) for r in rows}
    initialise(db, user=TEST_USER)
    with db.session() as s:
        assert {(r.id, r.version) for r in s.scalars(select(LoanRule))} == before
    db.dispose()


def test_rules_the_hub_sent_or_an_admin_edited_are_left_alone(_template_db, tmp_path):
    path = copy_of(_template_db, tmp_path / "office.db")
    wid = _at_0011(path, with_rules=True)
    db = Database(path)
    # The hub's bundle corrected one shipped rule and retired another.
    ph = reference_id("loan_rule", "poor_household_rate|2025-12-01")
    kinh = reference_id("loan_rule", "labour_export_poor_kinh_area|2026-01-01")
    with db.transaction() as s:
        s.get(LoanRule, ph).value = Decimal("6")
        s.get(LoanRule, ph).version = "hub-version"
        s.get(LoanRule, kinh).deleted = True
    with db.session() as s:
        before = sorted((r.id, r.value, r.version, r.deleted)
                        for r in s.scalars(select(LoanRule)))
    db.dispose()
    db = open_database(path)
    with db.session() as s:
        after = sorted((r.id, r.value, r.version, r.deleted)
                       for r in s.scalars(select(LoanRule)))
    assert after == before
    # The hub's 6% decides (127% of it), and nothing was put back.
    ctx = ServiceContext(db, user=TEST_USER, role="admin")
    assert loan_detail(ctx, _loan(ctx, wid))["rate_pct_year"] == 7.62
    db.dispose()


def test_the_seeding_step_is_idempotent(_template_db, tmp_path):
    import importlib

    step = importlib.import_module("sonla_desktop.migrations.versions.0012_seed_loan_rules")
    path = copy_of(_template_db, tmp_path / "office.db")
    _at_0011(path)
    db = Database(path)
    with db.engine.begin() as conn:
        assert step.seed_if_empty(conn) == len(shipped_rules())
    with db.engine.begin() as conn:
        assert step.seed_if_empty(conn) == 0
    db.upgrade()
    with db.session() as s:
        assert len(s.scalars(select(LoanRule)).all()) == len(shipped_rules())
    db.dispose()


@pytest.mark.sqlite_only  # a new file
def test_a_fresh_database_is_left_to_init(tmp_path):
    """No node yet: the migration seeds nothing, ``init`` seeds with its own identity."""
    db = Database(tmp_path / "fresh.db")
    db.upgrade()
    with db.session() as s:
        assert s.scalars(select(LoanRule)).all() == []
    db.dispose()


def test_init_run_again_at_a_commune_office_puts_back_a_missing_shipped_rule(ctx, db):
    """``init`` seeds reference data alike on every node; with a shipped rule missing it
    used to be refused at a commune office ("set by the hub") and so could not help."""
    gone = reference_id("loan_rule", "collateral_threshold|2026-01-01")
    with db.transaction() as s:
        s.execute(delete(LoanRule).where(LoanRule.id == gone))
    assert ctx.owned_scope == frozenset({"03670"})
    initialise(db, user=TEST_USER)
    with db.session() as s:
        assert s.get(LoanRule, gone).value == Decimal(200_000_000)
