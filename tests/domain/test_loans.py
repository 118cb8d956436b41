from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sonla_desktop.domain.loans import (
    Instalment,
    Payment,
    add_months,
    build_schedule,
    check_amount,
    check_term,
    loan_state,
    monthly_rate_pct,
    needs_collateral,
    validate_repayment,
)
from sonla_desktop.domain.policy import DEFAULT_PARAMS, MAX_LOAN_SHARE_PCT, PolicyParam
from sonla_desktop.errors import ValidationError

R66 = Decimal("6.6")
R624 = Decimal("6.24")
M130 = Decimal("130")


# ------------------------------------------------------------------------ limits


def test_loan_may_cover_the_full_contract_costs_but_not_more():
    check_amount(60_000_000, 60_000_000, DEFAULT_PARAMS, date(2025, 11, 20))
    with pytest.raises(ValidationError) as info:
        check_amount(60_000_001, 60_000_000, DEFAULT_PARAMS, date(2025, 11, 20))
    err = info.value
    assert err.field == "requested_amount"
    assert "60.000.001" in err.vi and "60.000.000" in err.vi and "100%" in err.vi


def test_the_share_of_costs_comes_from_the_policy_data():
    # A hypothetical decree allowing 80 %: 48,000,000 of 60,000,000 is the limit.
    params = [PolicyParam(MAX_LOAN_SHARE_PCT, Decimal("80"), None, None, "test")]
    check_amount(48_000_000, 60_000_000, params, date(2026, 1, 1))
    with pytest.raises(ValidationError) as info:
        check_amount(48_000_001, 60_000_000, params, date(2026, 1, 1))
    assert "48.000.000" in info.value.vi and "80%" in info.value.en


@pytest.mark.parametrize("requested", [0, -5_000_000])
def test_requested_amount_must_be_positive(requested):
    with pytest.raises(ValidationError) as info:
        check_amount(requested, 60_000_000, DEFAULT_PARAMS, date(2025, 11, 20))
    assert info.value.field == "requested_amount"


def test_collateral_threshold_depends_on_the_application_date():
    # Decree 61: above 50M until 31 Dec 2025; Decree 338: above 200M from 1 Jan 2026.
    assert needs_collateral(60_000_000, DEFAULT_PARAMS, date(2025, 11, 20))
    assert not needs_collateral(60_000_000, DEFAULT_PARAMS, date(2026, 2, 1))
    assert needs_collateral(250_000_000, DEFAULT_PARAMS, date(2026, 2, 1))
    # "Above" the threshold: exactly the threshold needs none.
    assert not needs_collateral(50_000_000, DEFAULT_PARAMS, date(2025, 12, 31))
    assert not needs_collateral(200_000_000, DEFAULT_PARAMS, date(2026, 1, 1))


def test_term_no_longer_than_the_contract():
    check_term(36, 36)
    with pytest.raises(ValidationError) as info:
        check_term(37, 36)
    assert info.value.field == "term_months"


# ---------------------------------------------------------------------- schedule


def test_monthly_rate():
    assert monthly_rate_pct(R66) == Decimal("0.55")
    assert monthly_rate_pct(R624) == Decimal("0.52")


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 1, 31), 2) == date(2025, 3, 31)
    assert add_months(date(2025, 11, 20), 2) == date(2026, 1, 20)
    assert add_months(date(2026, 1, 20), -2) == date(2025, 11, 20)


def test_monthly_schedule_taiwan_loan_at_6_6():
    # 60,000,000 over 12 months: 5,000,000 principal a month.
    # Interest = balance × 0.55 %: 330,000; 302,500; 275,000; ... 27,500.
    s = build_schedule(60_000_000, R66, date(2025, 11, 20), 12)
    assert len(s) == 12
    assert s[0] == Instalment(1, date(2025, 12, 20), 5_000_000, 330_000, 55_000_000)
    assert s[1] == Instalment(2, date(2026, 1, 20), 5_000_000, 302_500, 50_000_000)
    assert s[11] == Instalment(12, date(2026, 11, 20), 5_000_000, 27_500, 0)
    # Σ interest = 27,500 × (12 + 11 + ... + 1) = 27,500 × 78 = 2,145,000.
    assert sum(i.interest_vnd for i in s) == 2_145_000


