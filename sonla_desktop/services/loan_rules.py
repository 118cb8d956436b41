"""Loan rules in the database: reading them for the evaluation, the borrower's facts, and
the admin's one action (add a rule or a new value of a published rate).

The evaluation itself is pure (``domain.loan_rules``); this module only reads and writes.
``loan_rule`` is a hub-owned synced table: rows written at the hub reach every commune.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import paths
from ..domain.dates import parse_date
from ..domain.loan_application import decode_notes
from ..domain.loan_rules import BorrowerFacts, LoanRule, check_rule, rule_of_row
from ..domain.text import clean_multiline, clean_text
from ..errors import ValidationError
from ..models import AdminUnit, LoanApplication, Worker, reference_id
from ..models import LoanRule as LoanRuleRow
from .context import ServiceContext

RULES_CSV = "loan_rules.csv"


def loan_rules(session: Session) -> list[LoanRule]:
    """Every live rule, in a stable order."""
    return [rule_of_row(r) for r in session.scalars(
        select(LoanRuleRow).where(~LoanRuleRow.deleted)
        .order_by(LoanRuleRow.kind, LoanRuleRow.key, LoanRuleRow.valid_from))]


def borrower_facts(session: Session, worker: Worker, land_revoked: bool = False,
                   meritorious_relative: bool = False) -> BorrowerFacts:
    poor_area = session.scalar(select(AdminUnit.is_poor_area).where(
        AdminUnit.code == worker.commune_code))
    return BorrowerFacts(worker.household, worker.ethnic_code, bool(poor_area),
                         land_revoked, meritorious_relative)


def loan_borrower(session: Session, loan: LoanApplication) -> BorrowerFacts:
    """The facts of a saved application: the worker's register row plus the declarations."""
    declared, _ = decode_notes(loan.notes)
    worker = session.get(Worker, loan.worker_id)
    return borrower_facts(session, worker, declared.land_revoked,
                          declared.meritorious_relative)


# ------------------------------------------------------------------ seeding

def _opt_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def shipped_rules() -> list[dict]:
    path = paths.data_file(RULES_CSV)
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: clean_text(v or "") for k, v in row.items()} for row in csv.DictReader(fh)]


def shipped_loan_rules() -> list[LoanRule]:
    """The rules as shipped in resources/data (what a fresh database is seeded with)."""
    return [LoanRule(r["key"], r["kind"], _opt_date(r["valid_from"]), _opt_date(r["valid_to"]),
                     r["conditions"] or "any", r["value_kind"], Decimal(r["value"]), r["base"],
                     r["legal_basis"], r["label_vi"], r["note"]) for r in shipped_rules()]


def seed_loan_rules(ctx: ServiceContext, session: Session) -> int:
    """Insert the shipped rules once (deterministic ids); a row an admin or the hub
    corrected later is left alone, so re-running ``init`` never undoes a correction."""
    rows = shipped_rules()
    for r in rows:
        rid = reference_id("loan_rule", f"{r['key']}|{r['valid_from']}")
        if session.get(LoanRuleRow, rid) is not None:
            continue
        row = LoanRuleRow(
            id=rid, key=r["key"], kind=r["kind"], valid_from=_opt_date(r["valid_from"]),
            valid_to=_opt_date(r["valid_to"]), conditions=r["conditions"] or "any",
            value_kind=r["value_kind"], value=Decimal(r["value"]), base=r["base"],
            legal_basis=r["legal_basis"], label_vi=r["label_vi"], note=r["note"],
            confidence=r["confidence"])
        session.add(row)
        # Like the other reference tables (services.reference): every node seeds alike and
        # the hub's copy overrides; checking ownership here refused `init` run again at a
        # commune office whose table lacked a shipped rule.
        ctx.stamp(session, row, check_owner=False)
    return len(rows)


# ------------------------------------------------------------------ the admin's action

@dataclass(frozen=True)
class RuleRow:
    id: str
    rule: LoanRule
    confidence: str


def list_rules(ctx: ServiceContext) -> list[RuleRow]:
    ctx.require("loans.read")
    with ctx.db.session() as s:
        return [RuleRow(r.id, rule_of_row(r), r.confidence) for r in s.scalars(
            select(LoanRuleRow).where(~LoanRuleRow.deleted)
            .order_by(LoanRuleRow.kind, LoanRuleRow.key, LoanRuleRow.valid_from))]


def _value(raw: object) -> Decimal:
    text = clean_text(str(raw or "")).replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # 6,24 written the Vietnamese way
    elif text.count(".") > 1:
        text = text.replace(".", "")  # 200.000.000
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise ValidationError("value", f"Giá trị “{clean_text(str(raw))}” không phải là số.",
                              f"The value “{clean_text(str(raw))}” is not a number.")
    return value


