"""Loan rules by date, decided on the borrower's facts (Decrees 61/2015, 74/2019, 338/2025).

Every figure of a labour-export loan (the yearly rate, the overdue rate, the cap, the
collateral threshold, the term limit) is a ``LoanRule`` row with a validity period and a
legal basis, held as data (table ``loan_rule``, seeded from ``resources/data/loan_rules.csv``,
edited by an admin or received from the hub). Nothing here reads a database.

Rule kinds:

* ``series``: a published rate (the poor-household rate, the job-creation rate) that other
  rules refer to, so a Prime Minister's decision changing it is one new row.
* ``loan_rate``: a loan rate for the borrowers whose facts meet ``conditions``; its value is
  a yearly percent or a multiple of a series (``multiple_of``). Where several apply, the
  most favourable (lowest) applies.
* ``overdue``: a multiple of the loan's own rate (``base = loan_rate``).
* ``collateral_threshold``: collateral is required above this many VND.
* ``cap``: a percent of the contract costs (``percent_of_costs``) or of the costs minus what
  the state budget supports (``percent_of_costs_less_supported``, Decree 338 Art. 12).
* ``term_limit``: a percent of the contract term (``percent_of_contract``).

``conditions`` is ``any`` or facts joined by ``and`` / ``or`` (``and`` binds first), e.g.
``ethnic_minority and poor or kinh and poor and poor_area``; the facts are ``FACTS``.
A row is in force on day ``d`` when ``valid_from <= d <= valid_to`` (an empty end is open).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..errors import UserError, ValidationError
from .loans import format_vnd

KINH_ETHNIC_CODE = "01"

FACT_LABELS_VI: dict[str, str] = {
    "poor": "hộ nghèo",
    "near_poor": "hộ cận nghèo",
    "ethnic_minority": "người dân tộc thiểu số",
    "kinh": "người Kinh",
    "land_revoked": "hộ bị thu hồi đất nông nghiệp",
    "meritorious_relative": "thân nhân người có công",
    "poor_area": "sống ở xã nghèo / vùng đặc biệt khó khăn",
}
FACT_LABELS_EN: dict[str, str] = {
    "poor": "poor household",
    "near_poor": "near-poor household",
    "ethnic_minority": "ethnic minority",
    "kinh": "Kinh",
    "land_revoked": "farmland revoked",
    "meritorious_relative": "relative of a person with meritorious service",
    "poor_area": "lives in a poor / extremely difficult area",
}
FACTS: tuple[str, ...] = tuple(FACT_LABELS_VI)
ANY = "any"

SERIES, LOAN_RATE, OVERDUE = "series", "loan_rate", "overdue"
COLLATERAL, CAP, TERM_LIMIT = "collateral_threshold", "cap", "term_limit"
RULE_KINDS: tuple[str, ...] = (SERIES, LOAN_RATE, OVERDUE, COLLATERAL, CAP, TERM_LIMIT)
RULE_KIND_LABELS_VI = {
    SERIES: "Lãi suất công bố (chuỗi)", LOAN_RATE: "Lãi suất cho vay",
    OVERDUE: "Lãi suất nợ quá hạn", COLLATERAL: "Ngưỡng phải có bảo đảm tiền vay",
    CAP: "Mức cho vay tối đa", TERM_LIMIT: "Thời hạn vay tối đa",
}

PERCENT_YEAR, MULTIPLE_OF, VND = "percent_year", "multiple_of", "vnd"
PCT_COSTS, PCT_COSTS_LESS_SUPPORTED = "percent_of_costs", "percent_of_costs_less_supported"
PCT_CONTRACT = "percent_of_contract"
# Which value kinds each rule kind accepts.
VALUE_KINDS: dict[str, tuple[str, ...]] = {
    SERIES: (PERCENT_YEAR,),
    LOAN_RATE: (PERCENT_YEAR, MULTIPLE_OF),
    OVERDUE: (MULTIPLE_OF,),
    COLLATERAL: (VND,),
    CAP: (PCT_COSTS, PCT_COSTS_LESS_SUPPORTED),
    TERM_LIMIT: (PCT_CONTRACT,),
}
LOAN_RATE_BASE = "loan_rate"  # the base of an overdue rule: the loan's own rate


@dataclass(frozen=True)
class LoanRule:
    key: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    conditions: str
    value_kind: str
    value: Decimal
    base: str
    legal_basis: str
    label_vi: str
    note: str = ""

    def in_force(self, on: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= on)
                and (self.valid_to is None or on <= self.valid_to))


@dataclass(frozen=True)
class BorrowerFacts:
    """What the register and the application say about the borrower."""

    household: str  # "poor" | "near_poor" | "none"
    ethnic_code: str | None  # 1979 list; "01" = Kinh; unknown = neither fact
    poor_area: bool  # admin_unit.is_poor_area of the worker's commune
    land_revoked: bool = False
    meritorious_relative: bool = False

    def facts(self) -> frozenset[str]:
        found = set()
        if self.household in ("poor", "near_poor"):
            found.add(self.household)
        code = (self.ethnic_code or "").strip()
        if code:
            found.add("kinh" if code == KINH_ETHNIC_CODE else "ethnic_minority")
        for name in ("poor_area", "land_revoked", "meritorious_relative"):
            if getattr(self, name):
                found.add(name)
        return frozenset(found)


# ------------------------------------------------------------------ conditions

def parse_conditions(text: str) -> tuple[frozenset[str], ...]:
    """``"a and b or c"`` -> ({a, b}, {c}); ``any`` (or empty) -> one empty clause."""
    words = " ".join((text or "").split()).lower()
    if words in ("", ANY):
        return (frozenset(),)
    clauses = []
    for part in words.split(" or "):
        facts = [f.strip() for f in part.split(" and ")]
        unknown = [f for f in facts if f not in FACTS]
        if unknown:
            raise ValidationError(
                "conditions",
                f"Điều kiện “{text}”: không hiểu “{unknown[0]}”. Dùng any hoặc các dữ kiện "
                f"{', '.join(FACTS)} nối bằng and / or.",
                f"Condition “{text}”: unknown “{unknown[0]}”. Use any, or the facts "
                f"{', '.join(FACTS)} joined by and / or.")
        clauses.append(frozenset(facts))
    return tuple(clauses)


def matching_clause(rule: LoanRule, facts: frozenset[str]) -> frozenset[str] | None:
    """The first clause of ``rule`` the facts meet (empty for ``any``), or None."""
    for clause in parse_conditions(rule.conditions):
        if clause <= facts:
            return clause
    return None


def describe_conditions(text: str) -> str:
    """Vietnamese reading of a condition, for the rules page and the flyer."""
    clauses = parse_conditions(text)
    if clauses == (frozenset(),):
        return "mọi người lao động"
    return " hoặc ".join(" và ".join(FACT_LABELS_VI[f] for f in sorted(c)) for c in clauses)


# ------------------------------------------------------------------ looking up

def _day(on: date) -> str:
    return on.strftime("%d/%m/%Y")


def rule_of_row(r: object) -> LoanRule:
    """A stored rule (the ``loan_rule`` row, or anything with its columns) as the domain's
    ``LoanRule``: the one mapping the services and the sync door both use."""
    return LoanRule(r.key, r.kind, r.valid_from, r.valid_to, r.conditions, r.value_kind,
                    Decimal(r.value), r.base, r.legal_basis, r.label_vi, r.note)


def _single(rules: Iterable[LoanRule], kind: str, on: date, key: str | None = None) -> LoanRule:
    found = [r for r in rules if r.kind == kind and r.in_force(on)
             and (key is None or r.key == key)]
    name = key or RULE_KIND_LABELS_VI[kind]
    if not found:
        raise UserError(
            f"Chưa có quy định “{name}” áp dụng ngày {_day(on)}. Hãy bổ sung trong "
            "Quy định cho vay.",
            f"No loan rule “{key or kind}” is in force on {on.isoformat()}. Add it under "
            "Loan rules.")
    values = {(r.value_kind, r.value, r.base) for r in found}
    if len(values) > 1:  # identical rows (e.g. received twice) are harmless
        raise UserError(
            f"Quy định “{name}” có {len(values)} giá trị khác nhau cùng áp dụng ngày "
            f"{_day(on)}. Hãy sửa ngày hiệu lực.",
            f"The loan rule “{key or kind}” has {len(values)} different values in force on "
            f"{on.isoformat()}. Correct the validity dates.")
    return found[0]


def series_rate(rules: Sequence[LoanRule], key: str, on: date) -> Decimal:
    return _single(rules, SERIES, on, key).value


def rule_rate(rules: Sequence[LoanRule], rule: LoanRule, on: date) -> Decimal:
    """The yearly percent a ``loan_rate`` rule gives on ``on``."""
    if rule.value_kind == MULTIPLE_OF:
        return rule.value * series_rate(rules, rule.base, on)
    return rule.value


def format_pct(value: Decimal) -> str:
    """``Decimal('7.9248')`` -> ``"7,9248"``; ``Decimal('6.240')`` -> ``"6,24"``."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


