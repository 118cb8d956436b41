"""Loan rules by date on the borrower's facts (domain.loan_rules with the shipped rules):
both sides of 1 Dec 2025 (Decision 2553/QĐ-TTg) and 1 Jan 2026 (Decree 338/2025/NĐ-CP)
for each kind of borrower."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from sonla_desktop.domain.loan_rules import (
    BorrowerFacts,
    LoanRule,
    check_cap,
    check_rule,
    decide_rate,
    describe_conditions,
    loan_cap,
    max_term_months,
    needs_collateral,
    overdue_multiplier_pct,
    parse_conditions,
)
from sonla_desktop.errors import UserError, ValidationError
from sonla_desktop.services.loan_rules import shipped_loan_rules

RULES = shipped_loan_rules()
DAYS = (date(2025, 11, 30), date(2025, 12, 1), date(2025, 12, 31), date(2026, 1, 1))
THAI, KINH = "03", "01"

# borrower kind -> facts, then the rate on each of DAYS.
KINDS = {
    "poor ethnic minority": (BorrowerFacts("poor", THAI, False),
                             ("6.6", "6.24", "6.24", "6.24")),
    "non-poor ethnic minority": (BorrowerFacts("none", THAI, False),
                                 ("6.6", "6.24", "6.24", "7.9248")),
    "near-poor ethnic minority": (BorrowerFacts("near_poor", THAI, False),
                                  ("6.6", "6.24", "6.24", "7.9248")),
    "poor Kinh in a poor area": (BorrowerFacts("poor", KINH, True),
                                 ("6.6", "6.24", "6.24", "6.24")),
    "poor Kinh elsewhere": (BorrowerFacts("poor", KINH, False),
                            ("6.6", "6.24", "6.24", "7.9248")),
    "near-poor Kinh": (BorrowerFacts("near_poor", KINH, False),
                       ("6.6", "6.24", "6.24", "7.9248")),
    "Kinh whose land was revoked": (BorrowerFacts("none", KINH, False, land_revoked=True),
                                    ("6.6", "6.24", "6.24", "7.9248")),
    "other Kinh": (BorrowerFacts("none", KINH, False), ("7.92", "7.488", "7.488", "7.9248")),
    "ethnicity not recorded": (BorrowerFacts("none", None, False),
                               ("7.92", "7.488", "7.488", "7.9248")),
}


@pytest.mark.parametrize("kind", KINDS)
def test_rate_on_both_sides_of_each_change(kind):
    facts, expected = KINDS[kind]
    got = tuple(decide_rate(RULES, facts, d).rate_pct_year for d in DAYS)
    assert got == tuple(Decimal(x) for x in expected)


def test_the_basis_names_the_rule_and_the_facts_that_made_it_apply():
    poor_thai = decide_rate(RULES, KINDS["poor ethnic minority"][0], date(2026, 1, 1))
    assert poor_thai.basis == ("NĐ 338/2025/NĐ-CP, Điều 15: lãi suất hộ nghèo "
                               "(người dân tộc thiểu số, hộ nghèo)")
    thai = decide_rate(RULES, KINDS["non-poor ethnic minority"][0], date(2026, 1, 1))
    assert thai.basis == "NĐ 338/2025/NĐ-CP, Điều 15: 127% lãi suất hộ nghèo"
    kinh = decide_rate(RULES, KINDS["poor Kinh in a poor area"][0], date(2026, 2, 1))
    assert kinh.rule.key == "labour_export_poor_kinh_area"
    before = decide_rate(RULES, KINDS["non-poor ethnic minority"][0], date(2025, 12, 31))
    assert before.basis == ("NĐ 61/2015/NĐ-CP, NĐ 74/2019/NĐ-CP: lãi suất hộ nghèo cho đối "
                            "tượng ưu tiên (người dân tộc thiểu số)")


def test_a_new_poor_household_rate_moves_both_rates_that_refer_to_it():
    cut = LoanRule("poor_household_rate", "series", date(2026, 7, 1), None, "any",
                   "percent_year", Decimal("6"), "", "QĐ mới", "lãi suất cho vay hộ nghèo")
    rules = [replace(r, valid_to=date(2026, 6, 30)) if r.key == "poor_household_rate"
             and r.valid_to is None else r for r in RULES] + [cut]
    on = date(2026, 7, 1)
    assert decide_rate(rules, KINDS["poor ethnic minority"][0], on).rate_pct_year == 6
    assert decide_rate(rules, KINDS["other Kinh"][0], on).rate_pct_year == Decimal("7.62")
    assert decide_rate(rules, KINDS["other Kinh"][0], date(2026, 6, 30)).rate_pct_year == \
        Decimal("7.9248")


def test_the_most_favourable_rule_applies_whatever_order_the_rows_come_in():
    facts = KINDS["poor ethnic minority"][0]
    assert decide_rate(list(reversed(RULES)), facts, date(2026, 3, 1)).rule.key == \
        "labour_export_poor_ethnic"


def test_overdue_is_130_percent_of_the_loan_rate_on_both_sides():
    for day in DAYS:
        assert overdue_multiplier_pct(RULES, day) == 130


@pytest.mark.parametrize(("amount", "on", "required"), [
    (250_000_000, date(2026, 1, 1), True),
    (150_000_000, date(2026, 1, 1), False),
    (200_000_000, date(2026, 5, 1), False),  # "above" 200 million: 200 million itself is not
    (200_000_001, date(2026, 5, 1), True),
    (60_000_000, date(2025, 12, 31), True),  # Decree 61's 50 million until 2025
    (50_000_000, date(2025, 12, 31), False),
])
def test_collateral_threshold_by_date(amount, on, required):
    assert needs_collateral(RULES, amount, on) is required


def test_the_2026_cap_leaves_out_what_the_state_budget_supports():
    cap = loan_cap(RULES, 100_000_000, 8_530_000, date(2026, 1, 1))
    assert (cap.limit_vnd, cap.supported_vnd) == (91_470_000, 8_530_000)
    check_cap(RULES, 91_470_000, 100_000_000, 8_530_000, date(2026, 1, 1))
    with pytest.raises(ValidationError) as err:
        check_cap(RULES, 95_000_000, 100_000_000, 8_530_000, date(2026, 1, 1))
    assert err.value.field == "requested_amount"
    assert err.value.vi == ("Số tiền đề nghị vay 95.000.000 đồng vượt mức tối đa 91.470.000 đồng = 100% × "
            "(chi phí 100.000.000 − Nhà nước hỗ trợ 8.530.000) (NĐ 338/2025/NĐ-CP, Điều 12)."
            )
    assert "91.470.000 VND" in err.value.en


def test_before_2026_the_cap_is_the_contract_costs():
    # The supported amount is not subtracted under Decrees 61/74.
    assert loan_cap(RULES, 100_000_000, 8_530_000, date(2025, 12, 31)).limit_vnd == 100_000_000


def test_supported_more_than_the_costs_is_refused_on_its_own_field():
    with pytest.raises(ValidationError) as err:
        check_cap(RULES, 1, 10_000_000, 12_000_000, date(2026, 1, 1))
    assert err.value.field == "state_supported_vnd"


def test_term_is_at_most_the_contract_term():
    assert max_term_months(RULES, 36, date(2026, 1, 1)) == 36
    assert max_term_months(RULES, 24, date(2025, 6, 1)) == 24


def test_conditions_read_as_and_before_or():
    assert parse_conditions("ethnic_minority and poor or kinh and poor and poor_area") == (
        frozenset({"ethnic_minority", "poor"}), frozenset({"kinh", "poor", "poor_area"}))
    assert parse_conditions("any") == (frozenset(),)
    assert describe_conditions("ethnic_minority and poor") == \
        "người dân tộc thiểu số và hộ nghèo"
    with pytest.raises(ValidationError) as err:
        parse_conditions("poor and rich")
    assert err.value.field == "conditions" and "“rich”" in err.value.vi


def test_no_rule_in_force_is_a_clear_error():
    with pytest.raises(UserError) as err:
        decide_rate([r for r in RULES if r.kind != "loan_rate"],
                    KINDS["other Kinh"][0], date(2026, 1, 1))
    assert "Không có quy định lãi suất cho vay" in err.value.vi


def test_two_different_values_of_one_series_on_one_day_are_refused():
    clash = replace(next(r for r in RULES if r.key == "poor_household_rate" and r.valid_from),
                    value=Decimal("5"))
    with pytest.raises(UserError) as err:
        decide_rate([*RULES, clash], KINDS["poor ethnic minority"][0], date(2026, 1, 1))
    assert "poor_household_rate" in err.value.vi


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "bonus"}, "kind"),
    ({"value_kind": "vnd"}, "value_kind"),
    ({"base": "no_such_series"}, "base"),
    ({"conditions": "poor or rich"}, "conditions"),
    ({"legal_basis": " "}, "legal_basis"),
    ({"valid_to": date(2025, 1, 1)}, "valid_to"),
    ({"value": Decimal("-1")}, "value"),
])
def test_a_rule_the_evaluation_could_not_use_is_refused(change, field):
    rule = LoanRule("labour_export_new", "loan_rate", date(2026, 2, 1), None, "poor",
                    "multiple_of", Decimal("1"), "poor_household_rate", "NĐ 338/2025", "x")
    check_rule(rule, RULES)
    with pytest.raises(ValidationError) as err:
        check_rule(replace(rule, **change), RULES)
    assert err.value.field == field