def test_rate_in_force_at_disbursement_sets_the_first_interest():
    # Disbursed 5 Dec 2025 at 6.24 %: 60,000,000 × 0.52 % = 312,000.
    s = build_schedule(60_000_000, R624, date(2025, 12, 5), 12)
    assert s[0].interest_vnd == 312_000


def test_quarterly_principal_with_monthly_interest():
    # 100,000,000 at 6.24 %, 12 months, principal every 3 months: 25,000,000 × 4.
    # Interest a month: 520,000 on 100M, 390,000 on 75M, 260,000 on 50M, 130,000 on 25M.
    s = build_schedule(100_000_000, R624, date(2025, 12, 5), 12, 3)
    assert [i.principal_vnd for i in s] == [0, 0, 25_000_000] * 4
    assert [i.interest_vnd for i in s] == (
        [520_000] * 3 + [390_000] * 3 + [260_000] * 3 + [130_000] * 3
    )
    assert s[2].balance_after_vnd == 75_000_000


def test_single_repayment_at_maturity():
    s = build_schedule(60_000_000, R66, date(2025, 11, 20), 12, 12)
    assert [i.principal_vnd for i in s] == [0] * 11 + [60_000_000]
    assert all(i.interest_vnd == 330_000 for i in s)


def test_term_not_a_multiple_of_the_frequency_repays_the_rest_at_maturity():
    s = build_schedule(60_000_000, R66, date(2025, 11, 20), 10, 3)
    assert [i.number for i in s if i.principal_vnd] == [3, 6, 9, 10]
    assert {i.principal_vnd for i in s if i.principal_vnd} == {15_000_000}


def test_last_instalment_absorbs_the_rounding():
    # 10,000,000 / 3 = 3,333,333 r 1. Interest: 55,000; 6,666,667 × 0.55 % = 36,666.67
    # -> 36,667; 3,333,334 × 0.55 % = 18,333.34 -> 18,333.
    s = build_schedule(10_000_000, R66, date(2025, 11, 20), 3)
    assert [i.principal_vnd for i in s] == [3_333_333, 3_333_333, 3_333_334]
    assert [i.interest_vnd for i in s] == [55_000, 36_667, 18_333]


def test_interest_rounds_half_up():
    # 3,000 × 0.55 % = 16.5 -> 17 (banker's rounding would give 16).
    assert build_schedule(3_000, R66, date(2025, 11, 20), 1)[0].interest_vnd == 17


def test_due_dates_keep_the_disbursement_day_clamped_to_month_end():
    s = build_schedule(3_000_000, R66, date(2024, 1, 31), 3)
    assert [i.due_date for i in s] == [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((0, R66, date(2025, 1, 1), 12, 1), "principal"),
        ((1_000_000, R66, date(2025, 1, 1), 0, 1), "term_months"),
        ((1_000_000, R66, date(2025, 1, 1), 12, 0), "frequency_months"),
        ((1_000_000, R66, date(2025, 1, 1), 12, 13), "frequency_months"),
    ],
)
def test_schedule_refuses_impossible_input(args, field):
    with pytest.raises(ValidationError) as info:
        build_schedule(*args)
    assert info.value.field == field


@settings(max_examples=200, deadline=None)
@given(
    principal=st.integers(min_value=1, max_value=10**10),
    term=st.integers(min_value=1, max_value=60),
    frequency=st.sampled_from([1, 3, 6, 0]),  # 0 stands for "at maturity"
    rate=st.decimals(min_value=0, max_value=20, places=2),
    day=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
)
def test_schedule_properties(principal, term, frequency, rate, day):
    frequency = term if frequency == 0 else min(frequency, term)
    s = build_schedule(principal, rate, day, term, frequency)
    assert len(s) == term
    assert sum(i.principal_vnd for i in s) == principal
    balances = [principal] + [i.balance_after_vnd for i in s]
    assert all(b >= 0 for b in balances)
    assert all(a >= b for a, b in zip(balances, balances[1:], strict=False))
    assert balances[-1] == 0
    assert all(a.due_date < b.due_date for a, b in zip(s, s[1:], strict=False))
    assert all(i.interest_vnd >= 0 for i in s)