@dataclass(frozen=True)
class RateDecision:
    rate_pct_year: Decimal
    rule: LoanRule
    because: frozenset[str]  # the facts that made the rule apply (empty: applies to all)

    @property
    def basis(self) -> str:
        """``"NĐ 338/2025/NĐ-CP, Điều 15: 127% lãi suất hộ nghèo"`` (+ why, when facts)."""
        text = f"{self.rule.legal_basis}: {self.rule.label_vi}"
        if self.because:
            text += " (" + ", ".join(FACT_LABELS_VI[f] for f in sorted(self.because)) + ")"
        return text


def decide_rate(rules: Sequence[LoanRule], borrower: BorrowerFacts, on: date) -> RateDecision:
    """The most favourable loan rate among the rules in force on ``on`` that fit."""
    facts = borrower.facts()
    candidates = []
    for rule in rules:
        if rule.kind != LOAN_RATE or not rule.in_force(on):
            continue
        clause = matching_clause(rule, facts)
        if clause is not None:
            # Lowest rate wins; on a tie the rule with more conditions (the one written
            # for this borrower) is the one quoted, then the key, so the choice is stable.
            candidates.append((rule_rate(rules, rule, on), -len(clause), rule.key, rule, clause))
    if not candidates:
        raise UserError(
            f"Không có quy định lãi suất cho vay nào áp dụng cho người vay này ngày {_day(on)}. "
            "Hãy bổ sung trong Quy định cho vay.",
            f"No loan-rate rule fits this borrower on {on.isoformat()}. Add one under "
            "Loan rules.")
    rate, _, _, rule, clause = min(candidates, key=lambda c: c[:3])
    return RateDecision(rate, rule, clause)