def add_rule(ctx: ServiceContext, raw: Mapping[str, object], close_previous: bool = True) -> str:
    """Add one rule or one new value of a published rate; returns its id.

    With ``close_previous`` the open-ended row of the same key that is in force the day
    before the new one starts gets that day as its end, so the two never overlap.
    """
    ctx.require("rules.write")
    valid_from = parse_date(raw.get("valid_from"), "valid_from") if raw.get("valid_from") \
        else None
    valid_to = parse_date(raw.get("valid_to"), "valid_to") if raw.get("valid_to") else None
    rule = LoanRule(
        key=clean_text(str(raw.get("key") or "")), kind=clean_text(str(raw.get("kind") or "")),
        valid_from=valid_from, valid_to=valid_to,
        conditions=clean_text(str(raw.get("conditions") or "any")) or "any",
        value_kind=clean_text(str(raw.get("value_kind") or "")), value=_value(raw.get("value")),
        base=clean_text(str(raw.get("base") or "")),
        legal_basis=clean_text(str(raw.get("legal_basis") or "")),
        label_vi=clean_text(str(raw.get("label_vi") or "")),
        note=clean_multiline(str(raw.get("note") or "")))
    with ctx.transaction() as s:
        existing = loan_rules(s)
        check_rule(rule, existing)
        if close_previous and valid_from is not None:
            from datetime import timedelta

            for old in s.scalars(select(LoanRuleRow).where(
                    ~LoanRuleRow.deleted, LoanRuleRow.key == rule.key,
                    LoanRuleRow.kind == rule.kind, LoanRuleRow.valid_to.is_(None))):
                if old.valid_from is None or old.valid_from < valid_from:
                    before = old.valid_to
                    old.valid_to = valid_from - timedelta(days=1)
                    ctx.stamp(s, old)
                    ctx.audit(s, "update", "loan_rule", old.id,
                              {"valid_to": (before, old.valid_to)})
        row = LoanRuleRow(
            key=rule.key, kind=rule.kind, valid_from=rule.valid_from, valid_to=rule.valid_to,
            conditions=rule.conditions, value_kind=rule.value_kind, value=rule.value,
            base=rule.base, legal_basis=rule.legal_basis, label_vi=rule.label_vi,
            note=rule.note, confidence=clean_text(str(raw.get("confidence") or "")))
        s.add(row)
        ctx.stamp(s, row)
        s.flush()
        ctx.audit(s, "create", "loan_rule", row.id, {
            k: (None, getattr(row, k)) for k in (
                "key", "kind", "valid_from", "valid_to", "conditions", "value_kind", "value",
                "base", "legal_basis", "label_vi", "note")})
        return row.id


# ------------------------------------------------------------------ a saved loan's terms

@dataclass(frozen=True)
class ShownTerms:
    rate_pct_year: Decimal | None
    rate_basis: str
    collateral_required: bool | None


def shown_terms(session: Session, loan: LoanApplication, first_payout: date | None) -> ShownTerms:
    """The rate, basis and collateral requirement to show for ``loan``.

    What the loan stores, when it stores them (every loan saved by this version). A loan
    written before the rules were data (or received from an older node) stores only the
    rate fixed at payout: its basis is the rule that gives that same rate on the payout
    day, or nothing if the rules now say otherwise (its terms are kept, never recomputed).
    """
    from ..domain.loan_rules import loan_terms
    from ..errors import UserError

    if loan.rate_pct_year is not None and loan.rate_basis:
        return ShownTerms(loan.rate_pct_year, loan.rate_basis, loan.collateral_required)
    on = first_payout or loan.application_date
    amount = loan.approved_vnd or loan.requested_vnd
    try:
        terms = loan_terms(loan_rules(session), loan_borrower(session, loan), amount, on)
    except UserError:
        return ShownTerms(loan.rate_pct_year, "", loan.collateral_required)
    collateral = (loan.collateral_required if loan.collateral_required is not None
                  else terms.collateral_required)
    if loan.rate_pct_year is None:
        return ShownTerms(terms.rate.rate_pct_year, terms.rate.basis, collateral)
    same = terms.rate.rate_pct_year == loan.rate_pct_year
    return ShownTerms(loan.rate_pct_year, terms.rate.basis if same else "", collateral)


def rules_and_borrower(ctx: ServiceContext, loan_id: str) -> tuple[list[LoanRule], BorrowerFacts]:
    """What the disbursement dialog needs to show the rate each payout date would fix."""
    ctx.require("loans.read")
    with ctx.db.session() as s:
        loan = s.get(LoanApplication, loan_id)
        return loan_rules(s), loan_borrower(s, loan)