# -------------------------------------------------------------------- loan state

TAIWAN = build_schedule(60_000_000, R66, date(2025, 11, 20), 12)


def _state(payments, as_of, schedule=TAIWAN, disbursed_on=date(2025, 11, 20), rate=R66):
    return loan_state(schedule, payments, rate, M130, as_of, disbursed_on=disbursed_on)


def test_paid_on_time_owes_exactly_the_scheduled_interest():
    paid = [Payment(date(2025, 12, 20), 5_000_000, 330_000)]
    st_ = _state(paid, date(2026, 1, 20))
    # Month 1: 330,000; month 2 (31 days, 55M whole month): 302,500.
    assert st_.interest_accrued_vnd == 632_500
    assert st_.interest_paid_vnd == 330_000
    assert st_.interest_due_vnd == 302_500
    assert st_.outstanding_vnd == 55_000_000
    assert st_.principal_paid_vnd == 5_000_000
    # Due today is not overdue yet.
    assert (st_.overdue_principal_vnd, st_.overdue_days, st_.overdue_interest_vnd) == (0, 0, 0)
    assert st_.next_due == TAIWAN[1]


def test_due_today_is_not_overdue():
    st_ = _state([], date(2025, 12, 20))
    assert st_.overdue_principal_vnd == 0
    assert st_.interest_due_vnd == 330_000
    assert st_.next_due == TAIWAN[0]


def test_missed_instalment_accrues_overdue_interest_at_130_percent():
    st_ = _state([], date(2026, 1, 4))
    # Instalment 1 (5,000,000, due 20 Dec) unpaid: overdue 21 Dec .. 4 Jan = 15 days.
    assert st_.overdue_principal_vnd == 5_000_000
    assert st_.overdue_days == 15
    # 5,000,000 × 6.6 % × 130 % × 15 / 360 = 429,000 × 15 / 360 = 17,875.
    assert st_.overdue_interest_vnd == 17_875
    # Normal interest: month 1 whole on 60M = 330,000; month 2 has 31 days, 15 of them
    # elapsed, on the 55M still in term: 302,500 × 15 / 31 = 146,370.97 -> 146,371.
    assert st_.interest_accrued_vnd == 476_371
    assert st_.interest_due_vnd == 476_371
    assert st_.outstanding_vnd == 60_000_000
    assert st_.next_due == TAIWAN[1]


def test_late_payment_stops_overdue_interest_the_day_after():
    late = Payment(date(2025, 12, 30), 5_000_000, 330_000)
    st_ = _state([late], date(2026, 1, 20))
    # Overdue 21 .. 30 Dec = 10 days: 429,000 × 10 / 360 = 11,916.67 -> 11,917.
    assert st_.overdue_interest_vnd == 11_917
    assert st_.overdue_principal_vnd == 0 and st_.overdue_days == 0
    # The overdue 5M bore overdue, not normal, interest: month 2 is 55M × 0.55 % = 302,500.
    assert st_.interest_accrued_vnd == 632_500
    settled = Payment(date(2025, 12, 30), 5_000_000, 330_000, 11_917)
    assert _state([settled], date(2026, 1, 20)).overdue_interest_vnd == 0


def test_part_month_is_charged_by_actual_days():
    # 100,000,000 at 6.24 % disbursed 5 Dec 2025; month 1 (to 5 Jan) has 31 days.
    # On 20 Dec, 15 days: 100,000,000 × 0.52 % × 15 / 31 = 251,612.90 -> 251,613.
    s = build_schedule(100_000_000, R624, date(2025, 12, 5), 12, 3)
    st_ = _state([], date(2025, 12, 20), schedule=s, disbursed_on=date(2025, 12, 5), rate=R624)
    assert st_.interest_accrued_vnd == 251_613
    assert st_.next_due == s[0]


