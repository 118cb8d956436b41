"""The domain rules of each synced table, for a record that arrives by sync.

Each rule takes the decoded, text-cleaned values of one record, raises the domain's
``ValidationError`` (field + Vietnamese + English) when they break a rule, and otherwise
puts the domain's cleaned values back into the record, so that what is stored is what the
form or the Excel import would have stored. The rules are the domain's own functions
(``clean_worker``, ``clean_event``, ``check_term``, ``check_approval``,
``check_disbursement``, ``check_repayment_input``...), never restated here; what is here is
only how a stored row maps onto their inputs.

Rules about the *state* of a loan that two offices may legitimately change at the same time
(the principal left to repay, the status workflow's order of steps) are not checked: each
edit was checked where it was made, and last-writer-wins may combine two valid edits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.events import MarketName, clean_consent, clean_event, market_lookup
from ..domain.loan_application import (
    COST_KINDS,
    LOAN_STATUSES,
    check_approval,
    check_disbursement,
    check_repayment_input,
    parse_int,
    parse_vnd,
)
from ..domain.loan_rules import CAP, SERIES, LoanRule, check_cap, check_rule, rule_of_row
from ..domain.loans import check_amount, check_term
from ..domain.person_rights import clean_consent_record
from ..domain.policy import PolicyParam
from ..domain.worker_rules import ReferenceCodes, clean_worker
from ..errors import ValidationError
from ..models import TRANSFER_STATUSES, Disbursement, LoanApplication, Market, PolicyGroup
from ..models import PolicyParam as PolicyParamRow


@dataclass
class RuleContext:
    """What the rules look up in this database, read once per bundle."""

    session: Session
    refs: Callable[[], ReferenceCodes]
    today: date
    _cache: dict = field(default_factory=dict)
    _loans: dict = field(default_factory=dict)
    _first_paid: dict = field(default_factory=dict)

    def _once(self, key: str, load: Callable[[], object]):
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

    def policy_groups(self) -> frozenset[str]:
        return self._once("groups", lambda: frozenset(self.session.scalars(
            select(PolicyGroup.key))))

    def params(self) -> list[PolicyParam]:
        return self._once("params", lambda: [
            PolicyParam(p.key, Decimal(p.value), p.valid_from, p.valid_to, p.basis)
            for p in self.session.scalars(select(PolicyParamRow).where(~PolicyParamRow.deleted))])

    def loan_rules(self) -> list[LoanRule]:
        """The receiver's live loan rules; read at the first loan, so the rules this same
        bundle brings (table ``loan_rule`` is merged before ``loan_application``) count."""
        from ..models import LoanRule as LoanRuleRow

        return self._once("loan_rules", lambda: [
            rule_of_row(r)
            for r in self.session.scalars(select(LoanRuleRow).where(~LoanRuleRow.deleted))])

    def markets(self) -> dict[str, str]:
        return self._once("markets", lambda: market_lookup(
            MarketName(m.code, m.name_vi, m.name_en)
            for m in self.session.scalars(select(Market).where(~Market.deleted))))

    def prepare(self, table: str, records: list[dict]) -> None:
        """Read what a batch's rules look up in one query per 500 ids, not one per record."""
        if table not in ("disbursement", "repayment"):
            return
        ids = sorted({v["loan_id"] for v in records})
        self._loans, self._first_paid = {}, {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            if table == "disbursement":
                self._loans.update({row[0]: (row[1], row[2]) for row in self.session.execute(
                    select(LoanApplication.id, LoanApplication.approved_vnd,
                           LoanApplication.application_date)
                    .where(LoanApplication.id.in_(chunk)))})
            else:
                self._first_paid.update(dict(self.session.execute(
                    select(Disbursement.loan_id, func.min(Disbursement.disbursed_on))
                    .where(Disbursement.loan_id.in_(chunk), ~Disbursement.deleted)
                    .group_by(Disbursement.loan_id)).all()))

    def loan(self, loan_id: str) -> tuple[int | None, date] | None:
        """(approved amount, application date) of a loan here (this bundle's are written)."""
        return self._loans.get(loan_id)

    def first_disbursement(self, loan_id: str) -> date | None:
        return self._first_paid.get(loan_id)


def _invalid(field_name: str, value: object, allowed: tuple[str, ...]) -> ValidationError:
    return ValidationError(field_name, f"giá trị “{value}” không hợp lệ",
                           f"“{value}” is not a valid value (one of {', '.join(allowed)})")


def worker(ctx: RuleContext, v: dict) -> None:
    clean, errors = clean_worker(v, ctx.refs(), today=ctx.today)
    if errors:
        raise next(iter(errors.values()))
    # Every column clean_worker returns, derived ones (search folding, name order) included:
    # they are this node's to compute.
    v.update({k: val for k, val in clean.items() if k in v})


def loan_application(ctx: RuleContext, v: dict) -> None:
    if v["status"] not in LOAN_STATUSES:
        raise _invalid("status", v["status"], LOAN_STATUSES)
    if v["policy_group"] not in ctx.policy_groups():
        raise ValidationError("policy_group",
                              f"không có nhóm chính sách “{v['policy_group']}” trong danh mục",
                              f"unknown policy group “{v['policy_group']}”")
    months = {c: parse_int(v[c], c, 1, 120, c, c)
              for c in ("contract_months", "term_months", "frequency_months")}
    if months["frequency_months"] > months["term_months"]:
        raise ValidationError(
            "frequency_months", "Định kỳ trả gốc không được dài hơn thời hạn vay.",
            "The principal repayment period cannot be longer than the loan term.")
    check_term(months["term_months"], months["contract_months"])
    for c in ("total_cost_vnd", "requested_vnd"):
        parse_vnd(v[c], c)
    check_amount(v["requested_vnd"], v["total_cost_vnd"], ctx.params(), v["application_date"])
    supported = parse_vnd(v.get("state_supported_vnd") or 0, "state_supported_vnd")
    rules = ctx.loan_rules()
    if any(r.kind == CAP for r in rules):
        # The form's cap on the application date (from 2026: costs minus what the state
        # budget pays), with the form's message and figures.
        check_cap(rules, v["requested_vnd"], v["total_cost_vnd"], supported,
                  v["application_date"])
    approved = v["approved_vnd"]
    if approved is None and v["status"] in ("approved", "disbursed", "closed"):
        raise ValidationError("approved_vnd", "khoản vay đã duyệt phải có số tiền duyệt",
                              "an approved loan needs an approved amount")
    if approved is not None:
        check_approval(approved, v["requested_vnd"])


def loan_cost_line(ctx: RuleContext, v: dict) -> None:
    if v["kind"] not in COST_KINDS:
        raise _invalid("kind", v["kind"], COST_KINDS)
    parse_vnd(v["amount_vnd"], "amount_vnd")


def disbursement(ctx: RuleContext, v: dict) -> None:
    loan = ctx.loan(v["loan_id"])
    if loan is None:
        return  # the missing loan is reported by the link checks (merge.py)
    _, applied_on = loan
    # A payout above the approval is a clash between two offices' loan actions, not a
    # malformed record: the merge keeps it out and tells a person (sync/invariants.py).
    # Its own sense (a positive amount, dates) is checked here.
    check_disbursement(v["amount_vnd"], max(v["amount_vnd"], 1), v["disbursed_on"], applied_on,
                       ctx.today)


def repayment(ctx: RuleContext, v: dict) -> None:
    for c in ("principal_vnd", "interest_vnd", "overdue_interest_vnd"):
        parse_vnd(v[c], c)
    first = ctx.first_disbursement(v["loan_id"])
    check_repayment_input(v["paid_on"], first or v["paid_on"], ctx.today, v["principal_vnd"],
                          v["interest_vnd"], v["overdue_interest_vnd"])


def event(ctx: RuleContext, v: dict) -> None:
    clean, errors = clean_event(v, ctx.refs().communes, ctx.markets(), today=ctx.today)
    if errors:
        raise next(iter(errors.values()))
    v.update({k: val for k, val in clean.items() if k in v})


def attendance(ctx: RuleContext, v: dict) -> None:
    v["consent_method"] = clean_consent(v["consent_method"])


def consent(ctx: RuleContext, v: dict) -> None:
    v.update(clean_consent_record(v, today=ctx.today))


def erasure(ctx: RuleContext, v: dict) -> None:
    if v["erased_on"] > ctx.today:
        raise ValidationError("erased_on", "ngày xoá ở tương lai", "the erasure date is in the future")


ADMIN_UNIT_KINDS = ("ward", "commune")


def admin_unit(ctx: RuleContext, v: dict) -> None:
    if v["kind"] not in ADMIN_UNIT_KINDS:
        raise _invalid("kind", v["kind"], ADMIN_UNIT_KINDS)


def _period(v: dict) -> None:
    if v["valid_from"] and v["valid_to"] and v["valid_to"] < v["valid_from"]:
        raise ValidationError("valid_to", "ngày hết hiệu lực trước ngày bắt đầu",
                              "the end of validity is before its start")


def policy_rate(ctx: RuleContext, v: dict) -> None:
    if v["rate_pct_year"] < 0:
        raise ValidationError("rate_pct_year", "lãi suất âm", "the rate is negative")
    _period(v)


def policy_param(ctx: RuleContext, v: dict) -> None:
    if v["value"] < 0:
        raise ValidationError("value", "giá trị âm", "the value is negative")
    _period(v)


def target(ctx: RuleContext, v: dict) -> None:
    if v["departures"] < 0 or not 2000 <= v["year"] <= 2100:
        raise ValidationError("departures", "chỉ tiêu không hợp lệ", "invalid target")


def transfer(ctx: RuleContext, v: dict) -> None:
    if v["status"] not in TRANSFER_STATUSES:
        raise _invalid("status", v["status"], TRANSFER_STATUSES)


def loan_rule(ctx: RuleContext, v: dict) -> None:
    """The hub's loan rules pass the admin dialog's checks: a rule the evaluation cannot use
    would stop every loan at the commune."""
    rule = LoanRule(v["key"], v["kind"], v["valid_from"], v["valid_to"], v["conditions"],
                    v["value_kind"], Decimal(v["value"]), v["base"], v["legal_basis"],
                    v["label_vi"], v["note"])
    # The series a multiple refers to may come later in this same bundle, so its presence is
    # not checked here; everything else is the admin dialog's check.
    check_rule(rule, [replace(rule, kind=SERIES, key=rule.base)])


RULES: dict[str, Callable[[RuleContext, dict], None]] = {
    "worker": worker, "loan_application": loan_application, "loan_cost_line": loan_cost_line,
    "disbursement": disbursement, "repayment": repayment, "event": event,
    "attendance": attendance, "admin_unit": admin_unit, "policy_rate": policy_rate,
    "policy_param": policy_param, "target": target, "transfer": transfer,
    "loan_rule": loan_rule, "consent": consent, "erasure": erasure,
}