def overdue_multiplier_pct(rules: Sequence[LoanRule], on: date) -> Decimal:
    """Overdue rate as a percent of the loan rate (130)."""
    return _single(rules, OVERDUE, on).value * 100


def collateral_threshold(rules: Sequence[LoanRule], on: date) -> int:
    return int(_single(rules, COLLATERAL, on).value)


def needs_collateral(rules: Sequence[LoanRule], amount_vnd: int, on: date) -> bool:
    """Collateral is required strictly above the threshold in force on ``on``."""
    return amount_vnd > collateral_threshold(rules, on)


@dataclass(frozen=True)
class Cap:
    limit_vnd: int
    share_pct: Decimal
    costs_vnd: int
    supported_vnd: int  # 0 when the rule in force does not subtract it
    rule: LoanRule


def loan_cap(rules: Sequence[LoanRule], costs_vnd: int, supported_vnd: int, on: date) -> Cap:
    rule = _single(rules, CAP, on)
    less = supported_vnd if rule.value_kind == PCT_COSTS_LESS_SUPPORTED else 0
    base = max(costs_vnd - less, 0)
    return Cap(int(rule.value * base / 100), rule.value, costs_vnd, less, rule)


def check_cap(rules: Sequence[LoanRule], requested_vnd: int, costs_vnd: int,
              supported_vnd: int, on: date) -> Cap:
    """Refuse a request above the cap, with the figures (field ``requested_amount``)."""
    if supported_vnd > costs_vnd:
        raise ValidationError(
            "state_supported_vnd",
            f"Phần Nhà nước hỗ trợ {format_vnd(supported_vnd)} đồng lớn hơn tổng chi phí "
            f"{format_vnd(costs_vnd)} đồng.",
            f"The state-supported amount {format_vnd(supported_vnd)} VND is more than the "
            f"total costs {format_vnd(costs_vnd)} VND.")
    cap = loan_cap(rules, costs_vnd, supported_vnd, on)
    if requested_vnd > cap.limit_vnd:
        share = format_pct(cap.share_pct)
        if cap.supported_vnd:
            how_vi = (f"{share}% × (chi phí {format_vnd(costs_vnd)} − Nhà nước hỗ trợ "
                      f"{format_vnd(cap.supported_vnd)})")
            how_en = (f"{share}% × (costs {format_vnd(costs_vnd)} − state-supported "
                      f"{format_vnd(cap.supported_vnd)})")
        else:
            how_vi = f"{share}% × chi phí {format_vnd(costs_vnd)}"
            how_en = f"{share}% × costs {format_vnd(costs_vnd)}"
        raise ValidationError(
            "requested_amount",
            f"Số tiền đề nghị vay {format_vnd(requested_vnd)} đồng vượt mức tối đa "
            f"{format_vnd(cap.limit_vnd)} đồng = {how_vi} ({cap.rule.legal_basis}).",
            f"The requested {format_vnd(requested_vnd)} VND exceeds the cap of "
            f"{format_vnd(cap.limit_vnd)} VND = {how_en} ({cap.rule.legal_basis}).")
    return cap


