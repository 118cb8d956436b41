"""Pure loan-application rules: input cleaning, workflow, declarations, the fast overdue
figure used by the loans list (checked against the full loan_state)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sonla_desktop.domain.loan_application import (
    COST_KINDS,
    LOAN_STATUSES,
    Declarations,
    allowed_actions,
    check_action,
    check_application,
    check_approval,
    check_disbursement,
    check_repayment_input,
    clean_application,
    decode_notes,
    encode_notes,
    frequency_label_vi,
    parse_vnd,
)
from sonla_desktop.domain.loans import (
    Payment,
    build_schedule,
    loan_state,
    months_elapsed,
    principal_due_by,
)
from sonla_desktop.domain.policy import Applicant
from sonla_desktop.errors import ValidationError
from sonla_desktop.models import loan as loan_model
from sonla_desktop.services.loan_rules import shipped_loan_rules

POOR_KINH = Applicant("poor", "01", False, False, False)
RULES = shipped_loan_rules()


def _raw(**over):
    raw = {
        "policy_group": "poor", "application_date": "05/11/2025", "contract_months": "36",
        "term_months": 36, "frequency_months": 1, "requested_vnd": "60.000.000",
        "cost_lines": [{"kind": "service_fee", "amount_vnd": "40.000.000"},
                       {"kind": "airfare", "amount_vnd": 7_500_000},
                       {"kind": "training", "amount_vnd": "12,500,000", "label": "Tiếng Trung"}],
        "market_code": "tw", "agency": "  Công ty  Tây Bắc ", "purpose": "Đi Đài Loan",
    }
    raw.update(over)
    return raw


def test_models_and_rules_agree_on_statuses_and_cost_kinds():
    assert LOAN_STATUSES == loan_model.LOAN_STATUSES
    assert COST_KINDS == loan_model.COST_KINDS


# ------------------------------------------------------------------ input

@pytest.mark.parametrize(("text", "value"), [
    ("60.000.000", 60_000_000), ("60,000,000", 60_000_000), ("60 000 000", 60_000_000),
    ("60000000", 60_000_000), ("1.250.500 đ", 1_250_500), ("0", 0), (7_500_000, 7_500_000),
    (Decimal("1000"), 1000), (2e6, 2_000_000),
])
def test_parse_vnd_accepts_the_ways_clerks_type_amounts(text, value):
    assert parse_vnd(text, "x") == value


@pytest.mark.parametrize("text", ["6.5", "60.00.000", "1,5", "abc", "", None, True, 1.5,
                                  "60.000,000", "-5"])
def test_parse_vnd_refuses_what_is_not_a_whole_amount(text):
    with pytest.raises(ValidationError) as info:
        parse_vnd(text, "requested_amount")
    assert info.value.field == "requested_amount"


def test_clean_application_normalises_and_totals_the_cost_lines():
    clean, errors = clean_application(_raw())
    assert errors == {}
    assert clean["application_date"] == date(2025, 11, 5)
    assert clean["market_code"] == "TW" and clean["agency"] == "Công ty Tây Bắc"
    assert clean["requested_amount"] == 60_000_000
    # 40,000,000 + 7,500,000 + 12,500,000 = 60,000,000
    assert clean["total_cost_vnd"] == 60_000_000
    labels = [line.label for line in clean["cost_lines"]]
    assert labels[1] == "Vé máy bay" and labels[2] == "Tiếng Trung"


def test_clean_application_reports_every_bad_field_at_once():
    _, errors = clean_application(_raw(
        policy_group="", application_date="31/02/2025", term_months="x", requested_vnd="6,5",
        cost_lines=[]))
    assert set(errors) == {"policy_group", "application_date", "term_months",
                           "requested_amount", "cost_lines"}
    assert "Ngày không hợp lệ" in errors["application_date"].vi


def test_a_cost_line_must_be_positive_and_of_a_known_kind():
    _, errors = clean_application(_raw(cost_lines=[{"kind": "airfare", "amount_vnd": 0}]))
    assert "Dòng chi phí 1" in errors["cost_lines"].vi
    _, errors = clean_application(_raw(cost_lines=[{"kind": "bribe", "amount_vnd": 5}]))
    assert errors["cost_lines"].field == "cost_lines"


def test_principal_period_cannot_exceed_the_term():
    _, errors = clean_application(_raw(term_months=12, frequency_months=24))
    assert set(errors) == {"frequency_months"}


def test_check_application_names_each_broken_rule():
    clean, _ = clean_application(_raw(requested_vnd="60.000.001", term_months=48,
                                      policy_group="ethnic_minority"))
    errors = check_application(clean, POOR_KINH, RULES)
    assert set(errors) == {"policy_group", "requested_amount", "term_months"}
    assert "60.000.001" in errors["requested_amount"].vi
    assert "Hộ nghèo" in errors["policy_group"].vi  # says what the borrower does qualify for


def test_check_application_passes_a_sound_application():
    clean, _ = clean_application(_raw())
    assert check_application(clean, POOR_KINH, RULES) == {}


# ------------------------------------------------------------------ declarations

def test_declarations_round_trip_through_the_notes_text():
    notes = encode_notes(Declarations(land_revoked=True), "Gia đình  có 2 con nhỏ")
    assert notes == "[declared] land_revoked=yes meritorious_relative=no\nGia đình có 2 con nhỏ"
    assert decode_notes(notes) == (Declarations(True, False), "Gia đình có 2 con nhỏ")
    assert decode_notes(encode_notes(Declarations(False, True), "")) == (
        Declarations(False, True), "")


def test_notes_without_a_declaration_line_are_all_free_text():
    assert decode_notes("[declared] nothing here") == (Declarations(), "[declared] nothing here")
    assert decode_notes("") == (Declarations(), "")


# ------------------------------------------------------------------ workflow

def test_the_workflow_from_draft_to_closed():
    assert check_action("draft", "submit") == "submitted"
    assert check_action("submitted", "approve") == "approved"
    assert check_action("submitted", "reject") == "rejected"
    assert check_action("approved", "disburse") == "disbursed"
    assert check_action("disbursed", "repay") == "disbursed"
    assert check_action("disbursed", "close") == "closed"
    assert allowed_actions("draft") == {"edit", "submit", "delete"}
    assert allowed_actions("closed") == set()


@pytest.mark.parametrize(("status", "action"), [
    ("draft", "disburse"), ("submitted", "disburse"), ("submitted", "edit"),
    ("approved", "repay"), ("closed", "repay"), ("rejected", "approve"), ("approved", "close"),
])
def test_actions_out_of_order_are_refused_on_the_status_field(status, action):
    with pytest.raises(ValidationError) as info:
        check_action(status, action)
    assert info.value.field == "status"


def test_disbursement_before_approval_says_why():
    with pytest.raises(ValidationError) as info:
        check_action("submitted", "disburse")
    assert "đã được duyệt" in info.value.vi and "Đã nộp" in info.value.vi


def test_approval_up_to_the_requested_amount():
    check_approval(60_000_000, 60_000_000)
    with pytest.raises(ValidationError) as info:
        check_approval(60_000_001, 60_000_000)
    assert info.value.field == "approved_vnd"


def test_disbursement_checks_dates_and_amount():
    check_disbursement(60_000_000, 60_000_000, date(2025, 11, 20), date(2025, 11, 1),
                       date(2025, 11, 20))
    for args, field in (
        ((60_000_000, 60_000_000, date(2025, 10, 31), date(2025, 11, 1)), "disbursed_on"),
        ((60_000_000, 60_000_000, date(2025, 11, 21), date(2025, 11, 1)), "disbursed_on"),
        ((60_000_001, 60_000_000, date(2025, 11, 20), date(2025, 11, 1)), "amount_vnd"),
        ((0, 60_000_000, date(2025, 11, 20), date(2025, 11, 1)), "amount_vnd"),
    ):
        with pytest.raises(ValidationError) as info:
            check_disbursement(*args, date(2025, 11, 20))
        assert info.value.field == field


def test_repayment_input_checks():
    ok = (date(2025, 12, 20), date(2025, 11, 20), date(2026, 1, 1))
    check_repayment_input(*ok, 1_000_000, 330_000, 0)
    check_repayment_input(*ok, 0, 330_000, 0)  # interest only is a real payment
    cases = [
        ((date(2025, 11, 19), date(2025, 11, 20), date(2026, 1, 1), 1, 0, 0), "paid_on"),
        ((date(2026, 1, 2), date(2025, 11, 20), date(2026, 1, 1), 1, 0, 0), "paid_on"),
        ((*ok, 0, 0, 0), "principal"),
        ((*ok, 1, -1, 0), "interest_vnd"),
    ]
    for args, field in cases:
        with pytest.raises(ValidationError) as info:
            check_repayment_input(*args)
        assert info.value.field == field


def test_frequency_labels_for_the_form():
    assert frequency_label_vi(1, 36) == "Hàng tháng"
    assert frequency_label_vi(3, 36) == "Hàng quý"
    assert frequency_label_vi(36, 36) == "Một lần khi đến hạn"
    assert frequency_label_vi(2, 36) == "2 tháng một lần"


# ------------------------------------------------------------------ fast overdue figure

def test_months_elapsed_counts_due_dates_strictly_before():
    start = date(2025, 1, 31)  # due dates 28/02, 31/03, 30/04 …
    assert months_elapsed(start, date(2025, 2, 28)) == 0
    assert months_elapsed(start, date(2025, 3, 1)) == 1
    assert months_elapsed(start, date(2025, 3, 31)) == 1
    assert months_elapsed(start, date(2025, 4, 1)) == 2
    assert months_elapsed(start, date(2024, 12, 1)) == 0


def test_principal_due_by_hand():
    # 60,000,000 over 36 months from 20/11/2025: 1,666,666 a month.
    assert principal_due_by(60_000_000, date(2025, 11, 20), 36, 1, date(2025, 12, 20)) == 0
    assert principal_due_by(60_000_000, date(2025, 11, 20), 36, 1, date(2025, 12, 21)) \
        == 1_666_666
    # Quarterly, 12 months, 100,000,000: by 6/6/2026 months 3 (5/3) and 6 (5/6) are due…
    assert principal_due_by(100_000_000, date(2025, 12, 5), 12, 3, date(2026, 6, 6)) \
        == 50_000_000
    # …and after maturity everything is.
    assert principal_due_by(100_000_000, date(2025, 12, 5), 12, 3, date(2027, 1, 1)) \
        == 100_000_000


@settings(max_examples=300, deadline=None)
@given(
    principal=st.integers(min_value=1, max_value=10**9),
    term=st.integers(min_value=1, max_value=60),
    frequency=st.sampled_from([1, 3, 6, 0]),
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    offset=st.integers(min_value=0, max_value=2000),
    paid_share=st.floats(min_value=0, max_value=1),
)
def test_fast_overdue_equals_loan_state(principal, term, frequency, start, offset, paid_share):
    from datetime import timedelta

    frequency = term if frequency == 0 else min(frequency, term)
    as_of = start + timedelta(days=offset)
    schedule = build_schedule(principal, Decimal("6.6"), start, term, frequency)
    due = principal_due_by(principal, start, term, frequency, as_of)
    assert due == sum(i.principal_vnd for i in schedule if i.due_date < as_of)
    paid = int(principal * paid_share)
    pays = [Payment(start, paid, 0)] if paid else []
    state = loan_state(schedule, pays, Decimal("6.6"), Decimal(130), as_of, disbursed_on=start)
    assert max(0, due - paid) == state.overdue_principal_vnd