def test_early_repayment_reduces_interest_from_the_next_day():
    early = Payment(date(2025, 12, 10), 20_000_000, 0)
    st_ = _state([early], date(2025, 12, 20))
    # Month 1 (30 days): 20 days on 60M + 10 days on 40M = 1,600,000,000 VND·days;
    # × 0.55 % / 30 = 293,333.33 -> 293,333.
    assert st_.interest_accrued_vnd == 293_333
    assert st_.outstanding_vnd == 40_000_000
    # The prepayment covers the instalments of Dec .. Mar: nothing overdue in January.
    assert _state([early], date(2026, 1, 25)).overdue_principal_vnd == 0


def test_after_maturity_everything_unpaid_is_overdue():
    s = build_schedule(12_000_000, R66, date(2025, 1, 10), 1)
    st_ = _state([], date(2025, 3, 12), schedule=s, disbursed_on=date(2025, 1, 10))
    # Due 10 Feb; overdue 11 Feb .. 12 Mar = 18 + 12 = 30 days.
    assert st_.overdue_days == 30
    # 12,000,000 × 8.58 % × 30 / 360 = 85,800; normal interest stops at maturity: 66,000.
    assert st_.overdue_interest_vnd == 85_800
    assert st_.interest_accrued_vnd == 66_000
    assert st_.next_due is None


def test_overdue_days_count_from_the_oldest_unpaid_instalment():
    # Paid 3M of instalment 1 (5M) on time, nothing since: on 25 Jan 2026 the oldest
    # unpaid instalment is still the one due 20 Dec: 36 days, 7M overdue.
    partial = Payment(date(2025, 12, 20), 3_000_000, 330_000)
    st_ = _state([partial], date(2026, 1, 25))
    assert st_.overdue_principal_vnd == 7_000_000
    assert st_.overdue_days == 36


def test_disbursement_date_defaults_to_a_month_before_the_first_due_date():
    st_ = loan_state(TAIWAN, [], R66, M130, date(2026, 1, 4))
    assert st_ == _state([], date(2026, 1, 4))


def test_payments_after_as_of_are_ignored():
    later = Payment(date(2026, 2, 1), 5_000_000, 0)
    assert _state([later], date(2026, 1, 4)) == _state([], date(2026, 1, 4))


def test_repayment_larger_than_outstanding_is_refused():
    st_ = _state([Payment(date(2025, 12, 20), 5_000_000, 330_000)], date(2026, 1, 5))
    validate_repayment(st_, 55_000_000)
    with pytest.raises(ValidationError) as info:
        validate_repayment(st_, 55_000_001)
    assert info.value.field == "principal"
    assert "55.000.000" in info.value.vi
    with pytest.raises(ValidationError):
        validate_repayment(st_, -1)


@settings(max_examples=40, deadline=None)
@given(
    principal=st.integers(min_value=1_000_000, max_value=500_000_000),
    term=st.integers(min_value=1, max_value=36),
    frequency=st.sampled_from([1, 3, 6, 0]),
    day=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    k=st.integers(min_value=1, max_value=36),
)
def test_paying_as_scheduled_leaves_nothing_due_on_each_due_date(
    principal, term, frequency, day, k
):
    frequency = term if frequency == 0 else min(frequency, term)
    k = min(k, term)
    s = build_schedule(principal, R624, day, term, frequency)
    pays = [Payment(i.due_date, i.principal_vnd, i.interest_vnd) for i in s]
    st_ = loan_state(s, pays, R624, M130, s[k - 1].due_date, disbursed_on=day)
    assert st_.interest_accrued_vnd == sum(i.interest_vnd for i in s[:k])
    assert st_.interest_due_vnd == 0
    assert st_.outstanding_vnd == s[k - 1].balance_after_vnd
    assert (st_.overdue_principal_vnd, st_.overdue_interest_vnd) == (0, 0)