def max_term_months(rules: Sequence[LoanRule], contract_months: int, on: date) -> int:
    rule = _single(rules, TERM_LIMIT, on)
    return int(rule.value * contract_months / 100)


@dataclass(frozen=True)
class LoanTerms:
    """What the rules fix for one loan on one day (stored on the loan)."""

    rate: RateDecision
    collateral_required: bool
    collateral_threshold_vnd: int


def loan_terms(rules: Sequence[LoanRule], borrower: BorrowerFacts, amount_vnd: int,
               on: date) -> LoanTerms:
    threshold = collateral_threshold(rules, on)
    return LoanTerms(decide_rate(rules, borrower, on), amount_vnd > threshold, threshold)


# ------------------------------------------------------------------ checking a new rule

def check_rule(rule: LoanRule, existing: Sequence[LoanRule]) -> None:
    """Refuse a rule an admin enters that the evaluation could not use (by field)."""
    if rule.kind not in RULE_KINDS:
        raise ValidationError("kind", f"Loại quy định “{rule.kind}” không hợp lệ.",
                              f"Unknown rule kind “{rule.kind}”.")
    if not rule.key.strip():
        raise ValidationError("key", "Hãy đặt mã cho quy định.", "Give the rule a key.")
    if rule.value_kind not in VALUE_KINDS[rule.kind]:
        raise ValidationError(
            "value_kind", f"Quy định loại {rule.kind} không dùng cách tính “{rule.value_kind}”.",
            f"A {rule.kind} rule cannot use “{rule.value_kind}”.")
    if not rule.value.is_finite() or rule.value < 0:
        raise ValidationError("value", "Giá trị phải là số không âm.",
                              "The value must be a non-negative number.")
    if rule.valid_from and rule.valid_to and rule.valid_from > rule.valid_to:
        raise ValidationError("valid_to", "Ngày hết hiệu lực trước ngày bắt đầu.",
                              "The end date is before the start date.")
    parse_conditions(rule.conditions)
    if rule.value_kind == MULTIPLE_OF:
        wanted = LOAN_RATE_BASE if rule.kind == OVERDUE else rule.base
        if rule.kind == OVERDUE and rule.base != LOAN_RATE_BASE:
            raise ValidationError("base", "Lãi quá hạn tính theo lãi suất cho vay (loan_rate).",
                                  "An overdue rule is a multiple of loan_rate.")
        if rule.kind == LOAN_RATE and not any(
                r.kind == SERIES and r.key == wanted for r in [*existing, rule]):
            raise ValidationError(
                "base", f"Không có lãi suất công bố “{wanted}” để làm cơ sở.",
                f"There is no published series “{wanted}” to use as the base.")
    if not rule.legal_basis.strip():
        raise ValidationError("legal_basis", "Hãy ghi căn cứ pháp lý (văn bản, điều).",
                              "State the legal basis (document, article).")
